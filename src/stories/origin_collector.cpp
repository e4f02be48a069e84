#include "stories/origin_collector.h"

#include "stories/sources_bytes.h"
#include "stories/story_store.h"
#include "util/hash.h"

namespace faultline::stories {

Status OriginCollector::Start(const std::vector<std::string>& outlet_files, const Store* store,
                              bool stored_results) {
  Result<StoriesData> data = StoriesData::Load(outlet_files);
  if (!data.ok()) return data.status();
  FieldHasher stamp;
  stamp.Add("origin-results-1");
  stamp.Add(SettingsFingerprint(*data->model));
  stamp.Add(data->sources_fingerprint);
  results_stamp_ = stamp.Hex();
  outlets_ = data->outlets;
  sources_fingerprint_ = data->sources_fingerprint;
  if (store != nullptr && stored_results && store->has_story_results()) {
    Result<std::optional<StoredResults>> read = store->StoryResults();
    if (!read.ok()) return read.status();
    std::optional<OriginTable> table;
    if (*read && (*read)->stamp == results_stamp_) table = OriginTableFromBytes((*read)->bytes);
    if (table) {
      stored_table_ = std::make_shared<const OriginTable>(std::move(*table));
      return Status::Ok();
    }
  }
  if (store != nullptr) {
    Result<StoredStories> read = ReadStoredSummaries(*store, *data->model);
    if (!read.ok()) return read.status();
    stored_ = std::move(read).value();
  }
  builder_.emplace(std::move(data).value());
  builder_->set_origins_only(true);  // the map needs origins, not framing or deltas
  // Most documents added have a stored story (all of them on a database `ingest` keeps).
  builder_->Reserve(stored_.by_doc.size());
  return Status::Ok();
}

void OriginCollector::Add(const Document& doc) {
  if (stored_table_) {
    ++documents_;
    return;
  }
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
  if (stored_table_) {
    ++documents_;
    return true;
  }
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

Result<OriginCollector::Finished> OriginCollector::FinishTable(const Store* store) {
  if (stored_table_) {
    if (documents_ == 0) return Finished{};
    // The store's triggers drop the result whenever a document or story entry changes,
    // so the documents listed are those it was made of, unless a writer committed between
    // the result's read and the listing's.
    if (documents_ != stored_table_->documents.size())
      return Status::Error("the stored stories' result is of " + std::to_string(stored_table_->documents.size()) +
                           " documents, and " + std::to_string(documents_) +
                           " were read (the database changed while it was read): try again");
    // The document outlets become known names in the order the stories met them, as
    // StoryBuilder::Add makes them known: a statement's source resolves alike.
    for (const OriginTable::Document& d : stored_table_->documents) outlets_->AddName(d.outlet);
    return Finished{stored_table_, outlets_};
  }
  if (!builder_ || documents_ == 0) return Finished{};
  if (builder_->NeedsStoredProfiles()) {
    if (store == nullptr) return Status::Error("the stored stories' profiles are needed, and no database was given");
    Status st = builder_->ReadStoredProfiles(*store);
    if (!st.ok()) return st;
  }
  const StoryCollection collection = builder_->Finish();
  builder_.reset();
  return Finished{std::make_shared<const OriginTable>(OriginTableOf(collection, *outlets_)), outlets_};
}

Result<map::OriginOf> OriginCollector::Finish(const Store* store) {
  Result<Finished> finished = FinishTable(store);
  if (!finished.ok()) return finished.status();
  if (!finished->table) return map::OriginOf();
  // The index points into the table and the outlet list: the function keeps both.
  auto index = std::make_shared<const OriginIndex>(finished->table.get(), finished->outlets.get());
  std::shared_ptr<const OriginTable> table = finished->table;
  std::shared_ptr<const OutletList> outlets = finished->outlets;
  return map::OriginOf([index, table, outlets](const Statement& s) {
    const OriginLabel o = index->Of(s);
    return map::OriginRef{o.key, o.label};
  });
}

}  // namespace faultline::stories
