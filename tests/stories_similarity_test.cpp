// The stories stage's text side: terms, profiles and the pair score.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "stories/model.h"
#include "stories/profile.h"
#include "stories/similarity.h"
#include "stories/terms.h"

namespace faultline::stories {
namespace {

TermOptions Options() {
  TermOptions o;
  for (const char* w : {"the", "and", "of", "to", "a", "in", "on", "said", "us"}) o.stopwords.Intern(w);
  return o;
}

bool Has(const std::vector<TermId>& v, const std::string& word) {
  return std::find(v.begin(), v.end(), HashTerm(Stem(word))) != v.end();
}

bool SameBags(const TermBags& a, const TermBags& b) {
  return a.content == b.content && a.names == b.names && a.numbers == b.numbers && a.words == b.words &&
         a.lead_content == b.lead_content;
}

// One scratch for text after text: what an earlier text left in it (its tokens, its
// names, a names table grown past what is kept) changes nothing of a later one's bags.
TEST(StoriesTermsTest, ReusedScratchGivesTheBagsOfAFreshOne) {
  std::string many_names = "Officials met.";
  for (int i = 0; i < 3000; ++i) many_names += " Then Zed" + std::to_string(i) + "x spoke with Putin and 4,500 others.";
  const std::vector<std::string> texts = {
      "Talks in Geneva. The EU and Putin met, said Nausėda; 1,826 troops left.",
      many_names,
      "Despite the talks, Putin said the EU sanctions on 34 firms stay.",
      "",
      "TRUMP EYES EVEN HIGHER TARIFFS\nThe White House said Trump met Xi in Busan."};
  TermScratch scratch;
  TermBags bags;
  for (size_t max_words : {0, 7})
    for (const std::string& t : texts) {
      ExtractTerms(t, Options(), max_words, 5, &scratch, &bags);
      EXPECT_TRUE(SameBags(bags, ExtractTerms(t, Options(), max_words, 5))) << t.substr(0, 60);
    }
  EXPECT_FALSE(bags.names.empty());
}

TEST(StoriesTermsTest, StemsInflectionsButLeavesShortWords) {
  EXPECT_EQ(Stem("Talks"), "talk");
  EXPECT_EQ(Stem("talk"), "talk");
  EXPECT_EQ(Stem("sanctioned"), "sanction");
  EXPECT_EQ(Stem("sanctions"), "sanction");
  EXPECT_EQ(Stem("negotiating"), "negotiat");
  EXPECT_EQ(Stem("negotiates"), "negotiat");
  EXPECT_EQ(Stem("negotiated"), "negotiat");
  EXPECT_EQ(Stem("countries"), "country");
  EXPECT_EQ(Stem("crisis"), "crisis");
  EXPECT_EQ(Stem("bring"), "bring");
  EXPECT_EQ(Stem("ties"), "tie");
}

TEST(StoriesTermsTest, NamesAreWordsCapitalisedInsideSentences) {
  const TermBags b = ExtractTerms(
      "Despite the warnings, Lisbon signed the accord. Officials in Lisbon called it a first step, "
      "and the US and NATO welcomed it.",
      Options());
  EXPECT_TRUE(Has(b.names, "lisbon"));
  EXPECT_TRUE(Has(b.names, "nato"));
  EXPECT_TRUE(Has(b.names, "us")) << "an acronym is a name even when its lower case is a stopword";
  EXPECT_FALSE(Has(b.names, "despite")) << "only ever opens a sentence";
  EXPECT_FALSE(Has(b.names, "official"));
  EXPECT_TRUE(Has(b.content, "despite"));
  EXPECT_TRUE(Has(b.content, "warning"));
  EXPECT_FALSE(Has(b.content, "the"));
}

TEST(StoriesTermsTest, HeadlineCapitalsAreNoNames) {
  const TermBags b = ExtractTerms("Harbour Strike Ends After Nine Days\nThe strike in Harbour ended.", Options());
  EXPECT_FALSE(Has(b.names, "strike"));
  EXPECT_FALSE(Has(b.names, "nine"));
}

TEST(StoriesTermsTest, NumbersKeepFiguresButNotYearsOrSingleDigits) {
  const TermBags b = ExtractTerms("In 2019 the fund paid 1,826 claims worth 34.5 million over 3 years.", Options());
  EXPECT_TRUE(Has(b.numbers, "1826"));
  EXPECT_TRUE(Has(b.numbers, "34.5"));
  EXPECT_FALSE(Has(b.numbers, "2019"));
  EXPECT_FALSE(Has(b.numbers, "3"));
}

TEST(StoriesTermsTest, UnicodeSpacesAndDashesSeparateWords) {
  // A no-break space and an em dash between words.
  const std::vector<std::string> t = ContentTerms("frigate\xC2\xA0squadron\xE2\x80\x94harbour", Options());
  EXPECT_EQ(t, (std::vector<std::string>{Stem("frigate"), "squadron", "harbour"}));
}

class StoriesScoreTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto m = StoryModel::Load();
    ASSERT_TRUE(m.ok()) << m.status().reason();  // (ToString inlined here trips a GCC 12 -Wrestrict false positive)
    model_ = *m;
  }
  static double Score(const std::string& t1, const std::string& t2, const std::string& d1 = "",
                      const std::string& d2 = "") {
    return model_->Score(model_->Profile("", t1, d1), model_->Profile("", t2, d2)).score;
  }
  static std::shared_ptr<const StoryModel> model_;
};
std::shared_ptr<const StoryModel> StoriesScoreTest::model_;

