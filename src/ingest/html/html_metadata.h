// A news page's metadata: title, publication date, author, outlet, language and
// canonical URL, from <meta> tags (Open Graph, article:*, Dublin Core, parsely...),
// JSON-LD (schema.org Article types), <title>, <h1>, <time> and the URL itself.
// Each field records the rule that produced it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/html/dom_blocks.h"

namespace faultline::html {

// What the page's JSON-LD says about its article (the first Article-like object).
struct StructuredData {
  std::string headline;
  std::string date_published;
  std::string author;
  std::string publisher;
  std::string article_body;
  std::string language;
  std::string url;
};

StructuredData ReadJsonLd(const std::vector<std::string>& scripts);

struct PageMetadata {
  std::string title, date, author, outlet, language, url;
  std::map<std::string, std::string> rules;  // field -> rule ("og:title", "url path")
};

// `h1` is the page's first top heading (may be empty); `url` the page's address.
PageMetadata ExtractMetadata(const PageFacts& facts, const StructuredData& sd, std::string_view h1,
                             std::string_view url);

// "2022-03-29T10:00:00+02:00", "2022/03/29", "20220329" -> "2022-03-29"; other forms go
// through the shared date normaliser; empty when no date is recognised.
std::string NormalizeMetaDate(std::string_view s);

// A date in a URL path: /2022/03/29/, /2022-03-29-, /20220329/, -20220329, /2019/nov/18/;
// "2019-11" when the path names only a month; empty when none.
std::string DateFromUrl(std::string_view url);

// "Title | Site", "Site - Title" -> "Title" when a part names the site or host.
std::string CleanTitle(std::string_view title, std::string_view site, std::string_view host);

// "https://www.example.com/a" -> "www.example.com".
std::string HostOf(std::string_view url);

}  // namespace faultline::html
