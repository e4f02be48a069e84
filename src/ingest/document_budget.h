// A per-document budget: one document too large for the analysis stages (a whole book,
// a dump of a database table, text made to exhaust the parser) is reported and skipped,
// and the run goes on with the others.
#pragma once

#include <cstdint>

#include "ingest/document.h"
#include "util/deadline.h"
#include "util/status.h"

namespace faultline {

struct DocumentBudget {
  uint64_t max_text_bytes = 16ull << 20;  // 0: no limit
  uint64_t max_sentences = 100000;        // 0: no limit; counted as sentence ends (. ! ? and blank lines)
  // CPU seconds the analysis of one document may take (util/deadline.h); 0: no limit.
  // Checked while the document is analysed (Analyzer::AnalyzeWithin), not here: it is
  // spent, not measured up front.
  double max_seconds = 60;
};

// OK when `doc` fits, else an error naming the document and what it exceeds.
Status CheckDocumentBudget(const Document& doc, const DocumentBudget& budget);

// The error for a document whose analysis used up its deadline: names the document, the
// stage it ran out in, the CPU time spent and the option that raises the limit.
Status TimeBudgetExceeded(const Document& doc, const Deadline& deadline);

// Sentence ends in `text`: '.', '!' or '?' followed by white space, and paragraph breaks.
// An upper bound of what the segmenter finds, cheap enough to run on every document.
uint64_t CountSentenceEnds(const std::string& text);

}  // namespace faultline
