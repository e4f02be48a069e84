// Unlabelled dependency parsing: greedy arc-eager transitions scored by an averaged
// perceptron over the rich non-local features of Zhang & Nivre (2011) (words, tags and
// word classes of the stack and buffer, their heads and outermost children, distance
// and valency), trained with the dynamic oracle of Goldberg & Nivre (2012) so that it
// learns to continue well after its own mistakes. Relations are added afterwards by
// the Labeler, which sees the whole tree.
#pragma once

#include <cstdint>
#include <vector>

#include "syntax/arc_eager.h"
#include "syntax/linear_model.h"
#include "syntax/word_info.h"

namespace faultline::syntax {

struct ParserSentence {
  std::vector<WordInfo> words;
  std::vector<int> tags;   // tagger classes (predicted, as at run time)
  std::vector<int> heads;  // gold heads, -1 for the root
};

struct ParserOptions {
  int epochs = 15;
  uint64_t seed = 1;
  int explore_after = 1;         // epochs on the gold path before following own mistakes
  double explore_rate = 0.9;     // then the share of mistakes followed
};

class Parser {
 public:
  // Learns from `train` (non-projective trees are made projective first).
  void Train(const std::vector<ParserSentence>& train, const ParserOptions& options);

  // Heads of the words (-1 for the root), always one tree with a single root.
  void Parse(const std::vector<WordInfo>& words, const std::vector<int>& tags, std::vector<int>* heads) const;

  const LinearModel& model() const { return model_; }
  // Drops the least weighty features (LinearModel::Pruned).
  void Prune(float min_weight) { model_ = model_.Pruned(min_weight); }
  size_t features() const { return model_.features(); }
  void Write(ByteWriter* out) const { model_.Write(out); }
  bool Read(ByteReader* in) { return model_.Read(in) && model_.classes() == kMoves; }

 private:
  LinearModel model_;
};

// The per-word values the parser's features combine, with sentinels for "none" and
// the root. Exposed for the labeller, which uses the same ones.
struct ParserWords {
  ParserWords(const std::vector<WordInfo>& words, const std::vector<int>& tags);
  int n;
  std::vector<uint64_t> word, tag, cluster, cluster_full;  // size n + 2: [n] is the root, [n+1] none
  int At(int i) const { return i < 0 ? n + 1 : i; }
};

// The feature keys of a parser configuration; returns how many were written to out.
int ParserFeatures(const ArcEagerState& state, const ParserWords& w, uint64_t* out);
inline constexpr int kMaxParserFeatures = 96;

// Makes `heads` (root = words) one tree: the first root child stays the root, other
// words left headless or attached to the root hang from it.
void SingleRoot(std::vector<int>* heads, int words);

}  // namespace faultline::syntax
