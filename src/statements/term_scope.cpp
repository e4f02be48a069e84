#include "statements/term_scope.h"

#include <algorithm>

namespace faultline {
namespace {

using syntax::ParsedSentence;
using syntax::Upos;

// Relations by which a word belongs to the noun phrase of its head: "sanctions relief",
// "the Magnitsky sanctions law".
bool InPhrase(std::string_view deprel) {
  return syntax::RelationMatches(deprel, "compound") || syntax::RelationMatches(deprel, "flat");
}

// What describes a subject in passing: "Russia, which sits on the Council", "Iran, a party".
bool Aside(std::string_view deprel) {
  return syntax::RelationMatches(deprel, "acl") || syntax::RelationMatches(deprel, "appos") ||
         syntax::RelationMatches(deprel, "parataxis");
}

bool IsPredicate(const syntax::Token& t) { return t.upos == Upos::kVerb || t.upos == Upos::kAux; }

// Adds the actors of each mention that overlaps a word for which `keep(word)` holds.
template <typename Keep>
void NamesIn(const ParsedSentence& tree, const std::vector<Mention>& mentions, Keep keep, std::vector<std::string>* out) {
  for (const Mention& m : mentions) {
    bool named = false;
    for (int w = 0; w < tree.size() && !named; ++w)
      named = tree.tokens[w].begin < m.end && m.begin < tree.tokens[w].end && keep(w);
    if (!named) continue;
    for (const auto& a : m.actors)
      if (std::find(out->begin(), out->end(), a) == out->end()) out->push_back(a);
  }
}

// Whom a clause without a subject of its own is said of: "Iran's bid to lift the embargo"
// lifts it for Iran, the possessor of the noun it completes; "Iran wants to lift it", the
// subject of the verb it completes, or that verb's object when it has one ("helped North
// Korea escape the sanctions", "urged Berlin to lift them": object control). -1 when the
// clause has a subject or no such controller.
int Controller(const ParsedSentence& tree, int pred) {
  const int head = tree.tokens[pred].head;
  if (head < 0 || !tree.ChildrenWith(pred, "nsubj").empty()) return -1;
  const std::string_view rel = tree.tokens[pred].deprel;
  const bool xcomp = syntax::RelationMatches(rel, "xcomp");
  if (!syntax::RelationMatches(rel, "acl") && !xcomp) return -1;
  if (xcomp && IsPredicate(tree.tokens[head]))
    if (const std::vector<int> objects = tree.ChildrenWith(head, "obj"); !objects.empty()) return objects.front();
  const char* controller = IsPredicate(tree.tokens[head]) ? "nsubj" : "nmod:poss";
  const std::vector<int> found = tree.ChildrenWith(head, controller);
  return found.empty() ? -1 : found.front();
}

// The nearest predicate at or above `w`, or the root.
int PredicateOf(const ParsedSentence& tree, int w) {
  for (int steps = 0; steps < tree.size() && tree.tokens[w].head >= 0 && !IsPredicate(tree.tokens[w]); ++steps)
    w = tree.tokens[w].head;
  return w;
}

// The actors named in the clause of predicate `pred` (its subtree), leaving out the relative
// clauses, appositions and parentheticals of its subject, and those of its controller.
std::vector<std::string> ClauseNames(const ParsedSentence& tree, int pred, const std::vector<Mention>& mentions) {
  std::vector<std::string> out;
  std::vector<int> asides;
  for (int subject : tree.ChildrenWith(pred, "nsubj"))
    for (int c : tree.Children(subject))
      if (Aside(tree.tokens[c].deprel)) asides.push_back(c);
  NamesIn(
      tree, mentions,
      [&](int w) {
        if (!tree.InSubtree(w, pred)) return false;
        for (int a : asides)
          if (tree.InSubtree(w, a)) return false;
        return true;
      },
      &out);
  if (const int controller = Controller(tree, pred); controller >= 0)
    NamesIn(tree, mentions, [&](int w) { return tree.InSubtree(w, controller); }, &out);
  return out;
}

}  // namespace

TermScope ScopeOfTerm(const ParsedSentence& tree, int word, const std::vector<Mention>& mentions) {
  TermScope scope;
  if (word < 0 || word >= tree.size()) return scope;
  // the noun phrase: climb from a modifier to the noun it modifies
  int head = word;
  for (int steps = 0; steps < 4 && tree.tokens[head].head >= 0 && InPhrase(tree.tokens[head].deprel); ++steps)
    head = tree.tokens[head].head;
  NamesIn(tree, mentions, [&](int w) { return tree.InSubtree(w, head); }, &scope.phrase);
  // the clause: the nearest predicate above, or the root; then the clause that governs it
  const int pred = PredicateOf(tree, head);
  scope.clause = ClauseNames(tree, pred, mentions);
  if (tree.tokens[pred].head >= 0) scope.above = ClauseNames(tree, PredicateOf(tree, tree.tokens[pred].head), mentions);
  return scope;
}

}  // namespace faultline
