#include "ingest/utf8_repair.h"

namespace faultline {
namespace {

// Length of the well-formed sequence at s[i], or 0 when it is ill-formed
// (Unicode Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
size_t ValidSequenceLength(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n = s.size() - i;
  auto cont = [&](size_t k) { return (b(k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return n >= 2 && cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3) return 0;
    unsigned char c1 = b(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;
    if (c == 0xED && c1 > 0x9F) return 0;
    return cont(i + 1) && cont(i + 2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4) return 0;
    unsigned char c1 = b(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 > 0x8F) return 0;
    return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // Fast path over ASCII, the bulk of news text.
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = ValidSequenceLength(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

size_t RepairUtf8(std::string* s) {
  size_t first = FindInvalidUtf8(*s);
  if (first == std::string_view::npos) return 0;
  std::string out(s->data(), first);
  size_t replaced = 0;
  size_t i = first;
  while (i < s->size()) {
    size_t len = ValidSequenceLength(*s, i);
    if (len > 0) {
      out.append(*s, i, len);
      i += len;
      continue;
    }
    out += "\xEF\xBF\xBD";
    ++replaced;
    // Skip the lead byte and any continuation bytes that belonged to it.
    ++i;
    while (i < s->size() && (static_cast<unsigned char>((*s)[i]) & 0xC0) == 0x80 &&
           ValidSequenceLength(*s, i) == 0)
      ++i;
  }
  *s = std::move(out);
  return replaced;
}

}  // namespace faultline
