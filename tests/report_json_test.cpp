#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "map/map.h"
#include "map/statement_jsonl.h"
#include "report/json_report.h"
#include "test_paths.h"

namespace faultline::report {
namespace {

using nlohmann::json;

json FixtureJson() {
  std::ifstream in(testing::SourceDir() + "/tests/data/statements_nato.jsonl");
  std::vector<Statement> st;
  std::vector<Status> errors;
  map::ReadStatementsJsonl(in, "fixture", &st, &errors);
  map::Map m = map::BuildMap(std::move(st), map::MapOptions{});
  std::ostringstream out;
  WriteJson(m, out);
  return json::parse(out.str());
}

TEST(JsonReport, DocumentedStructure) {
  json j = FixtureJson();
  for (const char* key : {"options", "summary", "issues", "cells", "shifts", "camps", "camp_detection",
                          "networks", "outlets", "statements"})
    EXPECT_TRUE(j.contains(key)) << key;
  ASSERT_FALSE(j["cells"].empty());
  for (const auto& c : j["cells"]) {
    for (const char* key : {"actor", "issue", "stance", "count", "outlets", "first", "last", "timeline", "statements"})
      EXPECT_TRUE(c.contains(key)) << key;
    EXPECT_GE(c["stance"].get<double>(), -1.0);
    EXPECT_LE(c["stance"].get<double>(), 1.0);
    EXPECT_EQ(c["statements"].size(), c["count"].get<size_t>());
  }
  for (const auto& is : j["issues"]) {
    EXPECT_TRUE(is.contains("issue"));
    EXPECT_TRUE(is.contains("split"));
  }
  ASSERT_FALSE(j["shifts"].empty());
  for (const auto& s : j["shifts"]) {
    for (const char* end : {"from", "to"}) {
      EXPECT_TRUE(s[end].contains("window"));
      EXPECT_TRUE(s[end].contains("stance"));
    }
    EXPECT_TRUE(s.contains("actor"));
    EXPECT_TRUE(s.contains("issue"));
  }
  ASSERT_FALSE(j["camps"].empty());
  for (const auto& c : j["camps"]) EXPECT_TRUE(c["actors"].is_array());
  EXPECT_TRUE(j["camp_detection"]["modularity"].is_number());
}

TEST(JsonReport, StatementIdsResolve) {
  json j = FixtureJson();
  const auto& statements = j["statements"];
  for (const auto& c : j["cells"])
    for (const auto& id : c["statements"]) {
      size_t k = id.get<size_t>();
      ASSERT_GE(k, 1u);
      ASSERT_LE(k, statements.size());
      EXPECT_EQ(statements[k - 1]["id"], k);
      EXPECT_EQ(statements[k - 1]["actor"], c["actor"]);
      EXPECT_EQ(statements[k - 1]["issue"], c["issue"]);
    }
}

TEST(JsonReport, IssuesMostDividedFirst) {
  json j = FixtureJson();
  double prev = 1e18;
  for (const auto& is : j["issues"]) {
    EXPECT_LE(is["contested"].get<double>(), prev);
    prev = is["contested"].get<double>();
    EXPECT_GE(is["split"].get<double>(), 0.0);
    EXPECT_LE(is["split"].get<double>(), 1.0);
  }
  EXPECT_EQ(j["issues"][0]["issue"], "talks");
}

}  // namespace
}  // namespace faultline::report
