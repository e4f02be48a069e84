#include "ingest/read_documents.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>

#include "ingest/gzip.h"
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

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

DocumentReader::DocumentReader(ReadOptions options, DocumentSink on_doc, ErrorSink on_error)
    : options_(std::move(options)), on_doc_(std::move(on_doc)), on_error_(std::move(on_error)) {}

void DocumentReader::Error(const Status& s) {
  ++errors_;
  on_error_(s);
}

void DocumentReader::Deliver(Document&& doc) {
  if (doc.outlet.empty()) doc.outlet = HostOfUrl(doc.url);
  if (doc.language.empty() && options_.detect_language) doc.language = DetectLanguage(doc.text);
  ++documents_;
  on_doc_(std::move(doc));
}

void DocumentReader::ReadPaths(const std::vector<std::string>& paths) {
  WalkInputs(paths, [this](const std::string& f) { ReadFile(f); },
             [this](const Status& s) { Error(s); });
}

void DocumentReader::ReadFile(const std::string& path) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (bytes.size() > options_.max_file_bytes) {
      Error(Status::Error("input is " + FormatMb(bytes.size()) + ", over the limit of " +
                              FormatMb(options_.max_file_bytes) + " (--max-file-mb)",
                          path));
      return;
    }
  } else {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      Error(Status::Error("cannot read file", path));
      return;
    }
    if (!S_ISREG(st.st_mode)) {
      Error(Status::Error("not a regular file", path));
      return;
    }
    if (static_cast<uint64_t>(st.st_size) > options_.max_file_bytes) {
      Error(Status::Error("file is " + FormatMb(st.st_size) + ", over the limit of " +
                              FormatMb(options_.max_file_bytes) + " (--max-file-mb)",
                          path));
      return;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      Error(Status::Error("cannot open file", path));
      return;
    }
    bytes.resize(static_cast<size_t>(st.st_size));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (static_cast<size_t>(in.gcount()) != bytes.size()) {
      Error(Status::Error("read error", path));
      return;
    }
  }
  ReadBytes(std::move(bytes), path);
}

void DocumentReader::ReadBytes(std::string bytes, const std::string& name) {
  ++files_;
  bytes_ += bytes.size();
  if (on_file_) on_file_(FileRead{name, bytes.size()});
  std::string format_name = name;
  if (LooksGzipped(bytes)) {
    Result<std::string> plain = Gunzip(bytes, options_.max_file_bytes * ReadOptions::kMaxExpansion);
    if (!plain.ok()) {
      Error(Status::Error(plain.status().reason(), name));
      return;
    }
    bytes = std::move(plain).value();
    if (EndsWith(format_name, ".gz")) format_name.resize(format_name.size() - 3);
  }
  InputFormat format = SniffFormat(format_name, bytes);
  auto on_doc = [this](Document&& d) { Deliver(std::move(d)); };
  auto on_error = [this](const Status& s) { Error(s); };
  switch (format) {
    case InputFormat::kEmpty:
      Error(Status::Error("empty file", name));
      return;
    case InputFormat::kBinary:
      Error(Status::Error("binary data, not a text, HTML, JSON or WARC document", name));
      return;
    case InputFormat::kHtml: {
      Result<Document> d = DocumentFromHtml(bytes, name, {}, {}, options_.parse_html);
      if (!d.ok()) return Error(d.status());
      Deliver(std::move(d).value());
      return;
    }
    case InputFormat::kWarc:
      ReadWarcDocuments(bytes, name, options_.max_file_bytes * ReadOptions::kMaxExpansion,
                        options_.parse_html, on_doc, on_error);
      return;
    case InputFormat::kText:
    case InputFormat::kJsonLines:
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
  if (format == InputFormat::kJsonLines) {
    ReadJsonLines(bytes, name, on_doc, on_error);
  } else if (format == InputFormat::kJsonArray) {
    ReadJsonArray(bytes, name, on_doc, on_error);
  } else {
    Result<Document> d = ReadTextDocument(bytes, name, on_error);
    if (!d.ok()) return Error(d.status());
    Deliver(std::move(d).value());
  }
}

}  // namespace faultline
