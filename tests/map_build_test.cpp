// BuildMap on hand-made statements and on the NATO fixture modelled on the seed story.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "map/map.h"
#include "map/networks.h"
#include "map/statement_jsonl.h"
#include "test_paths.h"

namespace faultline::map {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

Statement S(std::string doc, std::string actor, std::string issue, int stance, std::string date = "2022-03-28",
            std::string outlet = "Wire") {
  Statement s;
  s.doc = std::move(doc);
  s.actor = std::move(actor);
  s.issue = std::move(issue);
  s.stance = stance;
  s.date = std::move(date);
  s.outlet = std::move(outlet);
  s.evidence = s.actor + " on " + s.issue;
  return s;
}

std::vector<Statement> Fixture() {
  std::ifstream in(testing::SourceDir() + "/tests/data/statements_nato.jsonl");
  EXPECT_TRUE(in.good());
  std::vector<Statement> out;
  std::vector<Status> errors;
  ReadStatementsJsonl(in, "statements_nato.jsonl", &out, &errors);
  EXPECT_TRUE(errors.empty());
  return out;
}

std::vector<std::string> Actors(const Map& m, const std::vector<size_t>& cells) {
  std::vector<std::string> out;
  for (size_t c : cells) out.push_back(m.cells[c].actor);
  return out;
}

const IssueSummary* Issue(const Map& m, const std::string& id) {
  for (const auto& is : m.issues)
    if (is.issue == id) return &is;
  return nullptr;
}

TEST(MapBuild, NetStanceCountsEachDocumentOncePerStance) {
  // Three statements in one document saying the same thing count once; a document
  // that reports both stances counts on both sides.
  std::vector<Statement> st = {S("a", "FRA", "talks", 1), S("a", "FRA", "talks", 1), S("a", "FRA", "talks", 1),
                               S("b", "FRA", "talks", -1), S("c", "FRA", "talks", 1), S("c", "FRA", "talks", -1)};
  Map m = BuildMap(st, MapOptions{});
  const Cell* c = m.FindCell("FRA", "talks");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->count, 6);
  EXPECT_EQ(c->documents, 3);
  EXPECT_EQ(c->docs_for, 2);
  EXPECT_EQ(c->docs_against, 2);
  EXPECT_DOUBLE_EQ(c->stance, 0.0);
}

TEST(MapBuild, MinConfidenceFiltersAndWeightingWeighsEachDocumentsStrongestStatement) {
  std::vector<Statement> st = {S("a", "FRA", "talks", 1), S("a", "FRA", "talks", 1), S("b", "FRA", "talks", -1)};
  st[0].confidence = 0.25;
  st[1].confidence = 0.75;  // document a's strongest +1
  st[2].confidence = 0.25;
  Map plain = BuildMap(st, MapOptions{});
  EXPECT_DOUBLE_EQ(plain.FindCell("FRA", "talks")->stance, 0.0);
  MapOptions weighted;
  weighted.weight_by_confidence = true;
  Map w = BuildMap(st, weighted);
  const Cell* c = w.FindCell("FRA", "talks");
  ASSERT_NE(c, nullptr);
  EXPECT_DOUBLE_EQ(c->stance, (0.75 - 0.25) / (0.75 + 0.25));
  EXPECT_EQ(c->docs_for, 1);  // counts stay counts
  EXPECT_EQ(c->docs_against, 1);
  MapOptions sure;
  sure.min_confidence = 0.5;
  Map m = BuildMap(st, sure);
  ASSERT_EQ(m.statements.size(), 1u);
  EXPECT_DOUBLE_EQ(m.FindCell("FRA", "talks")->stance, 1.0);
}

TEST(MapBuild, StatementsWithoutADocumentAreDocumentsOfTheirOwn) {
  std::vector<Statement> st = {S("", "FRA", "talks", 1), S("", "FRA", "talks", 1), S("", "FRA", "talks", -1)};
  Map m = BuildMap(st, MapOptions{});
  EXPECT_EQ(m.FindCell("FRA", "talks")->documents, 3);
  EXPECT_NEAR(m.FindCell("FRA", "talks")->stance, 1.0 / 3.0, 1e-12);
}

