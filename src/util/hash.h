// A streaming 64-bit hash for cache keys, over length-prefixed fields so that
// ("ab", "c") and ("a", "bc") differ. Eight bytes a step (a corpus's worth of text is
// hashed on every cached run), each step a bijection of the state, so one changed word
// always changes the result; a final mix spreads it over all bits. For telling whether
// inputs changed, not against anyone making collisions on purpose.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace faultline {

class FieldHasher {
 public:
  // Adds one field: its length, then its bytes.
  FieldHasher& Add(std::string_view field) { return BeginField(field.size()).Append(field).EndField(); }
  FieldHasher& Add(int64_t v) { return Add(std::to_string(v)); }

  // Adds one field given in pieces, the same as Add of their concatenation, so a large
  // file is hashed without being held in memory whole: BeginField with the field's
  // length, Append every byte of it in order, then EndField.
  FieldHasher& BeginField(uint64_t size) {
    Word(size);
    pending_size_ = 0;
    return *this;
  }
  FieldHasher& Append(std::string_view bytes) {
    bytes_ += bytes.size();
    size_t i = 0;
    if (pending_size_ > 0) {  // complete the word a previous piece began
      const size_t take = std::min<size_t>(8 - pending_size_, bytes.size());
      std::memcpy(pending_ + pending_size_, bytes.data(), take);
      pending_size_ += take;
      i = take;
      if (pending_size_ < 8) return *this;
      uint64_t w;
      std::memcpy(&w, pending_, 8);
      Word(w);
      pending_size_ = 0;
    }
    for (; i + 8 <= bytes.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, bytes.data() + i, 8);
      Word(w);
    }
    pending_size_ = bytes.size() - i;
    if (pending_size_ > 0) std::memcpy(pending_, bytes.data() + i, pending_size_);
    return *this;
  }
  FieldHasher& EndField() {
    uint64_t tail = 0;  // Add's last word: the bytes left over, zero-padded (0 when none)
    if (pending_size_ > 0) std::memcpy(&tail, pending_, pending_size_);
    Word(tail);
    pending_size_ = 0;
    return *this;
  }

  // 16 hex digits of the hash, a '-' and the number of bytes hashed.
  std::string Hex() const {
    uint64_t h = h_;  // murmur3's finaliser
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%016llx-%llu", static_cast<unsigned long long>(h),
                  static_cast<unsigned long long>(bytes_));
    return buf;
  }

 private:
  void Word(uint64_t w) { h_ = (((h_ << 29) | (h_ >> 35)) ^ w) * 0x100000001b3ULL; }
  uint64_t h_ = 0xcbf29ce484222325ULL;
  uint64_t bytes_ = 0;
  char pending_[8] = {};  // of a field given in pieces: the bytes of a word not yet whole
  size_t pending_size_ = 0;
};

}  // namespace faultline
