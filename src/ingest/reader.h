// The callback types every reader shares. Readers stream: each document goes to the
// sink as soon as it is read, and each problem to the error sink as a Status naming
// the file (and line or record) — one bad record never stops the rest.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "ingest/document.h"
#include "ingest/html_page.h"
#include "util/status.h"

namespace faultline {

using DocumentSink = std::function<void(Document&&)>;
using ErrorSink = std::function<void(const Status&)>;

// ParseHtmlPage's signature; readers take one so tests can watch what they hand over.
using HtmlParser = std::function<Result<HtmlPage>(std::string_view bytes, std::string_view url,
                                                  std::string_view content_type)>;

}  // namespace faultline