TEST(MapBuild, WithoutOriginsEachDocumentIsItsOwnOrigin) {
  Map m = BuildMap({S("a", "GBR", "talks", -1), S("b", "GBR", "talks", -1), S("b", "GBR", "talks", -1),
                    S("c", "GBR", "talks", 1)},
                   MapOptions{});
  const Cell* c = m.FindCell("GBR", "talks");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->origins, c->documents);
  EXPECT_EQ(c->origins_against, 2);
  EXPECT_EQ(c->origins_for, 1);
}

TEST(MapBuild, RelaysOfOneReportAreOneOrigin) {
  // Three documents relay one report; a fourth is an independent report.
  std::vector<Statement> in = {S("r1", "GBR", "talks", -1, "2022-03-28", "Wire"),
                               S("r2", "GBR", "talks", -1, "2022-03-29", "Daily"),
                               S("r3", "GBR", "talks", -1, "2022-03-29", "Weekly"),
                               S("own", "GBR", "talks", -1, "2022-03-30", "Post"),
                               S("own", "FRA", "talks", 1, "2022-03-30", "Post")};
  OriginOf origin = [](const Statement& s) {
    return s.doc == "own" ? OriginRef{"S1/Post", "Post"} : OriginRef{"S1/Wire", "Wire"};
  };
  Map m = BuildMap(in, MapOptions{}, origin);
  const Cell* c = m.FindCell("GBR", "talks");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->documents, 4);
  EXPECT_EQ(c->origins, 2);
  EXPECT_EQ(c->origins_against, 2);
  ASSERT_EQ(c->origin_groups.size(), 2u);
  EXPECT_EQ(c->origin_groups[0].label, "Wire") << "most statements first";
  EXPECT_EQ(c->origin_groups[0].statements.size(), 3u);
  EXPECT_EQ(c->origin_groups[0].stance, -1);
  // The issue weighs origins, not documents: 2 origins against, 1 for.
  ASSERT_EQ(m.issues.size(), 1u);
  EXPECT_DOUBLE_EQ(m.issues[0].weight_against, 2.0);
  EXPECT_DOUBLE_EQ(m.issues[0].weight_for, 1.0);
  // Without the origins the same statements weigh four documents.
  EXPECT_DOUBLE_EQ(BuildMap(in, MapOptions{}).issues[0].weight_against, 4.0);
}

TEST(MapBuild, SplitIsOneWhenBalancedAndZeroWhenUnanimous) {
  std::vector<Statement> st = {S("a", "FRA", "talks", 1), S("b", "GBR", "talks", -1),
                               S("a", "FRA", "aid", 1),   S("b", "GBR", "aid", 1)};
  Map m = BuildMap(st, MapOptions{});
  ASSERT_EQ(m.issues.size(), 2u);
  EXPECT_EQ(m.issues[0].issue, "talks");  // most divided first
  EXPECT_DOUBLE_EQ(m.issues[0].split, 1.0);
  EXPECT_EQ(m.issues[1].issue, "aid");
  EXPECT_DOUBLE_EQ(m.issues[1].split, 0.0);
}

TEST(MapBuild, SplitWeighsActorsByDocuments) {
  // FRA for in three documents, GBR and POL against in one each: F = 3, A = 2.
  std::vector<Statement> st = {S("a", "FRA", "talks", 1), S("b", "FRA", "talks", 1), S("c", "FRA", "talks", 1),
                               S("d", "GBR", "talks", -1), S("e", "POL", "talks", -1)};
  Map m = BuildMap(st, MapOptions{});
  EXPECT_DOUBLE_EQ(m.issues[0].weight_for, 3.0);
  EXPECT_DOUBLE_EQ(m.issues[0].weight_against, 2.0);
  EXPECT_NEAR(m.issues[0].split, 1.0 - 1.0 / 5.0, 1e-12);
}

TEST(MapBuild, AOneAgainstOneIssueDoesNotOutrankABigDispute) {
  std::vector<Statement> st = {S("z", "NATO", "posture", 1), S("z", "RUS", "posture", -1)};
  for (int d = 0; d < 6; ++d) st.push_back(S("t" + std::to_string(d), "FRA", "talks", 1));
  for (int d = 0; d < 4; ++d) st.push_back(S("u" + std::to_string(d), "GBR", "talks", -1));
  Map m = BuildMap(st, MapOptions{});
  ASSERT_EQ(m.issues.size(), 2u);
  EXPECT_EQ(m.issues[0].issue, "talks");
  EXPECT_DOUBLE_EQ(m.issues[0].contested, 8.0);
  EXPECT_DOUBLE_EQ(m.issues[1].split, 1.0);
  EXPECT_DOUBLE_EQ(m.issues[1].contested, 2.0);
}

