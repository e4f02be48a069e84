// The words most distinctive of each outlet against the rest of the corpus, by the
// weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn
// 2008, "Fightin' Words", Political Analysis 16(4)). For outlet i, word w:
//
//   delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
//   var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)          z_w = delta_w / sqrt(var_w)
//
// where y_iw counts w in the outlet's documents and y_jw in all the others, n_i and n_j
// are their word totals, and the prior a_w = a_0 * y_w / n spreads a_0 pseudo-counts
// over the vocabulary in proportion to each word's frequency in the whole corpus. We take
// a_0 = n (the prior is the corpus's own counts, as the background corpus of the paper's
// informative prior): a word needs many more uses by one outlet than by the rest, not
// merely a few, to stand out, and rare words are shrunk toward the corpus rate.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stories/id_counts.h"
#include "stories/terms.h"
#include "stories/text_words.h"
#include "stories/word_ids.h"

namespace faultline::stories {

struct DistinctiveTerm {
  std::string term;
  double z = 0;         // the log-odds z-score against the rest of the corpus
  uint32_t count = 0;   // uses by the outlet
};

struct OutletTerms {
  std::string outlet;
  uint32_t documents = 0;
  uint64_t words = 0;
  std::vector<DistinctiveTerm> terms;  // highest z first
};

// Word counts per outlet: lower-case words of three or more letters, stopwords left out
// (the settings' list), numbers left out.
class OutletWordCounts {
 public:
  explicit OutletWordCounts(const TermOptions* options);
  void Add(const std::string& outlet, std::string_view text);
  // The same for a text split already (the stories stage shares one split per text).
  void Add(const std::string& outlet, const TextWords& words);

  // For every outlet with at least `min_words` words, its `top` most distinctive words
  // with z >= `min_z` and at least `min_count` uses.
  std::vector<OutletTerms> Distinctive(size_t top = 15, uint64_t min_words = 300, double min_z = 1.96,
                                       uint32_t min_count = 3) const;

 private:
  const TermOptions* options_;
  // One document's distinct words (offsets into its TextWords) with their counts, in first-seen
  // order: each is looked up in the corpus-wide table once, not at every use (that table
  // outgrows the caches; the document's fits in them).
  struct DocWord {
    uint32_t hash, begin, size, count;
  };
  void CountDocumentWords(const TextWords& words);

  WordIds words_;          // the stopwords first, then every other word as first seen
  uint32_t stopwords_ = 0;  // ids below this are stopwords
  std::vector<DocWord> doc_words_;
  std::vector<uint32_t> doc_slots_;  // open addressing over doc_words_: index + 1, 0 empty
  struct Outlet {
    uint32_t documents = 0;
    uint64_t total = 0;
    IdCounts counts;
  };
  std::unordered_map<std::string, Outlet> outlets_;
  std::vector<uint64_t> corpus_;  // per word id
  uint64_t corpus_total_ = 0;
};

}  // namespace faultline::stories
