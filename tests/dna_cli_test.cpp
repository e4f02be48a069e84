// End to end, as a DNA user works: machine-code the demo corpus into a .dna, read it back
// with --statements (the map is the same), write DNA's event list, make a codebook.
#include <gtest/gtest.h>

#include <filesystem>
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
