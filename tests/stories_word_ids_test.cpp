#include "stories/word_ids.h"

#include <gtest/gtest.h>

#include <string>

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
