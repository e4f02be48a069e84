#include "util/hash_file.h"

#include <fstream>
#include <vector>

namespace faultline {

Status HashFileContent(const std::string& path, std::string_view purpose, FieldHasher* h) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Status::Error("cannot read (for " + std::string(purpose) + ")", path);
  const std::streamoff size = in.tellg();
  if (size < 0) return Status::Error("cannot tell the size (for " + std::string(purpose) + ")", path);
  in.seekg(0);
  h->BeginField(static_cast<uint64_t>(size));
  std::vector<char> buffer(1 << 16);
  std::streamoff left = size;
  while (left > 0) {
    const std::streamsize want = static_cast<std::streamsize>(std::min<std::streamoff>(left, buffer.size()));
    in.read(buffer.data(), want);
    // A file that shrank while read is an error rather than a different fingerprint.
    if (in.gcount() != want) return Status::Error("read error (for " + std::string(purpose) + ")", path);
    h->Append(std::string_view(buffer.data(), static_cast<size_t>(want)));
    left -= want;
  }
  h->EndField();
  return Status::Ok();
}

}  // namespace faultline
