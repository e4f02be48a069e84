// Features of the linear models are 64-bit hashes of a template number and the values
// it combines (word, tag, cluster...). Hashing keeps feature extraction free of string
// building and maps; at 64 bits, collisions among a few million features are
// negligible.
#pragma once

#include <cstdint>
#include <string_view>

namespace faultline::syntax {

// A strong 64-bit mix (the finaliser of MurmurHash3 / SplitMix64).
// The feature value of a position outside the sentence (before its first word).
constexpr uint64_t kNoneFeature = 0x4e4f4e45ULL;

inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// FNV-1a over the bytes, mixed: stable across runs and machines, as model files need.
inline uint64_t HashString(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix64(h);
}

// The key of feature template `templ` over values a, b, c. Never 0 (0 marks an empty
// slot in the weight tables). Always inlined: extraction computes dozens of keys per
// decision, and inlined their multiply chains run side by side.
[[gnu::always_inline]] inline uint64_t FeatureKey(uint32_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = Mix64(templ * 0x9e3779b97f4a7c15ULL + a);
  h = Mix64(h ^ (b + 0x632be59bd9b4e019ULL));
  h = Mix64(h ^ (c + 0x85ebca6b2f1d4c3bULL));
  return h == 0 ? 1 : h;
}

}  // namespace faultline::syntax
