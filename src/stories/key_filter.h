// A quick "certainly not a key" test before a hash lookup. The stories stage asks small
// tables (framing phrases, attribution cues) about every word of every text, and most
// words are no key: remembering the keys' first byte and length answers most of those
// questions from one bit, without hashing the word.
#pragma once

#include <algorithm>
#include <bitset>
#include <cstddef>
#include <string_view>

namespace faultline::stories {

class KeyFilter {
 public:
  void Add(std::string_view key) {
    if (!key.empty()) seen_.set(Slot(key));
  }
  // False when no key added has `word`'s first byte and length; true may be a false alarm.
  bool MayContain(std::string_view word) const { return !word.empty() && seen_.test(Slot(word)); }

 private:
  static constexpr size_t kLengths = 32;  // lengths from 31 on share one slot
  static size_t Slot(std::string_view w) {
    return static_cast<unsigned char>(w[0]) * kLengths + std::min(w.size(), kLengths - 1);
  }
  std::bitset<256 * kLengths> seen_;
};

}  // namespace faultline::stories
