#include "actors/text_scan.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>

namespace faultline::scan {

namespace {

UChar32 CodePointAt(std::string_view text, size_t pos, size_t* next = nullptr) {
  if (pos >= text.size()) return -1;
  const unsigned char b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) {
    if (next) *next = pos + 1;
    return b;
  }
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  if (next) *next = static_cast<size_t>(i);
  return c;
}

UChar32 CodePointBefore(std::string_view text, size_t pos, size_t* start = nullptr) {
  if (pos == 0 || pos > text.size()) return -1;
  const unsigned char b = static_cast<unsigned char>(text[pos - 1]);
  if (b < 0x80) {
    if (start) *start = pos - 1;
    return b;
  }
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(text.data(), 0, i, c);
  if (start) *start = static_cast<size_t>(i);
  return c;
}

bool IsWordCp(UChar32 c) {
  if (c < 0) return false;
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0;
  return u_isalnum(c) != 0 || u_charType(c) == U_NON_SPACING_MARK;
}

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

}  // namespace

bool IsWordCharAt(std::string_view text, size_t pos) { return IsWordCp(CodePointAt(text, pos)); }
bool IsWordCharBefore(std::string_view text, size_t pos) {
  return IsWordCp(CodePointBefore(text, pos));
}
size_t WordEnd(std::string_view text, size_t pos) {
  size_t next = pos;
  while (pos < text.size() && IsWordCp(CodePointAt(text, pos, &next))) pos = next;
  return pos;
}
bool IsUpperAt(std::string_view text, size_t pos) {
  const UChar32 c = CodePointAt(text, pos);
  return c >= 0 && u_isupper(c);
}
bool IsLowerAt(std::string_view text, size_t pos) {
  const UChar32 c = CodePointAt(text, pos);
  return c >= 0 && u_islower(c);
}

std::vector<Token> TokensAfter(std::string_view text, size_t pos, size_t n) {
  std::vector<Token> out;
  size_t newlines = 0;
  while (pos < text.size() && out.size() < n) {
    size_t next = pos;
    const UChar32 c = CodePointAt(text, pos, &next);
    if (c == '\n') {
      if (++newlines >= 2) break;
      pos = next;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == 0xA0) {
      pos = next;
      continue;
    }
    newlines = 0;
    Token t;
    t.begin = pos;
    if (IsWordCp(c)) {
      size_t p = next;
      while (p < text.size()) {
        size_t q = p;
        const UChar32 d = CodePointAt(text, p, &q);
        if (IsWordCp(d)) {
          p = q;
          continue;
        }
        // Inner joiners: "U.S", "Pan-European", "d'Orsay" but not a trailing one.
        if ((d == '.' || d == '-' || IsApostrophe(d)) && IsWordCharAt(text, q)) {
          p = q;
          continue;
        }
        break;
      }
      t.end = p;
      t.word = true;
    } else {
      t.end = next;
    }
    t.text = text.substr(t.begin, t.end - t.begin);
    out.push_back(t);
    pos = t.end;
  }
  return out;
}

std::vector<Token> TokensBefore(std::string_view text, size_t pos, size_t n) {
  std::vector<Token> out;
  size_t newlines = 0;
  while (pos > 0 && out.size() < n) {
    size_t start = pos;
    const UChar32 c = CodePointBefore(text, pos, &start);
    if (c == '\n') {
      if (++newlines >= 2) break;
      pos = start;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == 0xA0) {
      pos = start;
      continue;
    }
    newlines = 0;
    Token t;
    t.end = pos;
    if (IsWordCp(c)) {
      size_t p = start;
      while (p > 0) {
        size_t q = p;
        const UChar32 d = CodePointBefore(text, p, &q);
        if (IsWordCp(d)) {
          p = q;
          continue;
        }
        if ((d == '.' || d == '-' || IsApostrophe(d)) && IsWordCharBefore(text, q)) {
          p = q;
          continue;
        }
        break;
      }
      t.begin = p;
      t.word = true;
    } else {
      t.begin = start;
    }
    t.text = text.substr(t.begin, t.end - t.begin);
    out.push_back(t);
    pos = t.begin;
  }
  return out;
}

size_t PossessiveAt(std::string_view text, size_t pos) {
  size_t next = pos;
  const UChar32 c = CodePointAt(text, pos, &next);
  if (!IsApostrophe(c)) return 0;
  if (next < text.size() && (text[next] == 's' || text[next] == 'S') &&
      !IsWordCharAt(text, next + 1))
    return next + 1 - pos;
  // "the Baltics' position": a bare apostrophe after a final s.
  if (pos > 0 && (text[pos - 1] == 's') && !IsWordCharAt(text, next)) return next - pos;
  return 0;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

bool OneOf(std::string_view word, std::initializer_list<std::string_view> list) {
  for (std::string_view w : list)
    if (EqualsIgnoreCase(w, word)) return true;
  return false;
}

bool InList(std::string_view word, const std::vector<std::string>& list) {
  return std::any_of(list.begin(), list.end(),
                     [&](const std::string& w) { return EqualsIgnoreCase(w, word); });
}

std::string TitleCase(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (auto& c : out) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) {
      c = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
      start = false;
    } else {
      start = (c == ' ' || c == '-' || c == '.');
    }
  }
  return out;
}

}  // namespace faultline::scan