TEST(MapBuild, PartialDatesCountInCellsButNotInWindows) {
  std::vector<Statement> st = {S("a", "GBR", "talks", -1, "2022-03-28"), S("b", "GBR", "talks", 1, "--02-25"),
                               S("c", "GBR", "talks", 1, "")};
  Map m = BuildMap(st, MapOptions{});
  const Cell* c = m.FindCell("GBR", "talks");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->count, 3);
  EXPECT_EQ(c->undated, 2);
  EXPECT_EQ(c->first, "2022-03-28");
  EXPECT_EQ(c->last, "2022-03-28");
  ASSERT_EQ(c->timeline.size(), 1u);
  EXPECT_EQ(c->timeline[0].window, "2022-03");
  EXPECT_TRUE(m.shifts.empty());  // the year-less statements cannot make a shift
  EXPECT_EQ(m.undated, 2u);
}

TEST(MapBuild, DateRangeDropsStatementsWithoutAYear) {
  std::vector<Statement> st = {S("a", "GBR", "talks", -1, "2022-03-28"), S("b", "GBR", "talks", 1, "--02-25"),
                               S("c", "GBR", "talks", 1, "2023-02-24")};
  MapOptions o;
  o.from = "2022";
  o.to = "2022-12";
  Map m = BuildMap(st, o);
  EXPECT_EQ(m.statements.size(), 1u);
  EXPECT_EQ(m.excluded_by_range, 2u);
  EXPECT_DOUBLE_EQ(m.FindCell("GBR", "talks")->stance, -1.0);
}

TEST(MapBuild, ShiftSkipsMixedWindowsAndKeepsEvidence) {
  std::vector<Statement> st = {S("a", "FRA", "arms", -1, "2022-03-01"), S("b", "FRA", "arms", -1, "2022-06-01"),
                               S("c", "FRA", "arms", 1, "2022-06-02"),  S("d", "FRA", "arms", 1, "2023-02-24")};
  Map m = BuildMap(st, MapOptions{});
  ASSERT_EQ(m.shifts.size(), 1u);
  const Shift& s = m.shifts[0];
  EXPECT_EQ(s.from.window, "2022-03");
  EXPECT_EQ(s.to.window, "2023-02");
  EXPECT_DOUBLE_EQ(s.from.stance, -1);
  EXPECT_DOUBLE_EQ(s.to.stance, 1);
  ASSERT_EQ(s.from.statements.size(), 1u);
  EXPECT_EQ(m.statements[s.from.statements[0]].doc, "a");
  EXPECT_EQ(m.statements[s.to.statements[0]].doc, "d");
}

TEST(MapBuild, WindowsOfAYearHideAShiftWithinTheYear) {
  std::vector<Statement> st = {S("a", "USA", "talks", 1, "2022-01-12"), S("b", "USA", "talks", -1, "2022-03-28"),
                               S("c", "USA", "talks", -1, "2022-03-29")};
  MapOptions o;
  EXPECT_EQ(BuildMap(st, o).shifts.size(), 1u);
  o.window = Window::kYear;
  Map m = BuildMap(st, o);
  EXPECT_TRUE(m.shifts.empty());
  ASSERT_EQ(m.cells[0].timeline.size(), 1u);
  EXPECT_EQ(m.cells[0].timeline[0].window, "2022");
}

TEST(MapBuild, OutletsDisagreeOnlyWithinOneWindow) {
  std::vector<Statement> st = {S("a", "ITA", "talks", 1, "2022-03-28", "One"),
                               S("b", "ITA", "talks", -1, "2022-03-29", "Two"),
                               S("c", "DEU", "talks", 1, "2022-03-28", "One"),
                               S("d", "DEU", "talks", -1, "2023-02-24", "Two")};
  Map m = BuildMap(st, MapOptions{});
  EXPECT_TRUE(m.FindCell("ITA", "talks")->outlets_disagree);
  EXPECT_FALSE(m.FindCell("DEU", "talks")->outlets_disagree);  // a shift, not a disagreement
  int ita = 0;
  for (const auto& oc : m.outlet_cells)
    if (oc.actor == "ITA") {
      ++ita;
      EXPECT_DOUBLE_EQ(oc.stance, oc.outlet == "One" ? 1.0 : -1.0);
    }
  EXPECT_EQ(ita, 2);
}

