#include "ingest/html/html_metadata.h"

#include "ingest/url.h"

#include <nlohmann/json.hpp>

#include <cctype>

#include "ingest/dates.h"
#include "ingest/html/language.h"
#include "ingest/url.h"
#include "util/ascii.h"

namespace faultline::html {
namespace {

using nlohmann::json;

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  std::string out;
  bool space = false;
  for (size_t i = b; i < e; ++i) {
    char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

std::string AlnumLower(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80))
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

bool IsArticleType(const json& type) {
  auto is = [](const std::string& t) {
    return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "ReportageNews" ||
           t == "LiveBlogPosting" || t == "SocialMediaPosting" || t == "Report" ||
           t == "DiscussionForumPosting" || t == "OpinionNewsArticle" || t == "Review";
  };
  if (type.is_string()) return is(type.get<std::string>());
  if (type.is_array())
    for (const auto& t : type)
      if (t.is_string() && is(t.get<std::string>())) return true;
  return false;
}

std::string StringOf(const json& v) {
  if (v.is_string()) return Trim(v.get<std::string>());
  if (v.is_object() && v.contains("name")) return StringOf(v["name"]);
  if (v.is_object() && v.contains("@id") && v["@id"].is_string()) return {};
  if (v.is_array()) {
    std::string out;
    for (const auto& x : v) {
      std::string s = StringOf(x);
      if (s.empty()) continue;
      if (!out.empty()) out += ", ";
      out += s;
    }
    return out;
  }
  return {};
}

// Pages that are not typed as articles (a fact check's ClaimReview, a MedicalWebPage)
// still date and sign their main content.
bool IsPageType(const json& type) {
  auto is = [](const std::string& t) {
    return t.find("WebPage") != std::string::npos || t == "ClaimReview" || t == "Blog" ||
           t == "CreativeWork" || t == "Recipe";
  };
  if (type.is_string()) return is(type.get<std::string>());
  if (type.is_array())
    for (const auto& t : type)
      if (t.is_string() && is(t.get<std::string>())) return true;
  return false;
}

void Collect(const json& j, std::vector<const json*>* articles, std::vector<const json*>* pages,
             int depth) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const auto& x : j) Collect(x, articles, pages, depth + 1);
  } else if (j.is_object()) {
    if (j.contains("@type") && IsArticleType(j["@type"])) articles->push_back(&j);
    else if (j.contains("@type") && IsPageType(j["@type"])) pages->push_back(&j);
    if (j.contains("@graph")) Collect(j["@graph"], articles, pages, depth + 1);
    if (j.contains("mainEntity")) Collect(j["mainEntity"], articles, pages, depth + 1);
  }
}

bool LooksLikeUrl(std::string_view s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("//", 0) == 0 ||
         s.rfind("/", 0) == 0;
}

// "By Jane Doe | 22 Dec 2016" -> "Jane Doe": a byline's name part, without the "By"
// (or "Par", "Von", "Автор:") before it and the date, counts or links after it.
std::string CleanByline(std::string s) {
  static constexpr std::string_view kPrefixes[] = {"by ", "par ", "von ", "por ", "di ", "автор: ",
                                                   "автор ", "author: ", "written by "};
  std::string lower = AsciiLower(s.substr(0, 16));
  for (auto p : kPrefixes)
    if (lower.rfind(p, 0) == 0) {
      s = Trim(std::string_view(s).substr(p.size()));
      break;
    }
  size_t cut = s.size();
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '|' || c == '\n' ||
        s.compare(i, 3, " - ") == 0 || s.compare(i, 5, " \xE2\x80\x94 ") == 0 ||
        s.compare(i, 5, " \xE2\x80\xA2 ") == 0) {
      cut = i;
      break;
    }
  }
  if (cut >= 3 && cut < s.size()) s = Trim(std::string_view(s).substr(0, cut));
  while (!s.empty() && (s.back() == ',' || s.back() == ';' || s.back() == ':')) s.pop_back();
  return s;
}

bool Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

