// End to end: `faultline evaluate` on the shared gold (seeds and dev, skipped when
// ../shared is absent) and on the shipped migration example, failing below thresholds a
// little under what the rules reach (see bench/README-statements.md for the figures).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string>

#include "test_paths.h"

namespace faultline {
namespace {

// Runs a command and returns its standard output.
std::string RunCommand(const std::string& cmd) {
  std::array<char, 4096> buf;
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  if (!pipe) return out;
  while (fgets(buf.data(), buf.size(), pipe.get()) != nullptr) out += buf.data();
  return out;
}

// The value on the last line, "F1 x.xxx".
double F1Of(const std::string& output) {
  const size_t at = output.rfind("F1 ");
  if (at == std::string::npos) return -1;
  return std::stod(output.substr(at + 3));
}

TEST(StatementsEvaluationTest, SeedsAboveThreshold) {
  FAULTLINE_REQUIRE_SHARED();
  const std::string shared = testing::SharedDir();
  const std::string out = RunCommand(testing::Binary() + " evaluate --quiet " + shared + "/gold/seeds.jsonl " + shared +
                              "/seeds --meta " + shared + "/seeds.meta.jsonl 2>/dev/null");
  EXPECT_GE(F1Of(out), 0.85) << out;
}

TEST(StatementsEvaluationTest, DevAboveThreshold) {
  FAULTLINE_REQUIRE_SHARED();
  const std::string shared = testing::SharedDir();
  const std::string out =
      RunCommand(testing::Binary() + " evaluate --quiet " + shared + "/gold/dev.jsonl " + shared + "/gold/dev 2>/dev/null");
  EXPECT_GE(F1Of(out), 0.79) << out;
}

TEST(StatementsEvaluationTest, Dev2AboveThreshold) {
  FAULTLINE_REQUIRE_SHARED();
  const std::string shared = testing::SharedDir();
  const std::string out =
      RunCommand(testing::Binary() + " evaluate --quiet " + shared + "/gold/dev2.jsonl " + shared + "/gold/dev2 2>/dev/null");
  EXPECT_GE(F1Of(out), 0.73) << out;
}

TEST(StatementsEvaluationTest, MigrationExample) {
  const std::string src = testing::SourceDir();
  const std::string out = RunCommand(testing::Binary() + " evaluate --quiet " + src + "/tests/gold/migration.jsonl " + src +
                              "/tests/data/migration/articles --codebook " + src +
                              "/data/codebooks/migration.yaml 2>/dev/null");
  EXPECT_GE(F1Of(out), 0.90) << out;
}

TEST(StatementsEvaluationTest, EvaluatePrintsTheSameLinesAsScorePy) {
  const std::string src = testing::SourceDir();
  const std::string out = RunCommand(testing::Binary() + " evaluate " + src + "/tests/gold/migration.jsonl " + src +
                              "/tests/data/migration/articles --codebook " + src +
                              "/data/codebooks/migration.yaml 2>/dev/null");
  EXPECT_NE(out.find("gold=21 system="), std::string::npos) << out;
  EXPECT_NE(out.find("precision "), std::string::npos) << out;
}

TEST(StatementsEvaluationTest, UnknownCodebookIsAnError) {
  const std::string src = testing::SourceDir();
  const std::string out = RunCommand(testing::Binary() + " statements --codebook /nonexistent.yaml " + src +
                              "/tests/data/migration/articles 2>&1; echo rc=$?");
  EXPECT_NE(out.find("/nonexistent.yaml"), std::string::npos) << out;
  EXPECT_EQ(out.find("rc=0"), std::string::npos) << out;
}

}  // namespace
}  // namespace faultline
