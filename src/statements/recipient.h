// Who receives what an issue term names, read from the dependency tree. Weapons for Ukraine
// and weapons for Russia share every word but the recipient: "Iran's transfer of missiles and
// munitions to Russia", "the PRC providing Russia with lethal aid", "Patriot systems to
// eastern Poland", "arms for Moscow's war". The flat rules see only a name right after the
// term ("tanks to Ukraine"); the tree also finds it after a list, on the act's verb or noun,
// and as the object of "provide ... with"; a sanction's target also as the object of a clause
// on the term that aims it ("sanctions punishing Turkey").
#pragma once

#include <string>
#include <vector>

#include "actors/mention.h"
#include "statements/cues.h"
#include "syntax/sentence.h"

namespace faultline {

enum class Recipient {
  kUnnamed,  // no recipient (or target) named by a name
  kTarget,   // one of the targets is named: "tanks to Ukraine"
  kOther,    // only others are named: "missiles to Russia"
};

// The recipient of the term whose head word is `word` in `tree`: the names heading a
// nominal marked by one of the lexicon's recipient_prepositions ("to", "for", "on",
// "against") on the term, on the other items of its list,
// or on the act whose object it is ("the provision of weapons to X", "sent X weapons to Y"),
// and the object of a verb whose "with" names the term ("provide X with weapons").
// `mentions` are byte spans in the same text as the tree's tokens; `targets` the issue's
// target actors. `target_verbs` (lemmas) add the object of a participle or relative clause
// on the term or its list whose verb aims it ("sanctions punishing Turkey", "sanctions aimed
// at Iran", the case markers of `lex`'s aim_cases). An oblique marked by one of act_cases (or
// none) is still an object of the act above it. `buyer_words` (lemmas of buying: "buy",
// "purchase", "customer") make their buyer a recipient: what one buys goes to oneself
// ("Turkey bought air defense systems from Russia", "Poland's purchase of tanks", "India wants
// to buy jets"). kUnnamed when `word` is out of range.
Recipient RecipientOfTerm(const CueLexicon& lex, const syntax::ParsedSentence& tree, int word,
                          const std::vector<Mention>& mentions, const std::vector<std::string>& targets,
                          const std::vector<std::string>& target_verbs = {},
                          const std::vector<std::string>& buyer_words = {});

}  // namespace faultline
