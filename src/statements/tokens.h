// Word tokens of one sentence, with byte offsets into the document text. The statement
// rules work on these: lower-cased words (curly apostrophes folded to '), possessive 's
// split off, hyphens and brackets kept as their own tokens so patterns can step over them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace faultline {

enum class TokenType : uint8_t {
  kWord,       // letters/digits, including "don't", "U.S.", "9.9"
  kPunct,      // , . ; : ! ? and other single characters
  kQuote,      // " “ ” ‘ (straight or curly double quote, opening single quote)
  kDash,       // — – and a spaced hyphen
  kHyphen,     // a hyphen inside a word ("cease-fire"), transparent to patterns
  kOpenParen,  // ( [
  kCloseParen  // ) ]
};

struct Token {
  size_t begin = 0;   // byte offsets into the document text
  size_t end = 0;
  std::string norm;   // lower-cased form ("don't", "'s", ",")
  TokenType type = TokenType::kWord;
  bool capitalized = false;  // first character an upper-case ASCII letter
  int mention = -1;          // index of the actor mention covering the token, -1 if none
};

// Tokens of text[begin, end). Offsets in the tokens are absolute (into `text`).
std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end);

// Normalises one word or phrase the way Tokenize does, joined by single spaces
// ("Cease-fire" -> "cease - fire"); used to compile patterns.
std::vector<std::string> TokenizeWords(std::string_view phrase);

}  // namespace faultline
