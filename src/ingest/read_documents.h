// The ingest front door: files, directories or stdin in, Documents out, whatever the
// format. Gunzips on the fly, sniffs the format from the first 64 KB (binary data is
// refused there, before anything more is decompressed) and hands the stream to the
// reader for that format: JSON Lines and WARC are read a record at a time
// (max_file_bytes bounds each record), text, HTML and JSON arrays whole (bounded by
// max_file_bytes after decompression, HTML by max_html_bytes). After the
// reader, every document gets its outlet from the URL's host when none is known and
// its language from CLD2 when the source did not say.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/byte_stream.h"
#include "ingest/html_reader.h"
#include "ingest/reader.h"

namespace faultline {

struct ReadOptions {
  // Whole-file formats larger than this, on disk or after decompression (a gzip bomb
  // is stopped as soon as its output passes it), are refused with an error; for JSON
  // Lines and WARC it bounds each line or record instead.
  uint64_t max_file_bytes = 256ull << 20;
  // HTML larger than this is refused before it is parsed: the HTML parser needs many
  // times the page's size in memory and aborts the process near its own limits.
  uint64_t max_html_bytes = kMaxHtmlBytes;
  bool detect_language = true;
  HtmlParser parse_html;  // empty: ParseHtmlPage
  // When set and true, no more files are opened and no more documents delivered: a
  // consumer that cannot go on (ingest on a full disk) stops the reading.
  const bool* stop = nullptr;
};

// What happened to one input file, for progress displays.
struct FileRead {
  std::string file;
  uint64_t bytes = 0;  // on disk (compressed)
};

class DocumentReader {
 public:
  DocumentReader(ReadOptions options, DocumentSink on_doc, ErrorSink on_error);

  // Reads every file under `paths` (see WalkInputs), in order.
  void ReadPaths(const std::vector<std::string>& paths);
  // Reads one file ("-" is stdin).
  void ReadFile(const std::string& path);
  // Reads content already in memory as if it came from a file called `name`.
  void ReadBytes(std::string bytes, const std::string& name);

  // Called when a file is opened, before its documents are delivered.
  void set_on_file(std::function<void(const FileRead&)> fn) { on_file_ = std::move(fn); }

  uint64_t files() const { return files_; }
  uint64_t bytes() const { return bytes_; }
  uint64_t documents() const { return documents_; }
  uint64_t errors() const { return errors_; }
  uint64_t warnings() const { return warnings_; }  // problems that cost no data (Status::Warning)

 private:
  void ReadStream(ByteStream& in, const std::string& name, uint64_t size);
  // One entry of an archive, already decompressed (its bytes count with the archive's).
  void ReadEntry(std::string bytes, const std::string& name);
  void Deliver(Document&& doc);
  bool stopped() const { return options_.stop && *options_.stop; }
  void Error(const Status& s);

  ReadOptions options_;
  DocumentSink on_doc_;
  ErrorSink on_error_;
  std::function<void(const FileRead&)> on_file_;
  uint64_t files_ = 0, bytes_ = 0, documents_ = 0, errors_ = 0, warnings_ = 0;
};

}  // namespace faultline
