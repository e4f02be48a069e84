// Corrections: applying them to extracted statements (in order, across re-extraction),
// storing them (schema 3, untouched by the statement cache), and exporting them as gold.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "corrections/apply.h"
#include "corrections/gold_export.h"
#include "ingest_test_util.h"
#include "statements/evaluation.h"
#include "store/store.h"

namespace faultline {
namespace {

using testing::TempDir;

Statement S(const std::string& doc, const std::string& actor, const std::string& issue, int stance,
            size_t begin, size_t end) {
  Statement s;
  s.doc = doc;
  s.actor = actor;
  s.issue = issue;
  s.stance = stance;
  s.begin = begin;
  s.end = end;
  s.evidence = "sentence " + std::to_string(begin);
  s.rule = "machine-rule";
  s.outlet = "Outlet";
  return s;
}

Correction C(CorrectionAction action, const Statement& target, const Statement& result, int64_t id) {
  Correction c;
  c.id = id;
  c.action = action;
  c.target = action == CorrectionAction::kAdd ? StatementRef{} : RefOf(target);
  c.statement = result;
  c.who = "ana";
  c.at = "2024-05-02T09:00:0" + std::to_string(id % 10) + "Z";
  return c;
}

std::vector<std::string> Keys(const std::vector<Statement>& ss) {
  std::vector<std::string> out;
  for (const auto& s : ss)
    out.push_back(s.doc + ":" + s.actor + ":" + s.issue + ":" + std::to_string(s.stance) + "@" +
                  std::to_string(s.begin));
  return out;
}

TEST(ApplyCorrectionsTest, RejectConfirmChangeAndAddInOrder) {
  const Statement fra = S("d1", "FRA", "talks", 1, 0, 20);
  const Statement pol = S("d1", "POL", "talks", -1, 21, 40);
  const Statement gbr = S("d2", "GBR", "arms", 1, 0, 30);
  Statement pol_changed = pol;
  pol_changed.stance = 1;
  Statement added = S("d1", "DEU", "talks", 1, 41, 60);
  added.rule = kManualRule;
  Statement other_doc = S("d3", "USA", "aid", 1, 5, 9);
  std::vector<Correction> cs = {
      C(CorrectionAction::kReject, gbr, gbr, 1),
      C(CorrectionAction::kChange, pol, pol_changed, 2),
      C(CorrectionAction::kConfirm, fra, fra, 3),
      C(CorrectionAction::kAdd, {}, added, 4),
      C(CorrectionAction::kAdd, {}, other_doc, 5),
  };
  CorrectedStatements r = ApplyCorrections({fra, pol, gbr}, cs);
  // Additions go after their document's own statements; d3 had none, so it comes last.
  EXPECT_THAT(Keys(r.statements), ::testing::ElementsAre("d1:FRA:talks:1@0", "d1:POL:talks:1@21",
                                                         "d1:DEU:talks:1@41", "d3:USA:aid:1@5"));
  EXPECT_THAT(r.outcomes, ::testing::ElementsAre(CorrectionOutcome::kApplied, CorrectionOutcome::kApplied,
                                                 CorrectionOutcome::kApplied, CorrectionOutcome::kAdded,
                                                 CorrectionOutcome::kAdded));
  ASSERT_NE(r.MarkOf(fra), nullptr);
  EXPECT_EQ(r.MarkOf(fra)->action, CorrectionAction::kConfirm);
  EXPECT_EQ(r.MarkOf(pol_changed)->action, CorrectionAction::kChange);
  EXPECT_EQ(r.MarkOf(pol_changed)->who, "ana");
  EXPECT_EQ(r.MarkOf(pol), nullptr);
  EXPECT_TRUE(r.rejected.count(RefOf(gbr)));
  EXPECT_TRUE(r.rejected.count(RefOf(pol)));  // changed away: shown struck out
}

TEST(ApplyCorrectionsTest, LaterCorrectionsWinAndAddedStatementsCanBeRejected) {
  const Statement fra = S("d1", "FRA", "talks", 1, 0, 20);
  Statement added = S("d1", "DEU", "talks", 1, 41, 60);
  std::vector<Correction> cs = {
      C(CorrectionAction::kReject, fra, fra, 1),
      C(CorrectionAction::kConfirm, fra, fra, 2),  // changed their mind: back in
      C(CorrectionAction::kAdd, {}, added, 3),
      C(CorrectionAction::kReject, added, added, 4),
  };
  CorrectedStatements r = ApplyCorrections({fra}, cs);
  EXPECT_THAT(Keys(r.statements), ::testing::ElementsAre("d1:FRA:talks:1@0"));
  EXPECT_EQ(r.outcomes[1], CorrectionOutcome::kReinstated);
  EXPECT_FALSE(r.rejected.count(RefOf(fra)));
  EXPECT_TRUE(r.rejected.count(RefOf(added)));
}

TEST(ApplyCorrectionsTest, AfterReExtraction) {
  // Corrections made on one extraction, applied to a new release's output.
  const Statement fra = S("d1", "FRA", "talks", 1, 0, 20);
  const Statement pol = S("d1", "POL", "talks", -1, 21, 40);
  const Statement ita = S("d1", "ITA", "talks", 1, 41, 60);
  std::vector<Correction> cs = {
      C(CorrectionAction::kReject, fra, fra, 1),
      C(CorrectionAction::kConfirm, pol, pol, 2),
      C(CorrectionAction::kReject, ita, ita, 3),
  };
  // The new release no longer finds FRA (the reject is moot) nor POL (confirmed: put
  // back), and cuts ITA's sentence differently (found by overlap, still rejected).
  Statement ita_new = ita;
  ita_new.begin = 45;
  ita_new.end = 58;
  const Statement usa = S("d1", "USA", "talks", 1, 61, 80);
  CorrectedStatements r = ApplyCorrections({ita_new, usa}, cs);
  EXPECT_THAT(Keys(r.statements), ::testing::ElementsAre("d1:USA:talks:1@61", "d1:POL:talks:-1@21"));
  EXPECT_THAT(r.outcomes, ::testing::ElementsAre(CorrectionOutcome::kMoot, CorrectionOutcome::kReinstated,
                                                 CorrectionOutcome::kApplied));
  EXPECT_EQ(r.statements[1].rule, "machine-rule");  // the copy the person saw
  // The same statement again (a refresh with the same rules): nothing changes twice.
  CorrectedStatements again = ApplyCorrections({fra, pol, ita, usa}, cs);
  EXPECT_THAT(Keys(again.statements), ::testing::ElementsAre("d1:POL:talks:-1@21", "d1:USA:talks:1@61"));
  // An addition the extraction now finds too is not doubled.
  Statement found = usa;
  found.rule = kManualRule;
  CorrectedStatements dup = ApplyCorrections({usa}, {C(CorrectionAction::kAdd, {}, found, 9)});
  EXPECT_EQ(dup.statements.size(), 1u);
  EXPECT_EQ(dup.outcomes[0], CorrectionOutcome::kDuplicate);
  EXPECT_EQ(dup.MarkOf(usa)->action, CorrectionAction::kAdd);
}

TEST(CorrectionRefTest, IdsAreStableAndDistinct) {
  const Statement a = S("d1", "FRA", "talks", 1, 0, 20);
  Statement b = a;
  b.stance = -1;
  EXPECT_EQ(RefId(RefOf(a)), RefId(RefOf(a)));
  EXPECT_EQ(RefId(RefOf(a)).size(), 16u);
  EXPECT_NE(RefId(RefOf(a)), RefId(RefOf(b)));
  Statement c = a;
  c.cue = "other cue";  // a new release explaining it differently: the same statement
  EXPECT_EQ(RefId(RefOf(a)), RefId(RefOf(c)));
}

TEST(CorrectionStoreTest, StoredWithWhoAndWhenAndUntouchedByTheCache) {
  TempDir dir;
  const std::string db = dir / "c.db";
  const Statement fra = S("d1", "FRA", "talks", 1, 0, 20);
  Statement changed = fra;
  changed.actor = "DEU";
  {
    auto s = Store::Open(db);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    ASSERT_TRUE((*s)->has_corrections());
    ASSERT_TRUE((*s)->CacheStatements("d1", "fp", "h", {fra}).ok());
    Correction c = C(CorrectionAction::kChange, fra, changed, 0);
    c.note = "it is Berlin speaking";
    Result<Correction> stored = (*s)->AddCorrection(c);
    ASSERT_TRUE(stored.ok()) << stored.status().ToString();
    EXPECT_GT(stored->id, 0);
    EXPECT_THAT(stored->at, ::testing::MatchesRegex("20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T.*Z"));
    // A refresh replaces the cached statements; corrections stay.
    ASSERT_TRUE((*s)->CacheStatements("d1", "fp2", "h", {}).ok());
    ASSERT_TRUE((*s)->Flush().ok());
  }
  StoreOptions ro;
  ro.read_only = true;
  auto s = Store::Open(db, ro);
  ASSERT_TRUE(s.ok());
  Result<std::vector<Correction>> all = (*s)->Corrections();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  const Correction& c = (*all)[0];
  EXPECT_EQ(c.action, CorrectionAction::kChange);
  EXPECT_EQ(c.target, RefOf(fra));
  EXPECT_EQ(c.statement.actor, "DEU");
  EXPECT_EQ(c.statement.evidence, fra.evidence);
  EXPECT_EQ(c.statement.end, 20u);
  EXPECT_EQ(c.who, "ana");
  EXPECT_EQ(c.note, "it is Berlin speaking");
  // Read-only stores take no corrections.
  EXPECT_FALSE((*s)->AddCorrection(c).ok());
}

TEST(CorrectionStoreTest, AVersion2FileIsMigratedKeepingItsCache) {
  TempDir dir;
  const std::string db = dir / "v2.db";
  {
    auto s = Store::Open(db);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->CacheStatements("d1", "fp", "h", {S("d1", "FRA", "talks", 1, 0, 20)}).ok());
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "ALTER TABLE statements DROP COLUMN units_begin; ALTER TABLE statements DROP COLUMN units_end; "
       "DROP TRIGGER story_results_document_added; DROP TRIGGER story_results_document_removed; DROP TRIGGER story_results_document_changed; DROP TRIGGER story_results_story_added; DROP TRIGGER story_results_story_removed; DROP TRIGGER story_results_story_changed; DROP TABLE story_results; DROP INDEX story_summaries; ALTER TABLE story_profiles DROP COLUMN summary; DROP INDEX documents_listing; DROP TRIGGER documents_analysed_hash_unknown; ALTER TABLE documents DROP COLUMN analysed_hash; "
                         "DROP TABLE corrections; DROP TABLE story_profiles; ALTER TABLE documents DROP COLUMN via; "
                         "ALTER TABLE statements DROP COLUMN cameo; "
                         "ALTER TABLE statements DROP COLUMN confidence; "
                         "UPDATE schema_version SET version = 2;", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  {
    StoreOptions ro;
    ro.read_only = true;
    auto s = Store::Open(db, ro);
    ASSERT_TRUE(s.ok());
    EXPECT_FALSE((*s)->has_corrections());
    EXPECT_TRUE((*s)->Corrections()->empty());
  }
  auto s = Store::Open(db);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE((*s)->has_corrections());
  auto cached = (*s)->CachedStatements("d1", "fp", "h");
  ASSERT_TRUE(cached.ok() && cached->has_value());
  EXPECT_EQ((*cached)->size(), 1u);
}

TEST(GoldExportTest, FinalJudgementsAsGoldLines) {
  const Statement fra = S("d1", "FRA", "talks", 1, 0, 20);
  const Statement pol = S("d1", "POL", "talks", -1, 21, 40);
  const Statement gbr = S("d2", "GBR", "arms", 1, 0, 30);
  Statement pol_changed = pol;
  pol_changed.stance = 1;
  std::vector<Correction> cs = {
      C(CorrectionAction::kConfirm, fra, fra, 1),
      C(CorrectionAction::kChange, pol, pol_changed, 2),
      C(CorrectionAction::kConfirm, gbr, gbr, 3),
      C(CorrectionAction::kReject, gbr, gbr, 4),  // second thoughts: the last one counts
  };
  std::vector<Judgement> js = FinalJudgements(cs);
  std::ostringstream gold, judged;
  EXPECT_EQ(WriteGoldJsonl(js, false, gold), 2u);
  EXPECT_EQ(WriteGoldJsonl(js, true, judged), 4u);
  std::vector<nlohmann::json> lines;
  std::istringstream in(judged.str());
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0]["doc"], "d1");
  EXPECT_EQ(lines[0]["judgement"], "confirmed");
  EXPECT_EQ(lines[0]["evidence"], "sentence 0");
  EXPECT_EQ(lines[1]["actor"], "POL");
  EXPECT_EQ(lines[1]["stance"], -1);
  EXPECT_EQ(lines[1]["judgement"], "rejected");  // the statement as it was
  EXPECT_EQ(lines[2]["stance"], 1);
  EXPECT_EQ(lines[2]["judgement"], "changed");
  EXPECT_EQ(lines[3]["actor"], "GBR");
  EXPECT_EQ(lines[3]["judgement"], "rejected");
  EXPECT_EQ(lines[3]["who"], "ana");
  EXPECT_EQ(lines[3]["correction"], 4);
  // The first key of each line is the gold files' first: doc.
  EXPECT_EQ(gold.str().rfind("{\"doc\":", 0), 0u);
}

