// Confidence: per-rule precision smoothed towards the rule's halves, read from and written
// to YAML; the shipped table is calibrated and gives every statement a value in [0,1].
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "ingest_test_util.h"
#include "statements/confidence.h"
#include "statements/extractor.h"
#include "statements_test_util.h"

namespace faultline {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;
using testing::WriteFile;

ConfidenceTable Counted(const std::string& rule, int correct, int total) {
  ConfidenceTable t;
  for (int i = 0; i < total; ++i) t.Add(rule, i < correct);
  return t;
}

TEST(ConfidenceTableTest, AnEmptyTableLeavesEveryStatementCertain) {
  ConfidenceTable t;
  EXPECT_TRUE(t.empty());
  EXPECT_EQ(t.Of("subject/cue"), 1.0);
}

TEST(ConfidenceTableTest, AFrequentRuleGetsNearlyItsOwnPrecision) {
  ConfidenceTable t = Counted("subject/cue", 90, 100);
  for (int i = 0; i < 100; ++i) t.Add("speaker/act", i < 50);
  // 90 of 100 right and 50 of 100: 4 pseudo-counts towards the halves barely move them
  EXPECT_NEAR(t.Of("subject/cue"), 0.900, 0.002);
  EXPECT_NEAR(t.Of("speaker/act"), 0.500, 0.002);
}

TEST(ConfidenceTableTest, ARareOrUnseenRuleLeansOnItsHalves) {
  ConfidenceTable t = Counted("subject/cue", 40, 40);
  for (int i = 0; i < 40; ++i) t.Add("pronoun/act", i < 20);
  t.Add("subject/act", false);  // one wrong statement says little
  const double subject_act = t.Of("subject/act");
  EXPECT_GT(subject_act, 0.5);
  EXPECT_LT(subject_act, t.Of("subject/cue"));
  // never seen: the mean of its halves' smoothed precisions
  const double pronoun_cue = t.Of("pronoun/cue");
  EXPECT_GT(pronoun_cue, t.Of("pronoun/act"));
  EXPECT_LT(pronoun_cue, t.Of("subject/cue"));
  for (const char* r : {"subject/cue", "subject/act", "pronoun/cue", "x/y", "odd"}) {
    EXPECT_GE(t.Of(r), 0.0) << r;
    EXPECT_LE(t.Of(r), 1.0) << r;
  }
}

TEST(ConfidenceTableTest, WrittenAndReadBackTheSame) {
  ConfidenceTable t = Counted("subject/cue", 7, 9);
  t.Add("quote-speaker/evaluative", true);
  TempDir dir;
  WriteFile(dir / "c.yaml", t.ToYaml("calibrated on a test\nsecond line"));
  Result<ConfidenceTable> back = ConfidenceTable::Load(dir / "c.yaml");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->rules().size(), 2u);
  EXPECT_EQ(back->Of("subject/cue"), t.Of("subject/cue"));
  EXPECT_EQ(back->Of("quote-speaker/evaluative"), t.Of("quote-speaker/evaluative"));
  EXPECT_EQ(back->Of("never/seen"), t.Of("never/seen"));
}

TEST(ConfidenceTableTest, BadFilesNameTheFileAndTheProblem) {
  TempDir dir;
  WriteFile(dir / "a.yaml", "smoothing: 4\n");
  EXPECT_THAT(ConfidenceTable::Load(dir / "a.yaml").status().ToString(), HasSubstr("a.yaml: a confidence table needs"));
  WriteFile(dir / "b.yaml", "rules:\n  \"subject/cue\": {correct: 5, total: 3}\n");
  EXPECT_THAT(ConfidenceTable::Load(dir / "b.yaml").status().ToString(),
              HasSubstr("b.yaml:2: a rule needs 0 <= correct <= total"));
  WriteFile(dir / "c.yaml", "rules:\n  \"subject/cue\": {correct: many, total: 3}\n");
  EXPECT_THAT(ConfidenceTable::Load(dir / "c.yaml").status().ToString(), HasSubstr("c.yaml"));
  EXPECT_THAT(ConfidenceTable::Load(dir / "none.yaml").status().ToString(), HasSubstr("none.yaml"));
}

TEST(ConfidenceTableTest, TheShippedTableIsCalibratedAndEveryStatementGetsOne) {
  Result<ConfidenceTable> shipped = ConfidenceTable::Load(ConfidenceTable::DefaultPath());
  ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
  EXPECT_FALSE(shipped->empty());
  auto ex = StatementExtractor::Create();
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  Document doc;
  doc.id = "d";
  doc.text = "France strongly supports new sanctions against Russia. Hungary opposes sending tanks.";
  auto mentions = testing::MentionsFor(doc.text, {{"France", {"FRA"}}, {"Russia", {"RUS"}}, {"Hungary", {"HUN"}}});
  std::vector<Statement> out = ex->Extract(doc, mentions);
  ASSERT_FALSE(out.empty());
  for (const Statement& s : out) {
    EXPECT_GT(s.confidence, 0.0) << s.rule;
    EXPECT_LT(s.confidence, 1.0) << s.rule;  // smoothed: never certain
    EXPECT_EQ(s.confidence, shipped->Of(s.rule));
  }
}

}  // namespace
}  // namespace faultline
