#include "syntax/evaluation.h"

#include <algorithm>
#include <cstdio>

namespace faultline::syntax {

void SyntaxScores::Add(const ParsedSentence& gold, const ParsedSentence& system) {
  const size_t n = gold.tokens.size();
  const size_t m = std::min(n, system.tokens.size());
  words += n;
  ++sentences;
  bool all = m == n;
  for (size_t i = 0; i < m; ++i) {
    const Token& g = gold.tokens[i];
    const Token& s = system.tokens[i];
    upos += g.upos == s.upos;
    xpos += g.xpos == s.xpos;
    lemma += g.lemma == s.lemma;
    feats += g.feats == s.feats;
    const bool head = g.head == s.head;
    uas += head;
    las += head && g.BaseRelation() == s.BaseRelation();
    las_full += head && g.deprel == s.deprel;
    all = all && head && g.deprel == s.deprel;
  }
  exact += all;
}

void SyntaxScores::Merge(const SyntaxScores& o) {
  words += o.words;
  upos += o.upos;
  xpos += o.xpos;
  lemma += o.lemma;
  feats += o.feats;
  uas += o.uas;
  las += o.las;
  las_full += o.las_full;
  sentences += o.sentences;
  exact += o.exact;
}

std::string SyntaxScores::Summary() const {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "UPOS %.4f  XPOS %.4f  lemma %.4f  feats %.4f  UAS %.4f  LAS %.4f  LAS(subtypes) %.4f",
                Ratio(upos, words), Ratio(xpos, words), Ratio(lemma, words), Ratio(feats, words), Ratio(uas, words),
                Ratio(las, words), Ratio(las_full, words));
  return buf;
}

}  // namespace faultline::syntax
