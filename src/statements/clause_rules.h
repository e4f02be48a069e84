// Clause rules: statements read from the dependency parse by patterns that are data
// (data/statements/rules/en.yaml), not code. A rule names a predicate (lemmas, or a cue
// class of the cue lexicon: "support", "oppose"), dependency paths from the predicate to
// the holder and to the issue word, and a stance. The engine adds what every rule needs
// and no rule should spell out: holders expanded over conjuncts, appositions and partner
// phrases ("together with"), negation by scope (a "not" on the predicate or on a verb it
// hangs on flips), modality and conditions ("could", "if ...") that cancel, polarity of
// verbs passed on the way ("refused to lift sanctions"), and the speaker of reported
// speech ("X said Y opposes ..."). A user extends coverage by adding a rule.
//
// Paths are steps joined by '>': "obj", "xcomp>obj", "obl[for|on]" (an oblique whose case
// marker is one of these lemmas), "^acl:relcl" (up to the head, when the word hangs on it
// by that relation), "obj{demand|request}" (the word reached has one of these lemmas). A relation without subtype matches its subtypes ("nsubj" matches
// "nsubj:pass"; syntax/sentence.h, RelationMatches).
#pragma once

#include <string>
#include <vector>

#include "statements/cues.h"
#include "syntax/sentence.h"
#include "util/status.h"

namespace faultline {

struct PathStep {
  bool up = false;             // to the head, when the word's relation matches
  std::string relation;        // UD relation ("obl", "nsubj:pass")
  std::vector<std::string> cases;  // a nominal's case marker (a clause's: its subordinator) is one of these
  std::vector<std::string> lemmas;  // the word reached must be one of these ("obj{demand|request}")
};
using DepPath = std::vector<PathStep>;

// Parses "xcomp>obl[for|on]", "obj{demand|call}>nmod[for]"; the error says what is wrong
// with the text.
Result<DepPath> ParseDepPath(const std::string& text);

// The sentence a rule is documented and tested with, and what it must give.
struct RuleExample {
  std::string sentence;
  std::string holder;  // the holder's head word as written ("Norway", "States")
  std::string issue;   // the issue word as written ("sanctions")
  int stance = 0;
};

struct ClauseRule {
  std::string name;
  std::vector<std::string> lemmas;  // the predicate's lemmas (its cue class resolved)
  std::vector<std::string> upos;    // when set, the predicate's UPOS must be one of these
  std::vector<std::string> except;  // lemmas of the class that this rule leaves out ("need")
  std::vector<DepPath> holder;      // tried in order: the first that reaches a word
  std::vector<DepPath> issue;       // every path is tried
  int stance = 1;
  // An act on the issue's target is never the target's own ("Ukraine provides weapons"
  // is garbled or another act): statements of such holders are dropped (extractor).
  bool holder_not_target = false;
  RuleExample example;
  int line = 0;                     // where the rule starts in its file
};

struct ClauseRuleSet {
  std::vector<ClauseRule> rules;
  std::vector<std::vector<std::string>> partners;  // partner phrases, lower-cased words
  std::vector<std::string> negators;       // advmod / det lemmas that flip
  std::vector<std::string> cancel_aux;     // aux lemmas that make a clause hypothetical
  std::vector<std::string> cancel_marks;   // subordinators that do ("if", "whether")
  std::vector<std::string> cancel_heads;   // words whose complement is a wish or a fear ("hope that")
  std::vector<std::string> cancel_modifiers;  // modifiers that dispute a noun predicate ("claimed")
  std::vector<std::string> reporting;      // verbs whose complement is reported speech
  std::vector<std::string> flip_lemmas;    // verbs passed on a path that flip the stance
  std::vector<std::string> relative_pronouns;    // stand for the noun their clause hangs on ("which")
  std::vector<std::string> adverbial_relatives;  // in an oblique, the noun is no object ("at which")

  // Loads a rule file; cue classes resolve against `cues`. Errors name the file, the line
  // and the key.
  static Result<ClauseRuleSet> Load(const std::string& path, const CueLexicon& cues);
  static std::string DefaultPath();  // data/statements/rules/en.yaml
};

struct ClauseMatch {
  const ClauseRule* rule = nullptr;
  int predicate = -1;
  int issue_word = -1;
  std::vector<int> holders;  // head words of the holders, expanded
  int stance = 0;            // the rule's stance after negation and passed verbs
  int speaker = -1;          // the subject of a reporting verb above the predicate, or -1
};

// The word of `s` that heads the words at bytes [begin, end) (the one whose head lies
// outside the span), or -1 when no word lies inside.
int HeadWordOf(const syntax::ParsedSentence& s, size_t begin, size_t end);

// Every match of `rules` in `s` whose issue path ends on a word with is_issue[word] set
// (a vector of s.size()). One match per issue word: a predicate above another (the
// "refused" of "refused to lift") takes precedence, since it carries the whole chain.
// `only` restricts matching to one rule (tests). `trace` (may be null) gets the decisions.
std::vector<ClauseMatch> MatchClauseRules(const ClauseRuleSet& rules, const syntax::ParsedSentence& s,
                                          const std::vector<char>& is_issue, const ClauseRule* only = nullptr,
                                          std::string* trace = nullptr);

}  // namespace faultline
