// Clause rules (data/statements/rules/en.yaml) on sentences written here and parsed by the
// shipped model: every rule's own example, the constructions the engine adds to every
// rule (conjuncts, partners, relative clauses, passives, negation, modality, reported
// speech), the rules inside the extractor, and the loader's errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "statements/clause_rules.h"
#include "statements/cues.h"
#include "statements/extractor.h"
#include "statements_test_util.h"
#include "syntax/model.h"

namespace faultline {
namespace {

struct Shipped {
  std::shared_ptr<const syntax::Model> model;
  CueLexicon cues;
  ClauseRuleSet rules;
};

// Loaded once for the whole program: the model takes a quarter of a second.
const Shipped& Load() {
  static const Shipped* shipped = [] {
    auto* s = new Shipped;
    auto m = syntax::Model::Load(syntax::Model::DefaultPath());
    auto c = CueLexicon::Load(CueLexicon::DefaultPath());
    if (!m.ok() || !c.ok()) return s;
    s->model = std::move(m).value();
    s->cues = std::move(c).value();
    auto r = ClauseRuleSet::Load(ClauseRuleSet::DefaultPath(), s->cues);
    if (r.ok()) s->rules = std::move(r).value();
    return s;
  }();
  return *shipped;
}

// "holder issue stance" for each match in `text`, the issue words being those written
// `issue_word`; with `rule`, that rule alone.
std::vector<std::string> Matches(const std::string& text, const std::string& issue_word,
                                 const ClauseRule* rule = nullptr) {
  const Shipped& sh = Load();
  const syntax::ParsedSentence p = sh.model->Parse(text, 0, static_cast<uint32_t>(text.size()));
  std::vector<char> is_issue(p.size(), 0);
  for (int i = 0; i < p.size(); ++i) is_issue[i] = p.tokens[i].form == issue_word;
  std::vector<std::string> out;
  for (const ClauseMatch& m : MatchClauseRules(sh.rules, p, is_issue, rule))
    for (int h : m.holders)
      out.push_back(p.tokens[h].form + " " + p.tokens[m.issue_word].form + " " + std::to_string(m.stance));
  return out;
}

// The shipped rule of that name (null when there is none: the test fails on it).
const ClauseRule* Rule(const std::string& name) {
  for (const ClauseRule& r : Load().rules.rules)
    if (r.name == name) return &r;
  return nullptr;
}

bool Has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += "[" + s + "] ";
  return out;
}

TEST(ClauseRulesTest, TheShippedRulesLoad) {
  const Shipped& sh = Load();
  ASSERT_NE(sh.model, nullptr);
  auto r = ClauseRuleSet::Load(ClauseRuleSet::DefaultPath(), sh.cues);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GE(r->rules.size(), 5u);
}

// One test per rule of the shipped file, named after it: its example sentence gives the
// holder, issue and stance the file states.
class ClauseRuleExampleTest : public ::testing::TestWithParam<std::string> {};

std::vector<std::string> ShippedRuleNames() {
  std::vector<std::string> names;
  for (const ClauseRule& r : Load().rules.rules) names.push_back(r.name);
  return names;
}

TEST_P(ClauseRuleExampleTest, ItsExampleGivesWhatItStates) {
  const Shipped& sh = Load();
  const ClauseRule* rule = nullptr;
  for (const ClauseRule& r : sh.rules.rules)
    if (r.name == GetParam()) rule = &r;
  ASSERT_NE(rule, nullptr);
  const RuleExample& ex = rule->example;
  const auto got = Matches(ex.sentence, ex.issue, rule);
  EXPECT_TRUE(Has(got, ex.holder + " " + ex.issue + " " + std::to_string(ex.stance)))
      << rule->name << " (line " << rule->line << "): \"" << ex.sentence << "\" gave " << Joined(got);
}

std::string RuleTestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string n;
  for (char c : info.param) n += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return n;
}

INSTANTIATE_TEST_SUITE_P(Shipped, ClauseRuleExampleTest, ::testing::ValuesIn(ShippedRuleNames()), RuleTestName);

