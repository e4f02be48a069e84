// The map as text for a terminal of 100 columns: issues (most divided first) with the
// actors for and against, shifts with their evidence, camps, and the outlet view.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "map/map.h"

namespace faultline::report {

struct TextOptions {
  bool colour = false;   // ANSI colours; the CLI sets it only when writing to a terminal
  size_t width = 100;    // columns
  int evidence_per_end = 2;  // evidence sentences shown at each end of a shift
  size_t max_shifts = 40;        // shifts shown (most evidence first); 0: all
  size_t max_outlet_cells = 60;  // multi-outlet cells shown (disagreements first); 0: all
  // The input arguments as the user gave them ({"examples/"}, {"--db", "news.db"}): where
  // a list of evidence is cut short, the `faultline why` command that shows the rest
  // names them (quoted for the shell).
  std::vector<std::string> why_inputs;
};

void WriteText(const map::Map& m, const TextOptions& options, std::ostream& out);

// The statements behind one cell (`faultline why`): sentence, outlet, date, source, rule,
// cue and document for each. Writes a one-line note when the cell is empty.
void WriteWhyText(const map::Map& m, const std::string& actor, const std::string& issue,
                  const TextOptions& options, std::ostream& out);

}  // namespace faultline::report
