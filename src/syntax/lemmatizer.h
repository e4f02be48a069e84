// Lemmas learned from the treebank: an exception list for the forms whose lemma no
// suffix rule predicts ("better" -> "good", "was" -> "be", "children" -> "child"), and
// suffix rules per XPOS ("-rred" VBD -> strip "red": "transferred" -> "transfer";
// "-ies" NNS -> "y": "countries" -> "country") for every other form, seen or not.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/linear_model.h"
#include "syntax/token.h"

namespace faultline::syntax {

struct LemmaExample {
  std::string form;
  Upos upos;
  std::string xpos;
  std::string lemma;
};

class Lemmatizer {
 public:
  void Train(const std::vector<LemmaExample>& examples);
  std::string Lemma(std::string_view form, Upos upos, std::string_view xpos) const;

  size_t exceptions() const { return exception_keys_.size(); }
  size_t rules() const { return rule_keys_.size(); }

  void Write(ByteWriter* out) const;
  bool Read(ByteReader* in);

 private:
  // The lemma by suffix rules alone.
  std::string ByRule(std::string_view form, Upos upos, std::string_view xpos) const;
  void BuildIndex();

  // (XPOS, last k bytes of the lower-cased form) -> how many bytes to strip, what to append.
  std::vector<uint64_t> rule_keys_;
  std::vector<uint8_t> rule_strip_;
  std::vector<std::string> rule_append_;
  KeyIndex rule_index_;
  // (form as written, XPOS) -> lemma, where the rules get it wrong.
  std::vector<uint64_t> exception_keys_;
  std::vector<std::string> exception_lemmas_;
  KeyIndex exception_index_;
};

}  // namespace faultline::syntax