TEST(ClauseRulesTest, CoordinatedSubjectsAllHold) {
  const auto got = Matches("Portugal and Greece rejected the sanctions.", "sanctions");
  EXPECT_TRUE(Has(got, "Portugal sanctions -1")) << Joined(got);
  EXPECT_TRUE(Has(got, "Greece sanctions -1")) << Joined(got);
}

TEST(ClauseRulesTest, APartnerPhraseSharesTheStance) {
  const auto got = Matches("Norway, together with Iceland, imposed the sanctions last year.", "sanctions");
  EXPECT_TRUE(Has(got, "Norway sanctions 1")) << Joined(got);
  EXPECT_TRUE(Has(got, "Iceland sanctions 1")) << Joined(got);
}

TEST(ClauseRulesTest, ThePassiveTakesItsHolderFromTheByPhrase) {
  const auto got = Matches("The sanctions were imposed by Norway in March.", "sanctions");
  EXPECT_TRUE(Has(got, "Norway sanctions 1")) << Joined(got);
}

TEST(ClauseRulesTest, ARelativeClauseActsOnTheNounItHangsOn) {
  const auto got = Matches("The howitzers that Chile delivered have reached the front.", "howitzers");
  EXPECT_TRUE(Has(got, "Chile howitzers 1")) << Joined(got);
}

TEST(ClauseRulesTest, NegationOnThePredicateFlipsTheStance) {
  const auto got = Matches("Portugal does not support the sanctions.", "sanctions");
  EXPECT_TRUE(Has(got, "Portugal sanctions -1")) << Joined(got);
  EXPECT_FALSE(Has(got, "Portugal sanctions 1")) << Joined(got);
}

TEST(ClauseRulesTest, AVerbAboveThatTurnsTheActAroundFlipsIt) {
  const auto got = Matches("Portugal refused to lift the sanctions.", "sanctions");
  EXPECT_TRUE(Has(got, "Portugal sanctions 1")) << Joined(got);
  EXPECT_FALSE(Has(got, "Portugal sanctions -1")) << Joined(got);
}

TEST(ClauseRulesTest, AParticipleAfterTheObjectSaysWhatIsWantedDoneToIt) {
  auto got = Matches("Portugal wants the sanctions on the regime lifted.", "sanctions");
  EXPECT_TRUE(Has(got, "Portugal sanctions -1")) << Joined(got);
  EXPECT_FALSE(Has(got, "Portugal sanctions 1")) << Joined(got);
  got = Matches("Portugal wants the tanks delivered before winter.", "tanks");
  EXPECT_FALSE(Has(got, "Portugal tanks -1")) << Joined(got);
}

TEST(ClauseRulesTest, AVerbThatMakesItsObjectActGivesItTheAct) {
  auto got = Matches("The crash prompted Norway to impose the sanctions.", "sanctions");
  EXPECT_TRUE(Has(got, "Norway sanctions 1")) << Joined(got);
  EXPECT_FALSE(Has(got, "crash sanctions 1")) << Joined(got);
  // a demand on the object is its speaker's, not the object's act
  got = Matches("Portugal urged Norway to impose the sanctions.", "sanctions");
  EXPECT_FALSE(Has(got, "Norway sanctions 1")) << Joined(got);
}

TEST(ClauseRulesTest, ModalsAndConditionsCancel) {
  EXPECT_TRUE(Matches("Portugal might send tanks next year.", "tanks").empty());
  EXPECT_TRUE(Matches("If Portugal sends tanks, the war will change.", "tanks").empty());
}

TEST(ClauseRulesTest, ARelativeClauseOnAPredicateNounActsForTheSubject) {
  const auto got = Matches("Chile is the country that delivered the howitzers.", "howitzers");
  EXPECT_TRUE(Has(got, "Chile howitzers 1")) << Joined(got);
  EXPECT_FALSE(Has(got, "country howitzers 1")) << Joined(got);
}

TEST(ClauseRulesTest, ARelativeWordInAnObliqueIsNoObjectGap) {
  // the talks are where the proposal was rejected, not what was
  auto got = Matches("The talks at which Portugal rejected the proposal ended early.", "talks");
  EXPECT_FALSE(Has(got, "Portugal talks -1")) << Joined(got);
  got = Matches("The talks which Portugal rejected ended early.", "talks");
  EXPECT_TRUE(Has(got, "Portugal talks -1")) << Joined(got);
}

