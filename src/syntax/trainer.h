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
  std::function<void(const std::string&)> log;  // progress lines, may be empty
};

// Trains on `options.train_files`. Malformed sentences are reported in *problems and
// skipped; a file that cannot be read, or no usable sentence at all, is an error.
Result<ModelParts> TrainModel(const TrainOptions& options, std::vector<Status>* problems);

// The same from sentences in memory (tests, and the jackknife within).
Result<ModelParts> TrainModel(const std::vector<ConlluSentence>& sentences, const TokenizerRules& rules,
                              WordClusters clusters, const TrainOptions& options);

}  // namespace faultline::syntax
