// Turning an HTML page's bytes into UTF-8. The order follows the HTML standard's
// sniffing: byte order mark, then the transport's charset (HTTP Content-Type), then a
// <meta charset> / http-equiv declaration in the first bytes, then detection (valid
// UTF-8 first, else ICU's charset detector).
#pragma once

#include <string>
#include <string_view>

#include "util/status.h"

namespace faultline::html {

struct DecodedHtml {
  std::string utf8;     // the page as UTF-8 (invalid sequences replaced by U+FFFD)
  std::string charset;  // the charset used, as ICU names it ("UTF-8", "windows-1251")
  std::string rule;     // how it was chosen: "bom", "http", "meta", "utf8-valid", "detected"
};

Result<DecodedHtml> DecodeHtml(std::string_view bytes, std::string_view content_type = {});

// The charset named by a Content-Type value ("text/html; charset=KOI8-R"), or empty.
std::string CharsetFromContentType(std::string_view content_type);

// The charset a <meta> declares within the first 4 KiB, or empty. Scans bytes the way
// the standard's prescan does (ASCII-compatible), without building a DOM.
std::string CharsetFromMeta(std::string_view bytes);

// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

}  // namespace faultline::html