TEST(ClauseRulesTest, ARelativeClauseOfSupportHoldsItsNoun) {
  const auto got = Matches("The sanctions that Chile has long backed were finally adopted.", "sanctions");
  EXPECT_TRUE(Has(got, "Chile sanctions 1")) << Joined(got);
}

TEST(ClauseRulesTest, ARelativeClauseReachesTheActThroughAGoverningVerb) {
  const auto got = Matches("The army received the howitzers that Norway had promised to deliver.", "howitzers");
  EXPECT_TRUE(Has(got, "Norway howitzers 1")) << Joined(got);
}

TEST(ClauseRulesTest, AnOverriddenObjectionAndTheActBothStand) {
  const auto got = Matches("Over the objections of Slovakia, Portugal adopted the sanctions.", "sanctions");
  EXPECT_TRUE(Has(got, "Slovakia sanctions -1")) << Joined(got);
  EXPECT_TRUE(Has(got, "Portugal sanctions 1")) << Joined(got);
  // "over" / "despite" only: an objection in any other place is about its own complement
  const ClauseRule* rule = Rule("overridden-objection");
  ASSERT_NE(rule, nullptr);
  EXPECT_TRUE(Matches("After the objections of Slovakia, Portugal adopted the sanctions.", "sanctions", rule).empty());
}

TEST(ClauseRulesTest, WhoWarnsOfAMeasureHoldsItNotWhoWouldFaceIt) {
  const ClauseRule* rule = Rule("warned-to-face");
  ASSERT_NE(rule, nullptr);
  auto got = Matches("Malta gave the Kremlin an ultimatum to withdraw its troops or face harsher sanctions.",
                     "sanctions", rule);
  EXPECT_TRUE(Has(got, "Malta sanctions 1")) << Joined(got);
  got = Matches("Portugal warned that the Kremlin would face new sanctions.", "sanctions", rule);
  EXPECT_TRUE(Has(got, "Portugal sanctions 1")) << Joined(got);
  EXPECT_FALSE(Has(got, "Kremlin sanctions 1")) << Joined(got);
  // nobody warns: the country that faces the measure takes no position on it
  EXPECT_TRUE(Matches("The Kremlin faces new sanctions after the vote.", "sanctions", rule).empty());
  // a hedged warning is no position ("could": cancel_aux)
  EXPECT_TRUE(Matches("Portugal warned that the Kremlin could face new sanctions.", "sanctions", rule).empty());
}

TEST(ClauseRulesTest, AThreatWithAMeasureStandsForIt) {
  auto got = Matches("Iceland threatened new sanctions against the Kremlin.", "sanctions");
  EXPECT_TRUE(Has(got, "Iceland sanctions 1")) << Joined(got);
  got = Matches("Iceland's threat of tougher sanctions angered the Kremlin.", "sanctions");
  EXPECT_TRUE(Has(got, "Iceland sanctions 1")) << Joined(got);
  // what is threatened is not the issue word: nothing on it
  const ClauseRule* rule = Rule("threaten-with");
  ASSERT_NE(rule, nullptr);
  EXPECT_TRUE(Matches("The Kremlin threatened retaliation against any new sanctions.", "sanctions", rule).empty());
}

TEST(ClauseRulesTest, AnAdverbialGerundIsHeldByTheSubjectOfItsClause) {
  // the gerund after a subordinator has no subject of its own: the main clause's acts
  auto got = Matches("After imposing new sanctions on the regime, Canada turned to the question of energy.",
                     "sanctions");
  EXPECT_TRUE(Has(got, "Canada sanctions 1")) << Joined(got);
  got = Matches("By sending tanks to the front, Norway broke with its long tradition of caution.", "tanks");
  EXPECT_TRUE(Has(got, "Norway tanks 1")) << Joined(got);
  got = Matches("Before rejecting the sanctions, Hungary asked for an exemption for its oil imports.", "sanctions");
  EXPECT_TRUE(Has(got, "Hungary sanctions -1")) << Joined(got);
  // "a day after approving ...": the gerund hangs on a time noun of the main clause
  got = Matches("Two weeks after approving the sanctions, the Irish cabinet met the envoy.", "sanctions");
  EXPECT_TRUE(Has(got, "cabinet sanctions 1")) << Joined(got);
  // "for": the reason the main clause gives is the object's act, not the subject's
  got = Matches("The Czech government criticized Slovakia for blocking the sanctions.", "sanctions");
  EXPECT_FALSE(Has(got, "government sanctions -1")) << Joined(got);
  EXPECT_FALSE(Has(got, "government sanctions 1")) << Joined(got);
}

