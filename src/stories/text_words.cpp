#include "stories/text_words.h"

namespace faultline::stories {
namespace {

bool IsAsciiWordByte(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

void TextWords::Reset(std::string_view text) {
  text_ = text;
  lowered_.assign(text);
  for (char& ch : lowered_)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
  spans_.clear();
  spans_.reserve(text.size() / 6 + 1);  // about a word per six bytes: no copies as it grows
  const uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t i = 0;
  while (i < n) {
    if (!IsAsciiWordByte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    uint32_t j = i + 1;
    while (j < n && IsAsciiWordByte(static_cast<unsigned char>(text[j]))) ++j;
    spans_.push_back({i, j});
    i = j;
  }
}

}  // namespace faultline::stories