TEST(MapBuild, OutletAndIssueFilters) {
  std::vector<Statement> st = {S("a", "ITA", "talks", 1, "2022-03-28", "One"),
                               S("b", "ITA", "talks", -1, "2022-03-29", "Two"),
                               S("b", "ITA", "arms", -1, "2022-03-29", "Two")};
  MapOptions o;
  o.outlet = "two";  // case-insensitive
  Map m = BuildMap(st, o);
  EXPECT_EQ(m.statements.size(), 2u);
  EXPECT_DOUBLE_EQ(m.FindCell("ITA", "talks")->stance, -1.0);
  o.outlet.clear();
  o.issue = "arms";
  EXPECT_EQ(BuildMap(st, o).statements.size(), 1u);
}

TEST(MapBuild, EmptyInputGivesAnEmptyMap) {
  Map m = BuildMap({}, MapOptions{});
  EXPECT_TRUE(m.cells.empty());
  EXPECT_TRUE(m.issues.empty());
  EXPECT_TRUE(m.camps.camps.empty());
  EXPECT_FALSE(m.camps.has_modularity);
}

// DNA's one-mode definitions on a small case worked by hand.
//   A: talks +, arms +      B: talks +, arms -      C: talks -
TEST(MapNetworks, CongruenceConflictAndDnaNormalisations) {
  std::vector<Statement> st = {S("1", "A", "talks", 1), S("1", "A", "arms", 1), S("2", "B", "talks", 1),
                               S("2", "B", "arms", -1), S("3", "C", "talks", -1)};
  MapOptions raw;  // DNA's counts, without the default normalisation (jaccard)
  raw.normalization = Normalization::kNone;
  Map m = BuildMap(st, raw);
  const Networks& n = m.networks;
  ASSERT_THAT(n.actors, ElementsAre("A", "B", "C"));
  EXPECT_EQ(n.congruence_at(0, 1), 1);  // share talks +
  EXPECT_EQ(n.conflict_at(0, 1), 1);    // opposite on arms
  EXPECT_EQ(n.congruence_at(0, 2), 0);
  EXPECT_EQ(n.conflict_at(0, 2), 1);
  EXPECT_EQ(n.conflict_at(1, 2), 1);
  EXPECT_EQ(n.congruence_at(1, 0), n.congruence_at(0, 1));

  // activity: A 2, B 2, C 1
  Networks avg = BuildNetworks(m.actors, m.cells, Normalization::kAverage, TieBasis::kNet);
  EXPECT_DOUBLE_EQ(avg.congruence_at(0, 1), 1.0 / 2.0);
  EXPECT_DOUBLE_EQ(avg.conflict_at(0, 2), 1.0 / 1.5);
  Networks jac = BuildNetworks(m.actors, m.cells, Normalization::kJaccard, TieBasis::kNet);
  // A-B: m11 = 1, m10 = 1, m01 = 1 -> 1/3
  EXPECT_DOUBLE_EQ(jac.congruence_at(0, 1), 1.0 / 3.0);
  Networks cos = BuildNetworks(m.actors, m.cells, Normalization::kCosine, TieBasis::kNet);
  EXPECT_DOUBLE_EQ(cos.congruence_at(0, 1), 1.0 / 4.0);  // DNA: sqrt(2^2) * sqrt(2^2)
  EXPECT_DOUBLE_EQ(cos.conflict_at(1, 2), 1.0 / 2.0);
}