TEST(ClauseRulesTest, TheContentOfAChargeIsNoPositionOfTheCharged) {
  EXPECT_TRUE(Matches("The opposition charged that Malta had blocked the sanctions for months.", "sanctions").empty());
  EXPECT_TRUE(Matches("Critics allege that Iceland withheld the tanks from the army.", "tanks").empty());
  EXPECT_FALSE(Matches("The opposition said that Malta had blocked the sanctions for months.", "sanctions").empty());
}

TEST(ClauseRulesTest, ARelativeClauseOfAnAnnouncementOrACommitmentHoldsItsNoun) {
  auto got = Matches("The sanctions that Iceland announced on Monday hit the central bank.", "sanctions");
  EXPECT_TRUE(Has(got, "Iceland sanctions 1")) << Joined(got);
  got = Matches("The troops Portugal deployed to the border arrived in March.", "troops");
  EXPECT_TRUE(Has(got, "Portugal troops 1")) << Joined(got);
}

TEST(ClauseRulesTest, AWordNeverHoldsItself) {
  // "of" reaches the holder of "the objections of Malta" and the issue here: no holder
  const auto got = Matches("The criticism of sanctions grew louder in the spring.", "sanctions");
  EXPECT_FALSE(Has(got, "sanctions sanctions -1")) << Joined(got);
}

TEST(ClauseRulesTest, ADisputedNounStatesNothing) {
  EXPECT_TRUE(Matches("Malta doubted Iceland's claimed commitment to the talks.", "talks").empty());
  EXPECT_FALSE(Matches("Malta welcomed Iceland's commitment to the talks.", "talks").empty());
}

TEST(ClauseRulesTest, ASubjectBesideAPassiveAuxiliaryHoldsNothing) {
  // The model sometimes labels a passive subject plain nsubj ("..., when Georgia and
  // Ukraine were promised membership"); the slip is written into a parse of a sentence
  // that it gets right, so the test does not depend on the model making it.
  const Shipped& sh = Load();
  const std::string text = "Moldova and Armenia were promised membership in the alliance.";
  syntax::ParsedSentence p = sh.model->Parse(text, 0, static_cast<uint32_t>(text.size()));
  std::vector<char> is_issue(p.size(), 0);
  int slipped = 0;
  for (int i = 0; i < p.size(); ++i) {
    is_issue[i] = p.tokens[i].form == "membership";
    if (p.tokens[i].deprel == "nsubj:pass") {
      p.tokens[i].deprel = "nsubj";
      ++slipped;
    }
  }
  ASSERT_EQ(slipped, 1) << "the model no longer reads the sentence as a passive";
  EXPECT_TRUE(MatchClauseRules(sh.rules, p, is_issue).empty());
  // the active voice still holds
  EXPECT_TRUE(Has(Matches("Moldova and Armenia promised membership in the alliance.", "membership"),
                  "Moldova membership 1"));
}

TEST(ClauseRulesTest, ReportedSpeechKeepsTheReportedSubjectAndTheSpeaker) {
  const Shipped& sh = Load();
  const std::string text = "The minister said that Portugal opposes the sanctions.";
  const syntax::ParsedSentence p = sh.model->Parse(text, 0, static_cast<uint32_t>(text.size()));
  std::vector<char> is_issue(p.size(), 0);
  for (int i = 0; i < p.size(); ++i) is_issue[i] = p.tokens[i].form == "sanctions";
  const auto ms = MatchClauseRules(sh.rules, p, is_issue);
  ASSERT_EQ(ms.size(), 1u);
  ASSERT_EQ(ms[0].holders.size(), 1u);
  EXPECT_EQ(p.tokens[ms[0].holders[0]].form, "Portugal");
  EXPECT_EQ(ms[0].stance, -1);
  ASSERT_GE(ms[0].speaker, 0);
  EXPECT_EQ(p.tokens[ms[0].speaker].form, "minister");
}

