// Reading a file a piece at a time, gunzipping on the fly when it starts with the gzip
// magic (multi-member streams included), and decoding xz, bzip2 and zstd through
// libarchive (ingest/archive.h) when it starts with theirs. The record formats (JSON Lines, WARC) read
// through it, so a CC-NEWS WARC of a gigabyte never has to fit in memory.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "util/status.h"

namespace faultline {

class Decompressor;

class ByteStream {
 public:
  // `path` "-" is stdin. Fails when the file cannot be opened.
  static Result<std::unique_ptr<ByteStream>> OpenFile(const std::string& path);
  // Content already in memory (gunzipped too when it is gzip).
  static std::unique_ptr<ByteStream> FromString(std::string bytes);
  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  // Reads until at least `n` unconsumed bytes are available or the input ends. An
  // error (read failure, corrupt or truncated gzip) is returned once and sticks:
  // the bytes decoded before it stay available.
  Status Fill(size_t n);
  // Reads everything, failing when the decoded size would exceed `max_bytes`.
  Status FillAll(size_t max_bytes);

  std::string_view available() const { return std::string_view(buf_).substr(pos_); }
  void Consume(size_t n);
  // True when the input has ended (all of it is in available()).
  bool eof() const { return eof_; }
  bool gzipped() const { return gzipped_; }
  // Any compression: gzip, xz, bzip2 or zstd.
  bool compressed() const { return gzipped_ || decompressor_ != nullptr; }
  // True once reading failed (the error was returned by Fill): what is available is
  // all there will be, and its end is where the damage starts.
  bool failed() const { return !error_.ok(); }
  // Bytes read from the source so far (compressed bytes for gzip).
  uint64_t source_bytes() const { return source_bytes_; }

 private:
  ByteStream() = default;
  // Appends up to `want` more decoded bytes to buf_; sets eof_ at the end.
  Status ReadMore(size_t want);
  Status ReadRaw(char* out, size_t n, size_t* got);

  std::FILE* file_ = nullptr;  // null for memory sources
  bool owns_file_ = false;
  std::string memory_;         // memory source
  size_t memory_pos_ = 0;
  std::string buf_;            // decoded bytes; [pos_, end) unconsumed
  size_t pos_ = 0;
  bool eof_ = false;
  bool raw_eof_ = false;
  Status error_;
  bool error_reported_ = false;
  bool gzipped_ = false;
  bool started_ = false;
  uint64_t source_bytes_ = 0;
  struct Inflater;
  std::unique_ptr<Inflater> z_;
  std::unique_ptr<Decompressor> decompressor_;  // xz, bzip2, zstd
  std::string head_;                            // first bytes, handed to the decompressor
  size_t head_pos_ = 0;
};

}  // namespace faultline
