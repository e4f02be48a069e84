// The context word lists of the knowledge base as hash sets, built once per recognizer
// so that the per-mention rules look words up in O(1) (lists are lower case; lookups
// fold ASCII case).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "actors/knowledge_base.h"

namespace faultline {

class WordSet {
 public:
  WordSet() = default;
  explicit WordSet(const std::vector<std::string>& words) {
    for (const auto& w : words) Add(w);
  }
  void Add(std::string_view w) { set_.insert(Fold(w)); }
  bool Contains(std::string_view w) const { return !set_.empty() && set_.count(Fold(w)) > 0; }
  bool empty() const { return set_.empty(); }

 private:
  static std::string Fold(std::string_view w) {
    std::string s(w);
    for (auto& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
  }
  std::unordered_set<std::string> set_;
};

struct ContextSets {
  WordSet political_verbs, auxiliaries, place_prepositions, actor_prepositions, position_nouns,
      apposition_heads, pronouns, compound_prefixes, role_modifiers, non_holder_modifiers,
      role_nouns, honorifics, titles, person_institutions, motion_words, place_nouns,
      not_name_words, past_modifiers, legislator_heads, person_body_heads, name_suffixes,
      role_body_words;

  static ContextSets From(const KnowledgeBase& kb) {
    const ContextWords& c = kb.context();
    ContextSets s;
    s.political_verbs = WordSet(c.political_verbs);
    s.auxiliaries = WordSet(c.auxiliaries);
    s.place_prepositions = WordSet(c.place_prepositions);
    s.actor_prepositions = WordSet(c.actor_prepositions);
    s.position_nouns = WordSet(c.position_nouns);
    s.apposition_heads = WordSet(c.apposition_heads);
    s.pronouns = WordSet(c.pronouns);
    s.compound_prefixes = WordSet(c.compound_prefixes);
    s.legislator_heads = WordSet(c.legislator_heads);
    s.person_body_heads = WordSet(c.person_body_heads);
    s.role_modifiers = WordSet(c.role_modifiers);
    s.non_holder_modifiers = WordSet(c.non_holder_modifiers);
    s.honorifics = WordSet(c.honorifics);
    s.titles = WordSet(c.titles);
    s.person_institutions = WordSet(c.person_institutions);
    s.motion_words = WordSet(c.motion_words);
    s.place_nouns = WordSet(c.place_nouns);
    s.not_name_words = WordSet(c.not_name_words);
    s.past_modifiers = WordSet(c.past_modifiers);
    s.name_suffixes = WordSet(c.name_suffixes);
    s.role_body_words = WordSet(c.role_body_words);
    for (const auto& r : kb.roles())
      for (const auto& n : r.nouns) s.role_nouns.Add(n);
    return s;
  }
};

}  // namespace faultline