TEST(ClauseRulesTest, PathsParseAndBadOnesAreErrors) {
  auto p = ParseDepPath("^xcomp>obl[for|on]");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->size(), 2u);
  EXPECT_TRUE((*p)[0].up);
  EXPECT_EQ((*p)[1].relation, "obl");
  EXPECT_EQ((*p)[1].cases, (std::vector<std::string>{"for", "on"}));
  auto q = ParseDepPath("obj{Demand|request}>obl[for]{talks}");
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ((*q)[0].relation, "obj");
  EXPECT_EQ((*q)[0].lemmas, (std::vector<std::string>{"demand", "request"}));
  EXPECT_EQ((*q)[1].cases, (std::vector<std::string>{"for"}));
  EXPECT_EQ((*q)[1].lemmas, (std::vector<std::string>{"talks"}));
  EXPECT_FALSE(ParseDepPath("obj{demand").ok());
  EXPECT_FALSE(ParseDepPath("obj{demand||call}").ok());
  EXPECT_FALSE(ParseDepPath("obl[for").ok());
  EXPECT_FALSE(ParseDepPath("obj>>nmod").ok());
  EXPECT_FALSE(ParseDepPath("Obj").ok());
}

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

TEST(ClauseRulesTest, AMalformedRuleFileNamesFileAndLine) {
  const std::string path = WriteTemp("bad_rules.yaml",
                                     "negators: [not]\n"
                                     "rules:\n"
                                     "  - name: first\n"
                                     "    predicate: {lemmas: [back]}\n"
                                     "    holder: [nsubj]\n"
                                     "    issue: [\"obl[for\"]\n"
                                     "    stance: 1\n"
                                     "    example: {sentence: a, holder: b, issue: c, stance: 1}\n");
  auto r = ClauseRuleSet::Load(path, Load().cues);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().file(), path);
  EXPECT_EQ(r.status().line(), 6);
  EXPECT_NE(r.status().reason().find("issue"), std::string::npos) << r.status().ToString();

  const std::string missing = WriteTemp("missing_rules.yaml",
                                        "rules:\n"
                                        "  - name: lonely\n"
                                        "    predicate: {class: support}\n"
                                        "    issue: [obj]\n"
                                        "    stance: 1\n"
                                        "    example: {sentence: a, holder: b, issue: c, stance: 1}\n");
  r = ClauseRuleSet::Load(missing, Load().cues);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().line(), 2);
  EXPECT_NE(r.status().reason().find("'holder'"), std::string::npos) << r.status().ToString();

  const std::string unknown = WriteTemp("class_rules.yaml",
                                        "rules:\n"
                                        "  - name: odd\n"
                                        "    predicate: {class: enthusiasm}\n"
                                        "    holder: [nsubj]\n"
                                        "    issue: [obj]\n"
                                        "    stance: 1\n"
                                        "    example: {sentence: a, holder: b, issue: c, stance: 1}\n");
  r = ClauseRuleSet::Load(unknown, Load().cues);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().reason().find("enthusiasm"), std::string::npos) << r.status().ToString();
}

// The relative-word lists have no default: a rule file without one is an error naming the
// key, never a silent loss of the check.
TEST(ClauseRulesTest, ARuleFileWithoutItsRelativeWordsIsAnError) {
  const std::string rule =
      "rules:\n"
      "  - name: backs\n"
      "    predicate: {lemmas: [back]}\n"
      "    holder: [nsubj]\n"
      "    issue: [obj]\n"
      "    stance: 1\n"
      "    example: {sentence: a, holder: b, issue: c, stance: 1}\n";
  auto r = ClauseRuleSet::Load(WriteTemp("no_relatives.yaml", "relative_pronouns: [which]\n" + rule), Load().cues);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().reason().find("'adverbial_relatives'"), std::string::npos) << r.status().ToString();
  r = ClauseRuleSet::Load(WriteTemp("own_relatives.yaml",
                                    "relative_pronouns: [which]\nadverbial_relatives: [where]\n" + rule),
                          Load().cues);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->relative_pronouns, std::vector<std::string>{"which"});
  EXPECT_EQ(r->adverbial_relatives, std::vector<std::string>{"where"});
}