TEST(MapNetworks, TieBasisAnyCountsBothStancesOfAnActorThatMoved) {
  std::vector<Statement> st = {S("1", "GBR", "talks", -1, "2022-03-28"), S("2", "GBR", "talks", 1, "2023-02-24"),
                               S("3", "GBR", "talks", 1, "2023-02-25"), S("4", "FRA", "talks", 1),
                               S("5", "POL", "talks", -1)};
  MapOptions o;
  o.normalization = Normalization::kNone;  // counts, to compare with DNA's array
  Map net = BuildMap(st, o);  // GBR net +1/3: for
  EXPECT_EQ(net.networks.congruence_at(1, 0), 1);  // FRA-GBR (sorted: FRA, GBR, POL)
  EXPECT_EQ(net.networks.congruence_at(1, 2), 0);
  o.basis = TieBasis::kAny;
  Map any = BuildMap(st, o);
  EXPECT_EQ(any.networks.congruence_at(1, 0), 1);
  EXPECT_EQ(any.networks.congruence_at(1, 2), 1);  // DNA ties GBR to both sides
}

// The story the fixture models: March 2022, talks split FRA DEU ITA / GBR POL USA; arms
// GBR and the Baltic states for, France against; by February 2023 GBR (talks) and FRA
// (arms) have moved.
TEST(MapFixture, March2022TalksSplit) {
  MapOptions o;
  o.from = "2022-03";
  o.to = "2022-03";
  Map m = BuildMap(Fixture(), o);
  const IssueSummary* talks = Issue(m, "talks");
  ASSERT_NE(talks, nullptr);
  EXPECT_THAT(Actors(m, talks->for_cells), UnorderedElementsAre("FRA", "DEU", "ITA"));
  EXPECT_THAT(Actors(m, talks->against_cells), UnorderedElementsAre("GBR", "POL", "USA"));
  EXPECT_GT(talks->split, 0.8);
  EXPECT_EQ(m.issues[0].issue, "talks");  // the most divided issue comes first
}

TEST(MapFixture, Arms2022) {
  MapOptions o;
  o.from = "2022";
  o.to = "2022";
  Map m = BuildMap(Fixture(), o);
  const IssueSummary* arms = Issue(m, "arms");
  ASSERT_NE(arms, nullptr);
  std::vector<std::string> pro = Actors(m, arms->for_cells), con = Actors(m, arms->against_cells);
  EXPECT_THAT(pro, UnorderedElementsAre("GBR", "EST", "LVA", "LTU"));
  EXPECT_THAT(con, ::testing::Contains("FRA"));
}

TEST(MapFixture, ShiftsByFebruary2023) {
  Map m = BuildMap(Fixture(), MapOptions{});
  auto has = [&](const std::string& actor, const std::string& issue, double from, const std::string& to_window) {
    return std::any_of(m.shifts.begin(), m.shifts.end(), [&](const Shift& s) {
      return s.actor == actor && s.issue == issue && (s.from.stance > 0) == (from > 0) && s.to.window == to_window;
    });
  };
  EXPECT_TRUE(has("GBR", "talks", -1, "2023-02"));
  EXPECT_TRUE(has("FRA", "arms", -1, "2023-02"));
  for (const Shift& s : m.shifts) {
    EXPECT_FALSE(s.from.statements.empty());
    EXPECT_FALSE(s.to.statements.empty());
    EXPECT_LT(s.from.window, s.to.window);
  }
  // The year-less GBR statement is in the cell but in no window.
  const Cell* gbr = m.FindCell("GBR", "talks");
  ASSERT_NE(gbr, nullptr);
  EXPECT_EQ(gbr->undated, 1);
  int windowed = 0;
  for (const auto& w : gbr->timeline) windowed += w.count;
  EXPECT_EQ(windowed, gbr->count - 1);
}

TEST(MapFixture, CampsByWindowShowTheRealignment) {
  Map m = BuildMap(Fixture(), MapOptions{});
  auto together = [&](const std::string& window, const std::string& a, const std::string& b) {
    for (const auto& wc : m.camps_by_window)
      if (wc.window == window)
        for (const auto& camp : wc.camps.camps)
          if (std::count(camp.actors.begin(), camp.actors.end(), a) && std::count(camp.actors.begin(), camp.actors.end(), b))
            return true;
    return false;
  };
  EXPECT_FALSE(together("2022-03", "GBR", "FRA"));
  EXPECT_TRUE(together("2022-03", "GBR", "POL"));
  EXPECT_TRUE(together("2023-02", "GBR", "FRA"));  // by February 2023 they agree on talks
  for (size_t k = 1; k < m.camps_by_window.size(); ++k)
    EXPECT_LT(m.camps_by_window[k - 1].window, m.camps_by_window[k].window);
}

