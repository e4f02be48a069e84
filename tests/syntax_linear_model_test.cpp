// The frozen linear models score exactly the averaged weights they were given, in
// both run-time layouts (weights in the slot for the parser's four moves; inline
// single weights or a pointer to several for the tagger's and labeller's dozens of
// classes), for features present and absent, across scoring batches, and after a
// round trip through the file format; pruned, they lose exactly the small weights.
#include "syntax/linear_model.h"

#include <gtest/gtest.h>

#include <vector>

#include "syntax/feature_hash.h"

namespace faultline::syntax {
namespace {

// What each feature was taught: one class up, and optionally one down.
struct Lesson {
  uint64_t feature;
  int good;
  int bad;  // -1: none, so that the feature keeps a single weight
};

// Every lesson is one perceptron update before the first tick, so each averaged
// weight is +-1/2 (updated at clock 1, averaged over a clock of 2); a feature taught
// twice sums its lessons.
LinearModel Teach(int classes, const std::vector<Lesson>& lessons) {
  Perceptron p(classes);
  for (const Lesson& l : lessons) p.Update(&l.feature, 1, l.good, l.bad);
  p.Tick();
  return p.Average();
}

std::vector<float> Expected(int classes, const std::vector<Lesson>& lessons, const std::vector<uint64_t>& features) {
  std::vector<float> s(classes, 0.0f);
  for (uint64_t f : features)
    for (const Lesson& l : lessons)
      if (l.feature == f) {
        s[l.good] += 0.5f;
        if (l.bad >= 0) s[l.bad] -= 0.5f;
      }
  return s;
}

std::vector<float> Scores(const LinearModel& m, const std::vector<uint64_t>& features) {
  std::vector<float> s(m.classes(), 0.0f);
  m.Score(features.data(), features.size(), s.data());
  return s;
}

LinearModel RoundTrip(const LinearModel& m) {
  ByteWriter out;
  m.Write(&out);
  LinearModel back;
  ByteReader in(out.bytes());
  EXPECT_TRUE(back.Read(&in));
  return back;
}

void CheckModel(int classes) {
  SCOPED_TRACE(classes);
  std::vector<Lesson> lessons;
  std::vector<uint64_t> taught, absent;
  for (uint64_t i = 1; i <= 300; ++i) {
    const uint64_t f = FeatureKey(7, i);
    taught.push_back(f);
    absent.push_back(FeatureKey(8, i));
    const int good = static_cast<int>(i % classes);
    if (i % 3 == 0) lessons.push_back({f, good, -1});                         // a single weight
    else lessons.push_back({f, good, static_cast<int>((i + 1) % classes)});  // two
    if (i % 5 == 0) lessons.push_back({f, static_cast<int>((i + 2) % classes), -1});  // taught twice
  }
  const LinearModel m = Teach(classes, lessons);
  EXPECT_EQ(m.features(), taught.size());
  const LinearModel read = RoundTrip(m);
  std::vector<uint64_t> mixed;  // more than one scoring batch, present and absent keys interleaved
  for (size_t i = 0; i < taught.size(); ++i) {
    mixed.push_back(taught[i]);
    mixed.push_back(absent[i]);
  }
  for (const LinearModel* model : {&m, &read}) {
    for (size_t i = 0; i < taught.size(); i += 37) {
      const std::vector<uint64_t> one = {taught[i]};
      const std::vector<float> want = Expected(classes, lessons, one), got = Scores(*model, one);
      for (int c = 0; c < classes; ++c) EXPECT_NEAR(got[c], want[c], 1e-4) << "feature " << i << " class " << c;
    }
    const std::vector<float> none = Scores(*model, absent);
    for (float s : none) EXPECT_EQ(s, 0.0f);
    const std::vector<float> want = Expected(classes, lessons, mixed), got = Scores(*model, mixed);
    for (int c = 0; c < classes; ++c) EXPECT_NEAR(got[c], want[c], 1e-3) << "class " << c;
  }
}

TEST(SyntaxLinearModelTest, FewClassesKeepWeightsInTheSlot) { CheckModel(4); }

TEST(SyntaxLinearModelTest, ManyClassesKeepSingleWeightsInlineAndOthersApart) { CheckModel(40); }

// Pruning drops the features whose weights are all small; a kept feature keeps its
// small weights in the parser's dense layout (they share its slot) and loses them in
// the sparse one.
void CheckPruning(int classes, bool keeps_small_weights_of_kept_features) {
  SCOPED_TRACE(classes);
  const uint64_t strong = FeatureKey(9, 1), weak = FeatureKey(9, 2), single = FeatureKey(9, 3);
  // strong: class 0 +1, class 1 -1/2; weak: class 2 +1/2, class 3 -1/2; single: class 1 +1.
  const LinearModel m =
      Teach(classes, {{strong, 0, 1}, {strong, 0, -1}, {weak, 2, 3}, {single, 1, -1}, {single, 1, -1}});
  ASSERT_EQ(m.features(), 3u);
  EXPECT_EQ(m.Pruned(0).weights(), m.weights());  // 0 keeps everything
  const LinearModel pruned = RoundTrip(m.Pruned(0.75f));
  EXPECT_EQ(pruned.features(), 2u);
  for (float s : Scores(pruned, {weak})) EXPECT_EQ(s, 0.0f);
  const std::vector<float> got = Scores(pruned, {strong, single});
  EXPECT_NEAR(got[0], 1.0f, 1e-4);
  EXPECT_NEAR(got[1], keeps_small_weights_of_kept_features ? 0.5f : 1.0f, 1e-4);
  EXPECT_EQ(got[2], 0.0f);
  EXPECT_EQ(got[3], 0.0f);
  EXPECT_EQ(pruned.weights(), keeps_small_weights_of_kept_features ? m.weights() - 2 : 2u);
  EXPECT_EQ(m.Pruned(2.0f).features(), 0u);  // nothing reaches 2: an empty model, which scores nothing
  for (float s : Scores(m.Pruned(2.0f), {strong, weak, single})) EXPECT_EQ(s, 0.0f);
}

TEST(SyntaxLinearModelTest, PruningDropsFeaturesWithOnlySmallWeights) {
  CheckPruning(4, true);
  CheckPruning(40, false);
}

TEST(SyntaxLinearModelTest, AnEmptyModelScoresNothing) {
  LinearModel m;
  const uint64_t f = FeatureKey(1, 2);
  float s[4] = {0, 0, 0, 0};
  m.Score(&f, 1, s);
  for (float v : s) EXPECT_EQ(v, 0.0f);
}

}  // namespace
}  // namespace faultline::syntax
