// Every reader behind DocumentReader (text, HTML, JSON, JSON Lines, WARC, gzip, xz, zip
// ...): the first byte picks the file name the bytes arrive under, which steers the
// format sniffing, the rest is the file. Limits are small so a bomb costs little.
// Archives (zip, tar, 7z) are read from a path only (libarchive opens the file), so a
// first byte of 0xF0 or more writes the rest to a file and reads that.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ingest/read_documents.h"

namespace {

// One scratch file per fuzzing process, reused for every input.
const std::string& ScratchPath() {
  static const std::string path = [] {
    const char* tmp = std::getenv("TMPDIR");
    return std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/fuzz_read_documents." +
           std::to_string(::getpid());
  }();
  return path;
}

bool WriteScratch(const uint8_t* data, size_t size) {
  std::FILE* f = std::fopen(ScratchPath().c_str(), "wb");
  if (f == nullptr) return false;
  const bool ok = std::fwrite(data, 1, size, f) == size;
  return std::fclose(f) == 0 && ok;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* kNames[] = {"in.txt", "in.html", "in.json", "in.jsonl", "in.warc",
                                 "in.txt.gz", "in.warc.gz", "in.csv", "in", "in.zst"};
  if (size == 0) return 0;
  faultline::ReadOptions options;
  options.max_file_bytes = 1 << 20;
  options.max_html_bytes = 1 << 20;
  size_t docs = 0;
  faultline::DocumentReader reader(
      options, [&docs](faultline::Document&& d) { docs += d.text.size() > 0; }, [](const faultline::Status&) {});
  if (data[0] >= 0xF0) {
    if (WriteScratch(data + 1, size - 1)) reader.ReadFile(ScratchPath());
    std::remove(ScratchPath().c_str());  // libFuzzer may leave by _Exit: no atexit clean-up
    return 0;
  }
  const std::string name = kNames[data[0] % (sizeof kNames / sizeof kNames[0])];
  reader.ReadBytes(std::string(reinterpret_cast<const char*>(data) + 1, size - 1), name);
  return 0;
}
