#include "cli/story_origins.h"

#include <iostream>

namespace faultline::cli {

void AddStoryOriginOptions(CLI::App* cmd, StoryOriginOptions* options) {
  cmd->add_option("--outlets", options->outlet_files,
                  "extra known-outlet list (YAML, as data/stories/outlets.yaml) for finding origins")
      ->allow_extra_args(false);
  cmd->add_flag("--no-stories", options->disabled,
                "count every document as an independent origin (no story clustering)");
}

bool StoryOriginCollector::Start(const StoryOriginOptions& options, const std::string& db) {
  if (options.disabled) return true;
  Result<stories::StoriesData> data = stories::StoriesData::Load(options.outlet_files);
  if (!data.ok()) {
    std::cerr << data.status().ToString() << "\n";
    return false;
  }
  if (!db.empty()) {
    StoreOptions so;
    so.create_if_missing = false;
    so.read_only = true;
    Result<std::unique_ptr<Store>> store = Store::Open(db, so);
    if (!store.ok()) {
      std::cerr << store.status().ToString() << "\n";
      return false;
    }
    Result<stories::StoredStories> read = stories::ReadStoredStories(**store, *data->model);
    if (!read.ok()) {
      std::cerr << read.status().ToString() << "\n";
      return false;
    }
    stored_ = std::move(read).value();
  }
  outlets_ = data->outlets;
  builder_.emplace(std::move(data).value());
  return true;
}

std::function<void(const Document&)> StoryOriginCollector::Hook() {
  if (!builder_) return {};
  return [this](const Document& d) {
    auto it = stored_.by_doc.find(d.id);
    if (it != stored_.by_doc.end()) builder_->AddStored(d, it->second);
    else builder_->Add(d);
    ++documents_;
  };
}

map::OriginOf StoryOriginCollector::Finish() {
  if (!builder_ || documents_ == 0) return {};
  collection_ = std::make_shared<const stories::StoryCollection>(builder_->Finish());
  index_ = std::make_shared<const stories::OriginIndex>(collection_.get(), outlets_.get());
  std::shared_ptr<const stories::OriginIndex> index = index_;
  std::shared_ptr<const stories::StoryCollection> keep = collection_;
  return [index, keep](const Statement& s) {
    const stories::OriginLabel o = index->Of(s);
    return map::OriginRef{o.key, o.label};
  };
}

}  // namespace faultline::cli
