#include "ingest/warc_reader.h"

#include <cctype>
#include <charconv>

#include "ingest/gzip.h"
#include "ingest/byte_stream.h"
#include "ingest/html_reader.h"
#include "ingest/sniff.h"
#include "util/ascii.h"

namespace faultline {
namespace {

// Finds the blank line ending a header block; sets *body_start past it. Accepts bare
// "\n" line ends, which some tools write.
size_t FindHeaderEnd(std::string_view s, size_t from, size_t* body_start) {
  size_t crlf = s.find("\r\n\r\n", from);
  size_t lf = s.find("\n\n", from);
  if (crlf != std::string_view::npos && (lf == std::string_view::npos || crlf <= lf)) {
    *body_start = crlf + 4;
    return crlf;
  }
  if (lf != std::string_view::npos) {
    *body_start = lf + 2;
    return lf;
  }
  return std::string_view::npos;
}

// Calls fn(name, value) for each "Name: value" line of a header block.
template <typename Fn>
void ForEachHeader(std::string_view block, Fn fn) {
  size_t pos = 0;
  while (pos < block.size()) {
    size_t eol = block.find('\n', pos);
    if (eol == std::string_view::npos) eol = block.size();
    std::string_view line = block.substr(pos, eol - pos);
    pos = eol + 1;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    fn(AsciiTrim(line.substr(0, colon)), AsciiTrim(line.substr(colon + 1)));
  }
}

Result<std::string> Dechunk(std::string_view body) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) return Status::Error("truncated chunked body");
    std::string_view size_line = AsciiTrim(body.substr(pos, eol - pos));
    size_t semi = size_line.find(';');  // chunk extensions
    if (semi != std::string_view::npos) size_line = size_line.substr(0, semi);
    size_t size = 0;
    auto [p, ec] = std::from_chars(size_line.data(), size_line.data() + size_line.size(), size, 16);
    if (ec != std::errc() || size_line.empty()) return Status::Error("bad chunk size in chunked body");
    pos = eol + 1;
    if (size == 0) break;
    if (pos + size > body.size()) return Status::Error("truncated chunked body");
    out.append(body.substr(pos, size));
    pos += size;
    if (body.substr(pos, 2) == "\r\n") pos += 2;
    else if (body.substr(pos, 1) == "\n") pos += 1;
  }
  return out;
}

}  // namespace

