// Codebook and cue lexicon loading: the shipped files, a user's codebook, and the errors
// a broken file gives.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>

#include "statements/codebook.h"
#include "statements/cues.h"
#include "statements/extractor.h"
#include "statements/patterns.h"
#include "statements_test_util.h"
#include "test_paths.h"

namespace faultline {
namespace {

std::string WriteTemp(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / ("faultline_codebook_test_" + name);
  std::ofstream(path) << text;
  return path.string();
}

TEST(CodebookTest, ShippedSecurityCodebookHasTheFifteenIssues) {
  auto cb = Codebook::Load(Codebook::DefaultPath());
  ASSERT_TRUE(cb.ok()) << cb.status().ToString();
  std::vector<std::string> ids;
  for (const auto& i : cb->issues()) ids.push_back(i.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"talks", "arms", "sanctions", "ukraine-nato", "nato-enlargement",
                                           "nato-posture", "nato-russia-act", "neutrality", "guarantees",
                                           "eu-ukraine", "aid", "frozen-assets", "defence-spending",
                                           "nord-stream", "russia-g7"}));
  for (const auto& i : cb->issues()) EXPECT_FALSE(i.proposition.empty()) << i.id;
}

TEST(CodebookTest, ExampleMigrationCodebookLoads) {
  auto cb = Codebook::Load(testing::SourceDir() + "/data/codebooks/migration.yaml");
  ASSERT_TRUE(cb.ok()) << cb.status().ToString();
  EXPECT_GE(cb->issues().size(), 4u);
}

TEST(CodebookTest, ErrorsNameTheFileAndTheProblem) {
  auto missing = Codebook::Load("/nonexistent/codebook.yaml");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().ToString().find("/nonexistent/codebook.yaml"), std::string::npos);

  auto no_terms = Codebook::Load(WriteTemp("noterms.yaml", "issues:\n  - id: x\n    proposition: y\n"));
  ASSERT_FALSE(no_terms.ok());
  EXPECT_NE(no_terms.status().reason().find("no terms"), std::string::npos);

  auto dup = Codebook::Load(WriteTemp("dup.yaml", "issues:\n  - id: x\n    terms: [a]\n  - id: x\n    terms: [b]\n"));
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().reason().find("duplicate"), std::string::npos);
  EXPECT_GT(dup.status().line(), 0);

  auto bad_yaml = Codebook::Load(WriteTemp("bad.yaml", "issues: [\n"));
  ASSERT_FALSE(bad_yaml.ok());
}

TEST(CodebookTest, AUsersCodebookMapsANewDebate) {
  const std::string path = WriteTemp("energy.yaml", R"(name: energy
issues:
  - id: nuclear
    proposition: Nuclear power plants should keep running.
    terms: [nuclear power, reactors, nuclear plants]
    acts:
      - verbs: [shut down, close]
        stance: -1
)");
  auto ex = StatementExtractor::Create(path);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  auto s = testing::Triples(testing::ExtractFrom(*ex, "Germany shut down its last reactors. Poland favors nuclear power."));
  EXPECT_EQ(s, (std::vector<std::string>{"DEU nuclear -1", "POL nuclear +1"}));
}

// An adversary's support is the target of the act read as its holder; its opposition is a
// position. Without the key the same text codes both.
TEST(CodebookTest, AdversariesSupportIsNotCodedTheirOppositionIs) {
  const std::string issue = R"(
  - id: embargo
    proposition: An embargo on Russia should be imposed.
    terms: [embargo]
)";
  const std::string text = "Russia supports the embargo. Russia opposes the embargo. Poland supports the embargo.";
  auto plain = StatementExtractor::Create(WriteTemp("plain.yaml", "issues:" + issue));
  auto with = StatementExtractor::Create(WriteTemp("adv.yaml", "issues:" + issue + "    adversaries: [RUS]\n"));
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  ASSERT_TRUE(with.ok()) << with.status().ToString();
  EXPECT_EQ(testing::Triples(testing::ExtractFrom(*plain, text)),
            (std::vector<std::string>{"POL embargo +1", "RUS embargo +1", "RUS embargo -1"}));
  EXPECT_EQ(testing::Triples(testing::ExtractFrom(*with, text)),
            (std::vector<std::string>{"POL embargo +1", "RUS embargo -1"}));
  auto bad = Codebook::Load(WriteTemp("badadv.yaml", "issues:" + issue + "    adversaries: {a: b}\n"));
  EXPECT_FALSE(bad.ok());
  auto shipped = Codebook::Load(Codebook::DefaultPath());
  ASSERT_TRUE(shipped.ok());
  const auto& sanctions = shipped->issues()[shipped->FindIssue("sanctions")];
  EXPECT_NE(std::find(sanctions.adversaries.begin(), sanctions.adversaries.end(), "RUS"), sanctions.adversaries.end());
}

