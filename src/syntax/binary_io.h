// Little-endian encoding of the model file's sections. The reader checks every
// length against what is left, so a damaged file fails with a message instead of
// reading past its end.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace faultline::syntax {

class ByteWriter {
 public:
  template <typename T>
  void Put(T v) {
    static_assert(std::is_arithmetic_v<T>);
    char buf[sizeof(T)];
    std::memcpy(buf, &v, sizeof(T));  // the build targets little-endian machines (x86-64, arm64)
    out_.append(buf, sizeof(T));
  }
  void PutString(std::string_view s) {
    Put<uint32_t>(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  void PutStrings(const std::vector<std::string>& v) {
    Put<uint32_t>(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) PutString(s);
  }
  template <typename T>
  void PutVector(const std::vector<T>& v) {
    static_assert(std::is_arithmetic_v<T>);
    Put<uint64_t>(v.size());
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  const std::string& bytes() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}

  // Each getter returns false (and leaves the reader failed) when the input is short.
  template <typename T>
  bool Get(T* v) {
    static_assert(std::is_arithmetic_v<T>);
    if (!ok_ || in_.size() - pos_ < sizeof(T)) return ok_ = false;
    std::memcpy(v, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetString(std::string* s) {
    uint32_t n = 0;
    if (!Get(&n) || in_.size() - pos_ < n) return ok_ = false;
    s->assign(in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool GetStrings(std::vector<std::string>* v) {
    uint32_t n = 0;
    if (!Get(&n) || n > in_.size() - pos_) return ok_ = false;  // each string takes >= 4 bytes
    v->resize(n);
    for (auto& s : *v)
      if (!GetString(&s)) return false;
    return true;
  }
  template <typename T>
  bool GetVector(std::vector<T>* v) {
    static_assert(std::is_arithmetic_v<T>);
    uint64_t n = 0;
    if (!Get(&n) || n > (in_.size() - pos_) / sizeof(T)) return ok_ = false;
    v->resize(n);
    // an empty vector's data() may be null, which memcpy may not be given even for 0 bytes
    if (n > 0) std::memcpy(v->data(), in_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace faultline::syntax
