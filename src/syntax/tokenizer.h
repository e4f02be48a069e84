// Word tokenisation of one sentence, by rules that follow the conventions of the
// English UD treebanks (EWT, GUM) the tagger and parser learn from: clitics split
// ("do|n't", "Kyiv|'s", "I|'m"), hyphenated words split except after prefixes such as
// "non-" and "co-", abbreviations keep their period ("U.S.", "Mr."), "$|1.5", "5|%",
// numbers, times and dates whole ("1,000", "5:30", "2022-03-01", "11/28/2000"), URLs
// and e-mail addresses whole, quotes, brackets and dashes on their own.
// One deliberate exception: model designations stay whole ("F-16s", "AK-47",
// "COVID-19"), where EWT would write "F|-|16s", because users look for them as words.
//
// Every token is a byte span into the text, never a copy, so all later stages point
// back at the evidence.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "text/segment.h"
#include "util/status.h"

namespace faultline::syntax {

// The lists the rules consult; data/syntax/tokenizer.yaml holds them.
struct TokenizerRules {
  std::vector<std::string> abbreviations;    // keep their final period: "Mr.", "Inc.", "Sept."
  std::vector<std::string> hyphen_prefixes;  // "non": "non-Muslim" stays one token
  std::vector<std::string> slash_words;      // "w/o": stays one token
  std::vector<std::string> numbered_abbreviations;  // keep their period before a number: "No. 5"
};

// Reads the YAML file (keys abbreviations, numbered_abbreviations, hyphen_prefixes,
// slash_words; each a list).
Result<TokenizerRules> LoadTokenizerRules(const std::string& path);

class Tokenizer {
 public:
  Tokenizer() = default;
  explicit Tokenizer(const TokenizerRules& rules);

  // Tokens of text[begin, end), as byte spans into `text`, in order.
  std::vector<Span> Tokenize(std::string_view text, size_t begin, size_t end) const;

 private:
  // One whitespace-free chunk: peels quotes, brackets and final punctuation, keeps
  // URLs whole, then splits the core.
  void SplitChunk(std::string_view text, size_t a, size_t b, bool before_number, std::vector<Span>* out) const;
  // The core of a chunk: contractions, clitics, inner hyphens, slashes and the like.
  void SplitCore(std::string_view text, size_t a, size_t b, std::vector<Span>* out) const;
  // Where a core splits before reaching its clitics (byte offsets of piece boundaries).
  void SplitInner(std::string_view text, size_t a, size_t b, std::vector<Span>* out) const;
  bool KeepsPeriod(std::string_view word, bool before_number) const;
  bool KeepsHyphen(std::string_view left, std::string_view right, std::string_view core) const;

  std::unordered_set<std::string> abbreviations_;  // lower-cased, with the period
  std::unordered_set<std::string> hyphen_prefixes_;
  std::unordered_set<std::string> slash_words_;
  std::unordered_set<std::string> numbered_abbreviations_;
};

}  // namespace faultline::syntax
