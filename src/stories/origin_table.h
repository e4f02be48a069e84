// The finished result of the stories as the map reads it: per document, its story and
// the independent origin it counts for; per story, when each outlet of it reported.
// Computed from a StoryCollection (OriginTableOf), or read back from the store, where
// `ingest` keeps it (origin_results.h) so that `serve` starts without clustering again.
// OriginIndex answers from it either way, so both give the same origins.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stories/outlets.h"
#include "stories/stories.h"

namespace faultline::stories {

struct OriginTable {
  struct Document {
    std::string statement_name;  // what its statements name it (StatementDocName)
    std::string outlet;          // its outlet field: a known outlet name from then on (AddName)
    std::string self;            // the canonical outlet it was resolved to, "" when none
    std::string origin_key;      // the independent origin it counts for ("S2/Bloomberg")
    uint32_t story = 0;          // index into `stories`
  };
  // For a story's labels: the date an outlet reported, the story's origin's first and
  // then each member's chain end, in member order.
  struct Story {
    std::string id;  // "S2"
    std::string origin_outlet, origin_date;
    std::vector<std::pair<std::string, std::string>> ends;  // outlet, date; first per outlet
  };
  std::vector<Document> documents;  // in the order they were added
  std::vector<Story> stories;
};

// What the map needs of `c`; `outlets` is the list its sources index into.
OriginTable OriginTableOf(const StoryCollection& c, const OutletList& outlets);

// The byte form kept in the store; nullopt for bytes that are cut, corrupt or of
// another format (the reader then computes the stories again).
std::string OriginTableToBytes(const OriginTable& t);
std::optional<OriginTable> OriginTableFromBytes(std::string_view bytes);

}  // namespace faultline::stories
