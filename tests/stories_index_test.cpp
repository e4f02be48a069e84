// The bounds on one query of the story index (story_index.h): only the max_candidates
// documents sharing the most index terms are scored, and a posting list longer than
// max_postings is skipped. Profiles here are one real text's profile with index terms
// set by hand, so that which documents share how many terms is known exactly.
#include <gtest/gtest.h>

#include <vector>

#include "stories_test_fixtures.h"
#include "stories/stories.h"
#include "stories/story_index.h"

namespace faultline::stories {
namespace {

class StoryIndexBoundsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto data = StoriesData::Load();
    ASSERT_TRUE(data.ok()) << data.status().ToString();
    base_model_ = data.value().model;
  }

  // A model as shipped but for the two bounds.
  std::shared_ptr<const StoryModel> Model(size_t max_candidates, size_t max_postings) const {
    StoryConfig c = base_model_->config();
    c.max_candidates = max_candidates;
    c.max_postings = max_postings;
    return StoryModel::FromParts(c, base_model_->statistics());
  }

  // The same text every time, so that any two profiles compared score alike and link;
  // dated documents 30 days apart (outside the window: never compared with each other).
  // No MinHash: candidates come from the index terms alone.
  StoryProfile Profile(std::vector<TermId> index_terms, const std::string& date) const {
    StoryProfile p = base_model_->Profile("Bridge reopens", testing::kBridgeReport, date);
    p.index_terms = std::move(index_terms);
    p.minhash.reset();
    return p;
  }

  std::shared_ptr<const StoryModel> base_model_;
};

TEST_F(StoryIndexBoundsTest, AQueryScoresOnlyTheCandidatesSharingTheMostIndexTerms) {
  auto run = [&](size_t max_candidates) {
    StoryIndex index(Model(max_candidates, 1000));
    index.Add(Profile({1, 2, 90}, "2024-01-01"));         // shares 2 terms with the query
    index.Add(Profile({1, 2, 3, 4}, "2024-01-31"));       // shares 4
    index.Add(Profile({1, 2, 3, 91}, "2024-03-01"));      // shares 3
    index.Add(Profile({1, 2, 92}, "2024-03-31"));         // shares 2
    EXPECT_EQ(index.comparisons(), 0u);
    const uint32_t q = index.Add(Profile({1, 2, 3, 4, 5}, ""));  // undated: looks at every week
    return std::make_pair(index.comparisons(), index.best_link(q));
  };
  // Unbounded: all four are scored; equal scores, so the best link is the first added.
  auto [all, all_link] = run(100);
  EXPECT_EQ(all, 4u);
  ASSERT_TRUE(all_link.has_value());
  EXPECT_EQ(all_link->other, 0u);
  // Two: only those sharing 4 and 3 terms (documents 1 and 2).
  auto [two, two_link] = run(2);
  EXPECT_EQ(two, 2u);
  ASSERT_TRUE(two_link.has_value());
  EXPECT_EQ(two_link->other, 1u);
}

TEST_F(StoryIndexBoundsTest, TiesGoToTheLatestAdded) {
  StoryIndex index(Model(1, 1000));
  index.Add(Profile({1, 2}, "2024-01-01"));
  index.Add(Profile({1, 2}, "2024-01-31"));
  index.Add(Profile({1, 2}, "2024-03-01"));
  const uint32_t q = index.Add(Profile({1, 2}, ""));
  EXPECT_EQ(index.comparisons(), 1u);
  ASSERT_TRUE(index.best_link(q).has_value());
  EXPECT_EQ(index.best_link(q)->other, 2u);
}

TEST_F(StoryIndexBoundsTest, AnOverlongPostingListIsSkipped) {
  auto run = [&](size_t max_postings) {
    StoryIndex index(Model(100, max_postings));
    // Term 1 is in all three documents, term 2 in two, term 3 in one.
    index.Add(Profile({1, 2}, "2024-01-01"));
    index.Add(Profile({1, 2}, "2024-01-31"));
    index.Add(Profile({1, 3}, "2024-03-01"));
    index.Add(Profile({1, 2, 3}, ""));
    return index.comparisons();
  };
  EXPECT_EQ(run(3), 3u);  // each shares two terms with the query, term 1 among them
  EXPECT_EQ(run(2), 0u);  // term 1's list is too long: each shares one term left
}

TEST_F(StoryIndexBoundsTest, DatedQueriesAreBoundedToo) {
  StoryIndex index(Model(3, 1000));
  // Eight documents within the window, not linked to each other (one term in common).
  for (int d = 0; d < 8; ++d) index.Add(Profile({1, static_cast<TermId>(100 + d)}, "2024-05-01"));
  EXPECT_EQ(index.comparisons(), 0u);
  index.Add(Profile({1, 100, 101, 102, 103, 104, 105, 106, 107}, "2024-05-02"));
  EXPECT_EQ(index.comparisons(), 3u);
}

}  // namespace
}  // namespace faultline::stories
