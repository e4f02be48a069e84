// One self-contained HTML page (inline CSS and JS, no external resources): heatmap of
// actors x issues, camp graph, timeline of shifts, evidence per cell, outlet filter.
// All article text travels as JSON inside <script type="application/json"> (with <, >,
// & and U+2028/9 escaped) and is rendered with textContent only.
#pragma once

#include <ostream>

#include "map/map.h"

namespace faultline::report {

struct HtmlOptions {
  size_t evidence_per_cell = 20;  // statements embedded per cell at most; the rest via `faultline why`
  size_t evidence_budget = 20000; // about this many statements embedded in all (fewer per cell on big maps)
  std::string title = "faultline map";
};

void WriteHtml(const map::Map& m, const HtmlOptions& options, std::ostream& out);

}  // namespace faultline::report
