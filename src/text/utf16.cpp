#include "text/utf16.h"

namespace faultline {
namespace {

// Length of the UTF-8 sequence starting at s[i] (1 for an invalid lead or a truncated
// sequence) and its UTF-16 size.
void NextChar(std::string_view s, size_t i, size_t* bytes, size_t* units) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    *bytes = 1;
    *units = 1;
    return;
  }
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
      *bytes = 1;
      *units = 1;
      return;
    }
  *bytes = n;
  *units = n == 4 ? 2 : 1;
}

}  // namespace

size_t Utf16Length(std::string_view utf8) {
  size_t units = 0;
  for (size_t i = 0; i < utf8.size();) {
    size_t b = 0, u = 0;
    NextChar(utf8, i, &b, &u);
    i += b;
    units += u;
  }
  return units;
}

size_t ByteOffsetOfUtf16(std::string_view utf8, size_t units) {
  size_t i = 0, seen = 0;
  while (i < utf8.size() && seen < units) {
    size_t b = 0, u = 0;
    NextChar(utf8, i, &b, &u);
    i += b;
    seen += u;
  }
  return i;
}

}  // namespace faultline
