// End to end: the built `faultline map` and `faultline why` on fixture statements and on the raw seeds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace {

std::string Shell(const std::string& args, int* rc, bool with_stderr = true) {
  std::string out;
  // Built by appending: "'" + std::string trips a GCC 12 -Wrestrict false positive.
  std::string cmd(1, '\'');
  cmd += faultline::testing::Binary() + "' " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) { *rc = -1; return out; }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  *rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

std::string Fixture() { return faultline::testing::SourceDir() + "/tests/data/statements_nato.jsonl"; }

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(MapCli, TextShowsIssuesShiftsCampsOutletsWithoutColourWhenPiped) {
  int rc;
  std::string out = Shell("map --statements '" + Fixture() + "'", &rc);
  EXPECT_EQ(rc, 0) << out;
  for (const char* s : {"ISSUES", "SHIFTS", "CAMPS", "OUTLETS", "talks", "GBR (United Kingdom) on talks",
                        "FRA (France) on arms", "modularity"})
    EXPECT_NE(out.find(s), std::string::npos) << s;
  EXPECT_EQ(out.find('\x1b'), std::string::npos);  // no ANSI codes into a pipe
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.find("faultline why ") != std::string::npos) continue;  // a command to copy is printed whole
    size_t width = 0;
    for (char c : line) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    EXPECT_LE(width, 100u) << line;
  }
}

TEST(MapCli, JsonMarch2022) {
  int rc;
  std::string out = Shell("map --statements '" + Fixture() + "' --from 2022-03 --to 2022-03 --format json", &rc, false);
  ASSERT_EQ(rc, 0);
  auto j = nlohmann::json::parse(out);
  ASSERT_EQ(j["issues"][0]["issue"], "talks");
  auto pro = j["issues"][0]["for"].get<std::vector<std::string>>();
  auto con = j["issues"][0]["against"].get<std::vector<std::string>>();
  std::sort(pro.begin(), pro.end());
  std::sort(con.begin(), con.end());
  EXPECT_EQ(pro, (std::vector<std::string>{"DEU", "FRA", "ITA"}));
  EXPECT_EQ(con, (std::vector<std::string>{"GBR", "POL", "USA"}));
}

TEST(MapCli, CsvWritesTwoFilesFromABase) {
  std::string base = ::testing::TempDir() + "/fixture";
  int rc;
  std::string out = Shell("map --statements '" + Fixture() + "' --format csv -o '" + base + ".csv'", &rc);
  EXPECT_EQ(rc, 0) << out;
  std::string statements = Slurp(base + ".statements.csv"), matrix = Slurp(base + ".matrix.csv");
  EXPECT_EQ(statements.rfind("statement_id,time,actor,issue,stance,text,document,outlet,source", 0), 0u);
  EXPECT_EQ(matrix.rfind("actor,actor_name,talks,", 0), 0u);
  out = Shell("map --statements '" + Fixture() + "' --format csv --csv-table matrix", &rc);
  EXPECT_EQ(out, matrix);
}

TEST(MapCli, BadLinesAreReportedAndTheRestMapped) {
  std::string path = ::testing::TempDir() + "/bad.jsonl";
  {
    std::ofstream f(path);
    f << "{\"actor\":\"FRA\",\"issue\":\"talks\",\"stance\":1,\"doc\":\"a\"}\n{oops\n";
  }
  int rc;
  std::string out = Shell("map --statements '" + path + "' --format json", &rc);
  EXPECT_EQ(rc, 1);
  EXPECT_NE(out.find(path + ":2: not valid JSON"), std::string::npos) << out;
  EXPECT_NE(out.find("\"actor\": \"FRA\""), std::string::npos);
}

TEST(MapCli, UsageErrorsExitTwo) {
  int rc;
  Shell("map", &rc);
  EXPECT_EQ(rc, 2);
  Shell("map --statements '" + Fixture() + "' --window week", &rc);
  EXPECT_EQ(rc, 2);
  Shell("map --statements '" + Fixture() + "' --from March", &rc);
  EXPECT_EQ(rc, 2);
  Shell("map --statements '" + Fixture() + "' --format pdf", &rc);
  EXPECT_EQ(rc, 2);
  Shell("map --statements /nonexistent.jsonl", &rc);
  EXPECT_EQ(rc, 1);
}

