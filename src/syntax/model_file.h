// The container of a trained syntax model: one file, a fixed header, then the
// payload that Model serialises.
//
//   offset size  field
//   0      8     magic "FLSYNTAX"
//   8      4     format version (little-endian uint32)
//   12     4     reserved, 0
//   16     8     payload size in bytes
//   24     4     CRC-32 of the payload
//   28     4     reserved, 0
//   32     ...   payload
//
// A file that is truncated, damaged, from another program or from another format
// version is refused with a message that says which, before any of it is used.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/status.h"

namespace faultline::syntax {

// 2: the parser's attachment features (a version-1 file holds weights of other features,
// which would parse silently wrong).
inline constexpr uint32_t kModelFormatVersion = 2;

// Writes header and payload to `path` (through a temporary file renamed into place,
// so a crash never leaves half a model under the real name).
Status WriteModelFile(const std::string& path, std::string_view payload);

// The payload of the model file at `path`, checked as described above.
Result<std::string> ReadModelFile(const std::string& path);

}  // namespace faultline::syntax
