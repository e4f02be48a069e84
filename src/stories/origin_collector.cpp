#include "stories/origin_collector.h"

namespace faultline::stories {

Status OriginCollector::Start(const std::vector<std::string>& outlet_files, const Store* store) {
  Result<StoriesData> data = StoriesData::Load(outlet_files);
  if (!data.ok()) return data.status();
  if (store != nullptr) {
    Result<StoredStories> read = ReadStoredStories(*store, *data->model);
    if (!read.ok()) return read.status();
    stored_ = std::move(read).value();
  }
  outlets_ = data->outlets;
  builder_.emplace(std::move(data).value());
  return Status::Ok();
}

void OriginCollector::Add(const Document& doc) {
  if (!builder_) return;
  auto it = stored_.by_doc.find(doc.id);
  if (it != stored_.by_doc.end()) builder_->AddStored(doc, it->second);
  else builder_->Add(doc);
  ++documents_;
}

map::OriginOf OriginCollector::Finish() {
  if (!builder_ || documents_ == 0) return {};
  auto collection = std::make_shared<const StoryCollection>(builder_->Finish());
  builder_.reset();
  // The index points into the collection and the outlet list: the function keeps both.
  auto index = std::make_shared<const OriginIndex>(collection.get(), outlets_.get());
  std::shared_ptr<OutletList> outlets = outlets_;
  return [index, collection, outlets](const Statement& s) {
    const OriginLabel o = index->Of(s);
    return map::OriginRef{o.key, o.label};
  };
}

}  // namespace faultline::stories