// `holders` keeps the issue to the actors whose debate it is: others' statements on it are
// dropped, whatever their stance. Without the key the same text codes all of them.
TEST(CodebookTest, HoldersKeepAnIssueToItsOwnDebate) {
  const std::string issue = R"(
  - id: budgets
    proposition: The allies should raise their defence budgets.
    terms: [defence budget, defence budgets]
)";
  const std::string text = "Poland supports a bigger defence budget. Mexico supports a bigger defence budget. "
                           "Iran opposes a bigger defence budget.";
  auto plain = StatementExtractor::Create(WriteTemp("plain3.yaml", "issues:" + issue));
  auto with = StatementExtractor::Create(WriteTemp("holders.yaml", "issues:" + issue + "    holders: [POL, NATO]\n"));
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  ASSERT_TRUE(with.ok()) << with.status().ToString();
  EXPECT_EQ(testing::Triples(testing::ExtractFrom(*plain, text)),
            (std::vector<std::string>{"IRN budgets -1", "MEX budgets +1", "POL budgets +1"}));
  EXPECT_EQ(testing::Triples(testing::ExtractFrom(*with, text)), (std::vector<std::string>{"POL budgets +1"}));
  auto bad = Codebook::Load(WriteTemp("badholders.yaml", "issues:" + issue + "    holders: {a: b}\n"));
  EXPECT_FALSE(bad.ok());
  auto shipped = Codebook::Load(Codebook::DefaultPath());
  ASSERT_TRUE(shipped.ok());
  const auto& spending = shipped->issues()[shipped->FindIssue("defence-spending")];
  EXPECT_NE(std::find(spending.holders.begin(), spending.holders.end(), "POL"), spending.holders.end());
  EXPECT_EQ(std::find(spending.holders.begin(), spending.holders.end(), "RUS"), spending.holders.end());
}

