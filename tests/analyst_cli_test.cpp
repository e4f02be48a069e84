// An analyst's first questions, end to end through the built binary: names beside codes,
// filters that take a name or a code and refuse unknown values with the closest valid
// ones, the lists of what can be asked (`issues`, `actors --lookup`), and GraphML files
// one graph each. Fixture statements are tests/data/statements_nato.jsonl (written here).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using faultline::testing::RunFaultline;

std::string Fixture() { return "--statements '" + faultline::testing::SourceDir() + "/tests/data/statements_nato.jsonl'"; }

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(AnalystNames, TextShowsActorNamesIssueLabelsAndPropositions) {
  int rc;
  std::string out = RunFaultline("map " + Fixture(), &rc);
  ASSERT_EQ(rc, 0) << out;
  EXPECT_THAT(out, HasSubstr("talks Talks with Russia"));
  EXPECT_THAT(out, HasSubstr("for: Negotiations, dialogue or a ceasefire"));
  EXPECT_THAT(out, HasSubstr("POL    Poland"));
  EXPECT_THAT(out, HasSubstr("GBR    United Kingdom"));
}

TEST(AnalystNames, JsonCsvAndGraphmlCarryNames) {
  int rc;
  auto j = nlohmann::json::parse(RunFaultline("map " + Fixture() + " --format json", &rc));
  ASSERT_EQ(rc, 0);
  EXPECT_EQ(j["names"]["actors"]["FRA"], "France");
  EXPECT_EQ(j["names"]["issues"]["talks"]["label"], "Talks with Russia");
  for (const auto& is : j["issues"]) EXPECT_TRUE(is["label"].is_string()) << is["issue"];
  for (const auto& c : j["cells"])
    if (c["actor"] == "POL") {
      EXPECT_EQ(c["actor_name"], "Poland");
    }
  std::string csv = RunFaultline("map " + Fixture() + " --format csv", &rc);
  EXPECT_THAT(csv, HasSubstr(",actor_name,issue_label,issue_proposition\r\n"));
  EXPECT_THAT(csv, HasSubstr(",France,Talks with Russia,\"Negotiations, dialogue or a ceasefire"));
  std::string g = RunFaultline("map " + Fixture() + " --format graphml", &rc);
  EXPECT_THAT(g, HasSubstr("<data key=\"n_label\">France</data>"));
  EXPECT_THAT(g, HasSubstr("<data key=\"n_label\">Talks with Russia</data>"));
}

TEST(AnalystFilters, NameOrCodeGiveTheSameCell) {
  int rc1, rc2, rc3;
  std::string by_code = RunFaultline("why POL talks " + Fixture() + " --format json", &rc1);
  std::string by_name = RunFaultline("why Poland 'Talks with Russia' " + Fixture() + " --format json", &rc2);
  std::string by_adjective = RunFaultline("why polish TALKS " + Fixture() + " --format json", &rc3);
  ASSERT_EQ(rc1, 0);
  EXPECT_EQ(rc2, 0);
  EXPECT_EQ(rc3, 0);
  EXPECT_EQ(by_code, by_name);
  EXPECT_EQ(by_code, by_adjective);
  EXPECT_GT(nlohmann::json::parse(by_code)["count"].get<int>(), 0);
}

