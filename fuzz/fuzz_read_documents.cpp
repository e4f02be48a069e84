// Every reader behind DocumentReader (text, HTML, JSON, JSON Lines, WARC, gzip, xz, zip
// ...): the first byte picks the file name the bytes arrive under, which steers the
// format sniffing, the rest is the file. Limits are small so a bomb costs little.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/read_documents.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* kNames[] = {"in.txt", "in.html", "in.json", "in.jsonl", "in.warc",
                                 "in.txt.gz", "in.warc.gz", "in.csv", "in", "in.zst"};
  if (size == 0) return 0;
  const std::string name = kNames[data[0] % (sizeof kNames / sizeof kNames[0])];
  faultline::ReadOptions options;
  options.max_file_bytes = 1 << 20;
  options.max_html_bytes = 1 << 20;
  size_t docs = 0;
  faultline::DocumentReader reader(
      options, [&docs](faultline::Document&& d) { docs += d.text.size() > 0; }, [](const faultline::Status&) {});
  reader.ReadBytes(std::string(reinterpret_cast<const char*>(data) + 1, size - 1), name);
  return 0;
}
