// CSV (RFC 4180, CRLF line ends): a DNA-style statement list and the actor x issue
// matrix of net stances.
#pragma once

#include <ostream>

#include "map/map.h"

namespace faultline::report {

// statement_id,time,actor,issue,stance,text,document,outlet,source,person,cue,rule,confidence,
// actor_name,issue_label (added columns come last, so scripts reading columns by position still work)
void WriteStatementsCsv(const map::Map& m, std::ostream& out);

// actor,actor_name,<issue>...: net stance per cell (-1..1, four decimals), empty where the actor
// made no statement on the issue. Issues in map order (most divided first).
void WriteMatrixCsv(const map::Map& m, std::ostream& out);

}  // namespace faultline::report
