#include "stories/word_ids.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "stories/id_counts.h"
#include "stories/key_filter.h"

namespace faultline::stories {
namespace {

TEST(StoriesWordIdsTest, IdsAreDenseInFirstSeenOrder) {
  WordIds ids;
  EXPECT_EQ(ids.Intern("sanctions"), 0u);
  EXPECT_EQ(ids.Intern("talks"), 1u);
  EXPECT_EQ(ids.Intern("sanctions"), 0u);
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids.Word(1), "talks");
  EXPECT_EQ(ids.Find("talks"), 1u);
  EXPECT_EQ(ids.Find("talk"), WordIds::kNone);
  EXPECT_EQ(WordIds().Find("anything"), WordIds::kNone);
}

TEST(StoriesWordIdsTest, KeepsEveryWordAcrossGrowth) {
  // Well past the first table size, so the table grows several times.
  WordIds ids;
  for (int i = 0; i < 20000; ++i) ASSERT_EQ(ids.Intern("w" + std::to_string(i)), static_cast<uint32_t>(i));
  for (int i = 0; i < 20000; ++i) {
    const std::string w = "w" + std::to_string(i);
    ASSERT_EQ(ids.Find(w), static_cast<uint32_t>(i));
    ASSERT_EQ(ids.Word(static_cast<uint32_t>(i)), w);
  }
  EXPECT_EQ(ids.Intern(""), 20000u);  // the empty word is a word like any other
  EXPECT_EQ(ids.Find(""), 20000u);
}

TEST(StoriesWordIdsTest, InternWithItsHashGivesTheSameIds) {
  WordIds ids;
  EXPECT_EQ(ids.Intern("talks", WordIds::Hash("talks")), 0u);
  EXPECT_EQ(ids.Intern("talks"), 0u);
  EXPECT_EQ(ids.Find("talks"), 0u);
  EXPECT_EQ(ids.Find("talks", WordIds::Hash("talks")), 0u);
  EXPECT_TRUE(ids.Contains("talks", WordIds::Hash("talks")));
  EXPECT_FALSE(ids.Contains("talk", WordIds::Hash("talk")));
  EXPECT_FALSE(WordIds().Contains("talks", WordIds::Hash("talks")));
}

TEST(StoriesWordIdsTest, TellsApartWordsThatShareTheirFirstEightBytes) {
  // A slot keeps a word's first 8 bytes: words agreeing there, or padded with zero bytes,
  // must still differ by their length and their other bytes.
  const std::string with_nul("ab\0", 3);
  const std::vector<std::string> words = {"negotiat", "negotiation", "negotiations", "negotiator", "negotiatio",
                                          "ab", with_nul, "abcdefgh", "abcdefghi", "abcdefgi", "abcdefghj"};
  WordIds ids;
  for (size_t i = 0; i < words.size(); ++i) ASSERT_EQ(ids.Intern(words[i]), i) << words[i];
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(ids.Find(words[i]), i) << words[i];
    EXPECT_EQ(ids.Intern(words[i]), i) << words[i];
  }
  EXPECT_EQ(ids.Find("negotiators"), WordIds::kNone);
  EXPECT_EQ(ids.Find("abcdefgh "), WordIds::kNone);
  EXPECT_EQ(ids.Find(std::string("ab\0\0", 4)), WordIds::kNone);
}

TEST(StoriesWordIdsTest, ACopyKeepsTheIds) {
  // The outlets' word counts start from a copy of the stopwords: the same ids.
  WordIds stop;
  for (const char* w : {"the", "and", "of"}) stop.Intern(w);
  WordIds words = stop;
  EXPECT_EQ(words.Find("and"), 1u);
  EXPECT_EQ(words.Intern("sanctions"), 3u);
  EXPECT_EQ(stop.Find("sanctions"), WordIds::kNone);
}

TEST(StoriesIdCountsTest, SumsCountsPerIdAcrossGrowth) {
  IdCounts counts;
  std::map<uint32_t, uint32_t> expected;
  // Dense and sparse ids, each added several times, well past the first table size.
  for (uint32_t round = 1; round <= 3; ++round)
    for (uint32_t id = 0; id < 5000; id += (id < 1000 ? 1 : 97)) {
      counts.Add(id, round);
      expected[id] += round;
    }
  std::map<uint32_t, uint32_t> seen;
  counts.ForEach([&](uint32_t id, uint32_t n) { EXPECT_TRUE(seen.emplace(id, n).second) << id; });
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(counts.size(), expected.size());
  EXPECT_EQ(IdCounts().size(), 0u);
}

TEST(StoriesKeyFilterTest, NeverRejectsAKeyAndRejectsOtherShapes) {
  KeyFilter f;
  EXPECT_FALSE(f.MayContain("the"));
  f.Add("the");
  f.Add("according");
  f.Add(std::string(40, 'x'));  // long keys share one slot
  f.Add("");                    // ignored
  EXPECT_TRUE(f.MayContain("the"));
  EXPECT_TRUE(f.MayContain("according"));
  EXPECT_TRUE(f.MayContain(std::string(40, 'x')));
  EXPECT_TRUE(f.MayContain(std::string(35, 'x')));  // a false alarm, allowed
  EXPECT_FALSE(f.MayContain("then"));  // other length
  EXPECT_FALSE(f.MayContain("she"));   // other first byte
  EXPECT_FALSE(f.MayContain(""));
}

}  // namespace
}  // namespace faultline::stories
