// Small byte-offset helpers over UTF-8 text for the recognizer's context rules: word
// boundaries, the words right before or after a span, capitalisation.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::scan {

// Letter or digit (any script) at / right before byte `pos`.
bool IsWordCharAt(std::string_view text, size_t pos);
bool IsWordCharBefore(std::string_view text, size_t pos);
// The end of the run of letters and digits starting at byte `pos` (`pos` when there is
// none there).
size_t WordEnd(std::string_view text, size_t pos);
bool IsUpperAt(std::string_view text, size_t pos);
bool IsLowerAt(std::string_view text, size_t pos);

struct Token {
  size_t begin = 0;
  size_t end = 0;
  std::string_view text;
  bool word = false;  // letters/digits (with inner '.', '-', apostrophes); else one punctuation mark
};

// Up to `n` tokens starting at byte `pos` (forward) or ending at `pos` (backward, nearest
// first). Whitespace is skipped; a paragraph break ("\n\n") ends the scan.
std::vector<Token> TokensAfter(std::string_view text, size_t pos, size_t n);
std::vector<Token> TokensBefore(std::string_view text, size_t pos, size_t n);

// "'s" or "’s" (or a bare "'"/"’" after s) right at `pos`: returns its byte length, else 0.
size_t PossessiveAt(std::string_view text, size_t pos);

// ASCII lower-case copy.
std::string Lower(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// True when `word` equals (ASCII case-insensitively) one of `list`.
bool OneOf(std::string_view word, std::initializer_list<std::string_view> list);
// True when `word` (case-insensitively) is in `list`.
bool InList(std::string_view word, const std::vector<std::string>& list);

// "Hamid Karzai" from "HAMID KARZAI": first letter of each word upper, rest lower.
std::string TitleCase(std::string_view s);

}  // namespace faultline::scan
