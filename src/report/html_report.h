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
  // Actors the page shows at most (heat map rows, shifts, outlet views): those with the most
  // statements, with a note saying how many are left out; 0: all. 10,000 actors made a
  // page of 68 MB that a browser opens slowly and nobody reads row by row.
  size_t max_actors = kDefaultMaxActors;
  static constexpr size_t kDefaultMaxActors = 300;
  std::string title = "faultline map";
};

void WriteHtml(const map::Map& m, const HtmlOptions& options, std::ostream& out);

}  // namespace faultline::report
