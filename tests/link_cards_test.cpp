#include "text/link_cards.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace faultline {
namespace {

// The text of each card found, for readable expectations.
std::vector<std::string> Cards(const std::string& text) {
  std::vector<std::string> out;
  for (const Span& s : FindLinkCards(text)) out.push_back(text.substr(s.begin, s.size()));
  return out;
}

TEST(LinkCardsTest, AFullNameGluedToHeadlinesAndClosedByMoreIsACard) {
  EXPECT_EQ(Cards("Sen. Jane Roe Jane Quinn RoeBudget talks stall again Roe: 'we have the votes' MORE (D-Ore.) said so."),
            std::vector<std::string>{"Jane Quinn RoeBudget talks stall again Roe: 'we have the votes' MORE"});
  // a nickname in brackets, a headline that opens with a digit
  EXPECT_EQ(Cards("Leader Rob Stone Robert (Rob) Allan Stone2024 hopefuls gather in Iowa MORE (R-Ky.) spoke."),
            std::vector<std::string>{"Robert (Rob) Allan Stone2024 hopefuls gather in Iowa MORE"});
}

TEST(LinkCardsTest, ANameSaidTwiceOverIsCutAfterItsSurname) {
  EXPECT_EQ(Cards("the rival of Sam Lake Sam Lake Poll: Lake leads in two states MORE, a new survey found."),
            std::vector<std::string>{"Sam Lake Poll: Lake leads in two states MORE"});
}

TEST(LinkCardsTest, TwoCardsInOneSentenceAreFoundApart) {
  EXPECT_EQ(Cards("Ann Bell Ann M. BellRain delays vote MORE (D-Wash.) and Tom Ford Thomas FordFarm bill passes MORE (R-Neb.)"),
            (std::vector<std::string>{"Ann M. BellRain delays vote MORE", "Thomas FordFarm bill passes MORE"}));
}

TEST(LinkCardsTest, MoreWithoutARepeatedNameIsText) {
  EXPECT_TRUE(Cards("Allies must pay MORE, and the rest of us must pay less.").empty());
  EXPECT_TRUE(Cards("WE WANT MORE from Jane Roe Jane Roe.").empty());
  EXPECT_TRUE(Cards("Jane Roe said the fund needs MORE money.").empty());
  // too far back: the name ends more than a card's length before "MORE"
  EXPECT_TRUE(Cards("Jane Roe Jane RoeBudget " + std::string(900, 'x') + " MORE (D-Ore.)").empty());
  // a card never spans paragraphs
  EXPECT_TRUE(Cards("Jane Roe Jane RoeBudget talks stall\n\nvoters want MORE of it").empty());
}

TEST(LinkCardsTest, BlankingKeepsOffsetsAndLineBreaks) {
  const std::string text = "Jo Roe Jo RoeX y\nz MORE said.";
  const std::vector<Span> cards = FindLinkCards(text);
  ASSERT_EQ(cards.size(), 1u);
  const std::string blanked = BlankSpans(text, cards);
  EXPECT_EQ(blanked.size(), text.size());
  EXPECT_EQ(blanked, "Jo Roe " + std::string(9, ' ') + "\n" + std::string(6, ' ') + " said.");
}

TEST(LinkCardsTest, ManyClosingWordsCostLinearTime) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "Al Bo Al BoX and MORE ";
  EXPECT_EQ(FindLinkCards(text).size(), 20000u);
}

}  // namespace
}  // namespace faultline
