// The independent origin of each statement, for the map and `why`: the origin key of
// its document's place in a story (origin_table.h), or of the outlet its source names.
// Statements of documents the stories do not know count as their document's own.
#pragma once

#include <string>
#include <unordered_map>

#include "statements/statement.h"
#include "stories/origin_table.h"
#include "stories/outlets.h"

namespace faultline::stories {

struct OriginLabel {
  std::string key;    // "S2/Bloomberg"
  std::string label;  // "Bloomberg (story S2, 2022-03-28)"
};

class OriginIndex {
 public:
  // Keeps pointers: `table` and `outlets` (every document outlet of the table known to
  // it, as when the stories were made) must outlive the index.
  OriginIndex(const OriginTable* table, const OutletList* outlets);
  OriginLabel Of(const Statement& s) const;

 private:
  const OriginTable* table_;
  const OutletList* outlets_;
  std::unordered_map<std::string, size_t> by_name_;  // StatementDocName -> document
};

}  // namespace faultline::stories
