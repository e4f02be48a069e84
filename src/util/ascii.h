// ASCII-only string helpers shared by the readers and loaders. Formats such as header
// lines, HTTP/WARC fields, HTML tag names and dictionary keys are ASCII by definition,
// so these never touch bytes >= 0x80 (UTF-8 text passes through unchanged).
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace faultline {

// Drops leading and trailing ASCII whitespace.
inline std::string_view AsciiTrim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Locale-free classes of one byte; bytes >= 0x80 (UTF-8) are none of them.
inline bool AsciiIsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
inline bool AsciiIsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool AsciiIsLower(char c) { return c >= 'a' && c <= 'z'; }

// A-Z only, whatever the locale: bytes >= 0x80 (UTF-8) pass through unchanged.
inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

inline bool AsciiEqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

}  // namespace faultline
