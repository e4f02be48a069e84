// End to end, as a DNA user works: machine-code the demo corpus into a .dna, read it back
// with --statements (the map is the same), write DNA's event list, make a codebook.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "test_paths.h"

namespace {

namespace fs = std::filesystem;
using faultline::testing::RunFaultline;

fs::path Temp(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("faultline_dna_cli_" + std::to_string(::getpid()) + "_" + name);
  fs::remove(p);
  return p;
}

TEST(DnaCli, StatementsToDnaAndBackGiveTheSameMap) {
  const std::string examples = std::string("'").append(faultline::testing::SourceDir()).append("/examples'");
  const fs::path dna = Temp("examples.dna");
  int rc = 0;
  const std::string log = RunFaultline("statements " + examples + " --format dna -o '" + dna.string() + "'", &rc, true);
  ASSERT_EQ(rc, 0) << log;
  EXPECT_NE(log.find("documents,"), std::string::npos) << log;
  // --no-stories: statements alone (as in the DNA file) cannot tell relays of one report
  // apart, so the map from documents counts documents as origins too.
  const std::string direct = RunFaultline("map " + examples + " --format json --no-stories", &rc);
  ASSERT_EQ(rc, 0);
  const std::string via_dna = RunFaultline("map --statements '" + dna.string() + "' --format json", &rc);
  ASSERT_EQ(rc, 0);
  EXPECT_EQ(direct, via_dna);
  // A second run never overwrites the coder's file.
  RunFaultline("statements " + examples + " --format dna -o '" + dna.string() + "'", &rc);
  EXPECT_EQ(rc, 1);
  // --format dna without -o is a usage error.
  RunFaultline("statements " + examples + " --format dna", &rc);
  EXPECT_EQ(rc, 2);
  const std::string events = RunFaultline("map --statements '" + dna.string() + "' --format dna-csv", &rc);
  ASSERT_EQ(rc, 0);
  EXPECT_EQ(events.rfind("\"statement ID\";\"time\";\"document ID\";\"document title\";\"author\"", 0), 0u) << events;
  fs::remove(dna);
}

// The coder's loop closes in `evaluate` and `why`: the .dna is a gold file (the corrected
// file scores the machine) and a --statements file (the machine's coding scored against a gold).
TEST(DnaCli, EvaluateAndWhyReadTheDnaFile) {
  const std::string examples = std::string("'").append(faultline::testing::SourceDir()).append("/examples'");
  const fs::path dna = Temp("eval.dna"), jsonl = Temp("eval.jsonl"), fewer = Temp("fewer.jsonl");
  int rc = 0;
  RunFaultline("statements " + examples + " --format dna -o '" + dna.string() + "'", &rc);
  ASSERT_EQ(rc, 0);
  RunFaultline("statements " + examples + " -o '" + jsonl.string() + "'", &rc);
  ASSERT_EQ(rc, 0);
  // The .dna as gold, the same corpus extracted: every statement agrees.
  std::string out = RunFaultline("evaluate '" + dna.string() + "' " + examples + " --quiet", &rc);
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("fp=0 fn=0"), std::string::npos) << out;
  EXPECT_NE(out.find("F1 1.000"), std::string::npos) << out;
  // A gold that lacks the first statement (a coder deleted it): the .dna's copy is a false positive.
  {
    std::ifstream in(jsonl);
    std::ofstream o(fewer);
    std::string line;
    for (bool first = true; std::getline(in, line); first = false)
      if (!first) o << line << "\n";
  }
  out = RunFaultline("evaluate '" + fewer.string() + "' --statements '" + dna.string() + "'", &rc);
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("fp=1 fn=0"), std::string::npos) << out;
  EXPECT_EQ(out.rfind("FP ", 0), 0u) << out;
  // --statements and documents together, or neither, is a usage error.
  RunFaultline("evaluate '" + dna.string() + "' " + examples + " --statements '" + jsonl.string() + "'", &rc);
  EXPECT_EQ(rc, 2);
  RunFaultline("evaluate '" + dna.string() + "'", &rc);
  EXPECT_EQ(rc, 2);
  // `why` reads the cell's statements from the .dna as from the JSONL.
  const std::string why = RunFaultline("why UKR arms --statements '" + dna.string() + "' --format json", &rc);
  ASSERT_EQ(rc, 0) << why;
  EXPECT_NE(why.find("\"statements\""), std::string::npos) << why;
  EXPECT_EQ(why, RunFaultline("why UKR arms --statements '" + jsonl.string() + "' --format json", &rc));
  for (const fs::path& p : {dna, jsonl, fewer}) fs::remove(p);
}

TEST(DnaCli, CodebookFromDnaWritesALoadableCodebook) {
  FAULTLINE_REQUIRE_SHARED();
  const fs::path yaml = Temp("climate.yaml");
  int rc = 0;
  RunFaultline("codebook from-dna '" + faultline::testing::SharedDir() + "/reference/dna/sample.dna' -o '" +
                   yaml.string() + "'",
               &rc);
  ASSERT_EQ(rc, 0);
  // The codebook drives an extraction (any text will do: it must load).
  const std::string out = RunFaultline("statements '" + faultline::testing::SourceDir() +
                                           "/examples' --codebook '" + yaml.string() + "'",
                                       &rc, true);
  EXPECT_EQ(rc, 0) << out;
  fs::remove(yaml);
}

}  // namespace
