// Reading one HTML page: decode its bytes to UTF-8, find the article's main text and
// its metadata. Owned by the HTML main-text stage (issue 3).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "util/status.h"

namespace faultline {

struct HtmlPage {
  std::string title;
  std::string date;      // ISO 8601 date ("2022-03-29") or empty
  std::string author;
  std::string outlet;    // og:site_name, else the URL's host
  std::string language;  // BCP 47 or empty
  std::string url;       // canonical URL when the page declares one, else the given one
  std::string text;      // main text, paragraphs separated by "\n\n"
  std::string charset;   // the encoding the bytes were read in ("UTF-8", "windows-1251")
  // Field -> the rule that produced it ("title" -> "og:title", "text" -> "container
  // div.article-body ...", "charset" -> "meta").
  std::map<std::string, std::string> rules;
};

// `bytes` in any encoding (BOM, `content_type`'s charset from an HTTP header, <meta
// charset>, else detection); `url` helps with outlet, canonical URL and date.
Result<HtmlPage> ParseHtmlPage(std::string_view bytes, std::string_view url = {},
                               std::string_view content_type = {});

}  // namespace faultline