// --- inside the extractor, with hand-made mentions (statements_test_util.h)

class ClauseRulesExtractorTest : public testing::ShippedExtractorTest {
 protected:
  static std::vector<std::string> Found(const std::string& text) {
    std::vector<std::string> out;
    for (const Statement& s : testing::ExtractFrom(*extractor_, text))
      out.push_back(s.actor + " " + s.issue + " " + std::to_string(s.stance) + " " + s.rule);
    return out;
  }
  static bool HasStatement(const std::vector<std::string>& v, const std::string& prefix) {
    for (const auto& s : v)
      if (s.rfind(prefix, 0) == 0) return true;
    return false;
  }
};

TEST_F(ClauseRulesExtractorTest, ARelativeClauseNamesWhoSentTheWeapons) {
  const auto got = Found("The tanks that Poland transferred to Ukraine were repaired in a workshop near the border.");
  EXPECT_TRUE(HasStatement(got, "POL arms 1")) << Joined(got);
}

TEST_F(ClauseRulesExtractorTest, ATermInTheByPhraseIsTheAgentNotTheObject) {
  // the forces do the supporting: nothing is said for or against them
  const auto got = Found("Russia threatened Poland. Polish troops, supported by the United States and NATO forces, "
                         "held exercises near the border.");
  EXPECT_TRUE(got.empty()) << Joined(got);
  const auto passive = Found("Russia threatened Poland. The deployment of troops was backed by Poland and Germany.");
  EXPECT_TRUE(HasStatement(passive, "POL nato-posture 1")) << Joined(passive);
  EXPECT_TRUE(HasStatement(passive, "DEU nato-posture 1")) << Joined(passive);
  // a comma closes the agent: the fronted participle describes the term after it
  const auto fronted = Found("Backed by France and Germany, the sanctions on Russia were adopted on Monday.");
  EXPECT_TRUE(HasStatement(fronted, "FRA sanctions 1")) << Joined(fronted);
}

TEST_F(ClauseRulesExtractorTest, EveryPartnerOfTheHolderHoldsTheStance) {
  const auto got = Found("Britain, together with France, imposed sanctions on Russia after the attack.");
  EXPECT_TRUE(HasStatement(got, "GBR sanctions 1")) << Joined(got);
  EXPECT_TRUE(HasStatement(got, "FRA sanctions 1")) << Joined(got);
  EXPECT_FALSE(HasStatement(got, "RUS sanctions")) << Joined(got);
}

TEST_F(ClauseRulesExtractorTest, TheSpeakerOfReportedSpeechIsTheSource) {
  const std::string text = "The Danish minister said that the tanks which Poland transferred to Ukraine had been repaired.";
  bool found = false;
  for (const Statement& s : testing::ExtractFrom(*extractor_, text)) {
    if (s.actor != "POL" || s.issue != "arms") continue;
    found = true;
    if (s.rule.rfind("tree/", 0) == 0) {
      EXPECT_EQ(s.source, "The Danish minister") << s.rule;
    }
  }
  EXPECT_TRUE(found);
  // the match itself names the speaker, whichever rules give the statement
  const Shipped& sh = Load();
  const syntax::ParsedSentence p = sh.model->Parse(text, 0, static_cast<uint32_t>(text.size()));
  std::vector<char> is_issue(p.size(), 0);
  for (int i = 0; i < p.size(); ++i) is_issue[i] = p.tokens[i].form == "tanks";
  const auto ms = MatchClauseRules(sh.rules, p, is_issue);
  ASSERT_EQ(ms.size(), 1u);
  ASSERT_GE(ms[0].speaker, 0);
  EXPECT_EQ(p.tokens[ms[0].speaker].form, "minister");
}

TEST_F(ClauseRulesExtractorTest, TreeStatementsCarryTheirRuleName) {
  const auto got = Found("The tanks that Poland transferred to Ukraine were repaired in a workshop near the border.");
  bool tree = false;
  for (const auto& s : got) tree |= s.find("tree/") != std::string::npos;
  EXPECT_TRUE(tree || HasStatement(got, "POL arms 1")) << Joined(got);
}

}  // namespace
}  // namespace faultline
