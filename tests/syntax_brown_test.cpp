// Brown clustering on a corpus written for the test: words that occur in the same
// contexts end up in the same subtree.
#include "syntax/brown_clusters.h"

#include <gtest/gtest.h>

#include <map>

namespace faultline::syntax {
namespace {

size_t CommonPrefix(const std::string& a, const std::string& b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

TEST(BrownClustersTest, WordsOfLikeContextsShareLongerPrefixes) {
  const std::vector<std::string> dets = {"the", "a", "every"};
  const std::vector<std::string> nouns = {"minister", "envoy", "general", "senator"};
  const std::vector<std::string> verbs = {"spoke", "left", "agreed", "objected"};
  WordSequences corpus;
  for (const auto& d : dets)
    for (const auto& n : nouns)
      for (const auto& v : verbs) corpus.AddSentence({d, n, v, "."});
  BrownOptions o;
  o.classes = 3;
  o.min_count = 1;
  const WordClassTable t = BrownCluster(corpus, o);
  ASSERT_EQ(t.words.size(), dets.size() + nouns.size() + verbs.size() + 1);
  std::map<std::string, std::string> bits;
  for (size_t i = 0; i < t.words.size(); ++i) bits[t.words[i]] = t.bits[i];
  EXPECT_EQ(t.words.front(), ".");  // most frequent first
  for (const auto& group : {dets, nouns, verbs})
    for (const auto& x : group)
      for (const auto& y : group) {
        if (x == y) continue;
        for (const auto& other : {dets, nouns, verbs}) {
          if (&other == &group || other == group) continue;
          for (const auto& z : other)
            EXPECT_GT(CommonPrefix(bits[x], bits[y]), CommonPrefix(bits[x], bits[z]))
                << x << "=" << bits[x] << " " << y << "=" << bits[y] << " " << z << "=" << bits[z];
        }
      }
  // Deterministic: the same corpus gives the same table.
  EXPECT_EQ(BrownCluster(corpus, o).bits, t.bits);
}

TEST(BrownClustersTest, RareWordsGetNoClass) {
  WordSequences corpus;
  corpus.AddSentence({"new", "talks", "resumed"});
  corpus.AddSentence({"new", "talks", "stalled"});
  BrownOptions o;
  o.min_count = 2;
  const WordClassTable t = BrownCluster(corpus, o);
  EXPECT_EQ(t.words, std::vector<std::string>({"new", "talks"}));  // by count, then by spelling
}

}  // namespace
}  // namespace faultline::syntax