TEST(MapCli, WhyListsEveryStatementBehindACell) {
  int rc;
  std::string out = Shell("why GBR talks --statements '" + Fixture() + "'", &rc);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("GBR (United Kingdom) on talks (Talks with Russia)"), std::string::npos) << out;
  for (const char* field : {"sentence:", "outlet:", "date:", "reported by:", "rule:", "cue:", "doc:"})
    EXPECT_NE(out.find(field), std::string::npos) << field;
  EXPECT_NE(out.find("--02-25"), std::string::npos);  // the year-less statement is there
  out = Shell("why GBR talks --statements '" + Fixture() + "' --format json", &rc, false);
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["statements"].size(), j["count"].get<size_t>());
  EXPECT_EQ(j["count"], 7);
  out = Shell("why GBR talks --statements '" + Fixture() + "' --outlet 'Kyiv Voice' --format json", &rc, false);
  EXPECT_EQ(nlohmann::json::parse(out)["count"], 1);
  out = Shell("why FIN talks --statements '" + Fixture() + "'", &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_NE(out.find("No statements of FIN (Finland) on talks"), std::string::npos) << out;
}

TEST(MapCli, GraphmlAndHtmlToFiles) {
  int rc;
  std::string g = ::testing::TempDir() + "/m.graphml", h = ::testing::TempDir() + "/m.html";
  Shell("map --statements '" + Fixture() + "' --format graphml --network all --normalization jaccard -o '" + g + "'",
        &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_NE(Slurp(g).find("normalisation jaccard"), std::string::npos);
  Shell("map --statements '" + Fixture() + "' --format html -o '" + h + "'", &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(Slurp(h).rfind("<!DOCTYPE html>", 0), 0u);
}

}  // namespace

// The issue's acceptance, end to end: raw seed articles -> actors -> statements -> map.
// Reads ../shared at test time (nothing copied); skipped when it is not there.
TEST(MapCliSeeds, AcceptanceFromTheRawArticles) {
  FAULTLINE_REQUIRE_SHARED();
  const std::string seeds = "'" + faultline::testing::SharedDir() + "/seeds' --meta '" +
                            faultline::testing::SharedDir() + "/seeds.meta.jsonl'";
  int rc;
  auto sorted = [](nlohmann::json a) {
    auto v = a.get<std::vector<std::string>>();
    std::sort(v.begin(), v.end());
    return v;
  };
  auto issue = [](const nlohmann::json& j, const std::string& id) {
    for (const auto& i : j["issues"])
      if (i["issue"] == id) return i;
    return nlohmann::json();
  };
  const std::string march = Shell("map " + seeds + " --from 2022-03 --to 2022-03 --format json", &rc, false);
  ASSERT_EQ(rc, 0);
  auto j = nlohmann::json::parse(march);
  auto talks = issue(j, "talks");
  ASSERT_TRUE(talks.is_object());
  for (const char* a : {"FRA", "DEU", "ITA"}) EXPECT_THAT(sorted(talks["for"]), ::testing::Contains(a));
  for (const char* a : {"GBR", "POL", "USA"}) EXPECT_THAT(sorted(talks["against"]), ::testing::Contains(a));
  auto arms = issue(j, "arms");
  ASSERT_TRUE(arms.is_object());
  for (const char* a : {"GBR", "EST", "LVA", "LTU"}) EXPECT_THAT(sorted(arms["for"]), ::testing::Contains(a));
  EXPECT_THAT(sorted(arms["against"]), ::testing::Contains("FRA"));

  auto all = nlohmann::json::parse(Shell("map " + seeds + " --format json", &rc, false));
  ASSERT_EQ(rc, 0);
  auto shifted = [&](const std::string& actor, const std::string& id) {
    for (const auto& s : all["shifts"])
      if (s["actor"] == actor && s["issue"] == id && s["from"]["stance"].get<double>() < 0 &&
          s["to"]["stance"].get<double>() > 0 && s["to"]["window"].get<std::string>() <= "2023-02")
        return true;
    return false;
  };
  EXPECT_TRUE(shifted("GBR", "talks"));
  EXPECT_TRUE(shifted("FRA", "arms"));
}
