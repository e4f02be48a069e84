// Whom an issue term is said of, read from the dependency tree. "Sanctions" beside Russia
// in an article about Ukraine may still be another debate's: "the Council, which includes
// Russia, adopted a sanctions resolution over North Korea's missiles", "the accord between
// Iran and the six powers, which trades limits on Iran's programme for sanctions relief".
// The names that settle it are those in the term's own noun phrase, or failing that in its
// clause, or failing that in the clause above, not those that describe a subject in passing.
#pragma once

#include <string>
#include <vector>

#include "actors/mention.h"
#include "syntax/sentence.h"

namespace faultline {

struct TermScope {
  // Actors named in the noun phrase the term heads or modifies ("sanctions resolution over
  // North Korea", "sanctions on Russia").
  std::vector<std::string> phrase;
  // Actors named in the nearest clause above it (its predicate's subtree), leaving out the
  // relative clauses, appositions and parentheticals of that clause's subject; for a clause
  // without a subject, also its controller ("Iran's bid to lift the embargo": Iran).
  std::vector<std::string> clause;
  // Actors named in the clause that governs that one (the predicate above it, the same way),
  // for a term whose own clause names no one who decides: "Russia helped to restrict Iran's
  // programme by supporting sanctions" supports them in a clause on Iran. Empty at the root.
  std::vector<std::string> above;
};

// The scope of the term whose head word is `word` in `tree`; `mentions` are byte spans in
// the same text as the tree's tokens. Empty lists when `word` is out of range.
TermScope ScopeOfTerm(const syntax::ParsedSentence& tree, int word, const std::vector<Mention>& mentions);

}  // namespace faultline
