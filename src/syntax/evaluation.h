// Scores of a tagger and parser against gold trees over the same words, as the
// CoNLL 2018 shared task counts them: every word counts (punctuation included), and
// LAS compares the universal relation without its subtype ("nsubj:pass" = "nsubj").
// LAS with subtypes is reported beside it.
#pragma once

#include <cstddef>
#include <string>

#include "syntax/sentence.h"

namespace faultline::syntax {

struct SyntaxScores {
  size_t words = 0;
  size_t upos = 0, xpos = 0, lemma = 0, feats = 0;
  size_t uas = 0, las = 0, las_full = 0;  // las: base relations; las_full: with subtypes
  size_t sentences = 0, exact = 0;        // sentences with every head and relation right

  // Adds one sentence; words beyond the shorter of the two are counted as wrong.
  void Add(const ParsedSentence& gold, const ParsedSentence& system);
  // Adds the counts of another set of scores.
  void Merge(const SyntaxScores& o);
  static double Ratio(size_t n, size_t d) { return d == 0 ? 0.0 : static_cast<double>(n) / d; }
  // "UPOS 0.951  XPOS ...  UAS ...  LAS ..." on one line.
  std::string Summary() const;
};

}  // namespace faultline::syntax
