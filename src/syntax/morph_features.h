// Morphological features (UD FEATS) for tagged words, learned from the treebank:
// each tag class has its usual features ("NOUN NNS" -> Number=Plur), frequent words
// their own ("he" -> Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs). What
// depends on the tree is set after parsing, as the treebank annotates it: Voice=Pass
// on passive participles, and a finite verb's Number and Person from its subject.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/linear_model.h"
#include "syntax/sentence.h"

namespace faultline::syntax {

struct FeatureExample {
  std::string form;
  int tag;         // tagger class
  Upos upos;
  std::string feats;
};

class MorphFeatures {
 public:
  void Train(const std::vector<FeatureExample>& examples, int classes);

  // The features of `form` tagged `tag`, before parsing.
  const Features& Guess(std::string_view form, int tag) const;

  // Adds what the tree decides: Voice=Pass on passive participles, Number and
  // Person of finite verbs from their subjects. Lemmas must be set.
  static void AfterParse(ParsedSentence* sentence);

  void Write(ByteWriter* out) const;
  bool Read(ByteReader* in);

 private:
  void BuildIndex();
  std::vector<std::string> class_default_;   // per tag class
  std::vector<uint64_t> word_keys_;          // (normalised form, tag) with other features
  std::vector<std::string> word_feats_;
  KeyIndex word_index_;
  std::vector<Features> parsed_default_, parsed_word_;  // the two tables, parsed once
};

}  // namespace faultline::syntax
