// Whether a stance cue reaches the term after it through the tree: on trees built here by
// hand (chain_reach.h), then inside the extractor with the shipped model and sentences
// written for these tests.
#include "statements/chain_reach.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "statements/extractor.h"
#include "hand_tree.h"
#include "statements_test_util.h"

namespace faultline {
namespace {

using U = syntax::Upos;

// The bytes of word i (0-based) as a [begin, end) pair, for the cue and the term.
struct Bytes {
  size_t begin, end;
};
Bytes Of(const syntax::ParsedSentence& s, int i) { return {s.tokens[i].begin, s.tokens[i].end}; }

// Norway tried to belittle the talks
const std::vector<testing::HandWord> kBelittle = {{"Norway", U::kPropn, 2, "nsubj", "Norway"},
                                     {"tried", U::kVerb, 0, "root", "try"},
                                     {"to", U::kPart, 4, "mark", "to"},
                                     {"belittle", U::kVerb, 2, "xcomp", "belittle"},
                                     {"the", U::kDet, 6, "det", "the"},
                                     {"talks", U::kNoun, 4, "obj", "talk"}};

TEST(ChainReachTest, AVerbNoCueKnowsStopsTheChainAtItsObject) {
  const auto s = testing::HandTree(kBelittle);
  const Bytes cue = Of(s, 1), term = Of(s, 5);
  EXPECT_EQ(OpaqueVerbBetween(s, 5, term.begin, term.end, cue.begin, cue.end, {}), 3);
}

TEST(ChainReachTest, ACarrierVerbPassesTheStanceOn) {
  auto words = kBelittle;
  words[3] = {"obtain", U::kVerb, 2, "xcomp", "obtain"};
  const auto s = testing::HandTree(words);
  const Bytes cue = Of(s, 1), term = Of(s, 5);
  EXPECT_EQ(OpaqueVerbBetween(s, 5, term.begin, term.end, cue.begin, cue.end, {"obtain"}), -1);
}

TEST(ChainReachTest, AnObliqueOfTheVerbBetweenIsNoObject) {
  // Norway tried to work toward talks
  const auto s = testing::HandTree({{"Norway", U::kPropn, 2, "nsubj", "Norway"},
                        {"tried", U::kVerb, 0, "root", "try"},
                        {"to", U::kPart, 4, "mark", "to"},
                        {"work", U::kVerb, 2, "xcomp", "work"},
                        {"toward", U::kAdp, 6, "case", "toward"},
                        {"talks", U::kNoun, 4, "obl", "talk"}});
  const Bytes cue = Of(s, 1), term = Of(s, 5);
  EXPECT_EQ(OpaqueVerbBetween(s, 5, term.begin, term.end, cue.begin, cue.end, {}), -1);
}

// Norway offered data showing the economy is struggling under sanctions (the model's
// tree: "economy" the object of "showing", "struggling" an adverbial clause of "offered")
std::vector<testing::HandWord> Struggling() {
  return {{"Norway", U::kPropn, 2, "nsubj", "Norway"},  {"offered", U::kVerb, 0, "root", "offer"},
          {"data", U::kNoun, 2, "obj", "data"},          {"showing", U::kVerb, 3, "acl", "show"},
          {"the", U::kDet, 6, "det", "the"},             {"economy", U::kNoun, 4, "obj", "economy"},
          {"is", U::kAux, 8, "aux", "be"},               {"struggling", U::kVerb, 2, "advcl", "struggle"},
          {"under", U::kAdp, 10, "case", "under"},       {"sanctions", U::kNoun, 8, "obl", "sanction"}};
}

TEST(ChainReachTest, AnObliqueOfAClauseOfItsOwnStopsTheChain) {
  const auto s = testing::HandTree(Struggling());
  const Bytes cue = Of(s, 1), term = Of(s, 9);
  EXPECT_EQ(OpaqueVerbBetween(s, 9, term.begin, term.end, cue.begin, cue.end, {}), 7);
}

TEST(ChainReachTest, AnObliqueOfAPassiveIsTheCuesContent) {
  // the same shape with a passive verb: "Norway vowed troops would be assigned to the force"
  auto words = Struggling();
  words[6] = {"were", U::kAux, 8, "aux:pass", "be"};
  words[7] = {"assigned", U::kVerb, 2, "advcl", "assign"};
  const auto s = testing::HandTree(words);
  const Bytes cue = Of(s, 1), term = Of(s, 9);
  EXPECT_EQ(OpaqueVerbBetween(s, 9, term.begin, term.end, cue.begin, cue.end, {}), -1);
}

TEST(ChainReachTest, ATreeThatDoesNotLinkCueAndTermSaysNothing) {
  // the cue "tried" hangs below the term's verb here: the climb from the term never meets it
  const auto s = testing::HandTree({{"Norway", U::kPropn, 4, "nsubj", "Norway"},
                        {"tried", U::kVerb, 4, "advcl", "try"},
                        {"to", U::kPart, 4, "mark", "to"},
                        {"belittle", U::kVerb, 0, "root", "belittle"},
                        {"the", U::kDet, 6, "det", "the"},
                        {"talks", U::kNoun, 4, "obj", "talk"}});
  const Bytes cue = Of(s, 1), term = Of(s, 5);
  EXPECT_EQ(OpaqueVerbBetween(s, 5, term.begin, term.end, cue.begin, cue.end, {}), -1);
}

TEST(ChainReachTest, TheTermsOwnVerbIsNoVerbBetween) {
  // "hold talks" is one verb term: its verb is inside the term's bytes
  const auto s = testing::HandTree({{"Norway", U::kPropn, 2, "nsubj", "Norway"},
                        {"wants", U::kVerb, 0, "root", "want"},
                        {"to", U::kPart, 4, "mark", "to"},
                        {"hold", U::kVerb, 2, "xcomp", "hold"},
                        {"talks", U::kNoun, 4, "obj", "talk"}});
  const Bytes cue = Of(s, 1);
  EXPECT_EQ(OpaqueVerbBetween(s, 4, s.tokens[3].begin, s.tokens[4].end, cue.begin, cue.end, {}), -1);
  EXPECT_EQ(OpaqueVerbBetween(s, 99, 0, 1, cue.begin, cue.end, {}), -1);
}

// He is against allies refusing to pay
const std::vector<testing::HandWord> kAgainstAllies = {{"He", U::kPron, 4, "nsubj", "he"},
                                          {"is", U::kAux, 4, "cop", "be"},
                                          {"against", U::kAdp, 4, "case", "against"},
                                          {"allies", U::kNoun, 0, "root", "ally"},
                                          {"refusing", U::kVerb, 4, "acl", "refuse"},
                                          {"to", U::kPart, 7, "mark", "to"},
                                          {"pay", U::kVerb, 5, "xcomp", "pay"}};

TEST(ChainReachTest, AgainstGovernsItsObjectAndAParticipleOnIt) {
  const auto s = testing::HandTree(kAgainstAllies);
  EXPECT_TRUE(PrepositionGoverns(s, 2, 3));   // allies
  EXPECT_TRUE(PrepositionGoverns(s, 2, 4));   // refusing: the object's own participle
  EXPECT_FALSE(PrepositionGoverns(s, 2, 6));  // pay: inside that participle's clause
  EXPECT_FALSE(PrepositionGoverns(s, 2, 99));
}

TEST(ChainReachTest, ARelativeClauseIsNotWhatAgainstOpposes) {
  auto words = kAgainstAllies;
  words[4] = {"who", U::kPron, 6, "nsubj", "who"};
  words[5] = {"refuse", U::kVerb, 4, "acl:relcl", "refuse"};
  words[6] = {"talks", U::kNoun, 6, "obj", "talk"};
  const auto s = testing::HandTree(words);
  EXPECT_FALSE(PrepositionGoverns(s, 2, 5));  // refuse: a relative clause on the object
  EXPECT_FALSE(PrepositionGoverns(s, 2, 6));  // talks
}

// Denmark condemned the war and discussed its plan to continue sanctions
std::vector<testing::HandWord> Condemned() {
  return {{"Denmark", U::kPropn, 2, "nsubj", "Denmark"}, {"condemned", U::kVerb, 0, "root", "condemn"},
          {"the", U::kDet, 4, "det", "the"},              {"war", U::kNoun, 2, "obj", "war"},
          {"and", U::kCconj, 6, "cc", "and"},             {"discussed", U::kVerb, 2, "conj", "discuss"},
          {"its", U::kPron, 8, "nmod:poss", "its"},       {"plan", U::kNoun, 6, "obj", "plan"},
          {"to", U::kPart, 10, "mark", "to"},             {"continue", U::kVerb, 8, "acl", "continue"},
          {"sanctions", U::kNoun, 10, "obj", "sanction"}};
}

TEST(ChainReachTest, ACoordinatedPredicateIsNotTheFirstVerbs) {
  const auto s = testing::HandTree(Condemned());
  EXPECT_TRUE(CoordinatedPredicate(s, 1, 10));   // condemned ... sanctions
  EXPECT_FALSE(CoordinatedPredicate(s, 9, 10));  // continue governs sanctions itself
  EXPECT_FALSE(CoordinatedPredicate(s, 1, 3));   // the war is condemned's own object
}

TEST(ChainReachTest, ASharedObjectOrAVerbAboveBothConjunctsKeepsTheChain) {
  // Denmark condemned and discussed the sanctions: "condemned" has no object of its own
  auto words = Condemned();
  words[2] = {"and", U::kCconj, 6, "cc", "and"};
  words[3] = {"discussed", U::kVerb, 2, "conj", "discuss"};
  words[4] = {"the", U::kDet, 6, "det", "the"};
  words[5] = {"sanctions", U::kNoun, 2, "obj", "sanction"};
  words.resize(6);
  const auto shared = testing::HandTree(words);
  EXPECT_FALSE(CoordinatedPredicate(shared, 1, 5));
  // Italy wants to strengthen its army and defend the territory: "wants" governs both
  const auto above = testing::HandTree({{"Italy", U::kPropn, 2, "nsubj", "Italy"},
                                        {"wants", U::kVerb, 0, "root", "want"},
                                        {"to", U::kPart, 4, "mark", "to"},
                                        {"strengthen", U::kVerb, 2, "xcomp", "strengthen"},
                                        {"its", U::kPron, 6, "nmod:poss", "its"},
                                        {"army", U::kNoun, 4, "obj", "army"},
                                        {"and", U::kCconj, 8, "cc", "and"},
                                        {"defend", U::kVerb, 4, "conj", "defend"},
                                        {"the", U::kDet, 10, "det", "the"},
                                        {"territory", U::kNoun, 8, "obj", "territory"}});
  EXPECT_FALSE(CoordinatedPredicate(above, 1, 9));
  EXPECT_TRUE(CoordinatedPredicate(above, 3, 9));
}

// Italy sent aid as Kyiv defended its land from an outrageous and unlawful attack
std::vector<testing::HandWord> Outrageous() {
  return {{"Italy", U::kPropn, 2, "nsubj", "Italy"},   {"sent", U::kVerb, 0, "root", "send"},
          {"aid", U::kNoun, 2, "obj", "aid"},           {"as", U::kSconj, 6, "mark", "as"},
          {"Kyiv", U::kPropn, 6, "nsubj", "Kyiv"},      {"defended", U::kVerb, 2, "advcl", "defend"},
          {"its", U::kPron, 8, "nmod:poss", "its"},     {"land", U::kNoun, 6, "obj", "land"},
          {"from", U::kAdp, 14, "case", "from"},        {"an", U::kDet, 14, "det", "a"},
          {"outrageous", U::kAdj, 14, "amod", "outrageous"}, {"and", U::kCconj, 13, "cc", "and"},
          {"unlawful", U::kAdj, 11, "conj", "unlawful"}, {"attack", U::kNoun, 6, "obl", "attack"}};
}

TEST(ChainReachTest, AnAdjectiveOfAnotherNounSaysNothingOfTheTerm) {
  const auto s = testing::HandTree(Outrageous());
  const Bytes term = Of(s, 2);
  EXPECT_TRUE(EvaluationModifiesOther(s, 10, 2, term.begin, term.end));
  EXPECT_TRUE(EvaluationModifiesOther(s, 12, 2, term.begin, term.end));  // a conjunct of it
  // the same adjective on the term itself: "Italy sent outrageous aid"
  auto words = Outrageous();
  words[10] = {"outrageous", U::kAdj, 3, "amod", "outrageous"};
  const auto own = testing::HandTree(words);
  EXPECT_FALSE(EvaluationModifiesOther(own, 10, 2, term.begin, term.end));
}

TEST(ChainReachTest, AnAdjectiveOfAPredicateOverTheTermJudgesIt) {
  // sending tanks is a dangerous move
  const auto predicate = testing::HandTree({{"sending", U::kVerb, 6, "csubj", "send"},
                                            {"tanks", U::kNoun, 1, "obj", "tank"},
                                            {"is", U::kAux, 6, "cop", "be"},
                                            {"a", U::kDet, 6, "det", "a"},
                                            {"dangerous", U::kAdj, 6, "amod", "dangerous"},
                                            {"move", U::kNoun, 0, "root", "move"}});
  Bytes term = Of(predicate, 1);
  EXPECT_FALSE(EvaluationModifiesOther(predicate, 4, 1, term.begin, term.end));
  // Hungary called the deliveries a dangerous move: the complement of the verb above the term
  const auto complement = testing::HandTree({{"Hungary", U::kPropn, 2, "nsubj", "Hungary"},
                                             {"called", U::kVerb, 0, "root", "call"},
                                             {"the", U::kDet, 4, "det", "the"},
                                             {"deliveries", U::kNoun, 2, "obj", "delivery"},
                                             {"a", U::kDet, 7, "det", "a"},
                                             {"dangerous", U::kAdj, 7, "amod", "dangerous"},
                                             {"move", U::kNoun, 2, "xcomp", "move"}});
  term = Of(complement, 3);
  EXPECT_FALSE(EvaluationModifiesOther(complement, 5, 3, term.begin, term.end));
}

TEST(ChainReachTest, APrepositionMarksItsOwnNounOnly) {
  // Italy warned of the consequences of sanctions
  const auto s = testing::HandTree({{"Italy", U::kPropn, 2, "nsubj", "Italy"},
                                    {"warned", U::kVerb, 0, "root", "warn"},
                                    {"of", U::kAdp, 5, "case", "of"},
                                    {"the", U::kDet, 5, "det", "the"},
                                    {"consequences", U::kNoun, 2, "obl", "consequence"},
                                    {"of", U::kAdp, 7, "case", "of"},
                                    {"sanctions", U::kNoun, 5, "nmod", "sanction"}});
  EXPECT_FALSE(PrepositionMarks(s, 2, 6));
  EXPECT_TRUE(PrepositionMarks(s, 2, 4));
  EXPECT_TRUE(PrepositionMarks(s, 5, 6));
}

// --- inside the extractor, with the shipped model, cue lexicon and hand-made mentions

class ChainReachExtractorTest : public testing::ShippedExtractorTest {
 protected:
  static std::vector<std::string> Found(const std::string& text) {
    std::vector<std::string> out;
    for (const Statement& s : testing::ExtractFrom(*extractor_, text))
      out.push_back(s.actor + " " + s.issue + " " + std::to_string(s.stance));
    return out;
  }
  static bool Has(const std::vector<std::string>& v, const std::string& s) {
    for (const auto& x : v)
      if (x == s) return true;
    return false;
  }
};

TEST_F(ChainReachExtractorTest, TryingToPlayDownTalksIsNoSupportForThem) {
  EXPECT_FALSE(Has(Found("Germany tried to downplay the talks with Russia at the summit."), "DEU talks 1"));
  EXPECT_FALSE(Has(Found("Spain sought to explain its remarks about tying up military aid to Ukraine."), "ESP arms 1"));
}

TEST_F(ChainReachExtractorTest, DataAboutTheEffectOfSanctionsIsNoSupportForThem) {
  EXPECT_FALSE(
      Has(Found("Germany offered data showing the Russian economy is struggling under the sanctions."),
          "DEU sanctions 1"));
  EXPECT_TRUE(Has(Found("Germany offered new sanctions against Russia."), "DEU sanctions 1"));
}

TEST_F(ChainReachExtractorTest, AgainstBeforeSomethingElseIsNoStanceOnTheTerm) {
  EXPECT_FALSE(Has(Found("Spain took robust action against firms that help Russia evade the sanctions."),
                   "ESP sanctions -1"));
  EXPECT_TRUE(Has(Found("Hungary is against new sanctions on Russia."), "HUN sanctions -1"));
}

TEST_F(ChainReachExtractorTest, AConditionOfTheFirstPredicateStaysThere) {
  const auto found = Found("Sweden condemned the invasion of Ukraine, and will continue imposing sanctions on Russia.");
  EXPECT_TRUE(Has(found, "SWE sanctions 1"));
  EXPECT_FALSE(Has(found, "SWE sanctions -1"));
  EXPECT_TRUE(Has(Found("Italy will continue to strengthen its army and defend every inch of NATO territory."),
                  "ITA nato-posture 1"));
}

// An evaluation counts for the noun it modifies: the attack is outrageous, not the aid, and
// "this outrageous attack" is a noun, no cue of attacking anyone's policy. A predicate about
// the term, or its complement, still judges it.
TEST_F(ChainReachExtractorTest, AnEvaluationOfAnotherNounDoesNotTurnTheStance) {
  const auto aid = Found("Italy has provided military assistance to Ukraine as it sought to defend its territory "
                         "from an outrageous and unlawful Russian attack.");
  EXPECT_TRUE(Has(aid, "ITA arms 1"));
  EXPECT_FALSE(Has(aid, "ITA arms -1"));
  const auto attack = Found("Poland condemned the outrageous attack and sent more tanks to Ukraine.");
  EXPECT_TRUE(Has(attack, "POL arms 1"));
  EXPECT_FALSE(Has(attack, "POL arms -1"));
  EXPECT_TRUE(Has(Found("Hungary called the deliveries of tanks to Ukraine a dangerous move."), "HUN arms -1"));
  EXPECT_TRUE(Has(Found("Hungary regards talks with Russia as a dangerous game."), "HUN talks -1"));
  EXPECT_TRUE(Has(Found("Hungary said the new sanctions on Russia are dangerous."), "HUN sanctions -1"));
}

TEST_F(ChainReachExtractorTest, CarrierVerbsAndCuesStillCarryTheChain) {
  EXPECT_TRUE(Has(Found("Poland wants to buy more tanks for Ukraine."), "POL arms 1"));
  EXPECT_TRUE(Has(Found("Italy decided to send more tanks to Ukraine."), "ITA arms 1"));
  EXPECT_TRUE(Has(Found("France agreed to pursue a ceasefire with Russia."), "FRA talks 1"));
}

}  // namespace
}  // namespace faultline
