// The byte form of the per-document blobs that the store keeps for stories (profiles,
// sources): little-endian 32-bit values and length-prefixed strings. The reader never
// reads past its input; every getter returns false instead, so a cut or corrupt blob is
// refused, never misread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace faultline::stories {

inline void Put32(std::string* out, uint32_t v) {
  for (int k = 0; k < 4; ++k) out->push_back(static_cast<char>((v >> (8 * k)) & 0xff));
}

inline void PutString(std::string* out, std::string_view s) {
  Put32(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}

class ByteReader {
 public:
  explicit ByteReader(std::string_view b) : b_(b) {}

  bool Get32(uint32_t* v) {
    if (b_.size() - pos_ < 4) return false;
    *v = 0;
    for (int k = 0; k < 4; ++k) *v |= static_cast<uint32_t>(static_cast<unsigned char>(b_[pos_ + k])) << (8 * k);
    pos_ += 4;
    return true;
  }
  bool GetString(std::string* s) {
    uint32_t n;
    if (!Get32(&n) || b_.size() - pos_ < n) return false;
    s->assign(b_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  // Moves past `n` values of 4 bytes.
  bool Skip32(uint64_t n) {
    if (n > (b_.size() - pos_) / 4) return false;
    pos_ += static_cast<size_t>(n) * 4;
    return true;
  }
  bool done() const { return pos_ == b_.size(); }

 private:
  std::string_view b_;
  size_t pos_ = 0;
};

}  // namespace faultline::stories
