// Inputs users have besides gzip, through libarchive (Debian's libarchive): single files
// compressed with xz, bzip2 or zstd ("corpus.jsonl.zst"), decoded on the fly like gzip, and
// archives of many files (.zip, .tar and its compressed forms, .7z), each regular entry
// read as a file of its own named "archive.zip#dir/page.html".
//
// Limits are the readers' own: a compressed single file read whole stops at the size
// limit after decompression (record formats apply the limit per record), and an archive
// entry read whole is capped at the size limit after decompression; a larger entry is
// reported and skipped, the others are read.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "util/status.h"

struct archive;

namespace faultline {

enum class Packing {
  kPlain,       // read as it is
  kGzip,        // zlib (ByteStream)
  kCompressed,  // one compressed stream: xz, bzip2, zstd
  kArchive,     // many files: zip, tar (plain or compressed), 7z
};

// From the first bytes (512 suffice: a tar header is recognised by "ustar" at 257). A
// compressed stream may itself hold a tar: SniffPacking says kCompressed; IsArchiveFile
// looks inside.
Packing SniffPacking(std::string_view head);

// True when the file at `path` is an archive of several files, compressed or not.
bool IsArchiveFile(const std::string& path);

// Decodes one compressed stream whose bytes come from `source` (which returns the number
// of bytes it put in the buffer, 0 at the end). Errors (corrupt or truncated data) stick.
class Decompressor {
 public:
  using Source = std::function<Result<size_t>(char* buf, size_t n)>;
  static Result<std::unique_ptr<Decompressor>> Open(Source source);
  ~Decompressor();
  Decompressor(const Decompressor&) = delete;
  Decompressor& operator=(const Decompressor&) = delete;
  // Appends up to `want` decoded bytes to *out; *eof at the end of the stream.
  Status Read(size_t want, std::string* out, bool* eof);
  // The format libarchive found ("xz", "bzip2", "zstd").
  std::string filter() const;

 private:
  Decompressor() = default;
  archive* a_ = nullptr;
  Source source_;
  std::string chunk_;
  Status source_error_;
  friend long DecompressorRead(archive*, void*, const void**);  // NOLINT: libarchive's callback type
};

// Calls `on_entry(name, bytes)` for each regular file of the archive at `path`, in archive
// order, `name` being "path#entry". Entries over `max_entry_bytes` after decompression,
// encrypted or damaged entries go to `on_error` and are skipped. The returned error is
// the archive's own (cannot open, not an archive, damaged directory).
Status ForEachArchiveEntry(const std::string& path, uint64_t max_entry_bytes,
                           const std::function<void(const std::string& name, std::string bytes)>& on_entry,
                           const std::function<void(const Status&)>& on_error);

}  // namespace faultline
