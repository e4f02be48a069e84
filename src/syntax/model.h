// The syntax stage's entry point: a trained model that turns a sentence of a document
// into tokens with part of speech, lemma, features, head and relation. Loaded once
// from one file and then immutable: one Model serves every thread.
//
//   auto model = syntax::Model::Load(syntax::Model::DefaultPath());
//   for (const Span& s : SplitSentences(doc.text))
//     syntax::ParsedSentence p = model->Parse(doc.text, s.begin, s.end);
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "syntax/labeler.h"
#include "syntax/lemmatizer.h"
#include "syntax/morph_features.h"
#include "syntax/parser.h"
#include "syntax/sentence.h"
#include "syntax/tagger.h"
#include "syntax/tokenizer.h"
#include "syntax/word_info.h"
#include "util/status.h"

namespace faultline::syntax {

// What a model is made of; TrainModel fills it, the model file stores it.
struct ModelParts {
  TokenizerRules tokenizer_rules;
  WordClusters clusters;
  Tagger tagger;
  Lemmatizer lemmatizer;
  MorphFeatures morph;
  Parser parser;
  Labeler labeler;
  std::string provenance;  // what it was trained on and how, for `faultline parse --model-info`
};

class Model {
 public:
  explicit Model(ModelParts parts);

  // The shipped model, syntax/en.model in the data directory (util/data_path.h:
  // $FAULTLINE_DATA, the install prefix, the checkout).
  static std::string DefaultPath();
  // Reads a model file; the error names the file and says what is wrong with it
  // (missing, truncated, damaged, another format version).
  static Result<std::shared_ptr<const Model>> Load(const std::string& path);
  Status Save(const std::string& path) const;

  // Tokenises, tags, lemmatises and parses text[begin, end) (one sentence as
  // SplitSentences gives it). Spans are byte offsets into `text`.
  ParsedSentence Parse(std::string_view text, uint32_t begin, uint32_t end) const;

  // The same for a sentence already tokenised (forms set, spans optional): fills
  // everything else. Used to score against a treebank's own tokens.
  // With `keep_tags`, the sentence's own UPOS and XPOS are kept and parsed from
  // (to measure the parser apart from the tagger); pairs the model does not know are
  // tagged as usual.
  void Annotate(ParsedSentence* sentence, bool keep_tags = false) const;

  const std::string& provenance() const { return parts_.provenance; }
  const ModelParts& parts() const { return parts_; }

 private:
  ModelParts parts_;
  Tokenizer tokenizer_;
};

}  // namespace faultline::syntax
