#include "statements/recipient.h"

#include <algorithm>
#include <string_view>

#include "util/ascii.h"

namespace faultline {
namespace {

using syntax::ParsedSentence;

bool HasRelation(const ParsedSentence& tree, int w, std::string_view relation) {
  return syntax::RelationMatches(tree.tokens[w].deprel, relation);
}

// `w`'s lemma in lower case (its form when it has none).
std::string LowerLemma(const ParsedSentence& tree, int w) {
  return AsciiLower(tree.tokens[w].lemma.empty() ? tree.tokens[w].form : tree.tokens[w].lemma);
}

// The lowercase word of the case marker on `w` ("to", "with"), or "" without one.
std::string CaseWordOf(const ParsedSentence& tree, int w) {
  const int c = tree.FirstChild(w, "case");
  return c < 0 ? std::string() : LowerLemma(tree, c);
}

// Whether `w` is the next word up from an object of an act: the verb or noun whose object
// it is ("sent tanks", "the provision of tanks", "tanks were sent"), or the noun it
// modifies ("weapons deliveries"). Not "spoke to Putin about the weapons": the weapons
// there are a topic, and the topic's verb has its own addressee.
bool ActAboveTerm(const CueLexicon& lex, const ParsedSentence& tree, int w) {
  if (HasRelation(tree, w, "obj") || HasRelation(tree, w, "nsubj:pass") || HasRelation(tree, w, "compound"))
    return true;
  if (HasRelation(tree, w, "nmod") || HasRelation(tree, w, "obl")) {
    const std::string c = CaseWordOf(tree, w);
    return c.empty() || lex.act_cases().count(c) > 0;
  }
  return false;
}

// The actors named in the head phrase of nominal `n`: the word itself and its modifiers
// ("eastern Poland", "Moscow's war", "the Russian Ministry of Defense", "Russia and
// Belarus"), not what its own complements add ("use on the battlefield in Ukraine").
std::vector<std::string> RecipientNames(const ParsedSentence& tree, int n, const std::vector<Mention>& mentions) {
  std::vector<int> words = {n};
  static constexpr std::string_view kHeadPhrase[] = {"compound", "flat", "amod", "nmod:poss", "conj", "appos"};
  for (int c : tree.Children(n))
    for (std::string_view r : kHeadPhrase)
      if (HasRelation(tree, c, r)) {
        words.push_back(c);
        break;
      }
  std::vector<std::string> out;
  for (const Mention& m : mentions) {
    bool named = false;
    for (int w : words) named |= tree.tokens[w].begin < m.end && m.begin < tree.tokens[w].end;
    if (named) out.insert(out.end(), m.actors.begin(), m.actors.end());
  }
  return out;
}

// Whether `w`'s lowercase lemma is one of `words`.
bool LemmaIn(const ParsedSentence& tree, int w, const std::vector<std::string>& words) {
  return std::find(words.begin(), words.end(), LowerLemma(tree, w)) != words.end();
}

// The nominals that a participle or relative clause on `n` aims at, when its verb is one of
// `verbs` (lemmas): the object of "sanctions punishing Turkey" or "sanctions that target its
// banks", the "at"/"against"/"on" oblique of "sanctions aimed at Iran". Only such verbs: the
// object of "weapons targeting Russian positions" is what the weapons hit, not who gets them.
std::vector<int> ClauseTargetsOn(const CueLexicon& lex, const ParsedSentence& tree, int n,
                                 const std::vector<std::string>& verbs) {
  std::vector<int> out;
  if (verbs.empty()) return out;
  for (int v : tree.ChildrenWith(n, "acl")) {
    if (!LemmaIn(tree, v, verbs)) continue;
    for (int c : tree.Children(v)) {
      if (HasRelation(tree, c, "obj")) out.push_back(c);
      if (!HasRelation(tree, c, "obl")) continue;
      if (lex.aim_cases().count(CaseWordOf(tree, c))) out.push_back(c);
    }
  }
  return out;
}

// Who buys, when `h` is a word of buying: what one buys goes to oneself. The active subject
// ("Turkey bought ...", "China became the first customer for ..."), the possessor ("Poland's
// purchase of ..."), or the subject of the verb whose complement the buying is ("India wants
// to buy ...", "China is eager to buy ..."). -1 when none is written.
int BuyerOf(const ParsedSentence& tree, int h) {
  for (int w = h, steps = 0; w >= 0 && steps < 3; ++steps) {
    for (int c : tree.Children(w))
      if (tree.tokens[c].deprel == "nsubj" || (w == h && tree.tokens[c].deprel == "nmod:poss")) return c;
    if (!HasRelation(tree, w, "xcomp")) break;
    w = tree.tokens[w].head;
  }
  return -1;
}

// The actors named anywhere under `h`.
std::vector<std::string> SubtreeNames(const ParsedSentence& tree, int h, const std::vector<Mention>& mentions) {
  std::vector<std::string> out;
  for (const Mention& m : mentions)
    for (int w = 0; w < tree.size(); ++w)
      if (tree.tokens[w].begin < m.end && m.begin < tree.tokens[w].end && tree.InSubtree(w, h)) {
        out.insert(out.end(), m.actors.begin(), m.actors.end());
        break;
      }
  return out;
}

}  // namespace

Recipient RecipientOfTerm(const CueLexicon& lex, const ParsedSentence& tree, int word,
                          const std::vector<Mention>& mentions, const std::vector<std::string>& targets,
                          const std::vector<std::string>& target_verbs, const std::vector<std::string>& buyer_words) {
  if (word < 0 || word >= tree.size()) return Recipient::kUnnamed;
  auto names_target = [&](const std::vector<std::string>& names) {
    for (const auto& a : names)
      if (std::find(targets.begin(), targets.end(), a) != targets.end()) return true;
    return false;
  };
  // the term's own phrase names its target: "the import of Russian oil to the United
  // States" bans Russia's oil, wherever it was going
  if (names_target(RecipientNames(tree, word, mentions))) return Recipient::kTarget;
  // the list the term stands in ("missiles and munitions to Russia"), then the acts above it
  std::vector<int> holders = {word};
  int w = word;
  auto listed = [&](int x) { return HasRelation(tree, x, "conj") || HasRelation(tree, x, "appos"); };
  for (int steps = 0; steps < 4 && tree.tokens[w].head >= 0 && listed(w); ++steps) {
    w = tree.tokens[w].head;
    holders.push_back(w);
  }
  for (int x : tree.Children(w))
    if (listed(x)) holders.push_back(x);
  std::vector<int> nominals;
  // "the first customer for the S-400": a buyer's "for" names what is bought, not for whom
  auto bought_for = [&](int x) {
    return CaseWordOf(tree, x) == "for" && LemmaIn(tree, tree.tokens[x].head, buyer_words);
  };
  for (int steps = 0; steps < 3 && tree.tokens[w].head >= 0 && (ActAboveTerm(lex, tree, w) || bought_for(w));
       ++steps) {
    const int head = tree.tokens[w].head;
    // "provide Russia with lethal aid": the act's object receives what "with" names
    if (CaseWordOf(tree, w) == "with")
      for (int o : tree.Children(head))
        if (HasRelation(tree, o, "obj") || HasRelation(tree, o, "iobj")) nominals.push_back(o);
    w = head;
    holders.push_back(w);
    if (tree.tokens[w].upos == syntax::Upos::kVerb) break;
  }
  for (int h : holders) {
    const std::vector<int> aimed = ClauseTargetsOn(lex, tree, h, target_verbs);
    nominals.insert(nominals.end(), aimed.begin(), aimed.end());
  }
  for (int h : holders) {
    if (!LemmaIn(tree, h, buyer_words)) continue;
    // "Germany will buy Patriots from the US to give to Ukraine": bought for the target
    if (names_target(SubtreeNames(tree, h, mentions))) return Recipient::kTarget;
    if (const int buyer = BuyerOf(tree, h); buyer >= 0) nominals.push_back(buyer);
  }
  for (int h : holders)
    for (int c : tree.Children(h)) {
      if (!HasRelation(tree, c, "obl") && !HasRelation(tree, c, "nmod")) continue;
      if (lex.recipient_prepositions().count(CaseWordOf(tree, c))) nominals.push_back(c);
    }
  bool other = false;
  for (int n : nominals) {
    const std::vector<std::string> names = RecipientNames(tree, n, mentions);
    if (names_target(names)) return Recipient::kTarget;
    other |= !names.empty();
  }
  return other ? Recipient::kOther : Recipient::kUnnamed;
}

}  // namespace faultline
