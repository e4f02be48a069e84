// GraphML output: well-formed (xmllint) and structurally what GraphML readers need
// (tests/data/check_graphml.py). No GraphML XSD is installed on the build machine (none
// ships in Debian 12's packages), so schema validation runs only when
// FAULTLINE_GRAPHML_XSD names one.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "map/map.h"
#include "map/statement_jsonl.h"
#include "report/graphml_report.h"
#include "test_paths.h"

namespace faultline::report {
namespace {

std::string Run(const std::string& cmd, int* rc) {
  std::string out;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (p == nullptr) { *rc = -1; return out; }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  *rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

bool Have(const char* tool) {
  int rc;
  Run(std::string("command -v ") + tool, &rc);
  return rc == 0;
}

std::string WriteFixtureGraphml(const std::string& fixture, GraphmlNetworks which, const std::string& name) {
  std::ifstream in(testing::SourceDir() + "/tests/data/" + fixture);
  std::vector<Statement> st;
  std::vector<Status> errors;
  map::ReadStatementsJsonl(in, fixture, &st, &errors);
  map::Map m = map::BuildMap(std::move(st), map::MapOptions{});
  std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream out(path);
  WriteGraphml(m, which, out);
  return path;
}

void CheckFile(const std::string& path) {
  int rc;
  std::string out = Run("xmllint --noout '" + path + "'", &rc);
  EXPECT_EQ(rc, 0) << out;
  if (const char* xsd = std::getenv("FAULTLINE_GRAPHML_XSD")) {
    out = Run(std::string("xmllint --noout --schema '") + xsd + "' '" + path + "'", &rc);
    EXPECT_EQ(rc, 0) << out;
  }
  if (Have("python3")) {
    out = Run("python3 '" + testing::SourceDir() + "/tests/data/check_graphml.py' '" + path + "'", &rc);
    EXPECT_EQ(rc, 0) << out;
  }
}

TEST(GraphmlReport, AllNetworksWellFormedAndConsistent) {
  if (!Have("xmllint")) GTEST_SKIP() << "xmllint is not installed";
  CheckFile(WriteFixtureGraphml("statements_nato.jsonl", GraphmlNetworks::kAll, "all.graphml"));
}

TEST(GraphmlReport, HostileTextStaysWellFormed) {
  if (!Have("xmllint")) GTEST_SKIP() << "xmllint is not installed";
  CheckFile(WriteFixtureGraphml("statements_hostile.jsonl", GraphmlNetworks::kAll, "hostile.graphml"));
}

TEST(GraphmlReport, SingleNetworks) {
  std::ifstream in(testing::SourceDir() + "/tests/data/statements_nato.jsonl");
  std::vector<Statement> st;
  std::vector<Status> errors;
  map::ReadStatementsJsonl(in, "fixture", &st, &errors);
  map::Map m = map::BuildMap(std::move(st), map::MapOptions{});
  for (auto which : {GraphmlNetworks::kTwoMode, GraphmlNetworks::kCongruence, GraphmlNetworks::kConflict}) {
    std::ostringstream out;
    WriteGraphml(m, which, out);
    std::string s = out.str();
    size_t graphs = 0;
    for (size_t p = s.find("<graph "); p != std::string::npos; p = s.find("<graph ", p + 1)) ++graphs;
    EXPECT_EQ(graphs, 1u);
    EXPECT_LT(s.find("<key "), s.find("<graph "));
  }
  std::ostringstream two;
  WriteGraphml(m, GraphmlNetworks::kTwoMode, two);
  // One edge per cell, each with its stance.
  size_t edges = 0;
  for (size_t p = two.str().find("<edge "); p != std::string::npos; p = two.str().find("<edge ", p + 1)) ++edges;
  EXPECT_EQ(edges, m.cells.size());
  EXPECT_NE(two.str().find("attr.name=\"stance\""), std::string::npos);
}

TEST(GraphmlReport, ParseNetworks) {
  GraphmlNetworks n;
  EXPECT_TRUE(ParseGraphmlNetworks("conflict", &n));
  EXPECT_EQ(n, GraphmlNetworks::kConflict);
  EXPECT_FALSE(ParseGraphmlNetworks("onemode", &n));
}

}  // namespace
}  // namespace faultline::report
