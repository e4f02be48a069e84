// Independent origins of statements, gathered while their documents stream past: the
// stories of those documents (stored ones read back from the database, the others
// profiled and clustered), then each statement's origin through an OriginIndex. Shared
// by `map` and `why` (cli/story_origins.h) and by `serve` (serve/workspace.h).
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
#include "stories/stories.h"
#include "stories/story_store.h"
#include "util/status.h"

namespace faultline::stories {

class OriginCollector {
 public:
  // Loads the stories data (the shipped files plus `outlet_files`) and, when `store` is
  // given, the stories stored in it (read now, each profile by its summary; the store is
  // not kept).
  Status Start(const std::vector<std::string>& outlet_files, const Store* store);
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

 private:
  std::optional<StoryBuilder> builder_;
  StoredStories stored_;
  std::shared_ptr<OutletList> outlets_;
  std::string sources_fingerprint_;
  size_t documents_ = 0;
};

}  // namespace faultline::stories
