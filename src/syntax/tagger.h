// Part-of-speech tagging by an averaged perceptron (Collins 2002), greedy left to
// right, with the usual rich features: the word and its neighbours, affixes, shape,
// the two previous tags, and word classes learned from unlabelled news. A class is a
// (UPOS, XPOS) pair as the treebank pairs them ("AUX VBD", "VERB VBD"), so the tagger
// decides both at once. Frequent words may only take the tags the treebank gave them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "syntax/linear_model.h"
#include "syntax/token.h"
#include "syntax/word_info.h"

namespace faultline::syntax {

// A sentence for training: its words and their gold tag classes.
struct TaggedSentence {
  std::vector<std::string> forms;
  std::vector<WordInfo> words;
  std::vector<int> tags;
};

struct TaggerOptions {
  int epochs = 10;
  uint64_t seed = 1;
  int dictionary_min_count = 10;   // words seen this often keep to their tags
  double dictionary_min_share = 0.01;  // ... the ones with at least this share of their uses
};

class Tagger {
 public:
  Tagger() = default;
  // The classes, as "UPOS\tXPOS" strings; a training set is coded against them.
  explicit Tagger(std::vector<std::string> classes);

  int classes() const { return static_cast<int>(names_.size()); }
  // The class of "UPOS\tXPOS", or -1 when the tag set lacks it.
  int ClassOf(std::string_view name) const;
  Upos UposOf(int tag) const { return upos_[tag]; }
  const std::string& XposOf(int tag) const { return xpos_[tag]; }

  // Learns weights and tag dictionary from `train`. Deterministic for a given seed.
  void Train(const std::vector<TaggedSentence>& train, const TaggerOptions& options);

  // Tag classes for `words`, left to right.
  void Tag(const std::vector<WordInfo>& words, std::vector<int>* tags) const;

  const LinearModel& model() const { return model_; }
  // Drops the least weighty features (LinearModel::Pruned).
  void Prune(float min_weight) { model_ = model_.Pruned(min_weight); }
  void Write(ByteWriter* out) const;
  bool Read(ByteReader* in);

 private:
  using Mask = std::array<uint64_t, 4>;
  // The best class among those `words[i]` may take.
  int Best(const float* scores, const WordInfo& w) const;
  void SetClasses(std::vector<std::string> names);

  std::vector<std::string> names_;
  std::vector<Upos> upos_;
  std::vector<std::string> xpos_;
  LinearModel model_;
  std::vector<uint64_t> dict_words_;  // form hashes of frequent words
  std::vector<uint64_t> dict_masks_;  // 4 words per entry: allowed classes
  KeyIndex dict_index_;
};

// The feature keys of word i given the two previous tags (-1 before the sentence);
// returns how many were written to `out`.
inline constexpr int kMaxTaggerFeatures = 48;
int TaggerFeatures(const std::vector<WordInfo>& words, int i, int prev1, int prev2, uint64_t* out);

}  // namespace faultline::syntax
