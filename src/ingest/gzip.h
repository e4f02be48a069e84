// gzip decompression for whole files. Multi-member streams (as WARC.gz files are,
// one member per record) are concatenated; a stream that ends early is an error
// rather than a silently shortened document.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "util/status.h"

namespace faultline {

// True when `bytes` starts with the gzip magic number (1f 8b).
bool LooksGzipped(std::string_view bytes);

// Decompresses every member of `bytes`. Fails on corrupt or truncated data, and when
// the output would exceed `max_output_bytes` (a guard against decompression bombs).
// On failure, `*partial` (when given) receives what was decompressed before the
// problem: record formats (JSONL, WARC) can still use the records it holds.
Result<std::string> Gunzip(std::string_view bytes, size_t max_output_bytes,
                           std::string* partial = nullptr);

}  // namespace faultline
