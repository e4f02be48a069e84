// The statement rules on the shared gold articles, with a plain gazetteer for actors
// (tests/statements_gazetteer.h). Set FAULTLINE_DUMP=DIR to write DIR/seeds.jsonl and
// DIR/dev.jsonl for score.py.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "statements/extractor.h"
#include "statements_gazetteer.h"
#include "test_paths.h"

namespace faultline {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void RunSet(const std::string& dir, const std::string& out_path) {
  testing::Gazetteer gaz(testing::SourceDir() + "/data/kb");
  auto ex = StatementExtractor::Create();
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::ofstream out;
  if (!out_path.empty()) out.open(out_path);
  for (const auto& f : files) {
    Document d;
    d.file = f;
    d.id = std::filesystem::path(f).stem().string();
    d.text = ReadFile(f);
    auto mentions = gaz.Find(d.text);
    ExtractionStats stats;
    const char* trace = std::getenv("FAULTLINE_TRACE");
    stats.trace = trace != nullptr && d.id.find(trace) != std::string::npos;
    auto statements = ex->Extract(d, mentions, &stats);
    if (stats.trace) std::cerr << stats.trace_text;
    for (const auto& s : statements) {
      nlohmann::json j = {{"doc", s.doc}, {"actor", s.actor}, {"issue", s.issue}, {"stance", s.stance},
                          {"evidence", s.evidence}, {"cue", s.cue}, {"rule", s.rule}, {"source", s.source}};
      if (out.is_open()) out << j.dump() << "\n";
    }
  }
}

TEST(StatementsGoldTest, RunsOnSeedsAndDev) {
  FAULTLINE_REQUIRE_SHARED();
  const char* dump = std::getenv("FAULTLINE_DUMP");
  std::string d = dump ? dump : "";
  RunSet(testing::SharedDir() + "/seeds", d.empty() ? "" : d + "/seeds.jsonl");
  RunSet(testing::SharedDir() + "/gold/dev", d.empty() ? "" : d + "/dev.jsonl");
}

}  // namespace
}  // namespace faultline
