// Independent origins for `map` and `why`: the stories of the documents they read
// (src/stories/), so that relays of one report count as one origin. Owned by the
// stories stage; --no-stories counts every document as its own origin.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ingest/document.h"
#include "map/map.h"
#include "stories/origin_collector.h"

namespace faultline::cli {

struct StoryOriginOptions {
  std::vector<std::string> outlet_files;  // --outlets
  bool disabled = false;                  // --no-stories
};

// Adds --outlets FILE and --no-stories.
void AddStoryOriginOptions(CLI::App* cmd, StoryOriginOptions* options);

class StoryOriginCollector {
 public:
  // Loads the stories data, and with a database (`db` non-empty) the stories stored
  // in it; false (the problem printed on stderr) when it cannot.
  bool Start(const StoryOriginOptions& options, const std::string& db = {});
  // For AnalysisOptions::on_document; empty when stories are off.
  std::function<void(const Document&)> Hook();
  // For AnalysisOptions::on_document_without_text: documents with a usable stored
  // story need no text. Empty when stories are off.
  std::function<bool(const Document&)> HookWithoutText();
  // The origin of each statement, from the stories of every document seen; empty when
  // stories are off or no document was seen (statements from --statements only). False
  // (the problem printed on stderr) when the stored stories could not be read.
  bool Finish(map::OriginOf* origins);

 private:
  bool started_ = false;
  // The database the stored stories came from, kept open for Finish, which reads their
  // full profiles only when a document without a stored story must be clustered.
  std::unique_ptr<Store> store_;
  stories::OriginCollector collector_;
};

}  // namespace faultline::cli
