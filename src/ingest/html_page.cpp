// Placeholder until the HTML stage lands: fails honestly rather than guessing.
#include "ingest/html_page.h"

namespace faultline {

Result<HtmlPage> ParseHtmlPage(std::string_view bytes, std::string_view url,
                               std::string_view content_type) {
  return Status::Error("HTML reading is not built yet");
}

}  // namespace faultline
