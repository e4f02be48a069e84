// HTML pages as documents: the page goes through ParseHtmlPage (ingest/html_page.h,
// the HTML stage's decoding and main-text extraction) and its result is named.
#pragma once

#include <string>
#include <string_view>

#include "ingest/reader.h"

namespace faultline {

// `file` becomes Document::file and its stem the id; `url` and `content_type` (an
// HTTP Content-Type, for its charset) are passed on. `parse_html` defaults to
// ParseHtmlPage when empty. A page without main text (a listing, an index page) gives
// a document with empty text: the caller decides whether that is an error (a file
// asked for by name) or expected (one record among many in a crawl).
Result<Document> DocumentFromHtml(std::string_view bytes, const std::string& file,
                                  std::string_view url = {}, std::string_view content_type = {},
                                  const HtmlParser& parse_html = {});

}  // namespace faultline
