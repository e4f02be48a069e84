// WARC 1.0/1.1 files (Common Crawl, CC-NEWS): records, the HTTP responses they
// hold, and the HTML pages inside those. Only `response` records with status 200 and
// an HTML payload become documents; requests, metadata, redirects, images are skipped.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "ingest/byte_stream.h"
#include "ingest/reader.h"

namespace faultline {

struct WarcRecord {
  int64_t index = 0;           // 1-based position in the file, counting every record
  std::string version;         // "WARC/1.0" or "WARC/1.1"
  std::string type;            // WARC-Type: "response", "request", "warcinfo"...
  std::string target_uri;      // WARC-Target-URI
  std::string date;            // WARC-Date (the crawl time, not the article's date)
  std::string record_id;       // WARC-Record-ID without the angle brackets
  std::string content_type;    // Content-Type of the block
  std::string_view block;      // the content block (points into the caller's bytes)
};

// Calls `on_record` for each record read from `in` (gzip undone by the stream), one
// record in memory at a time; `block` is valid during the call only. A malformed
// record is reported ("file#N: reason") and the reader resynchronises on the next
// "WARC/1." line; a record over `max_record_bytes` is reported and skipped; a record
// cut short ends the file with an error.
void ForEachWarcRecord(ByteStream& in, const std::string& file, size_t max_record_bytes,
                       const std::function<void(const WarcRecord&)>& on_record,
                       const ErrorSink& on_error);
// The same over bytes in memory.
void ForEachWarcRecord(std::string_view bytes, const std::string& file,
                       const std::function<void(const WarcRecord&)>& on_record,
                       const ErrorSink& on_error);

struct HttpResponse {
  int status = 0;
  std::string content_type;  // the first Content-Type header, with its charset
  std::string body;          // de-chunked and decompressed
};

// Parses an HTTP/1.x response as stored in a response record's block: status line,
// headers, then the body, undoing chunked transfer-encoding and gzip/deflate
// content-encoding (Common Crawl usually stores bodies decoded already).
Result<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body_bytes);

// True for text/html and application/xhtml+xml (parameters ignored).
bool IsHtmlContentType(std::string_view content_type);

// Every 200 HTML response in `bytes` goes through `parse_html` into a Document:
// file "file#N", id the record id's UUID, url the target URI. Pages in which
// `parse_html` finds no main text are skipped silently (listings, home pages); a
// page it cannot parse is reported.
void ReadWarcDocuments(ByteStream& in, const std::string& file, size_t max_body_bytes,
                       const HtmlParser& parse_html, const DocumentSink& on_doc,
                       const ErrorSink& on_error);
void ReadWarcDocuments(std::string_view bytes, const std::string& file, size_t max_body_bytes,
                       const HtmlParser& parse_html, const DocumentSink& on_doc,
                       const ErrorSink& on_error);

}  // namespace faultline
