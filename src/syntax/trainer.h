// Training a complete syntax model from CoNLL-U treebanks: tag set and relations from
// the data, a tagger, lemmatiser and feature table from the gold annotation, and a
// parser and labeller trained on jackknifed tags (each training sentence tagged by
// a tagger that never saw it), so that they learn from tags as wrong as the ones
// they will meet. Deterministic for a given seed, whatever the thread count.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/model.h"
#include "util/status.h"

namespace faultline::syntax {

// Weight thresholds below which features are dropped after training (see
// LinearModel::Pruned); 0 keeps every feature.
struct PruneOptions {
  float tagger = 0;
  float parser = 0;
  float labeler = 0;
  bool any() const { return tagger > 0 || parser > 0 || labeler > 0; }
};

struct TrainOptions {
  std::vector<std::string> train_files;  // CoNLL-U, gzip or not
  std::string tokenizer_rules;           // YAML (data/syntax/tokenizer.yaml)
  std::string clusters;                  // word-class table, or empty for none
  TaggerOptions tagger;
  ParserOptions parser;
  LabelerOptions labeler;
  int jackknife_folds = 5;               // 0 or 1: train the parser on gold tags
  int threads = 2;
  uint64_t seed = 1;
  PruneOptions prune;                    // applied to the trained model, as PruneModel
  std::function<void(const std::string&)> log;  // progress lines, may be empty
};

// Trains on `options.train_files`. Malformed sentences are reported in *problems and
// skipped; a file that cannot be read, or no usable sentence at all, is an error.
Result<ModelParts> TrainModel(const TrainOptions& options, std::vector<Status>* problems);

// The same from sentences in memory (tests, and the jackknife within).
Result<ModelParts> TrainModel(const std::vector<ConlluSentence>& sentences, const TokenizerRules& rules,
                              WordClusters clusters, const TrainOptions& options);

// Drops the least weighty features of a trained model's tagger, parser and labeller,
// so that their tables shrink and scoring misses the cache less, and says so in the
// provenance. Pruning a model after training gives the same bytes as training with
// the same `TrainOptions::prune`, so a shipped pruned model stays reproducible.
void PruneModel(const PruneOptions& options, ModelParts* parts);

}  // namespace faultline::syntax
