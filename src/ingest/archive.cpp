#include "ingest/archive.h"

#include <archive.h>
#include <archive_entry.h>

#include <cstdio>
#include <cstring>

namespace faultline {
namespace {

bool HasMagic(std::string_view head, std::string_view magic, size_t at = 0) {
  return head.size() >= at + magic.size() && head.substr(at, magic.size()) == magic;
}

std::string ArchiveError(archive* a, const char* what) {
  const char* msg = archive_error_string(a);
  return std::string(what) + (msg ? std::string(": ") + msg : std::string());
}

}  // namespace

Packing SniffPacking(std::string_view head) {
  using namespace std::string_view_literals;
  if (HasMagic(head, "\x1f\x8b"sv)) return Packing::kGzip;
  if (HasMagic(head, "\xFD" "7zXZ\x00"sv) || HasMagic(head, "BZh"sv) || HasMagic(head, "\x28\xB5\x2F\xFD"sv))
    return Packing::kCompressed;
  if (HasMagic(head, "PK\x03\x04"sv) || HasMagic(head, "PK\x05\x06"sv) || HasMagic(head, "7z\xBC\xAF\x27\x1C"sv) ||
      HasMagic(head, "ustar"sv, 257))
    return Packing::kArchive;
  return Packing::kPlain;
}

bool IsArchiveFile(const std::string& path) {
  char head[512] = {};
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  const size_t n = std::fread(head, 1, sizeof head, f);
  std::fclose(f);
  const Packing p = SniffPacking(std::string_view(head, n));
  if (p == Packing::kArchive) return true;
  if (p == Packing::kPlain) return false;
  // A compressed stream (gzip included): a tar inside makes it an archive.
  archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_tar(a);
  archive_read_support_format_gnutar(a);
  bool tar = false;
  if (archive_read_open_filename(a, path.c_str(), 1 << 16) == ARCHIVE_OK) {
    archive_entry* e = nullptr;
    tar = archive_read_next_header(a, &e) == ARCHIVE_OK;
  }
  archive_read_free(a);
  return tar;
}

long DecompressorRead(archive*, void* client, const void** buffer) {  // NOLINT: libarchive's type
  auto* d = static_cast<Decompressor*>(client);
  d->chunk_.resize(1 << 16);
  Result<size_t> got = d->source_(d->chunk_.data(), d->chunk_.size());
  if (!got.ok()) {
    d->source_error_ = got.status();
    return -1;
  }
  *buffer = d->chunk_.data();
  return static_cast<long>(*got);
}

Result<std::unique_ptr<Decompressor>> Decompressor::Open(Source source) {
  std::unique_ptr<Decompressor> d(new Decompressor());
  d->source_ = std::move(source);
  d->a_ = archive_read_new();
  archive_read_support_filter_all(d->a_);
  archive_read_support_format_raw(d->a_);  // one stream, no archive structure
  if (archive_read_open(d->a_, d.get(), nullptr, DecompressorRead, nullptr) != ARCHIVE_OK)
    return Status::Error(d->source_error_.ok() ? ArchiveError(d->a_, "cannot decompress") : d->source_error_.reason());
  archive_entry* e = nullptr;
  if (archive_read_next_header(d->a_, &e) != ARCHIVE_OK)
    return Status::Error(ArchiveError(d->a_, "cannot decompress"));
  return d;
}

Decompressor::~Decompressor() {
  if (a_ != nullptr) archive_read_free(a_);
}

std::string Decompressor::filter() const {
  const char* name = archive_filter_name(a_, 0);
  return name ? name : "";
}

Status Decompressor::Read(size_t want, std::string* out, bool* eof) {
  *eof = false;
  char buf[1 << 16];
  size_t produced = 0;
  while (produced < want) {
    const la_ssize_t n = archive_read_data(a_, buf, sizeof buf);
    if (n == 0) {
      *eof = true;
      return Status::Ok();
    }
    if (n < 0) {
      *eof = true;
      if (!source_error_.ok()) return source_error_;
      return Status::Error(ArchiveError(a_, ("corrupt " + filter() + " data").c_str()));
    }
    out->append(buf, static_cast<size_t>(n));
    produced += static_cast<size_t>(n);
  }
  return Status::Ok();
}

Status ForEachArchiveEntry(const std::string& path, uint64_t max_entry_bytes,
                           const std::function<void(const std::string& name, std::string bytes)>& on_entry,
                           const std::function<void(const Status&)>& on_error) {
  archive* a = archive_read_new();
  std::unique_ptr<archive, int (*)(archive*)> guard(a, archive_read_free);
  archive_read_support_filter_all(a);
  archive_read_support_format_all(a);
  if (archive_read_open_filename(a, path.c_str(), 1 << 16) != ARCHIVE_OK)
    return Status::Error(ArchiveError(a, "cannot open archive"), path);
  archive_entry* e = nullptr;
  while (true) {
    const int rc = archive_read_next_header(a, &e);
    if (rc == ARCHIVE_EOF) return Status::Ok();
    if (rc == ARCHIVE_FATAL) return Status::Error(ArchiveError(a, "damaged archive"), path);
    if (archive_entry_filetype(e) != AE_IFREG) continue;
    const std::string name = path + "#" + (archive_entry_pathname(e) ? archive_entry_pathname(e) : "?");
    if (archive_entry_is_encrypted(e)) {
      on_error(Status::Error("encrypted entry, skipped", name));
      continue;
    }
    std::string bytes;
    char buf[1 << 16];
    la_ssize_t n = 0;
    bool over = false;
    while ((n = archive_read_data(a, buf, sizeof buf)) > 0) {
      bytes.append(buf, static_cast<size_t>(n));
      if (bytes.size() > max_entry_bytes) {
        over = true;
        break;
      }
    }
    if (over) {
      on_error(Status::Error("entry is over the limit of " + std::to_string(max_entry_bytes >> 20) +
                                 " MB after decompression (--max-file-mb), skipped",
                             name));
      continue;  // the next header skips the rest of this entry
    }
    if (n < 0) {
      on_error(Status::Error(ArchiveError(a, "damaged entry, skipped"), name));
      if (archive_errno(a) != 0 && n == ARCHIVE_FATAL) return Status::Error(ArchiveError(a, "damaged archive"), path);
      continue;
    }
    on_entry(name, std::move(bytes));
  }
}

}  // namespace faultline
