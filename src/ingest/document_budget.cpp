#include "ingest/document_budget.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

namespace faultline {
namespace {

bool Space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

std::string Mb(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

// Where a document came from, and its id when the file name does not already say it
// (one file holding many documents).
std::pair<std::string, std::string> WhereAndWhich(const Document& doc) {
  std::string where = doc.file.empty() ? doc.id : doc.file;
  std::string which = doc.id.empty() || where.find(doc.id) != std::string::npos ? "" : " (" + doc.id + ")";
  return {std::move(where), std::move(which)};
}

}  // namespace

uint64_t CountSentenceEnds(const std::string& text) {
  uint64_t n = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '!' || c == '?') && Space(text[i + 1])) ++n;
    else if (c == '\n' && text[i + 1] == '\n') ++n;
  }
  return n + 1;
}

Status TimeBudgetExceeded(const Document& doc, const Deadline& deadline) {
  const auto [where, which] = WhereAndWhich(doc);
  const char* stage = deadline.spent() ? deadline.expired_stage() : "analysis";
  char numbers[96];
  std::snprintf(numbers, sizeof numbers, " after %.3g s of CPU time, over the per-document limit of %g s",
                deadline.spent_at_expiry(), deadline.seconds());
  return Status::Error("document" + which + " stopped in " + stage + numbers + " (--max-doc-seconds); skipped",
                       where);
}

Status CheckDocumentBudget(const Document& doc, const DocumentBudget& budget) {
  const auto [where, which] = WhereAndWhich(doc);
  if (budget.max_text_bytes > 0 && doc.text.size() > budget.max_text_bytes)
    return Status::Error("document" + which + " has " + Mb(doc.text.size()) + " of text, over the per-document " +
                             "limit of " + Mb(budget.max_text_bytes) + " (--max-doc-mb); skipped",
                         where);
  // A text counts at most one sentence end per byte (and at least one): one shorter than
  // the limit is within it uncounted. Counting every text cost 2% of `faultline stories`.
  if (budget.max_sentences > 0 && std::max<uint64_t>(doc.text.size(), 1) > budget.max_sentences) {
    const uint64_t sentences = CountSentenceEnds(doc.text);
    if (sentences > budget.max_sentences)
      return Status::Error("document" + which + " has about " + std::to_string(sentences) +
                               " sentences, over the per-document limit of " + std::to_string(budget.max_sentences) +
                               " (--max-doc-sentences); skipped",
                           where);
  }
  return Status::Ok();
}

}  // namespace faultline
