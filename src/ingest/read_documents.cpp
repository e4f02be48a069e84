#include "ingest/read_documents.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "ingest/archive.h"
#include "ingest/byte_stream.h"
#include "ingest/csv_articles.h"
#include "ingest/html_reader.h"
#include "ingest/input_walker.h"
#include "ingest/json_reader.h"
#include "ingest/language.h"
#include "ingest/sniff.h"
#include "ingest/text_reader.h"
#include "ingest/url.h"
#include "ingest/utf8_repair.h"
#include "ingest/warc_reader.h"

namespace faultline {
namespace {

std::string FormatMb(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

int64_t LineOfOffset(std::string_view s, size_t offset) {
  int64_t line = 1;
  for (size_t i = 0; i < offset && i < s.size(); ++i) line += s[i] == '\n';
  return line;
}

}  // namespace

DocumentReader::DocumentReader(ReadOptions options, DocumentSink on_doc, ErrorSink on_error)
    : options_(std::move(options)), on_doc_(std::move(on_doc)), on_error_(std::move(on_error)) {}

void DocumentReader::Error(const Status& s) {
  ++(s.is_warning() ? warnings_ : errors_);
  on_error_(s);
}

void DocumentReader::Deliver(Document&& doc) {
  if (stopped()) return;
  if (doc.outlet.empty()) doc.outlet = OutletOfUrl(doc.url);
  if (doc.language.empty() && options_.detect_language) doc.language = DetectLanguage(doc.text);
  ++documents_;
  on_doc_(std::move(doc));
}

void DocumentReader::ReadPaths(const std::vector<std::string>& paths) {
  WalkInputs(paths, [this](const std::string& f) { ReadFile(f); },
             [this](const Status& s) { Error(s); });
}

void DocumentReader::ReadFile(const std::string& path) {
  if (stopped()) return;
  uint64_t size = 0;
  if (path != "-") {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      Error(Status::Error("cannot read file", path));
      return;
    }
    if (!S_ISREG(st.st_mode)) {
      Error(Status::Error("not a regular file", path));
      return;
    }
    size = static_cast<uint64_t>(st.st_size);
  }
  // An archive of many files (zip, tar, 7z): each regular entry is read as a file of
  // its own, capped at the size limit after decompression.
  if (path != "-" && IsArchiveFile(path)) {
    bytes_ += size;
    Status s = ForEachArchiveEntry(
        path, options_.max_file_bytes,
        [this](const std::string& name, std::string bytes) { ReadEntry(std::move(bytes), name); },
        [this](const Status& e) { Error(e); });
    if (!s.ok()) Error(s);
    return;
  }
  Result<std::unique_ptr<ByteStream>> in = ByteStream::OpenFile(path);
  if (!in.ok()) {
    Error(in.status().WithLocation(path));
    return;
  }
  ReadStream(**in, path, size);
}

void DocumentReader::ReadBytes(std::string bytes, const std::string& name) {
  uint64_t size = bytes.size();
  std::unique_ptr<ByteStream> in = ByteStream::FromString(std::move(bytes));
  ReadStream(*in, name, size);
}

void DocumentReader::ReadEntry(std::string bytes, const std::string& name) {
  const uint64_t before = bytes_;
  std::unique_ptr<ByteStream> in = ByteStream::FromString(std::move(bytes));
  ReadStream(*in, name, 0);
  bytes_ = before;  // counted once, as the archive's size on disk
}

void DocumentReader::ReadStream(ByteStream& in, const std::string& name, uint64_t size) {
  ++files_;
  if (on_file_) on_file_(FileRead{name, size});
  auto on_doc = [this](Document&& d) { Deliver(std::move(d)); };
  auto on_error = [this](const Status& s) { Error(s); };
  const uint64_t limit = options_.max_file_bytes;

  // Enough of the start to tell the format.
  constexpr size_t kSniffBytes = 1 << 16;
  Status s = in.Fill(kSniffBytes);
  bool cut_short = !s.ok();
  if (cut_short) Error(s.WithLocation(name));
  std::string format_name = name;
  if (in.compressed())
    for (const char* ext : {".gz", ".xz", ".bz2", ".zst"})
      if (format_name.ends_with(ext)) format_name.resize(format_name.size() - std::strlen(ext));
  InputFormat format = SniffFormat(format_name, in.available().substr(0, kSniffBytes));
  if (format == InputFormat::kEmpty && !in.eof()) format = InputFormat::kText;
  if (format == InputFormat::kBinary) {  // before decompressing the rest
    Error(Status::Error("binary data, not a text, HTML, JSON or WARC document", name));
    return;
  }

  // Record formats stream, one record in memory at a time: the size limit applies
  // to each record, not to the file (a CC-NEWS WARC is a gigabyte).
  if (format == InputFormat::kWarc) {
    ReadWarcDocuments(in, name, limit, options_.parse_html, on_doc, on_error);
    if (size == 0) bytes_ += in.source_bytes();
    else bytes_ += size;
    return;
  }
  if (format == InputFormat::kJsonLines) {
    ReadJsonLines(in, name, limit, on_doc, on_error);
    if (size == 0) bytes_ += in.source_bytes();
    else bytes_ += size;
    return;
  }

  // The others are read whole, within the limit.
  if (size > limit) {
    Error(Status::Error("file is " + FormatMb(size) + ", over the limit of " + FormatMb(limit) +
                            " (--max-file-mb)",
                        name));
    return;
  }
  if (cut_short) return;
  // Decompressed or not (stdin has no size beforehand), a whole-file input stops at the
  // limit: memory stays within about twice it whatever the file expands to.
  const bool html = format == InputFormat::kHtml;
  const uint64_t max_decoded = html ? std::min(limit, options_.max_html_bytes) : limit;
  s = in.FillAll(max_decoded);
  if (!s.ok()) {
    if (s.reason().find("exceeds the limit") != std::string::npos)
      s = Status::Error(std::string(html ? "HTML page" : "input") + (in.compressed() ? " decompresses to" : " is") +
                        " over the limit of " + FormatMb(max_decoded) +
                        (html && max_decoded < limit ? " for HTML (--max-html-mb)" : " (--max-file-mb)"));
    Error(s.WithLocation(name));
    return;  // half an article is not an article
  }
  bytes_ += size == 0 ? in.source_bytes() : size;
  std::string bytes(in.available());
  switch (format) {
    case InputFormat::kEmpty:
      Error(Status::Error("empty file", name));
      return;
    case InputFormat::kBinary:  // refused after the sniff
      return;
    case InputFormat::kHtml: {
      Result<Document> d = DocumentFromHtml(bytes, name, {}, {}, options_.parse_html);
      if (!d.ok()) return Error(d.status());
      if (d->text.empty()) return Error(Status::Error("no main text found in the HTML page", name));
      Deliver(std::move(d).value());
      return;
    }
    case InputFormat::kWarc:
    case InputFormat::kJsonLines:
    case InputFormat::kText:
    case InputFormat::kJsonArray:
      break;
  }
  // Text and JSON must be UTF-8. Decision: repair (U+FFFD) and report once per file,
  // so one stray byte costs a warning line and exit status 1, never the document.
  size_t bad = FindInvalidUtf8(bytes);
  if (bad != std::string::npos) {
    int64_t line = LineOfOffset(bytes, bad);
    size_t n = RepairUtf8(&bytes);
    Error(Status::Error("invalid UTF-8 (first at byte " + std::to_string(bad) + "); " +
                            std::to_string(n) + " sequence(s) replaced with U+FFFD",
                        name, line));
  }
  if (format == InputFormat::kJsonArray) {
    ReadJsonArray(bytes, name, on_doc, on_error);
  } else if (format == InputFormat::kText && IsArticleCsv(format_name, bytes)) {
    ReadArticleCsv(bytes, name, on_doc, on_error);  // one article a row
  } else {
    Result<Document> d = ReadTextDocument(bytes, name, on_error);
    if (!d.ok()) return Error(d.status());
    Deliver(std::move(d).value());
  }
}

}  // namespace faultline
