#include "text/segment.h"

#include <gtest/gtest.h>

#include <string>

namespace faultline {
namespace {

std::string At(const std::string& t, Span s) { return t.substr(s.begin, s.size()); }

TEST(SegmentTest, SplitsSentencesWithinParagraphs) {
  std::string t = "NATO allies are split. Mr. Macron favors talks.\n\nPoland disagrees.";
  auto s = SplitSentences(t);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(At(t, s[0]), "NATO allies are split.");
  EXPECT_EQ(At(t, s[1]), "Mr. Macron favors talks.");
  EXPECT_EQ(At(t, s[2]), "Poland disagrees.");
}

TEST(SegmentTest, HeadlineWithoutPeriodEndsAtParagraphBreak) {
  std::string t = "Allies Split on Talks\n\nGermany favors diplomacy.";
  auto s = SplitSentences(t);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(At(t, s[0]), "Allies Split on Talks");
}

TEST(SegmentTest, OffsetsPointIntoUtf8Text) {
  std::string t = "The Elysée said no. Kyiv “disagreed.”";
  auto s = SplitSentences(t);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(At(t, s[1]), "Kyiv “disagreed.”");
}

TEST(SegmentTest, ParagraphsIgnoreBlankRuns) {
  std::string t = "\n\nOne.\n \n\nTwo\nlines.\n";
  auto p = SplitParagraphs(t);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(At(t, p[0]), "One.");
  EXPECT_EQ(At(t, p[1]), "Two\nlines.");
}

}  // namespace
}  // namespace faultline
