// The syntax stage's value types for one word: its universal part of speech, its
// morphological features, and its place in the dependency tree. Names and values
// follow Universal Dependencies (https://universaldependencies.org/u/), so a parse
// written as CoNLL-U reads the same in any UD tool.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace faultline::syntax {

// The 17 universal part-of-speech tags, in UD's alphabetical order.
enum class Upos : uint8_t {
  kAdj, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum,
  kPart, kPron, kPropn, kPunct, kSconj, kSym, kVerb, kX,
};
inline constexpr int kUposCount = 17;

// "NOUN", "VERB", ...
std::string_view UposName(Upos upos);
// The tag named `name` (exactly as UD spells it), or nullopt.
std::optional<Upos> ParseUpos(std::string_view name);

// Morphological features as UD writes them: "Mood=Ind|Number=Sing|Tense=Past",
// sorted by name, "_" or empty for none. Kept as that one string because a token
// carries a handful at most and rule matchers ask for one or two by name.
class Features {
 public:
  Features() = default;
  // From the CoNLL-U FEATS column; "_" is none. Pairs are sorted by name
  // (case-insensitively, as UD sorts them); a pair without '=' is dropped.
  static Features Parse(std::string_view feats);

  // The value of feature `name` ("Tense" -> "Past"), empty when absent.
  std::string_view Get(std::string_view name) const;
  bool Has(std::string_view name, std::string_view value) const { return Get(name) == value; }
  // Sets (or, with an empty value, removes) one feature, keeping the order.
  void Set(std::string_view name, std::string_view value);
  bool empty() const { return text_.empty(); }
  // The FEATS column: "_" when there are none.
  std::string ToString() const { return text_.empty() ? "_" : text_; }

  bool operator==(const Features& o) const { return text_ == o.text_; }

 private:
  std::string text_;  // "A=x|B=y", no "_"
};

struct Token {
  uint32_t begin = 0;  // byte span in the analysed text (Document::text)
  uint32_t end = 0;
  std::string form;    // the word as written; for a split contraction the part ("n't")
  std::string lemma;   // "transferred" -> "transfer", "F-16s" -> "F-16"
  Upos upos = Upos::kX;
  std::string xpos;    // Penn Treebank tag ("VBN"), finer than UPOS
  Features feats;
  int head = -1;       // index into the sentence's tokens; -1 for the root
  std::string deprel;  // UD relation with its subtype: "nsubj:pass", "obl:tmod"

  // The relation without its subtype: "nsubj:pass" -> "nsubj".
  std::string_view BaseRelation() const {
    std::string_view r = deprel;
    return r.substr(0, r.find(':'));
  }
};

}  // namespace faultline::syntax
