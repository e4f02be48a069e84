// A codebook: the issues a debate is mapped on, each a proposition with the words that
// name it and the acts that reveal a position on it. Loaded from YAML
// (data/codebooks/*.yaml, format in docs/codebooks.md) so that mapping another debate
// needs a codebook, not code.
#pragma once

#include <string>
#include <vector>

#include "statements/patterns.h"
#include "util/status.h"

namespace faultline {

struct Issue {
  std::string id;           // "talks"
  std::string label;        // "Talks with Russia"
  std::string proposition;  // what +1 supports
  std::vector<std::string> when_actor;    // terms count only in clauses naming one of these
  std::vector<std::string> unless_actor;  // ... and not in clauses naming one of these
  // Where when_actor looks: 0 the term's clause, 1 its sentence, 2 its context (this
  // sentence and the five before it) for issues whose sentences often leave the actor implicit.
  int scope = 0;
  // When a term is followed by "on"/"against"/"targeting" and a name, the name must be one
  // of these (sanctions on Russia, not on Iran).
  std::vector<std::string> target_actor;
  // Lemmas of verbs that, in a participle or relative clause on a term, name its target as
  // their object: "sanctions punishing Turkey", "sanctions aimed at Iran's oil", "sanctions
  // that target Venezuela's banks" are not on Russia (read from the tree: recipient.h).
  std::vector<std::string> target_verbs;
  // Lemmas of buying ("buy", "purchase", "customer"): their buyer is who receives what the
  // term names (recipient.h), so "Turkey bought air defense systems" is no arms for Ukraine.
  std::vector<std::string> buyer_words;
  // Words that, right after a term, show it is not this proposition ("artillery into Ukraine").
  std::vector<std::string> not_followed_by;
  std::vector<std::string> not_preceded_by;  // "think tank" is no weapon
  // Verbs whose object a term is not this issue's: one reconsiders, suspends or renounces a
  // membership that exists ("vowed to reconsider U.S. membership", "the African Union
  // suspended Egypt's membership"), which is no enlargement. A final `*` is a prefix.
  std::vector<std::string> not_object_of;
  // Topics of other negotiations: a term whose complement ("on", "over", "about" and a few
  // words) holds one of these words is about that topic ("negotiations on Ukraine's accession
  // to the EU", "talks on decentralization", "negotiations on a fissile material treaty").
  std::vector<std::string> other_topics;
  // A name right before a term that no cue governs holds it: "painful US sanctions" are
  // the USA's (a name among target_actor is the target: "Russia sanctions").
  bool held_by_modifier = false;
  // Last words of terms that name the act of giving ("aid", "assistance", "shipments"): a
  // named possessor of such a term that no cue governs holds it, "Norway's military aid" is
  // Norway's +1. Only the possessive: a bare name ("U.S. military aid") says whose the aid
  // is as often when it is being withheld or bargained with.
  std::vector<std::string> held_by_possessor;
  // Words after which the names that follow a term take part in what it names: "talks
  // between Russia and Ukraine" are both sides' (taking part counts for every participant
  // named), when no cue governs the term.
  std::vector<std::string> participants_after;
  // ... and only when all of these are among the names: the war's talks are between its
  // sides (an arms deal "between Russia and North Korea", a dialogue "among the EU and the
  // U.S." on energy, "diplomacy between Russia and Turkey" are other talks).
  std::vector<std::string> participants_include;
  // Words after which a term's partners are named ("talks with Sweden and Finland"). When
  // they name actors and none of `when_actor`, and the term's clause names no `when_actor`
  // either, the term is another negotiation: allies' talks with each other, a trade dialogue.
  std::vector<std::string> partners_after;
  // Actors the proposition works against (Russia for sanctions on Russia). Their support is
  // not coded: in real text it is the target of the act read as its holder ("we imposed
  // costs on Russia"), never a position; their opposition is kept.
  std::vector<std::string> adversaries;
  // When set, the only actors whose positions on the issue are coded: defence spending
  // concerns NATO's allies, so China's or Japan's build-up is not a stance on the 2% target.
  std::vector<std::string> holders;
  // Other debates' subjects (Iran, North Korea for sanctions): a clause that names one of
  // these and no when_actor is about them, even when the sentences before name a when_actor.
  std::vector<std::string> other_subjects;
  // Organisations whose own membership is another debate (the WTO, the EU, the G20 for NATO
  // enlargement): a term whose name slot or complement names one of them ("WTO membership",
  // "membership in the Nuclear Suppliers Group", "accession to the OECD") is about that body.
  std::vector<std::string> other_bodies;
  // When > 0: a document that names other_subjects at least this many times as often as
  // when_actor is another debate's (an article on Iran's nuclear deal that names Russia among
  // the negotiators). There a term counts only when its own phrase names a when_actor
  // ("sanctions on Russia", "Russia sanctions"), not a clause or a group that happens to.
  int other_debate_ratio = 0;
  // Words of the proposition's topic ("defence", "military", "nato"): a `topic_terms` entry
  // ("fair share", "2 percent") names the proposition only in a sentence holding one of them,
  // since alone it names taxes or inflation as often.
  std::vector<std::string> topic_words;
  // Actors the document must name somewhere (title included) for the issue to be coded in it:
  // talks "to end the war" need the war's other party. A document on Syria's peace talks
  // that names Russia as a mediator and never Ukraine holds no talks to end this war.
  std::vector<std::string> document_actors;
  // Terms that name no kind of what is given ("aid to Ukraine", "the aid package") take the
  // kind the document gives it: coverage of the 2019 hold on Ukraine's security aid says
  // "military aid" once and "aid" after. In a document that names one of `generic_as_words`
  // and none of `kind_words` (lowercase phrases), such a term is issue `generic_as` (an
  // index; -1: always this issue's).
  int generic_as = -1;
  std::vector<std::string> generic_as_words;  // "military aid", "security assistance"
  std::vector<std::string> kind_words;        // this issue's own kind: "humanitarian aid", "loan"
};

// One way of naming an issue: a term (or an act's object) and its polarity.
struct IssueTerm {
  int issue = 0;
  int polarity = 1;  // -1 for against_terms ("roll back" names the opposite of a posture)
  int act = -1;      // >= 0: an act's object, valid only after that act's verbs
  std::string text;
  bool verb = false;  // a verb term ("join nato"): its subject is the nearest name before it
  bool needs_topic = false;  // a topic term: counts only beside one of the issue's topic_words
  bool generic = false;      // names no kind: its issue is the document's (Issue::generic_as)
};

// A verb or noun whose use with the issue's terms is itself a position ("supply tanks").
struct IssueAct {
  int issue = 0;
  int stance = 1;
  std::string text;
  // The act counts only with its own objects, not with the issue's terms: to "block Russian
  // oil" is a sanction, to "block sanctions" is not.
  bool only_objects = false;
};

class Codebook {
 public:
  // Loads a codebook file. Errors name the file and the problem.
  static Result<Codebook> Load(const std::string& path, const IrregularForms& irregular = {});
  // The shipped security codebook (data/codebooks/security.yaml).
  static std::string DefaultPath();

  const std::string& name() const { return name_; }
  const std::vector<Issue>& issues() const { return issues_; }
  const PatternSet& terms() const { return terms_; }
  const IssueTerm& term(int payload) const { return term_entries_[payload]; }
  const PatternSet& acts() const { return acts_; }
  const IssueAct& act(int payload) const { return act_entries_[payload]; }
  // Whether act `payload` takes a term of `issue` (whose own act is `term_act`, -1 for a
  // plain term) as its object.
  bool ActTakes(int payload, int issue, int term_act) const {
    const IssueAct& a = act_entries_[payload];
    return a.issue == issue && (!a.only_objects || term_act == payload);
  }
  int FindIssue(const std::string& id) const;

 private:
  std::string name_;
  std::vector<Issue> issues_;
  PatternSet terms_;
  std::vector<IssueTerm> term_entries_;
  PatternSet acts_;
  std::vector<IssueAct> act_entries_;
};

}  // namespace faultline
