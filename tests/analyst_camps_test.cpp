// Camps an analyst would accept, end to end: on the demo corpus and on the shared seeds,
// Russia shares a camp with none of its adversaries (Poland, the United Kingdom, Ukraine),
// with the default options. The seeds are read from ../shared at test time.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace {

using faultline::testing::RunFaultline;

// The camp (index) of every actor in `map --format json` output.
std::map<std::string, int> CampOf(const nlohmann::json& map) {
  std::map<std::string, int> out;
  int k = 0;
  for (const auto& camp : map["camps"]) {
    for (const auto& a : camp["actors"]) out[a.get<std::string>()] = k;
    ++k;
  }
  return out;
}

void ExpectRussiaApartFromItsAdversaries(const nlohmann::json& map) {
  auto camp = CampOf(map);
  ASSERT_TRUE(camp.count("RUS")) << "no Russia in the camps";
  int present = 0;
  for (const char* adversary : {"POL", "GBR", "UKR"}) {
    if (!camp.count(adversary)) continue;
    ++present;
    EXPECT_NE(camp["RUS"], camp[adversary]) << "RUS and " << adversary << " in one camp: " << map["camps"].dump();
  }
  EXPECT_GT(present, 0);
  EXPECT_EQ(map["camp_detection"]["normalization"], "jaccard");
}

TEST(AnalystCamps, DemoCorpusKeepsRussiaApart) {
  int rc;
  std::string out = RunFaultline("map '" + faultline::testing::SourceDir() + "/examples' --format json", &rc);
  ASSERT_EQ(rc, 0);
  ExpectRussiaApartFromItsAdversaries(nlohmann::json::parse(out));
}

TEST(AnalystCamps, SeedsKeepRussiaApart) {
  FAULTLINE_REQUIRE_SHARED();
  const std::string shared = faultline::testing::SharedDir();
  int rc;
  std::string out = RunFaultline("map '" + shared + "/seeds' --meta '" + shared + "/seeds.meta.jsonl' --format json", &rc);
  ASSERT_EQ(rc, 0);
  ExpectRussiaApartFromItsAdversaries(nlohmann::json::parse(out));
}

}  // namespace
