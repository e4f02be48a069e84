// Brown clustering (Brown et al. 1992) with the windowed algorithm of Liang (2005):
// words are classes of a bigram model, merged greedily so as to lose the least mutual
// information between adjacent classes; the merges form a binary tree, and a word's
// path from the root is its bit string. Prefixes of the bit strings are word classes
// at every granularity, which the tagger and parser use as features (Koo et al. 2008).
//
// Words enter in order of frequency; at most `classes` + 1 clusters are active at a
// time, so each step costs O(classes^2) with the incremental updates of the merge
// losses that Liang describes, and the whole run O(words * classes^2).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace faultline::syntax {

// Word sequences of a corpus, held compactly as ids, with sentence boundaries.
class WordSequences {
 public:
  void AddSentence(const std::vector<std::string>& words);
  size_t tokens() const { return tokens_; }
  size_t types() const { return names_.size(); }
  const std::vector<std::string>& names() const { return names_; }
  const std::vector<uint64_t>& counts() const { return counts_; }
  // Word ids in corpus order, kBoundary between sentences.
  const std::vector<uint32_t>& stream() const { return stream_; }
  static constexpr uint32_t kBoundary = 0xffffffffu;

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> names_;
  std::vector<uint64_t> counts_;
  std::vector<uint32_t> stream_;
  size_t tokens_ = 0;
};

struct BrownOptions {
  int classes = 256;     // active clusters (Liang's window)
  int min_count = 10;    // words seen fewer times get no class
  std::function<void(const std::string&)> log;
};

struct WordClassTable {
  std::vector<std::string> words;  // most frequent first
  std::vector<std::string> bits;
  std::vector<uint64_t> counts;
};

WordClassTable BrownCluster(const WordSequences& corpus, const BrownOptions& options);

}  // namespace faultline::syntax
