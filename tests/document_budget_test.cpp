#include "ingest/document_budget.h"

#include <gtest/gtest.h>

#include <string>

namespace faultline {
namespace {

Document WithText(std::string text) {
  Document d;
  d.id = "d";
  d.text = std::move(text);
  return d;
}

TEST(DocumentBudgetTest, EveryByteASentenceEndIsCountedAtTheLimit) {
  // The densest text there is: every byte but the last ends a sentence, and the count is
  // one more than the ends. A text no longer than the limit is let through uncounted.
  const Document d = WithText("\n\n\n\n\n");
  ASSERT_EQ(CountSentenceEnds(d.text), 5u);
  DocumentBudget budget;
  budget.max_sentences = 5;
  EXPECT_TRUE(CheckDocumentBudget(d, budget).ok());
  budget.max_sentences = 4;
  const Status s = CheckDocumentBudget(d, budget);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.ToString().find("about 5 sentences"), std::string::npos) << s.ToString();
}

TEST(DocumentBudgetTest, AnEmptyTextIsOneSentence) {
  DocumentBudget budget;
  budget.max_sentences = 1;
  EXPECT_TRUE(CheckDocumentBudget(WithText(""), budget).ok());
  EXPECT_EQ(CountSentenceEnds(""), 1u);
}

TEST(DocumentBudgetTest, ALongTextWithFewSentencesIsWithinTheLimit) {
  DocumentBudget budget;
  budget.max_sentences = 3;
  EXPECT_TRUE(CheckDocumentBudget(WithText("One long sentence without an end in sight"), budget).ok());
  EXPECT_FALSE(CheckDocumentBudget(WithText("One. Two. Three. Four."), budget).ok());
}

}  // namespace
}  // namespace faultline
