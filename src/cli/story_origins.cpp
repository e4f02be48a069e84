#include "cli/story_origins.h"

#include <iostream>

#include "cli/config_checks.h"

namespace faultline::cli {

void AddStoryOriginOptions(CLI::App* cmd, StoryOriginOptions* options) {
  cmd->add_option("--outlets", options->outlet_files,
                  "extra known-outlet list (YAML, as data/stories/outlets.yaml) for finding origins")
      ->allow_extra_args(false)
      ->check(OutletFile());
  cmd->add_flag("--no-stories", options->disabled,
                "count every document as an independent origin (no story clustering)");
}

bool StoryOriginCollector::Start(const StoryOriginOptions& options, const std::string& db) {
  if (options.disabled) return true;
  if (!db.empty()) {
    StoreOptions so;
    so.create_if_missing = false;
    so.read_only = true;
    Result<std::unique_ptr<Store>> opened = Store::Open(db, so);
    if (!opened.ok()) {
      std::cerr << opened.status().ToString() << "\n";
      return false;
    }
    store_ = std::move(opened).value();
  }
  Status s = collector_.Start(options.outlet_files, store_.get());
  if (!s.ok()) {
    std::cerr << s.ToString() << "\n";
    return false;
  }
  started_ = true;
  return true;
}

bool StoryOriginCollector::Finish(map::OriginOf* origins) {
  Result<map::OriginOf> o = collector_.Finish(store_.get());
  if (!o.ok()) {
    std::cerr << o.status().ToString() << "\n";
    return false;
  }
  *origins = std::move(o).value();
  return true;
}

std::function<void(const Document&)> StoryOriginCollector::Hook() {
  if (!started_) return {};
  return [this](const Document& d) { collector_.Add(d); };
}

std::function<bool(const Document&)> StoryOriginCollector::HookWithoutText() {
  if (!started_) return {};
  return [this](const Document& d) { return collector_.AddWithoutText(d); };
}

}  // namespace faultline::cli