TEST(AnalystFilters, UnknownActorIssueOrOutletIsAUsageErrorWithTheClosest) {
  int rc;
  std::string out = RunFaultline("why POL sanction " + Fixture(), &rc, true);
  EXPECT_EQ(rc, 2);
  EXPECT_THAT(out, HasSubstr("unknown issue \"sanction\"; closest: sanctions (Sanctions on Russia)"));
  out = RunFaultline("why Polnd talks " + Fixture(), &rc, true);
  EXPECT_EQ(rc, 2);
  EXPECT_THAT(out, HasSubstr("closest: POL (Poland)"));
  out = RunFaultline("map " + Fixture() + " --outlet sputnik", &rc, true);
  EXPECT_EQ(rc, 2);
  EXPECT_THAT(out, HasSubstr("unknown outlet \"sputnik\"; closest: Sputnik Relay"));
  out = RunFaultline("map " + Fixture() + " --outlet 'sputnik relay' --format json", &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(nlohmann::json::parse(out)["summary"]["outlets"], nlohmann::json::array({"Sputnik Relay"}));
  out = RunFaultline("map " + Fixture() + " --actor Germny", &rc, true);
  EXPECT_EQ(rc, 2);
  EXPECT_THAT(out, HasSubstr("DEU (Germany)"));
}

TEST(AnalystFilters, CodesOnlyInTheStatementsCanBeAskedFor) {
  std::string path = ::testing::TempDir() + "/odd_codes.jsonl";
  {
    std::ofstream f(path);
    f << R"({"doc":"a","actor":"ZZTOP","issue":"tariffs","stance":1,"evidence":"x","date":"2022-01-02","outlet":"O"})"
      << "\n";
  }
  int rc;
  std::string out = RunFaultline("why zztop tariffs --statements '" + path + "' --format json", &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(nlohmann::json::parse(out)["count"], 1);
}

TEST(AnalystLists, IssuesListsIdsLabelsAndPropositions) {
  int rc;
  std::string out = RunFaultline("issues", &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_THAT(out, HasSubstr("talks"));
  EXPECT_THAT(out, HasSubstr("Talks with Russia"));
  EXPECT_THAT(out, HasSubstr("Negotiations, dialogue or a ceasefire"));
  out = RunFaultline("issues --codebook '" + faultline::testing::SourceDir() + "/data/codebooks/migration.yaml' --format json",
                     &rc);
  EXPECT_EQ(rc, 0);
  auto j = nlohmann::json::parse(out);
  ASSERT_TRUE(j.is_array());
  EXPECT_GT(j.size(), 0u);
  EXPECT_THAT(j.dump(), Not(HasSubstr("\"talks\"")));
  RunFaultline("issues --codebook /nonexistent.yaml", &rc);
  EXPECT_EQ(rc, 1);
}

TEST(AnalystLists, ActorsLookupFindsCodesFromNamesAndPeople) {
  int rc;
  std::string out = RunFaultline("actors --lookup Poland", &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_THAT(out, HasSubstr("POL\tstate\tPoland"));
  out = RunFaultline("actors --lookup 'eastern european'", &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_THAT(out, HasSubstr("CEE\tgroup"));
  out = RunFaultline("actors --lookup Scholz", &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_THAT(out, HasSubstr("DEU\tperson\tOlaf Scholz"));
  out = RunFaultline("actors --lookup Pqlandx", &rc, true);
  EXPECT_EQ(rc, 2);
  EXPECT_THAT(out, HasSubstr("unknown actor \"Pqlandx\"; closest:"));
}

TEST(AnalystFormats, GraphmlOneGraphPerFileWithNamesAndABooleanType) {
  const std::string base = ::testing::TempDir() + "/analyst_net";
  int rc;
  RunFaultline("map " + Fixture() + " --format graphml -o '" + base + ".graphml'", &rc);
  ASSERT_EQ(rc, 0);
  for (const char* part : {".twomode", ".congruence", ".conflict"}) {
    std::string g = Slurp(base + part + ".graphml");
    ASSERT_FALSE(g.empty()) << part;
    size_t graphs = 0;
    for (size_t p = g.find("<graph "); p != std::string::npos; p = g.find("<graph ", p + 1)) ++graphs;
    EXPECT_EQ(graphs, 1u) << part;
    EXPECT_THAT(g, HasSubstr("attr.name=\"name\""));
    EXPECT_THAT(g, HasSubstr("<data key=\"n_name\">FRA</data>"));
    EXPECT_THAT(g, HasSubstr("<data key=\"n_label\">France</data>"));
  }
  std::string two = Slurp(base + ".twomode.graphml");
  EXPECT_THAT(two, HasSubstr("attr.name=\"type\" attr.type=\"boolean\""));
  EXPECT_THAT(two, HasSubstr("<data key=\"n_type\">false</data>"));  // actors
  EXPECT_THAT(two, HasSubstr("<data key=\"n_type\">true</data>"));   // issues
  EXPECT_THAT(Slurp(base + ".congruence.graphml"), Not(HasSubstr("<data key=\"n_type\">")));
}

}  // namespace
