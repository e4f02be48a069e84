#include "ingest/gzip.h"

#include <zlib.h>

namespace faultline {

bool LooksGzipped(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

Result<std::string> Gunzip(std::string_view bytes, size_t max_output_bytes,
                           std::string* partial) {
  std::string out;
  out.reserve(std::min(max_output_bytes, bytes.size() * 3));
  z_stream zs{};
  // 16 + MAX_WBITS: gzip wrapper only (zlib or raw deflate would be another format).
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return Status::Error("cannot initialise zlib");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  char buf[1 << 16];
  Status error;
  bool member_done = false;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_output_bytes) {
      error = Status::Error("decompressed size exceeds the limit of " +
                            std::to_string(max_output_bytes / (1024 * 1024)) + " MB");
      break;
    }
    if (rc == Z_STREAM_END) {
      member_done = true;
      // Another member follows (multi-member gzip); trailing zero padding is tolerated.
      size_t rest = zs.avail_in;
      const unsigned char* p = zs.next_in;
      while (rest > 0 && *p == 0) ++p, --rest;
      if (rest == 0) break;
      if (rest < 2 || p[0] != 0x1f || p[1] != 0x8b) {
        error = Status::Error("trailing garbage after gzip data");
        break;
      }
      inflateReset(&zs);
      zs.next_in = const_cast<Bytef*>(p);
      zs.avail_in = static_cast<uInt>(rest);
      member_done = false;
      continue;
    }
    if (rc == Z_OK) continue;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      error = Status::Error("truncated gzip data (stream ends after " +
                            std::to_string(out.size()) + " decompressed bytes)");
      break;
    }
    error = Status::Error(std::string("corrupt gzip data: ") + (zs.msg ? zs.msg : "inflate failed"));
    break;
  }
  inflateEnd(&zs);
  if (error.ok() && !member_done) error = Status::Error("truncated gzip data");
  if (!error.ok()) {
    if (partial) *partial = std::move(out);
    return error;
  }
  return out;
}

}  // namespace faultline