void ForEachWarcRecord(ByteStream& in, const std::string& file, size_t max_record_bytes,
                       const std::function<void(const WarcRecord&)>& on_record,
                       const ErrorSink& on_error) {
  constexpr size_t kMaxHeader = 1 << 20;
  int64_t index = 0;
  bool broken = false;  // the stream itself failed (e.g. truncated gzip): already reported
  auto where = [&](int64_t i) { return file + "#" + std::to_string(i); };
  auto fill = [&](size_t n) {
    Status s = in.Fill(n);
    if (!s.ok()) {
      broken = true;
      on_error(s.WithLocation(file));
    }
    return in.available().size() >= n;
  };
  // Drops bytes up to the next line starting "WARC/1." (after a malformed record).
  auto resync = [&] {
    while (true) {
      std::string_view a = in.available();
      size_t next = a.find("\nWARC/1.", 1);
      if (next != std::string_view::npos) {
        in.Consume(next + 1);
        return;
      }
      // Keep a tail in case the marker straddles two reads.
      if (in.eof()) {
        in.Consume(a.size());
        return;
      }
      if (a.size() > 16) in.Consume(a.size() - 16);
      fill(in.available().size() + (1 << 16));
    }
  };
  while (true) {
    // Records are separated by "\r\n\r\n"; tolerate extra blank lines.
    fill(1);
    while (!in.available().empty() && (in.available()[0] == '\r' || in.available()[0] == '\n')) {
      in.Consume(1);
      if (in.available().empty()) fill(1);
    }
    if (in.available().empty()) return;
    ++index;
    fill(7);
    if (in.available().substr(0, 7) != "WARC/1.") {
      on_error(Status::Error("not a WARC record (no WARC/1.x version line)", where(index)));
      resync();
      continue;
    }
    size_t body_start = 0, header_end = std::string_view::npos;
    for (size_t want = 4096;; want *= 2) {
      fill(want);
      header_end = FindHeaderEnd(in.available(), 0, &body_start);
      if (header_end != std::string_view::npos || in.available().size() < want || want > kMaxHeader)
        break;
    }
    if (header_end == std::string_view::npos) {
      if (!broken && !in.failed()) on_error(Status::Error("truncated or oversized WARC record header", where(index)));
      return;
    }
    std::string_view header = in.available().substr(0, header_end);
    WarcRecord rec;
    rec.index = index;
    size_t eol = header.find('\n');
    rec.version = std::string(AsciiTrim(header.substr(0, eol)));
    int64_t length = -1;
    ForEachHeader(eol == std::string_view::npos ? std::string_view{} : header.substr(eol + 1),
                  [&](std::string_view name, std::string_view value) {
                    if (AsciiEqualsNoCase(name, "WARC-Type")) rec.type = value;
                    else if (AsciiEqualsNoCase(name, "WARC-Target-URI")) {
                      // WARC 1.0 examples wrap the URI in angle brackets.
                      if (value.size() >= 2 && value.front() == '<' && value.back() == '>')
                        value = value.substr(1, value.size() - 2);
                      rec.target_uri = value;
                    } else if (AsciiEqualsNoCase(name, "WARC-Date")) rec.date = value;
                    else if (AsciiEqualsNoCase(name, "WARC-Record-ID")) {
                      if (value.size() >= 2 && value.front() == '<' && value.back() == '>')
                        value = value.substr(1, value.size() - 2);
                      rec.record_id = value;
                    } else if (AsciiEqualsNoCase(name, "Content-Type")) rec.content_type = value;
                    else if (AsciiEqualsNoCase(name, "Content-Length")) {
                      int64_t n = 0;
                      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
                      if (ec == std::errc() && n >= 0) length = n;
                    }
                  });
    if (length < 0) {
      on_error(Status::Error("WARC record without a valid Content-Length", where(index)));
      in.Consume(body_start);
      resync();
      continue;
    }
    size_t total = body_start + static_cast<size_t>(length);
    if (static_cast<size_t>(length) > max_record_bytes) {
      // Too big to hold: skip it without keeping it in memory.
      on_error(Status::Error("WARC record of " + std::to_string(length >> 20) +
                                 " MB is over the limit (--max-file-mb), skipped",
                             where(index)));
      size_t left = total;
      while (left > 0) {
        if (!fill(std::min<size_t>(left, 1 << 20)) && in.available().size() < std::min<size_t>(left, 1 << 20)) {
          if (!broken && !in.failed()) on_error(Status::Error("truncated WARC record", where(index)));
          return;
        }
        size_t n = std::min(left, in.available().size());
        in.Consume(n);
        left -= n;
      }
      continue;
    }
    if (!fill(total)) {
      if (!broken && !in.failed())
        on_error(Status::Error("truncated WARC record: Content-Length " + std::to_string(length) +
                                   " but only " + std::to_string(in.available().size() - body_start) +
                                   " bytes left",
                               where(index)));
      return;
    }
    rec.block = in.available().substr(body_start, static_cast<size_t>(length));
    on_record(rec);
    in.Consume(total);
  }
}

void ForEachWarcRecord(std::string_view bytes, const std::string& file,
                       const std::function<void(const WarcRecord&)>& on_record,
                       const ErrorSink& on_error) {
  std::unique_ptr<ByteStream> in = ByteStream::FromString(std::string(bytes));
  ForEachWarcRecord(*in, file, bytes.size(), on_record, on_error);
}

bool IsHtmlContentType(std::string_view ct) {
  size_t semi = ct.find(';');
  std::string_view type = AsciiTrim(ct.substr(0, semi));
  return AsciiEqualsNoCase(type, "text/html") || AsciiEqualsNoCase(type, "application/xhtml+xml");
}

