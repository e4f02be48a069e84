#include "statements/tokens.h"
#include "util/ascii.h"

namespace faultline {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsSpaceByte(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Length of a UTF-8 sequence starting with lead byte c.
size_t Utf8Len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  if ((c >> 3) == 0x1E) return 4;
  return 1;
}

// Classifies a multi-byte punctuation character; returns false for letters.
bool MultiBytePunct(std::string_view s, TokenType* type, bool* apostrophe, bool* space) {
  *apostrophe = false;
  *space = false;
  if (s == "\xC2\xA0" || s == "\xE2\x80\x89" || s == "\xE2\x80\xAF" || s == "\xE2\x80\x8B") {
    *space = true;
    return true;
  }
  if (s == "\xE2\x80\x94" || s == "\xE2\x80\x93" || s == "\xE2\x80\x95") { *type = TokenType::kDash; return true; }
  if (s == "\xE2\x80\x9C" || s == "\xE2\x80\x9D" || s == "\xE2\x80\x98" || s == "\xC2\xAB" || s == "\xC2\xBB" ||
      s == "\xE2\x80\x9E") {
    *type = TokenType::kQuote;
    return true;
  }
  if (s == "\xE2\x80\x99") { *type = TokenType::kQuote; *apostrophe = true; return true; }
  if (s == "\xE2\x80\xA6" || s == "\xE2\x80\xA2" || s == "\xC2\xB7") { *type = TokenType::kPunct; return true; }
  return false;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end) {
  std::vector<Token> out;
  out.reserve((end - begin) / 5 + 4);
  size_t i = begin;
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsSpaceByte(c)) { ++i; continue; }
    size_t len = Utf8Len(c);
    if (i + len > end) len = end - i;
    TokenType ptype = TokenType::kPunct;
    bool apostrophe = false, space = false;
    bool is_punct = false;
    if (c >= 0x80) {
      is_punct = MultiBytePunct(text.substr(i, len), &ptype, &apostrophe, &space);
      if (space) { i += len; continue; }
    } else if (!IsAsciiAlnum(c)) {
      is_punct = true;
      if (c == '"') ptype = TokenType::kQuote;
      else if (c == '(' || c == '[') ptype = TokenType::kOpenParen;
      else if (c == ')' || c == ']') ptype = TokenType::kCloseParen;
      else if (c == '-') {
        bool spaced = (i == begin || IsSpaceByte(static_cast<unsigned char>(text[i - 1]))) ||
                      (i + 1 >= end || IsSpaceByte(static_cast<unsigned char>(text[i + 1])));
        ptype = spaced ? TokenType::kDash : TokenType::kHyphen;
        if (i + 1 < end && text[i + 1] == '-') {  // "--" used as a dash
          out.push_back(Token{i, i + 2, "-", TokenType::kDash});
          i += 2;
          continue;
        }
      } else if (c == '\'') {
        ptype = TokenType::kQuote;
        apostrophe = true;
      }
    }
    if (is_punct) {
      // A possessive 's / ’s directly after a word becomes its own token.
      if (apostrophe && !out.empty() && out.back().end == i && out.back().type == TokenType::kWord &&
          i + len < end && AsciiLower(text[i + len]) == 's' &&
          (i + len + 1 >= end || !IsAsciiAlnum(static_cast<unsigned char>(text[i + len + 1])))) {
        out.push_back(Token{i, i + len + 1, "'s", TokenType::kWord});
        i += len + 1;
        continue;
      }
      Token t{i, i + len, std::string(text.substr(i, len)), ptype};
      // assign(1, c), not = "'": GCC 12 warns -Wrestrict on the latter (a false positive,
      // GCC bug 105329, in the inlined string copy).
      if (ptype == TokenType::kQuote && apostrophe) t.norm.assign(1, '\'');
      out.push_back(std::move(t));
      i += len;
      continue;
    }
    // A word: ASCII letters/digits and non-punctuation multi-byte letters, with inner
    // apostrophes ("don't"), inner periods of abbreviations and numbers ("U.S.", "9.9"),
    // and inner commas of numbers ("10,000").
    Token t;
    t.begin = i;
    t.capitalized = (c >= 'A' && c <= 'Z');
    std::string norm;
    while (i < end) {
      unsigned char d = static_cast<unsigned char>(text[i]);
      if (IsSpaceByte(d)) break;
      size_t l = Utf8Len(d);
      if (i + l > end) l = end - i;
      if (d >= 0x80) {
        TokenType pt; bool ap = false, sp = false;
        if (MultiBytePunct(text.substr(i, l), &pt, &ap, &sp)) {
          // ’ between letters that is not a possessive 's: part of the word ("don’t").
          if (ap && i + l < end && IsAsciiAlnum(static_cast<unsigned char>(text[i + l])) &&
              !(AsciiLower(text[i + l]) == 's' &&
                (i + l + 1 >= end || !IsAsciiAlnum(static_cast<unsigned char>(text[i + l + 1]))))) {
            norm += '\'';
            i += l;
            continue;
          }
          break;
        }
        norm.append(text.substr(i, l));
        i += l;
        continue;
      }
      if (IsAsciiAlnum(d)) { norm += AsciiLower(static_cast<char>(d)); ++i; continue; }
      if (d == '\'' && i + 1 < end && IsAsciiAlnum(static_cast<unsigned char>(text[i + 1])) &&
          !(AsciiLower(text[i + 1]) == 's' && (i + 2 >= end || !IsAsciiAlnum(static_cast<unsigned char>(text[i + 2]))))) {
        norm += '\''; ++i; continue;
      }
      if ((d == '.' || d == ',') && i + 1 < end) {
        unsigned char prev = static_cast<unsigned char>(text[i - 1]);
        unsigned char next = static_cast<unsigned char>(text[i + 1]);
        bool digits = prev >= '0' && prev <= '9' && next >= '0' && next <= '9';
        // "U.S." / "U.K.": single letters separated by periods.
        bool abbrev = d == '.' && IsAsciiAlnum(next) && norm.size() >= 1 &&
                      (norm.size() == 1 || norm[norm.size() - 2] == '.');
        if (digits || abbrev) { norm += static_cast<char>(d); ++i; continue; }
        if (d == '.' && abbrev == false && norm.size() >= 3 && norm[norm.size() - 2] == '.') {
          // trailing period of "u.s." is kept
          norm += '.'; ++i; break;
        }
      }
      break;
    }
    t.end = i;
    t.norm = std::move(norm);
    t.type = TokenType::kWord;
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<std::string> TokenizeWords(std::string_view phrase) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(phrase, 0, phrase.size())) out.push_back(t.norm);
  return out;
}

}  // namespace faultline
