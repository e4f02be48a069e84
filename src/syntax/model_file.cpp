#include "syntax/model_file.h"

#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <memory>

namespace faultline::syntax {

namespace {

constexpr char kMagic[8] = {'F', 'L', 'S', 'Y', 'N', 'T', 'A', 'X'};
constexpr size_t kHeaderSize = 32;

uint32_t Crc32(std::string_view bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  size_t pos = 0;
  while (pos < bytes.size()) {  // zlib takes uInt lengths
    const size_t n = std::min<size_t>(bytes.size() - pos, size_t{1} << 30);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + pos), static_cast<uInt>(n));
    pos += n;
  }
  return static_cast<uint32_t>(crc);
}

template <typename T>
void PutLe(char* at, T v) {
  std::memcpy(at, &v, sizeof(T));
}
template <typename T>
T GetLe(const char* at) {
  T v;
  std::memcpy(&v, at, sizeof(T));
  return v;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

Status WriteModelFile(const std::string& path, std::string_view payload) {
  char header[kHeaderSize] = {};
  std::memcpy(header, kMagic, sizeof kMagic);
  PutLe<uint32_t>(header + 8, kModelFormatVersion);
  PutLe<uint64_t>(header + 16, payload.size());
  PutLe<uint32_t>(header + 24, Crc32(payload));
  const std::string tmp = path + ".tmp";
  {
    std::unique_ptr<std::FILE, FileCloser> f(std::fopen(tmp.c_str(), "wb"));
    if (!f) return Status::Error("cannot write the model file", tmp);
    if (std::fwrite(header, 1, kHeaderSize, f.get()) != kHeaderSize ||
        std::fwrite(payload.data(), 1, payload.size(), f.get()) != payload.size() || std::fflush(f.get()) != 0)
      return Status::Error("write failed (disk full?)", tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::Error("cannot rename " + tmp + " into place", path);
  return Status::Ok();
}

Result<std::string> ReadModelFile(const std::string& path) {
  std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "rb"));
  if (!f) return Status::Error("cannot open the syntax model", path);
  std::string bytes;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) bytes.append(buf, n);
  if (std::ferror(f.get())) return Status::Error("cannot read the syntax model", path);
  if (bytes.size() < kHeaderSize || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    return Status::Error("not a faultline syntax model (no FLSYNTAX header)", path);
  const uint32_t version = GetLe<uint32_t>(bytes.data() + 8);
  if (version != kModelFormatVersion)
    return Status::Error("syntax model format version " + std::to_string(version) + ", but this build reads version " +
                             std::to_string(kModelFormatVersion) + ": retrain it with `faultline train-syntax`",
                         path);
  const uint64_t size = GetLe<uint64_t>(bytes.data() + 16);
  if (bytes.size() - kHeaderSize != size)
    return Status::Error("truncated or padded syntax model: header promises " + std::to_string(size) +
                             " bytes of payload, the file holds " + std::to_string(bytes.size() - kHeaderSize),
                         path);
  std::string payload = bytes.substr(kHeaderSize);
  if (Crc32(payload) != GetLe<uint32_t>(bytes.data() + 24))
    return Status::Error("damaged syntax model: checksum mismatch", path);
  return payload;
}

}  // namespace faultline::syntax