bool PlausibleDate(int y, int m, int d) {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

std::string FormatDate(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace

StructuredData ReadJsonLd(const std::vector<std::string>& scripts) {
  StructuredData sd;
  for (const auto& s : scripts) {
    json j = json::parse(s, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) continue;
    std::vector<const json*> articles, pages;
    Collect(j, &articles, &pages, 0);
    articles.insert(articles.end(), pages.begin(), pages.end());  // articles first
    for (const json* a : articles) {
      auto get = [&](const char* key) -> std::string {
        return a->contains(key) ? StringOf((*a)[key]) : std::string();
      };
      if (sd.headline.empty()) sd.headline = get("headline");
      if (sd.date_published.empty()) sd.date_published = get("datePublished");
      if (sd.date_published.empty()) sd.date_published = get("dateCreated");
      if (sd.author.empty()) {
        std::string au = get("author");
        if (!LooksLikeUrl(au)) sd.author = au;
      }
      if (sd.publisher.empty()) sd.publisher = get("publisher");
      if (sd.article_body.empty()) sd.article_body = a->contains("articleBody") && (*a)["articleBody"].is_string()
                                                         ? (*a)["articleBody"].get<std::string>()
                                                         : std::string();
      if (sd.language.empty()) sd.language = get("inLanguage");
      if (sd.url.empty()) sd.url = get("url");
    }
  }
  return sd;
}

std::string HostOf(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return {};
  std::string_view rest = url.substr(p + 3);
  size_t end = rest.find_first_of("/?#:");
  return AsciiLower(rest.substr(0, end));
}

std::string NormalizeMetaDate(std::string_view raw) {
  std::string s = Trim(raw);
  if (Digits(s, 0, 4) && s.size() >= 10 && (s[4] == '-' || s[4] == '/' || s[4] == '.') &&
      Digits(s, 5, 2) && s[7] == s[4] && Digits(s, 8, 2)) {
    int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
    if (PlausibleDate(y, m, d)) return FormatDate(y, m, d);
  }
  if (Digits(s, 0, 8) && (s.size() == 8 || !std::isdigit(static_cast<unsigned char>(s[8])))) {
    int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(4, 2)), d = std::stoi(s.substr(6, 2));
    if (PlausibleDate(y, m, d)) return FormatDate(y, m, d);
  }
  std::string n = NormalizeDate(s);
  if (n.size() >= 10 && n[0] != '-') return n.substr(0, 10);
  return {};
}

std::string DateFromUrl(std::string_view url) {
  size_t path = url.find("://");
  path = path == std::string_view::npos ? 0 : url.find('/', path + 3);
  if (path == std::string_view::npos) return {};
  std::string_view p = url.substr(path);
  size_t q = p.find_first_of("?#");
  if (q != std::string_view::npos) p = p.substr(0, q);
  auto boundary = [&](size_t k) { return k >= p.size() || !std::isdigit(static_cast<unsigned char>(p[k])); };
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string partial;
  for (size_t i = 0; i + 5 < p.size(); ++i) {
    if ((p[i] != '/' && p[i] != '-' && p[i] != '_') || !Digits(p, i + 1, 4)) continue;
    size_t j = i + 5;
    int y = std::stoi(std::string(p.substr(i + 1, 4)));
    if (y < 1990 || y > 2100) continue;
    // /20220329/ or -20220329 at the end of a slug.
    if (Digits(p, i + 1, 8) && boundary(i + 9)) {
      int m = std::stoi(std::string(p.substr(i + 5, 2))), d = std::stoi(std::string(p.substr(i + 7, 2)));
      if (PlausibleDate(y, m, d)) return FormatDate(y, m, d);
      continue;
    }
    if (p[i] != '/' || j >= p.size() || (p[j] != '/' && p[j] != '-')) continue;
    char sep = p[j];
    // /2022/03/29/, /2022-03-29, and /2022/03/ (a month only).
    if (Digits(p, j + 1, 2) && boundary(j + 3)) {
      int m = std::stoi(std::string(p.substr(j + 1, 2)));
      size_t k = j + 3;
      if (k < p.size() && p[k] == sep && Digits(p, k + 1, 2) && boundary(k + 3)) {
        int d = std::stoi(std::string(p.substr(k + 1, 2)));
        if (PlausibleDate(y, m, d)) return FormatDate(y, m, d);
      } else if (sep == '/' && m >= 1 && m <= 12 && partial.empty() && k < p.size() && p[k] == '/') {
        partial = FormatDate(y, m, 1).substr(0, 7);
      }
      continue;
    }
    // /2019/nov/18/
    if (sep == '/' && j + 4 < p.size() && p[j + 4] == '/') {
      std::string mon = AsciiLower(p.substr(j + 1, 3));
      for (int m = 0; m < 12; ++m)
        if (mon == kMonths[m]) {
          size_t k = j + 5;
          size_t n = Digits(p, k, 2) ? 2 : (Digits(p, k, 1) ? 1 : 0);
          if (n > 0 && boundary(k + n)) {
            int d = std::stoi(std::string(p.substr(k, n)));
            if (PlausibleDate(y, m + 1, d)) return FormatDate(y, m + 1, d);
          }
        }
    }
  }
  return partial;  // "2019-11" when only the month is in the path
}

std::string CleanTitle(std::string_view raw, std::string_view site, std::string_view host) {
  std::string title = Trim(raw);
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " – ", " — ", " :: ",
                                                     " · ", " // ", " » ", " : "};
  std::string site_key = AlnumLower(site);
  std::string host_key = AlnumLower(host);
  if (host_key.rfind("www", 0) == 0) host_key = host_key.substr(3);
  // The site's own name in its host: "bbc" in www.bbc.co.uk, "sky" in news.sky.com.
  std::string host_name;
  {
    std::vector<std::string> labels;
    size_t i = 0;
    while (i <= host.size()) {
      size_t dot = host.find('.', i);
      if (dot == std::string_view::npos) dot = host.size();
      labels.emplace_back(host.substr(i, dot - i));
      i = dot + 1;
    }
    if (labels.size() >= 2) {
      labels.pop_back();  // top-level domain
      static constexpr std::string_view kSecondLevel[] = {"co", "com", "org", "net", "gov", "ac", "edu"};
      if (labels.size() >= 2)
        for (auto sl : kSecondLevel)
          if (labels.back() == sl) {
            labels.pop_back();
            break;
          }
      host_name = AlnumLower(labels.back());
    }
  }
  auto names_site = [&](std::string_view part) {
    std::string k = AlnumLower(part);
    if (k.empty() || k.size() > 60) return false;
    if (!site_key.empty() && (k == site_key || site_key.find(k) != std::string::npos ||
                              k.find(site_key) != std::string::npos))
      return true;
    if (!host_key.empty() && k.size() >= 3 && host_key.find(k) != std::string::npos) return true;
    // "BBC News" for bbc.com: a short part that starts with the host's name.
    size_t words = 1;
    for (char c : part) words += c == ' ';
    return host_name.size() >= 3 && words <= 4 && k.rfind(host_name, 0) == 0;
  };
  for (int round = 0; round < 2; ++round) {
    bool changed = false;
    for (auto sep : kSeparators) {
      size_t last = title.rfind(sep);
      if (last != std::string::npos && last > 0 && names_site(std::string_view(title).substr(last + sep.size()))) {
        title = Trim(std::string_view(title).substr(0, last));
        changed = true;
        break;
      }
      size_t first = title.find(sep);
      if (first != std::string::npos && names_site(std::string_view(title).substr(0, first))) {
        title = Trim(std::string_view(title).substr(first + sep.size()));
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return title;
}

PageMetadata ExtractMetadata(const PageFacts& facts, const StructuredData& sd, std::string_view h1,
                             std::string_view url) {
  PageMetadata md;
  auto meta = [&](std::string_view key) -> std::string {
    for (const auto& [k, v] : facts.metas)
      if (k == key) {
        std::string t = Trim(v);
        if (!t.empty()) return t;
      }
    return {};
  };
  std::string host = HostOf(url);
  std::string canonical_host;

  // URL: the page's canonical link, resolved against the given address.
  std::string canonical = Trim(facts.canonical);
  if (!canonical.empty() && canonical.rfind("http", 0) != 0) {
    size_t scheme = std::string_view(url).find("://");
    if (canonical.rfind("//", 0) == 0 && scheme != std::string_view::npos) {
      canonical = std::string(url.substr(0, scheme + 1)) + canonical;
    } else if (canonical[0] == '/' && !host.empty() && scheme != std::string_view::npos) {
      canonical = std::string(url.substr(0, scheme + 3)) + host + canonical;
    } else {
      canonical.clear();
    }
  }
  if (!canonical.empty()) {
    md.url = canonical;
    md.rules["url"] = "link rel=canonical";
  } else if (std::string og = meta("og:url"); og.rfind("http", 0) == 0) {
    md.url = og;
    md.rules["url"] = "og:url";
  } else if (!url.empty()) {
    md.url = std::string(url);
    md.rules["url"] = "given";
  }
  if (host.empty()) host = HostOf(md.url);

  // Outlet.
  if (std::string s = meta("og:site_name"); !s.empty()) {
    md.outlet = s;
    md.rules["outlet"] = "og:site_name";
  } else if (!sd.publisher.empty()) {
    md.outlet = sd.publisher;
    md.rules["outlet"] = "JSON-LD publisher";
  } else if (std::string s = meta("application-name"); !s.empty()) {
    md.outlet = s;
    md.rules["outlet"] = "meta application-name";
  } else if (!host.empty()) {
    md.outlet = RegistrableDomain(host);  // edition.cnn.com and cnn.com are one outlet
    md.rules["outlet"] = "url host";
  }

  // Title.
  struct Candidate { std::string value; const char* rule; };
  std::vector<Candidate> titles = {
      {meta("og:title"), "og:title"},      {sd.headline, "JSON-LD headline"},
      {Trim(h1), "h1"},                    {meta("twitter:title"), "twitter:title"},
      {meta("title"), "meta title"},       {Trim(facts.title_tag), "title"}};
  for (const auto& c : titles) {
    std::string t = CleanTitle(c.value, md.outlet, host);
    if (!t.empty()) {
      md.title = t;
      md.rules["title"] = c.rule;
      break;
    }
  }

  // Date published.
  std::vector<Candidate> dates = {
      {meta("article:published_time"), "meta article:published_time"},
      {sd.date_published, "JSON-LD datePublished"},
      {meta("og:published_time"), "meta og:published_time"},
      {meta("datepublished"), "meta itemprop=datePublished"},
      {meta("publishdate"), "meta publishdate"},
      {meta("publish-date"), "meta publish-date"},
      {meta("pubdate"), "meta pubdate"},
      {meta("parsely-pub-date"), "meta parsely-pub-date"},
      {meta("sailthru.date"), "meta sailthru.date"},
      {meta("dc.date.issued"), "meta dc.date.issued"},
      {meta("dcterms.created"), "meta dcterms.created"},
      {meta("dc.date"), "meta dc.date"},
      {meta("date"), "meta date"},
      {meta("article.published"), "meta article.published"},
      {meta("original-publish-date"), "meta original-publish-date"},
  };
  for (const auto& t : facts.itemprop_dates) dates.push_back({t, "itemprop=datePublished"});
  for (const auto& t : facts.time_datetimes) dates.push_back({t, "time datetime"});
  for (const auto& c : dates) {
    if (c.value.empty()) continue;
    std::string d = NormalizeMetaDate(c.value);
    if (!d.empty()) {
      md.date = d;
      md.rules["date"] = c.rule;
      break;
    }
  }
  if (md.date.empty()) {
    std::string d = DateFromUrl(md.url);
    if (d.empty()) d = DateFromUrl(url);
    if (!d.empty()) {
      md.date = d;
      md.rules["date"] = "url path";
    }
  }

  // Author.
  std::vector<Candidate> authors = {
      {sd.author, "JSON-LD author"},          {meta("author"), "meta author"},
      {meta("article:author"), "meta article:author"}, {meta("parsely-author"), "meta parsely-author"},
      {meta("sailthru.author"), "meta sailthru.author"}, {meta("dc.creator"), "meta dc.creator"},
      {meta("byl"), "meta byl"},              {facts.byline, "byline element"}};
  for (const auto& c : authors) {
    std::string a = CleanByline(Trim(c.value));
    std::string lower = AsciiLower(a);
    // CMS account names are not authors.
    if (a.empty() || LooksLikeUrl(a) || a.size() > 200 || lower == "admin" || lower == "administrator" ||
        lower == "webmaster" || lower == "editor" || lower == "user")
      continue;
    md.author = a;
    md.rules["author"] = c.rule;
    break;
  }

  // Declared language (the caller checks it against the text).
  std::vector<Candidate> langs = {{facts.html_lang, "html lang"},
                                  {meta("content-language"), "meta content-language"},
                                  {meta("og:locale"), "og:locale"},
                                  {sd.language, "JSON-LD inLanguage"},
                                  {meta("language"), "meta language"}};
  for (const auto& c : langs) {
    std::string l = NormalizeLanguageTag(c.value);
    if (!l.empty()) {
      md.language = l;
      md.rules["language"] = c.rule;
      break;
    }
  }
  return md;
}

}  // namespace faultline::html
