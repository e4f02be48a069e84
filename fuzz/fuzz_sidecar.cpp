// Metadata sidecars (JSON Lines or CSV, chosen by the first byte's name).
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/sidecar.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string name = data[0] % 2 ? "meta.csv" : "meta.jsonl";
  faultline::Result<faultline::Sidecar> sc = faultline::Sidecar::Parse(
      std::string(reinterpret_cast<const char*>(data) + 1, size - 1), name, [](const faultline::Status&) {});
  if (sc.ok()) {
    faultline::Document d;
    d.file = "a.txt";
    sc->Apply(&d);
  }
  return 0;
}
