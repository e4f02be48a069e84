// HTML pages as documents: the page goes through ParseHtmlPage (ingest/html_page.h,
// the HTML stage's decoding and main-text extraction) and its result is named.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "ingest/reader.h"

namespace faultline {

// HTML larger than this is refused before parsing (ReadOptions::max_html_bytes for files,
// as it is for WARC records): the parser needs many times a page's size in memory and
// aborts the process near its own limits, far above any real article page.
constexpr size_t kMaxHtmlBytes = size_t{32} << 20;

// `file` becomes Document::file and its stem the id; `url` and `content_type` (an
// HTTP Content-Type, for its charset) are passed on. `parse_html` defaults to
// ParseHtmlPage when empty. A page without main text (a listing, an index page) gives
// a document with empty text: the caller decides whether that is an error (a file
// asked for by name) or expected (one record among many in a crawl).
Result<Document> DocumentFromHtml(std::string_view bytes, const std::string& file,
                                  std::string_view url = {}, std::string_view content_type = {},
                                  const HtmlParser& parse_html = {});

}  // namespace faultline
