// Dependency relations for a finished tree: one decision per word, top-down from the
// root and left to right among siblings, by an averaged perceptron that sees the word,
// its head, the head's own relation, the word's function words ("by", "'s", "that"),
// its siblings and the distance and direction of the arc. Labelling after parsing
// lets every decision see the complete tree, and keeps the parser's moves to four.
#pragma once

#include <string>
#include <vector>

#include "syntax/linear_model.h"
#include "syntax/token.h"
#include "syntax/word_info.h"

namespace faultline::syntax {

struct LabelerSentence {
  std::vector<WordInfo> words;
  std::vector<int> tags;    // tagger classes
  std::vector<Upos> upos;   // of those classes
  std::vector<int> heads;   // -1 for the root
  std::vector<int> labels;  // gold relation ids
};

struct LabelerOptions {
  int epochs = 10;
  uint64_t seed = 1;
};

class Labeler {
 public:
  Labeler() = default;
  explicit Labeler(std::vector<std::string> relations) : relations_(std::move(relations)) {}

  int relations() const { return static_cast<int>(relations_.size()); }
  const std::string& Name(int id) const { return relations_[id]; }
  int IdOf(const std::string& name) const;

  void Train(const std::vector<LabelerSentence>& train, const LabelerOptions& options);
  // A relation id per word of the tree in `s` (its labels field is ignored).
  void Label(const LabelerSentence& s, std::vector<int>* labels) const;

  const LinearModel& model() const { return model_; }
  // Drops the least weighty features (LinearModel::Pruned).
  void Prune(float min_weight) { model_ = model_.Pruned(min_weight); }
  size_t features() const { return model_.features(); }
  void Write(ByteWriter* out) const;
  bool Read(ByteReader* in);

 private:
  std::vector<std::string> relations_;
  LinearModel model_;
};

}  // namespace faultline::syntax
