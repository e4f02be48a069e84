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

TEST(SegmentTest, ACapitalisedTitleInATranscriptLabelEndsNoSentence) {
  std::string t = "MS. PSAKI:\u00a0 Sure.\u00a0 We have said so.\n\nMR. KIRBY: Yes. Mrs. May agreed.";
  auto s = SplitSentences(t);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(At(t, s[0]), "MS. PSAKI:\u00a0 Sure.");
  EXPECT_EQ(At(t, s[2]), "MR. KIRBY: Yes.");
  EXPECT_EQ(At(t, s[3]), "Mrs. May agreed.");
  // nor does a title ICU does not know
  EXPECT_EQ(SplitSentences("Sen. Lindsey Graham and Gen. Mark Milley spoke.").size(), 1u);
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

TEST(SegmentTest, ALineOfNoBreakSpacesIsBlank) {
  // transcripts that separate turns with a line holding only U+00A0
  std::string t = "Thank you.\u00a0 (Applause.)  \n\u00a0  \nMR. SMITH:\u00a0 Good morning.\n\u00a0\u00a0\n\u00a0\nBye.";
  auto p = SplitParagraphs(t);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(At(t, p[0]), "Thank you.\u00a0 (Applause.)");
  EXPECT_EQ(At(t, p[1]), "MR. SMITH:\u00a0 Good morning.");
  EXPECT_EQ(At(t, p[2]), "Bye.");
  // a no-break space inside a line joins nothing
  EXPECT_EQ(SplitParagraphs("One\n\u00a0two.").size(), 1u);
}

}  // namespace
}  // namespace faultline