TEST(MapFixture, CampsInMarch2022SeparateTheTwoSidesOfTalks) {
  MapOptions o;
  o.from = "2022-03";
  o.to = "2022-03";
  Map m = BuildMap(Fixture(), o);
  ASSERT_TRUE(m.camps.has_modularity);
  EXPECT_GT(m.camps.modularity, 0.0);
  auto camp_of = [&](const std::string& a) {
    for (size_t k = 0; k < m.camps.camps.size(); ++k)
      for (const auto& x : m.camps.camps[k].actors)
        if (x == a) return static_cast<int>(k);
    return -1;
  };
  EXPECT_EQ(camp_of("FRA"), camp_of("DEU"));
  EXPECT_EQ(camp_of("FRA"), camp_of("ITA"));
  EXPECT_EQ(camp_of("GBR"), camp_of("POL"));
  EXPECT_EQ(camp_of("GBR"), camp_of("USA"));
  EXPECT_NE(camp_of("FRA"), camp_of("GBR"));
  // Same input, same camps.
  Map again = BuildMap(Fixture(), o);
  ASSERT_EQ(again.camps.camps.size(), m.camps.camps.size());
  for (size_t k = 0; k < m.camps.camps.size(); ++k) EXPECT_EQ(again.camps.camps[k].actors, m.camps.camps[k].actors);
}

// The acceptance story on the adjudicated gold statements for ../shared/seeds, dated and
// attributed with the seeds' metadata sidecar (read at test time, nothing copied).
std::vector<Statement> GoldSeedStatements() {
  std::vector<Statement> out;
  std::ifstream meta_in(testing::SharedDir() + "/seeds.meta.jsonl");
  std::map<std::string, std::pair<std::string, std::string>> meta;  // file -> date, outlet
  std::string line;
  while (std::getline(meta_in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object()) meta[j.value("file", "")] = {j.value("date", ""), j.value("outlet", "")};
  }
  std::ifstream gold(testing::SharedDir() + "/gold/seeds.jsonl");
  std::vector<Status> errors;
  ReadStatementsJsonl(gold, "seeds.jsonl", &out, &errors);
  EXPECT_TRUE(errors.empty());
  for (Statement& s : out) {
    s.date = meta[s.doc].first;
    s.outlet = meta[s.doc].second;
  }
  return out;
}

TEST(MapGoldSeeds, TheStoryOfTheSeeds) {
  FAULTLINE_REQUIRE_SHARED();
  std::vector<Statement> gold = GoldSeedStatements();
  ASSERT_FALSE(gold.empty());
  MapOptions march;
  march.from = "2022-03";
  march.to = "2022-03";
  Map m = BuildMap(gold, march);
  const IssueSummary* talks = Issue(m, "talks");
  ASSERT_NE(talks, nullptr);
  std::vector<std::string> pro = Actors(m, talks->for_cells), con = Actors(m, talks->against_cells);
  for (const char* a : {"FRA", "DEU", "ITA"}) EXPECT_THAT(pro, ::testing::Contains(a));
  for (const char* a : {"GBR", "POL", "USA"}) EXPECT_THAT(con, ::testing::Contains(a));
  const IssueSummary* arms = Issue(m, "arms");
  ASSERT_NE(arms, nullptr);
  pro = Actors(m, arms->for_cells);
  for (const char* a : {"GBR", "EST", "LVA", "LTU"}) EXPECT_THAT(pro, ::testing::Contains(a));
  EXPECT_THAT(Actors(m, arms->against_cells), ::testing::Contains("FRA"));

  Map all = BuildMap(gold, MapOptions{});
  auto shifted = [&](const std::string& actor, const std::string& issue) {
    for (const Shift& s : all.shifts)
      if (s.actor == actor && s.issue == issue && s.from.stance < 0 && s.to.stance > 0 && s.to.window <= "2023-02")
        return true;
    return false;
  };
  EXPECT_TRUE(shifted("GBR", "talks"));
  EXPECT_TRUE(shifted("FRA", "arms"));
  EXPECT_EQ(all.issues[0].issue, "talks");  // the most contested issue of the story
}

}  // namespace
}  // namespace faultline::map
