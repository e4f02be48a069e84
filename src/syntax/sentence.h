// One analysed sentence: its tokens and their dependency tree, with the few cheap
// walks that rule matchers need (children by relation, subtree membership and
// extent). Heads are indices into `tokens`, so a tree is plain data that can be
// copied, compared and written as CoNLL-U.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "syntax/token.h"

namespace faultline::syntax {

// True when `deprel` is the relation `relation` names. A relation with a subtype
// ("nsubj:pass") must match exactly; one without ("nsubj") matches any subtype of it
// as well ("nsubj", "nsubj:pass", "nsubj:outer").
bool RelationMatches(std::string_view deprel, std::string_view relation);

struct ParsedSentence {
  uint32_t begin = 0;  // byte span of the sentence in the analysed text
  uint32_t end = 0;
  std::vector<Token> tokens;

  int size() const { return static_cast<int>(tokens.size()); }

  // The first token whose head is -1, or -1 for an empty sentence.
  int Root() const;

  // Dependents of token `i`, left to right.
  std::vector<int> Children(int i) const;
  // Dependents of `i` whose relation matches `relation` (see RelationMatches).
  std::vector<int> ChildrenWith(int i, std::string_view relation) const;
  // The first (leftmost) such dependent, or -1.
  int FirstChild(int i, std::string_view relation) const;

  // True when `i` is `root` or lies below it. Safe on malformed trees (a cycle
  // ends the walk), since trees may come from files.
  bool InSubtree(int i, int root) const;

  // The leftmost and rightmost token of the subtree under `i`. For a
  // non-projective tree the range may include tokens outside the subtree.
  struct Range {
    int first = 0;
    int last = 0;
  };
  Range SubtreeRange(int i) const;

  // Byte span of tokens first..last in the analysed text.
  uint32_t BeginOf(int first) const { return tokens[first].begin; }
  uint32_t EndOf(int last) const { return tokens[last].end; }
};

}  // namespace faultline::syntax