// Two reports of one event in different words, and one of another event.
const char* kFerryA =
    "A ferry carrying 212 passengers ran aground off the island of Vardholm on Sunday night after its "
    "engines failed in a storm, the Norwegian coast guard said. Rescue helicopters from Bodo lifted 40 "
    "people to safety while tugboats held the ferry against the rocks. The operator, Nordlys Lines, said "
    "no one was seriously hurt and that the ship's hull had not been breached. Investigators from the "
    "maritime authority will board the vessel on Monday to examine the engines.";
const char* kFerryB =
    "Rescuers airlifted dozens of passengers from a stranded ferry near Vardholm after the vessel lost "
    "power in heavy seas late on Sunday. The Nordlys Lines ship, with 212 people aboard, struck rocks "
    "north of the island; helicopters based in Bodo carried 40 of them ashore. The coast guard said tugs "
    "kept the ferry steady overnight. The maritime authority opened an inquiry into the engine failure.";
const char* kBudget =
    "The finance ministry presented a budget that raises spending on schools and hospitals while cutting "
    "fuel subsidies, a plan opposition parties called a tax on commuters. Parliament will vote on the bill "
    "next month after hearings in the budget committee. Economists said the deficit would shrink slightly "
    "if growth forecasts held, and warned that higher interest rates could upset the plan.";

TEST_F(StoriesScoreTest, SameEventInOtherWordsScoresAboveAnotherEvent) {
  const double same = Score(kFerryA, kFerryB, "2023-10-15", "2023-10-16");
  const double other = Score(kFerryA, kBudget, "2023-10-15", "2023-10-15");
  EXPECT_GT(same, model_->config().threshold) << same;
  EXPECT_LT(other, 0.4) << other;
}

TEST_F(StoriesScoreTest, ACopyIsTheSameStory) {
  std::string copy = kFerryA;
  copy.append(" Follow us for more.");
  EXPECT_GE(Score(kFerryA, copy), model_->config().near_copy_score);
}

TEST_F(StoriesScoreTest, TimeApartLowersTheScore) {
  const double near = Score(kFerryA, kFerryB, "2023-10-15", "2023-10-16");
  const double far = Score(kFerryA, kFerryB, "2023-10-15", "2024-01-20");
  EXPECT_LT(far, near);
  EXPECT_LE(near - far, model_->config().max_time_penalty + 1e-9);
  const PairScore p = ScorePair(CompareProfiles(model_->Profile("", kFerryA, "2023-10-15"),
                                                model_->Profile("", kFerryB, "2024-01-20")),
                                model_->config());
  EXPECT_DOUBLE_EQ(p.time_penalty, model_->config().max_time_penalty) << "97 days: five doublings of 3";
  EXPECT_EQ(Score(kFerryA, kFerryB), near) << "no dates: no penalty";
}

TEST_F(StoriesScoreTest, AStubIsPulledTowardThePrior) {
  const double s = Score("Ferry aground off Vardholm.", kFerryB);
  EXPECT_NEAR(s, model_->config().prior, 0.1);
  const PairSignals sig =
      CompareProfiles(model_->Profile("", "Ferry aground.", ""), model_->Profile("", kFerryB, ""));
  EXPECT_TRUE(ScorePair(sig, model_->config()).shrunk);
}

TEST_F(StoriesScoreTest, ScoreIsSymmetricAndInRange) {
  for (const char* a : {kFerryA, kFerryB, kBudget})
    for (const char* b : {kFerryA, kFerryB, kBudget}) {
      const double s = Score(a, b);
      EXPECT_GE(s, 0.0);
      EXPECT_LE(s, 1.0);
      EXPECT_DOUBLE_EQ(s, Score(b, a));
    }
}

TEST_F(StoriesScoreTest, ProfilesSurviveTheStoredForm) {
  StoryProfile p = model_->Profile("Ferry aground", kFerryA, "2023-10-15");
  p.origin = 77;
  const std::optional<StoryProfile> back = ProfileFromBytes(ProfileToBytes(p));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->text.size(), p.text.size());
  EXPECT_DOUBLE_EQ(Dot(back->text, p.text), Dot(p.text, p.text));
  EXPECT_EQ(back->day, p.day);
  EXPECT_EQ(back->minhash, p.minhash);
  EXPECT_EQ(back->numbers, p.numbers);
  EXPECT_EQ(back->index_terms, p.index_terms);
  EXPECT_EQ(back->origin, 77u);
  EXPECT_FALSE(ProfileFromBytes("garbage").has_value());
  std::string cut = ProfileToBytes(p);
  cut.pop_back();
  EXPECT_FALSE(ProfileFromBytes(cut).has_value());
}

