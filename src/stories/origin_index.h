// The independent origin of each statement, for the map and `why`: the origin key of
// its document's place in a story (stories.h), or of the outlet its source names.
// Statements of documents the stories do not know count as their document's own.
#pragma once

#include <string>
#include <unordered_map>

#include "statements/statement.h"
#include "stories/stories.h"

namespace faultline::stories {

struct OriginLabel {
  std::string key;    // "S2/Bloomberg"
  std::string label;  // "Bloomberg (story S2, 2022-03-28)"
};

class OriginIndex {
 public:
  // Keeps pointers: `stories` and `outlets` must outlive the index.
  OriginIndex(const StoryCollection* stories, const OutletList* outlets);
  OriginLabel Of(const Statement& s) const;

 private:
  const StoryCollection* stories_;
  const OutletList* outlets_;
  std::unordered_map<std::string, size_t> by_name_;  // StatementDocName -> document
};

}  // namespace faultline::stories
