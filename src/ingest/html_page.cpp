// The HTML stage's entry point: decode, parse (gumbo), cut into blocks, choose the
// main text, read the metadata, check the declared language against the text.
#include "ingest/html_page.h"

#include <gumbo.h>

#include <memory>

#include "ingest/html/content_cues.h"
#include "ingest/html/content_scorer.h"
#include "ingest/html/dom_blocks.h"
#include "ingest/html/encoding.h"
#include "ingest/html/gumbo_document.h"
#include "ingest/html/html_metadata.h"
#include "ingest/html/language.h"
#include "ingest/html/lean_html.h"

namespace faultline {

Result<HtmlPage> ParseHtmlPage(std::string_view bytes, std::string_view url,
                               std::string_view content_type) {
  const Result<html::ContentCues>& cues = html::DefaultContentCues();
  if (!cues.ok()) return cues.status();
  if (bytes.empty()) return Status::Error("empty page");

  Result<html::DecodedHtml> decoded = html::DecodeHtml(bytes, content_type);
  if (!decoded.ok()) return decoded.status();

  const std::string lean = html::LeanHtml(decoded->utf8);
  html::DomBlocks dom;
  {
    html::GumboDocument parsed(lean);
    if (parsed.root() == nullptr) return Status::Error("cannot parse the page as HTML");
    dom = html::BuildBlocks(parsed.root(), *cues);
  }

  html::StructuredData sd = html::ReadJsonLd(dom.facts.json_ld);
  std::string h1;
  for (const auto& b : dom.blocks)
    if (b.kind == html::BlockKind::kTitleHeading && !html::InJunk(dom, b)) {
      h1 = b.text;
      break;
    }
  html::PageMetadata md = html::ExtractMetadata(dom.facts, sd, h1, url);
  html::MainText main = html::SelectMainText(dom, *cues, md.title, sd.article_body);

  HtmlPage page;
  page.title = std::move(md.title);
  page.date = std::move(md.date);
  page.author = std::move(md.author);
  page.outlet = std::move(md.outlet);
  page.url = std::move(md.url);
  page.text = std::move(main.text);
  page.charset = decoded->charset;
  page.rules = std::move(md.rules);
  page.rules["text"] = main.rule;
  page.rules["charset"] = decoded->rule;

  // Language: the declaration, unless the text reliably says otherwise.
  bool reliable = false;
  std::string detected = html::DetectLanguage(page.text, &reliable);
  if (md.language.empty()) {
    if (!detected.empty() && reliable) {
      page.language = detected;
      page.rules["language"] = "CLD2 on the main text";
    }
  } else if (reliable && page.text.size() >= 400 && !detected.empty() &&
             html::PrimaryLanguage(md.language) != html::PrimaryLanguage(detected)) {
    page.language = detected;
    page.rules["language"] = "CLD2 on the main text (declared " + md.language + ")";
  } else {
    page.language = md.language;
  }
  return page;
}

}  // namespace faultline