// What readers that only need origins decode: the fields after the vectors, checked alike.
TEST_F(StoriesScoreTest, ProfileSummaryReadsDayAndMinHashOnly) {
  StoryProfile p = model_->Profile("Ferry aground", kFerryA, "2023-10-15");
  p.origin = 77;
  p.outlet = 5;
  const std::string bytes = ProfileToBytes(p);
  const std::optional<StoryProfile> summary = ProfileSummaryFromBytes(bytes);
  ASSERT_TRUE(summary.has_value());
  EXPECT_TRUE(summary->text.empty());
  EXPECT_TRUE(summary->index_terms.empty());
  EXPECT_EQ(summary->day, p.day);
  EXPECT_EQ(summary->minhash, p.minhash);
  EXPECT_EQ(summary->words, p.words);
  EXPECT_EQ(summary->origin, 77u);
  EXPECT_EQ(summary->outlet, 5u);
  EXPECT_FALSE(ProfileSummaryFromBytes("garbage").has_value());
  std::string cut = bytes;
  cut.pop_back();
  EXPECT_FALSE(ProfileSummaryFromBytes(cut).has_value());
  EXPECT_FALSE(ProfileSummaryFromBytes(bytes.substr(0, 12)).has_value());

  // The summary stored on its own (story_profiles.summary) reads the same, and as a
  // profile it is one with empty vectors.
  const std::string alone = ProfileSummaryToBytes(p);
  EXPECT_LT(alone.size(), bytes.size());
  const std::optional<StoryProfile> again = ProfileSummaryFromBytes(alone);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(ProfileToBytes(*again), ProfileToBytes(*summary));
  const std::optional<StoryProfile> as_profile = ProfileFromBytes(alone);
  ASSERT_TRUE(as_profile.has_value());
  EXPECT_TRUE(as_profile->text.empty());
  EXPECT_EQ(as_profile->minhash, p.minhash);
}

// The stories stage profiles every document in one set of buffers: the same profiles as
// fresh buffers give, whatever was profiled before.
TEST_F(StoriesScoreTest, ReusedBuffersGiveTheSameProfiles) {
  ProfileScratch scratch;
  for (int round = 0; round < 2; ++round)
    for (const char* text : {kFerryA, kBudget, "", kFerryB}) {
      Document doc;
      doc.title = round == 0 ? "Ferry Aground Off Vardholm" : "";
      doc.text = text;
      doc.date = "2024-03-04";
      EXPECT_EQ(ProfileToBytes(model_->Profile(doc, &scratch)), ProfileToBytes(model_->Profile(doc)));
    }
}

TEST_F(StoriesScoreTest, VectorsAreUnitLengthBeforeTruncation) {
  const StoryProfile p = model_->Profile("", kFerryA, "");
  const double self = Dot(p.text, p.text);
  EXPECT_GT(self, 0.9);
  EXPECT_LE(self, 1.0 + 1e-6);
  EXPECT_TRUE(std::is_sorted(p.text.begin(), p.text.end(),
                             [](const TermWeight& a, const TermWeight& b) { return a.term < b.term; }));
}

}  // namespace
}  // namespace faultline::stories

namespace faultline::stories {
namespace {

// Document frequencies kept in the statistics' own hash table: repeats add up, every term
// stays findable as the table grows, and an unknown term is as rare as can be.
TEST(StoriesTermStatisticsTest, DocumentFrequenciesSurviveGrowthAndUnknownTermsAreRarest) {
  TermStatistics st;
  for (int i = 0; i < 99; ++i) st.AddDocument();
  for (uint32_t t = 0; t < 5000; ++t) st.Add(t * 7919u, 1 + t % 50);
  st.Add(0, 10);  // term 0 again: 1 + 10 documents
  EXPECT_EQ(st.terms(), 5000u);
  EXPECT_DOUBLE_EQ(st.Idf(0), std::log(100.0 / 12.0) + 1.0);
  for (uint32_t t = 1; t < 5000; ++t)
    ASSERT_DOUBLE_EQ(st.Idf(t * 7919u), std::log(100.0 / (2.0 + t % 50)) + 1.0) << t;
  EXPECT_DOUBLE_EQ(st.Idf(12345u), std::log(100.0) + 1.0);  // 12345 is no multiple of 7919
  EXPECT_DOUBLE_EQ(TermStatistics().Idf(1), 1.0);
}

}  // namespace
}  // namespace faultline::stories