TEST(GoldExportTest, EvaluationScopes) {
  TempDir dir;
  testing::WriteFile(dir / "g.jsonl",
                     "{\"doc\":\"d1\",\"actor\":\"FRA\",\"issue\":\"talks\",\"stance\":1}\n"
                     "{\"doc\":\"d1\",\"actor\":\"POL\",\"issue\":\"talks\",\"stance\":-1,\"judgement\":\"rejected\"}\n"
                     "{\"doc\":\"d2\",\"actor\":\"GBR\",\"issue\":\"arms\",\"stance\":1,\"judgement\":\"rejected\"}\n");
  Result<GoldStatements> g = LoadGold(dir / "g.jsonl");
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->keys.size(), 1u);
  EXPECT_EQ(g->rejected.size(), 2u);
  std::set<StatementKey> system = {{"d1", "FRA", "talks", 1}, {"d1", "POL", "talks", -1},
                                   {"d1", "USA", "talks", 1}, {"d9", "RUS", "talks", -1}};
  EXPECT_EQ(InScope(*g, system, EvaluationScope::kAll).size(), 4u);
  EXPECT_EQ(InScope(*g, system, EvaluationScope::kGoldDocs).size(), 3u);
  std::set<StatementKey> judged = InScope(*g, system, EvaluationScope::kJudged);
  EXPECT_EQ(judged.size(), 2u);
  Score score = ScoreStatements(g->keys, judged);
  EXPECT_EQ(score.tp, 1u);
  EXPECT_EQ(score.fp, 1u);  // POL, which a person rejected
  EXPECT_DOUBLE_EQ(score.precision, 0.5);
  EXPECT_DOUBLE_EQ(score.recall, 1.0);
}

}  // namespace
}  // namespace faultline
