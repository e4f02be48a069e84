#include "statements/chain_reach.h"

namespace faultline {

int OpaqueVerbBetween(const syntax::ParsedSentence& tree, int term_word, size_t term_begin, size_t term_end,
                      size_t cue_begin, size_t cue_end, const WordSet& carriers) {
  if (term_word < 0 || term_word >= tree.size()) return -1;
  int opaque = -1;
  int w = term_word;
  // A bounded climb: a tree from a model is a tree, but a bad one must not loop.
  for (int steps = 0; steps < 16; ++steps) {
    const int h = tree.tokens[w].head;
    if (h < 0) return -1;  // the root, and no cue on the way: the tree does not link them
    const auto& head = tree.tokens[h];
    if (head.begin >= cue_begin && head.end <= cue_end) return opaque;
    const bool in_term = head.begin >= term_begin && head.end <= term_end;
    if (opaque < 0 && !in_term && head.begin >= cue_end && head.upos == syntax::Upos::kVerb &&
        tree.tokens[w].BaseRelation() == "obj" && !carriers.count(head.lemma))
      opaque = h;
    w = h;
  }
  return -1;
}

}  // namespace faultline
