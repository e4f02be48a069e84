// Plain-text articles: optional header lines ("title:", "url:", "date:", "outlet:" or
// "source:", "author:") ended by a blank line, then the body, which goes through
// CleanTextDump. Header lines win over what cleaning finds in the body.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "ingest/document.h"
#include "util/status.h"

namespace faultline {

struct TextHeader {
  std::string title, url, date, outlet, author, language, via;
  size_t body_offset = 0;  // where the body starts in the text (0 when no header)
};

// Parses the header block, if the text starts with one: every line before the first
// blank line must be a known "key: value" line, else there is no header.
TextHeader ParseTextHeader(std::string_view text);

// `text` must be valid UTF-8. `file` becomes Document::file and its stem the id.
// Fails when no body text remains. A header date NormalizeDate cannot read leaves the
// date empty and is reported to `on_warning` (when given).
Result<Document> ReadTextDocument(std::string_view text, const std::string& file,
                                  const std::function<void(const Status&)>& on_warning = {});

}  // namespace faultline
