#include "ingest/html_reader.h"

#include "ingest/sniff.h"

namespace faultline {

Result<Document> DocumentFromHtml(std::string_view bytes, const std::string& file,
                                  std::string_view url, std::string_view content_type,
                                  const HtmlParser& parse_html) {
  Result<HtmlPage> page =
      parse_html ? parse_html(bytes, url, content_type) : ParseHtmlPage(bytes, url, content_type);
  if (!page.ok()) return Status::Error(page.status().reason(), file);
  Document d;
  d.id = std::string(StemOf(file));
  d.file = file;
  d.url = !page->url.empty() ? page->url : std::string(url);
  d.title = std::move(page->title);
  d.date = std::move(page->date);
  d.outlet = std::move(page->outlet);
  d.author = std::move(page->author);
  d.language = std::move(page->language);
  d.text = page->text.find_first_not_of(" \t\r\n") == std::string::npos ? std::string()
                                                                         : std::move(page->text);
  return d;
}

}  // namespace faultline