Result<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body_bytes) {
  if (block.substr(0, 5) != "HTTP/") return Status::Error("response record without an HTTP status line");
  size_t body_start = 0;
  size_t header_end = FindHeaderEnd(block, 0, &body_start);
  if (header_end == std::string_view::npos) {
    header_end = block.size();
    body_start = block.size();
  }
  std::string_view header = block.substr(0, header_end);
  size_t eol = header.find('\n');
  std::string_view status_line = AsciiTrim(header.substr(0, eol));
  HttpResponse r;
  size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos) return Status::Error("bad HTTP status line");
  std::string_view code = status_line.substr(sp + 1, 3);
  auto [p, ec] = std::from_chars(code.data(), code.data() + code.size(), r.status);
  if (ec != std::errc()) return Status::Error("bad HTTP status line");
  bool chunked = false;
  std::string encoding;
  ForEachHeader(eol == std::string_view::npos ? std::string_view{} : header.substr(eol + 1),
                [&](std::string_view name, std::string_view value) {
                  if (AsciiEqualsNoCase(name, "Content-Type")) {
                    // Some servers send two; the first one with a charset is the useful one.
                    if (r.content_type.empty() ||
                        (r.content_type.find("charset") == std::string::npos &&
                         value.find("charset") != std::string_view::npos))
                      r.content_type = value;
                  } else if (AsciiEqualsNoCase(name, "Transfer-Encoding")) {
                    chunked = value.find("chunked") != std::string_view::npos;
                  } else if (AsciiEqualsNoCase(name, "Content-Encoding")) {
                    encoding = value;
                  }
                });
  std::string_view body = block.substr(body_start);
  if (chunked) {
    Result<std::string> d = Dechunk(body);
    if (!d.ok()) return d.status();
    r.body = std::move(d).value();
  } else {
    r.body = std::string(body);
  }
  if (AsciiEqualsNoCase(encoding, "gzip") || AsciiEqualsNoCase(encoding, "x-gzip")) {
    // Only when the bytes really are gzip: crawlers often decode and keep the header.
    if (LooksGzipped(r.body)) {
      Result<std::string> d = Gunzip(r.body, max_body_bytes);
      if (!d.ok()) return Status::Error("HTTP body: " + d.status().reason());
      r.body = std::move(d).value();
    }
  } else if (!encoding.empty() && !AsciiEqualsNoCase(encoding, "identity") &&
             !AsciiEqualsNoCase(encoding, "none")) {
    return Status::Error("unsupported Content-Encoding \"" + encoding + "\"");
  }
  return r;
}

void ReadWarcDocuments(std::string_view bytes, const std::string& file, size_t max_body_bytes,
                       const HtmlParser& parse_html, const DocumentSink& on_doc,
                       const ErrorSink& on_error) {
  std::unique_ptr<ByteStream> in = ByteStream::FromString(std::string(bytes));
  ReadWarcDocuments(*in, file, max_body_bytes, parse_html, on_doc, on_error);
}

void ReadWarcDocuments(ByteStream& in, const std::string& file, size_t max_body_bytes,
                       const HtmlParser& parse_html, const DocumentSink& on_doc,
                       const ErrorSink& on_error) {
  ForEachWarcRecord(
      in, file, max_body_bytes,
      [&](const WarcRecord& rec) {
        std::string where = file + "#" + std::to_string(rec.index);
        std::string body, content_type;
        if (rec.type == "response" &&
            rec.content_type.find("application/http") != std::string::npos) {
          Result<HttpResponse> http = ParseHttpResponse(rec.block, max_body_bytes);
          if (!http.ok()) {
            on_error(Status::Error(http.status().reason(), where));
            return;
          }
          if (http->status != 200) return;
          if (!http->content_type.empty() ? !IsHtmlContentType(http->content_type)
                                          : SniffFormat("", http->body) != InputFormat::kHtml)
            return;
          body = std::move(http->body);
          content_type = std::move(http->content_type);
        } else if (rec.type == "resource" && IsHtmlContentType(rec.content_type)) {
          // Archivers (wget, webrecorder) store pages as resource records: the block is
          // the page itself, without HTTP headers.
          body = std::string(rec.block);
          content_type = rec.content_type;
        } else {
          return;
        }
        if (body.size() > kMaxHtmlBytes) {  // the parser's memory, not the record's size
          on_error(Status::Error(rec.target_uri + ": HTML page over the limit of " +
                                     std::to_string(kMaxHtmlBytes >> 20) + " MB, skipped",
                                 where));
          return;
        }
        Result<Document> d = DocumentFromHtml(body, where, rec.target_uri, content_type, parse_html);
        if (!d.ok()) {
          on_error(Status::Error(rec.target_uri + ": " + d.status().reason(), where));
          return;
        }
        // Crawls are full of pages that are not articles (listings, home pages): no
        // main text means no document, not an input error.
        if (d->text.empty()) return;
        // The record's UUID names the document ("urn:uuid:" says nothing).
        std::string id = rec.record_id;
        if (id.rfind("urn:uuid:", 0) == 0) id.erase(0, 9);
        if (!id.empty()) d->id = id;
        on_doc(std::move(d).value());
      },
      on_error);
}

}  // namespace faultline
