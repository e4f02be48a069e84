// `faultline actors` end to end: JSON Lines and text output, --actors files, bad input.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_paths.h"

namespace faultline {
namespace {

struct CliRun {
  int status = -1;
  std::string out;
};

CliRun Execute(const std::string& args) {
  CliRun r;
  const std::string cmd = testing::Binary() + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string TempFile(const std::string& name, const std::string& content) {
  const auto dir = std::filesystem::temp_directory_path() / "faultline_actors_cli_test";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << content;
  return path.string();
}

TEST(ActorsCli, JsonLinesWithFixtureKb) {
  const std::string doc = TempFile("doc.txt", "Moscow rejected the offer from the Baltic states.\n");
  const std::string fixture = testing::SourceDir() + "/tests/data/kb/fixture.yaml";
  CliRun r = Execute("actors --no-default-kb --actors " + fixture + " " + doc);
  ASSERT_EQ(r.status, 0) << r.out;
  std::istringstream in(r.out);
  std::string line;
  std::vector<nlohmann::json> rows;
  while (std::getline(in, line)) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 2u) << r.out;
  EXPECT_EQ(rows[0]["surface"], "Moscow");
  EXPECT_EQ(rows[0]["actors"], nlohmann::json::array({"RUS"}));
  EXPECT_EQ(rows[0]["kind"], "metonym");
  EXPECT_EQ(rows[0]["begin"], 0);
  EXPECT_EQ(rows[0]["end"], 6);
  EXPECT_EQ(rows[1]["group"], "BALTIC");
  EXPECT_EQ(rows[1]["actors"], nlohmann::json::array({"EST", "LVA", "LTU"}));
  EXPECT_EQ(rows[1]["doc"], "doc");
}

TEST(ActorsCli, TextFormatAndTwoActorsFiles) {
  const std::string doc = TempFile("doc2.txt", "Freedonia and France met.\n");
  const std::string fixture = testing::SourceDir() + "/tests/data/kb/fixture.yaml";
  const std::string extra = TempFile("extra.yaml", "actors:\n  - {code: FRD, names: [Freedonia]}\n");
  CliRun r = Execute("actors --format text --no-default-kb --actors " + fixture + " --actors " +
                  extra + " " + doc);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("0-9\tFreedonia\tFRD\tstate"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\tFrance\tFRA\tstate"), std::string::npos) << r.out;
}

TEST(ActorsCli, BadKnowledgeFileIsAUsageError) {
  const std::string doc = TempFile("doc3.txt", "France.\n");
  const std::string bad = TempFile("bad.yaml", "actors:\n  - code: FRA\n    kind: country\n");
  CliRun r = Execute("actors --actors " + bad + " " + doc);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("bad.yaml:3:"), std::string::npos) << r.out;
}

TEST(ActorsCli, MissingInputIsReportedAndTheRestProcessed) {
  const std::string doc = TempFile("doc4.txt", "France.\n");
  const std::string fixture = testing::SourceDir() + "/tests/data/kb/fixture.yaml";
  CliRun r = Execute("actors --no-default-kb --actors " + fixture + " /nonexistent/x.txt " + doc);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("\"France\""), std::string::npos) << r.out;
}

}  // namespace
}  // namespace faultline
