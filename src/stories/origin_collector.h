// Independent origins of statements, gathered while their documents stream past: the
// stories of those documents (stored ones read back from the database, the others
// profiled and clustered), then each statement's origin through an OriginIndex. Shared
// by `map` and `why` (cli/story_origins.h), by `serve` (serve/workspace.h), and by
// `ingest`, which stores the finished result (origin_results.h) for `serve` to read.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/document.h"
#include "map/map.h"
#include "store/store.h"
#include "stories/origin_index.h"
#include "stories/origin_table.h"
#include "stories/stories.h"
#include "stories/story_store.h"
#include "util/status.h"

namespace faultline::stories {

class OriginCollector {
 public:
  // Loads the stories data (the shipped files plus `outlet_files`) and, when `store` is
  // given, the stories stored in it (read now, each profile by its summary; the store is
  // not kept). With `stored_results`, the finished result `ingest` stored is used when it
  // is current (origin_results.h): nothing is read or computed for the documents then.
  // Only for a caller that adds every document of the store as stored (no --meta).
  Status Start(const std::vector<std::string>& outlet_files, const Store* store, bool stored_results = false);
  // Whether Start found a current stored result (the documents added are then counted only).
  bool uses_stored_results() const { return stored_table_ != nullptr; }
  // Every document whose statements are mapped; one thread at a time.
  void Add(const Document& doc);
  // The same for a document read without its text (`doc.text` is not looked at): true
  // when its stored story and sources were enough; false, and nothing added, when it
  // has none usable: Add it with its text.
  bool AddWithoutText(const Document& doc);
  // A document profiled and searched for sources elsewhere (a worker of a cluster run):
  // its metadata, ProfileToBytes and SourcesToBytes; its text is not needed. An error
  // when the bytes are unreadable or were made with other outlet lists or cues.
  Status AddFound(const Document& doc, std::string_view profile, std::string_view sources);
  // The origin of each statement, from the stories of every document added; empty
  // when Start was not called or no document was added (each document its own origin).
  // `store` is the database given to Start (or another connection to it): when some
  // document has no stored story and is clustered against the stored ones, their full
  // profiles are read from it (an error without it).
  Result<map::OriginOf> Finish(const Store* store);
  // The same as a table (origin_table.h), with the outlet list it was made with.
  struct Finished {
    std::shared_ptr<const OriginTable> table;  // null when no document was added
    std::shared_ptr<const OutletList> outlets;
  };
  Result<Finished> FinishTable(const Store* store);
  // Of what makes the result besides the documents: the stories' settings, term
  // statistics, outlet lists and cues (Start must have been called).
  const std::string& results_stamp() const { return results_stamp_; }

 private:
  std::optional<StoryBuilder> builder_;
  StoredStories stored_;
  std::shared_ptr<OutletList> outlets_;
  std::string sources_fingerprint_;
  std::string results_stamp_;
  std::shared_ptr<const OriginTable> stored_table_;  // the stored result, when current
  size_t documents_ = 0;
};

}  // namespace faultline::stories
