// A streaming 64-bit hash for cache keys: FNV-1a over length-prefixed fields, so that
// ("ab", "c") and ("a", "bc") differ. Not for anything adversarial, only for telling
// whether inputs changed; the length of everything hashed is mixed in as well.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace faultline {

class FieldHasher {
 public:
  // Adds one field: its length, then its bytes.
  FieldHasher& Add(std::string_view field) {
    const uint64_t n = field.size();
    for (int i = 0; i < 8; ++i) Byte(static_cast<unsigned char>(n >> (8 * i)));
    for (char c : field) Byte(static_cast<unsigned char>(c));
    return *this;
  }
  FieldHasher& Add(int64_t v) { return Add(std::to_string(v)); }

  // 16 hex digits of the hash, a '-' and the total byte count (as ContentHash writes it).
  std::string Hex() const {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%016llx-%llu", static_cast<unsigned long long>(h_),
                  static_cast<unsigned long long>(bytes_));
    return buf;
  }

 private:
  void Byte(unsigned char c) {
    h_ = (h_ ^ c) * 0x100000001b3ULL;
    ++bytes_;
  }
  uint64_t h_ = 0xcbf29ce484222325ULL;
  uint64_t bytes_ = 0;
};

}  // namespace faultline
