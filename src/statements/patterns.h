// Token patterns for cue lexicons and codebooks: words (with inflected alternatives),
// prefixes ("negotiat*"), short gaps ("*"), and actor slots ("{RUS}" matches a whole
// actor mention whose codes include RUS; "{ACTOR}" any mention). Patterns are compiled
// once and matched over a sentence's tokens; hyphens, brackets and quotes inside a
// match are stepped over, so "cease-fire" and "cease fire" are the same pattern.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/mention.h"
#include "statements/tokens.h"
#include "util/status.h"

namespace faultline {

// How a pattern's words are inflected when it is compiled.
enum class Inflect : uint8_t {
  kNone,        // literal
  kNounPlural,  // last word also matches its plural ("negotiation" -> "negotiations")
  kVerb,        // first word matches its verb forms ("call for" -> "calls/called/calling for")
};

// Irregular verb forms: base -> other forms ("send" -> "sent").
using IrregularForms = std::map<std::string, std::vector<std::string>>;

// All forms of a verb: base, -s, -ed, -ing and any irregular forms.
std::vector<std::string> VerbForms(const std::string& base, const IrregularForms& irregular);
// A noun and its plural.
std::vector<std::string> NounForms(const std::string& noun);

struct PatternMatch {
  size_t begin = 0;  // token range [begin, end)
  size_t end = 0;
  int payload = 0;   // caller's id for the pattern
  int length = 0;    // number of pattern elements matched (longer beats shorter)
};

// The tokens of one sentence with the mentions that cover them.
struct TokenView {
  const std::vector<Token>* tokens = nullptr;
  const std::vector<Mention>* mentions = nullptr;
};

class PatternSet {
 public:
  // Compiles `text` (see the header comment). Returns an error for an empty pattern or
  // an unbalanced actor slot.
  Status Add(std::string_view text, Inflect inflect, int payload, const IrregularForms& irregular = {});

  // Appends every match of every pattern starting exactly at token `at` (ending at or
  // before `end`); returns the number appended.
  size_t MatchAt(const TokenView& view, size_t at, size_t end, std::vector<PatternMatch>* out) const;

  // Every match starting at a token in [begin, end).
  void FindAll(const TokenView& view, size_t begin, size_t end, std::vector<PatternMatch>* out) const;

  size_t size() const { return patterns_.size(); }

 private:
  enum class Kind : uint8_t { kWord, kPrefix, kActor, kGap };
  struct Element {
    Kind kind = Kind::kWord;
    std::vector<std::string> alternatives;  // kWord: any of these; kPrefix: [0] is the prefix; kActor: [0] code or ""
  };
  struct Pattern {
    std::vector<Element> elements;
    int payload = 0;
  };

  bool MatchFrom(const TokenView& view, const Pattern& p, size_t e, size_t t, size_t end, size_t* stop) const;
  void TryPattern(const TokenView& view, int index, size_t at, size_t end, std::vector<PatternMatch>* out) const;

  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, std::vector<int>> by_first_word_;
  std::vector<int> general_;  // patterns that start with a prefix, slot or gap
};

// True for tokens a pattern steps over (hyphens, brackets, quotes).
bool IsTransparent(const Token& t);

}  // namespace faultline
