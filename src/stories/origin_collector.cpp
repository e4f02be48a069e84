#include "stories/origin_collector.h"

#include "stories/sources_bytes.h"

namespace faultline::stories {

Status OriginCollector::Start(const std::vector<std::string>& outlet_files, const Store* store) {
  Result<StoriesData> data = StoriesData::Load(outlet_files);
  if (!data.ok()) return data.status();
  if (store != nullptr) {
    Result<StoredStories> read = ReadStoredSummaries(*store, *data->model);
    if (!read.ok()) return read.status();
    stored_ = std::move(read).value();
  }
  outlets_ = data->outlets;
  sources_fingerprint_ = data->sources_fingerprint;
  builder_.emplace(std::move(data).value());
  builder_->set_origins_only(true);  // the map needs origins, not framing or deltas
  // Most documents added have a stored story (all of them on a database `ingest` keeps).
  builder_->Reserve(stored_.by_doc.size());
  return Status::Ok();
}

void OriginCollector::Add(const Document& doc) {
  if (!builder_) return;
  auto it = stored_.by_doc.find(doc.id);
  if (it != stored_.by_doc.end()) {
    // Each stored entry is used once: handed over, not copied (9.5k profiles at serve's start).
    StoredStory stored = std::move(it->second);
    stored_.by_doc.erase(it);
    builder_->AddStored(doc, std::move(stored));
  } else {
    builder_->Add(doc);
  }
  ++documents_;
}

bool OriginCollector::AddWithoutText(const Document& doc) {
  if (!builder_) return true;  // nothing to collect: the text is not needed either
  auto it = stored_.by_doc.find(doc.id);
  if (it == stored_.by_doc.end() || !builder_->AddStoredWithoutText(doc, it->second)) return false;
  stored_.by_doc.erase(it);
  ++documents_;
  return true;
}

Status OriginCollector::AddFound(const Document& doc, std::string_view profile, std::string_view sources) {
  if (!builder_) return Status::Error("the stories were not started");
  std::optional<StoryProfile> p = ProfileFromBytes(profile);
  std::optional<DocumentSources> s = SourcesFromBytes(sources, *outlets_, sources_fingerprint_);
  if (!p || !s)
    return Status::Error("the story profile or sources of document \"" + doc.id +
                         "\" are unreadable or were made with other outlet lists, cues or settings");
  builder_->Add(doc, std::move(*p), std::move(*s));
  ++documents_;
  return Status::Ok();
}

Result<map::OriginOf> OriginCollector::Finish(const Store* store) {
  if (!builder_ || documents_ == 0) return map::OriginOf();
  if (builder_->NeedsStoredProfiles()) {
    if (store == nullptr) return Status::Error("the stored stories' profiles are needed, and no database was given");
    Status st = builder_->ReadStoredProfiles(*store);
    if (!st.ok()) return st;
  }
  auto collection = std::make_shared<const StoryCollection>(builder_->Finish());
  builder_.reset();
  // The index points into the collection and the outlet list: the function keeps both.
  auto index = std::make_shared<const OriginIndex>(collection.get(), outlets_.get());
  std::shared_ptr<OutletList> outlets = outlets_;
  return map::OriginOf([index, collection, outlets](const Statement& s) {
    const OriginLabel o = index->Of(s);
    return map::OriginRef{o.key, o.label};
  });
}

}  // namespace faultline::stories
