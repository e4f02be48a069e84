// The codebook loader on arbitrary YAML: errors, never a crash or an exception.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "statements/codebook.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Codebook::Load reads a file: one per process, rewritten for each input.
  static const std::string path = "/tmp/faultline-fuzz-codebook-" + std::to_string(::getpid()) + ".yaml";
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                 static_cast<std::streamsize>(size));
  faultline::Result<faultline::Codebook> cb = faultline::Codebook::Load(path);
  if (cb.ok()) (void)cb->issues().size();
  return 0;
}
