// Reading one HTML page: decode its bytes to UTF-8, find the article's main text and
// its metadata. Owned by the HTML main-text stage (issue 3).
#pragma once

#include <string>
#include <string_view>

#include "util/status.h"

namespace faultline {

struct HtmlPage {
  std::string title;
  std::string date;      // ISO 8601 or empty
  std::string author;
  std::string outlet;    // og:site_name, else the URL's host
  std::string language;  // BCP 47 or empty
  std::string url;       // canonical URL when the page declares one, else the given one
  std::string text;      // main text, paragraphs separated by "\n\n"
};

// `bytes` in any encoding (BOM, <meta charset>, `content_type`'s charset from an HTTP
// header, else detection); `url` helps with outlet and date.
Result<HtmlPage> ParseHtmlPage(std::string_view bytes, std::string_view url = {},
                               std::string_view content_type = {});

}  // namespace faultline