// A generic term ("help") is the issue `generic_as` in a document that names one of
// `generic_as_words` and none of `kind_words`; elsewhere, and without the keys, its own
// issue's. A generic_as that names no other issue is an error.
TEST(CodebookTest, GenericTermsTakeTheKindTheDocumentNames) {
  const std::string issues = R"(
  - id: relief
    proposition: Famine relief should be sent.
    terms: [food relief]
    generic_terms: [help]
    generic_as: guns
    generic_as_words: [rifles for the rebels]
    kind_words: [grain]
  - id: guns
    proposition: Weapons should be sent.
    terms: [rifles]
)";
  auto ex = StatementExtractor::Create(WriteTemp("generic.yaml", "issues:" + issues));
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  auto triples = [&](const std::string& text) { return testing::Triples(testing::ExtractFrom(*ex, text)); };
  // the document names its help as rifles for the rebels, and no grain: the help is guns
  EXPECT_EQ(triples("Mexico sent Rifles for the Rebels last year. Spain opposes more help."),
            (std::vector<std::string>{"ESP guns -1", "MEX guns +1"}));
  EXPECT_EQ(triples("Mexico sent rifles for the rebels and grain. Spain opposes more help."),
            (std::vector<std::string>{"ESP relief -1", "MEX guns +1"}));
  EXPECT_EQ(triples("Spain opposes more help."), (std::vector<std::string>{"ESP relief -1"}));
  // the phrase may wrap a line, and must stand between word boundaries
  EXPECT_EQ(triples("Mexico sent rifles for\nthe rebels. Spain opposes more help."),
            (std::vector<std::string>{"ESP guns -1", "MEX guns +1"}));
  EXPECT_EQ(triples("Mexico sent rifles for the rebelsx. Spain opposes more help."),
            (std::vector<std::string>{"ESP relief -1", "MEX guns +1"}));
  auto self = Codebook::Load(WriteTemp("genself.yaml", R"(issues:
  - id: relief
    terms: [food relief]
    generic_terms: [help]
    generic_as: relief
    generic_as_words: [rifles]
)"));
  ASSERT_FALSE(self.ok());
  EXPECT_NE(self.status().reason().find("generic_as"), std::string::npos);
  auto unknown = Codebook::Load(WriteTemp("genunknown.yaml", R"(issues:
  - id: relief
    terms: [food relief]
    generic_terms: [help]
    generic_as: cannons
    generic_as_words: [rifles]
)"));
  ASSERT_FALSE(unknown.ok());
  auto no_words = Codebook::Load(WriteTemp("gennowords.yaml", R"(issues:
  - id: relief
    terms: [food relief]
    generic_terms: [help]
)"));
  ASSERT_FALSE(no_words.ok());
  EXPECT_NE(no_words.status().reason().find("generic_terms"), std::string::npos);
}

// A clause that names another debate's subject and none of when_actor is about that debate,
// though the sentence before named Russia; a clause naming both stays.
TEST(CodebookTest, OtherSubjectsKeepAnotherDebateOut) {
  const std::string issue = R"(
  - id: embargo
    proposition: An embargo on Russia should be imposed.
    when_actor: [RUS]
    actor_scope: context
    terms: [embargo]
)";
  const std::string text = "Russia is at war. Turkey opposes the embargo. Russia and Turkey oppose the embargo.";
  auto plain = StatementExtractor::Create(WriteTemp("plain2.yaml", "issues:" + issue));
  auto with = StatementExtractor::Create(WriteTemp("other.yaml", "issues:" + issue + "    other_subjects: [TUR]\n"));
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  ASSERT_TRUE(with.ok()) << with.status().ToString();
  auto evidence = [&](const StatementExtractor& ex) {
    std::vector<std::string> out;
    for (const auto& s : testing::ExtractFrom(ex, text)) out.push_back(s.actor + " " + s.evidence);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(evidence(*plain), (std::vector<std::string>{"RUS Russia and Turkey oppose the embargo.", "TUR Turkey opposes the embargo."}));
  EXPECT_EQ(evidence(*with), (std::vector<std::string>{"RUS Russia and Turkey oppose the embargo.",
                                                       "TUR Russia and Turkey oppose the embargo."}));
}

TEST(CueLexiconTest, ShippedLexiconLoads) {
  auto lex = CueLexicon::Load(CueLexicon::DefaultPath());
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_GT(lex->cues().size(), 100u);
  EXPECT_TRUE(lex->pronouns().count("they"));
  // the words that end a wished-for object's phrase are data ("wants the sanctions that were lifted")
  for (const char* w : {"that", "were", "and"}) EXPECT_TRUE(lex->object_complement_ends().count(w)) << w;
}

TEST(CueLexiconTest, ObjectComplementEndsAreRead) {
  const std::string path = ::testing::TempDir() + "/object_complement_ends.yaml";
  {
    std::ofstream out(path);
    out << "support:\n  verbs: [back]\nobject_complement_verbs: [want]\nobject_complement_ends: [whereupon]\n";
    for (const std::string& key : CueLexicon::RequiredLists()) out << key << ": []\n";
  }
  auto lex = CueLexicon::Load(path);
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_TRUE(lex->object_complement_ends().count("whereupon"));
  EXPECT_FALSE(lex->object_complement_ends().count("that"));
}

// The shipped lexicon with `key` set to `value` (a YAML flow list), or without `key` when
// `value` is empty.
std::string LexiconWith(const std::string& name, const std::string& key, const std::string& value) {
  YAML::Node root = YAML::LoadFile(CueLexicon::DefaultPath());
  if (value.empty()) root.remove(key);
  else root[key] = YAML::Load(value);
  YAML::Emitter out;
  out << root;
  return WriteTemp(name, out.c_str());
}

// The function-word lists have no default: a lexicon without one is an error that names the
// file and the key, never a silent loss of the check.
TEST(CueLexiconTest, MissingFunctionWordListIsAnError) {
  ASSERT_FALSE(CueLexicon::RequiredLists().empty());
  for (const std::string& key : CueLexicon::RequiredLists()) {
    const std::string path = LexiconWith("lacks_" + key + ".yaml", key, "");
    auto lex = CueLexicon::Load(path);
    ASSERT_FALSE(lex.ok()) << key;
    const std::string msg = lex.status().ToString();
    EXPECT_NE(msg.find("'" + key + "'"), std::string::npos) << msg;
    EXPECT_NE(msg.find(path), std::string::npos) << msg;
  }
  auto scalar = CueLexicon::Load(LexiconWith("scalar_negators.yaml", "negators", "{a: b}"));
  ASSERT_FALSE(scalar.ok());
  EXPECT_NE(scalar.status().ToString().find("'negators' must be a list"), std::string::npos);
}

// Each list is read as written, one token per entry: "'s" stays whole (the tokenizer would
// split it), and a negator ending matches at the end of a word.
TEST(CueLexiconTest, FunctionWordListsAreReadAsWritten) {
  auto shipped = CueLexicon::Load(CueLexicon::DefaultPath());
  ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
  EXPECT_TRUE(shipped->speech_noun_determiners().count("'s"));
  EXPECT_TRUE(shipped->modifier_possessors().count("'s"));
  EXPECT_TRUE(shipped->coordination_words().count(","));
  for (const char* w : {"not", "never", "don't", "won't", "cannot"}) EXPECT_TRUE(shipped->IsNegatorWord(w)) << w;
  for (const char* w : {"note", "nothing", "t", "n"}) EXPECT_FALSE(shipped->IsNegatorWord(w)) << w;
  auto own = CueLexicon::Load(LexiconWith("own_negators.yaml", "negators", "[hardly]"));
  ASSERT_TRUE(own.ok()) << own.status().ToString();
  EXPECT_TRUE(own->IsNegatorWord("hardly"));
  EXPECT_FALSE(own->IsNegatorWord("not"));
  EXPECT_TRUE(own->IsNegatorWord("didn't"));
  auto no_suffix = CueLexicon::Load(LexiconWith("no_suffixes.yaml", "negator_suffixes", "[]"));
  ASSERT_TRUE(no_suffix.ok()) << no_suffix.status().ToString();
  EXPECT_FALSE(no_suffix->IsNegatorWord("didn't"));
}

// A `not_object_of` verb reaches its term over the lexicon's object_determiners ("its"): with
// the list empty the verb no longer governs the term, and "will not reconsider" reads as a
// stance on it.
TEST(CueLexiconTest, ObjectDeterminersComeFromTheLexicon) {
  auto shipped = StatementExtractor::Create();
  auto empty = StatementExtractor::Create({}, LexiconWith("no_object_determiners.yaml", "object_determiners", "[]"));
  ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  const std::string text = "Finland will not reconsider its membership in NATO.";
  EXPECT_EQ(testing::Triples(testing::ExtractFrom(*shipped, text)), std::vector<std::string>{});
  EXPECT_EQ(testing::Triples(testing::ExtractFrom(*empty, text)), (std::vector<std::string>{"FIN nato-enlargement +1"}));
}

// An entry of a function-word list that the tokenizer writes as several tokens could never
// match: "like-minded" is "like", "-", "minded". Loading it is an error naming the entry and
// the key; "'s", one token after a word, is accepted.
TEST(CueLexiconTest, AFunctionWordEntryIsOneToken) {
  auto hyphen = CueLexicon::Load(LexiconWith("hyphen_glue.yaml", "group_glue_words", "[and, like-minded]"));
  ASSERT_FALSE(hyphen.ok());
  const std::string msg = hyphen.status().ToString();
  EXPECT_NE(msg.find("'like-minded'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("'group_glue_words'"), std::string::npos) << msg;
  EXPECT_FALSE(CueLexicon::Load(LexiconWith("upper_glue.yaml", "group_glue_words", "[And]")).ok());
  auto possessive = CueLexicon::Load(LexiconWith("possessive_glue.yaml", "group_glue_words", "[\"'s\", \",\"]"));
  ASSERT_TRUE(possessive.ok()) << possessive.status().ToString();
  EXPECT_TRUE(possessive->group_glue_words().count("'s"));
}

// The Triples of `text` by the shipped lexicon and by one where `key` is `value`.
std::pair<std::vector<std::string>, std::vector<std::string>> ShippedAndWith(const std::string& key,
                                                                             const std::string& value,
                                                                             const std::string& text) {
  auto shipped = StatementExtractor::Create();
  auto other = StatementExtractor::Create({}, LexiconWith("with_" + key + ".yaml", key, value));
  EXPECT_TRUE(shipped.ok()) << shipped.status().ToString();
  EXPECT_TRUE(other.ok()) << other.status().ToString();
  if (!shipped.ok() || !other.ok()) return {};
  return {testing::Triples(testing::ExtractFrom(*shipped, text)), testing::Triples(testing::ExtractFrom(*other, text))};
}

// "'s" is a subject word (read as written since session 33; read through the tokenizer it was
// a quote mark and "s"): "The president's Polish counterpart" is a Polish subject.
TEST(CueLexiconTest, APossessiveMayStandInASubject) {
  const auto [shipped, without] = ShippedAndWith("subject_words", "[the, president]",
                                                 "Russia invaded Ukraine. The president's Polish counterpart backs more sanctions.");
  EXPECT_EQ(shipped, (std::vector<std::string>{"POL sanctions +1"}));
  EXPECT_EQ(without, std::vector<std::string>{});
}

// The names of one group subject are joined by the lexicon's group_glue_words.
TEST(CueLexiconTest, TheGroupGlueComesFromTheLexicon) {
  const auto [shipped, without] =
      ShippedAndWith("group_glue_words", "[]", "Russia invaded Ukraine. Spain, Italy and other allies back more sanctions.");
  EXPECT_EQ(shipped, (std::vector<std::string>{"ESP sanctions +1", "ITA sanctions +1"}));
  EXPECT_EQ(without, (std::vector<std::string>{"ESP sanctions +1"}));
}

// One list of recipient words serves the flat reading and the parse: "for" names the recipient
// of arms ("shells for Moscow's war" are no arms for Ukraine), and without it in the list
// nothing does.
TEST(CueLexiconTest, TheRecipientWordsComeFromTheLexicon) {
  const auto [shipped, without] = ShippedAndWith("recipient_prepositions", "[to, on, against, targeting]",
                                                 "Russia invaded Ukraine. Mexico sent artillery shells for Moscow's war.");
  EXPECT_EQ(shipped, std::vector<std::string>{});
  EXPECT_EQ(without, (std::vector<std::string>{"MEX arms +1"}));
}

TEST(PatternsTest, VerbAndNounForms) {
  IrregularForms irr{{"send", {"sent"}}};
  auto f = VerbForms("send", irr);
  for (const char* w : {"send", "sends", "sending", "sent"}) EXPECT_NE(std::find(f.begin(), f.end(), w), f.end()) << w;
  auto b = VerbForms("ban", {});
  EXPECT_NE(std::find(b.begin(), b.end(), "banned"), b.end());
  auto o = VerbForms("oppose", {});
  EXPECT_NE(std::find(o.begin(), o.end(), "opposing"), o.end());
  auto n = NounForms("negotiation");
  EXPECT_NE(std::find(n.begin(), n.end(), "negotiations"), n.end());
}

TEST(PatternsTest, HyphensAndSlotsMatch) {
  PatternSet set;
  ASSERT_TRUE(set.Add("cease-fire", Inflect::kNone, 1).ok());
  ASSERT_TRUE(set.Add("talk to {RUS}", Inflect::kVerb, 2).ok());
  EXPECT_FALSE(set.Add("{RUS", Inflect::kNone, 3).ok());
  // a slot that ends a pattern takes no possessor: "talked to Moscow's neighbours" is no
  // talk with Moscow (an envoy is the recognizer's business: "Moscow's envoy" is one mention)
  {
    const std::string t2 = "They talked to Moscow's neighbours.";
    auto toks2 = Tokenize(t2, 0, t2.size());
    std::vector<Mention> ms2(1);
    ms2[0].begin = t2.find("Moscow");
    ms2[0].end = ms2[0].begin + 6;
    ms2[0].actors = {"RUS"};
    for (auto& t : toks2)
      if (t.begin == ms2[0].begin) t.mention = 0;
    std::vector<PatternMatch> out2;
    set.FindAll(TokenView{&toks2, &ms2}, 0, toks2.size(), &out2);
    EXPECT_TRUE(out2.empty());
  }
  const std::string text = "They want a cease fire and talked to Moscow.";
  auto toks = Tokenize(text, 0, text.size());
  std::vector<Mention> ms(1);
  ms[0].begin = text.find("Moscow");
  ms[0].end = ms[0].begin + 6;
  ms[0].actors = {"RUS"};
  for (auto& t : toks)
    if (t.begin == ms[0].begin) t.mention = 0;
  std::vector<PatternMatch> out;
  set.FindAll(TokenView{&toks, &ms}, 0, toks.size(), &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].payload, 1);
  EXPECT_EQ(out[1].payload, 2);
}

TEST(TokensTest, ApostrophesPossessivesAndAbbreviations) {
  const std::string text = "The U.S. doesn’t back Germany’s plan (cease-fire).";
  std::vector<std::string> norms;
  for (const auto& t : Tokenize(text, 0, text.size())) norms.push_back(t.norm);
  EXPECT_EQ(norms, (std::vector<std::string>{"the", "u.s.", "doesn't", "back", "germany", "'s", "plan", "(", "cease",
                                             "-", "fire", ")", "."}));
}

}  // namespace
}  // namespace faultline
