// Metadata of news pages: title, date, author, outlet, language, canonical URL, each
// with the rule that produced it.
#include <gtest/gtest.h>

#include <string>

#include "ingest/html/html_metadata.h"
#include "ingest/html/language.h"
#include "ingest/html_page.h"

namespace faultline {
namespace {

const char* kBody =
    "<p>The foreign ministers met in Brussels on Tuesday to discuss the next steps, and several "
    "delegations said they expected a joint statement before the end of the week.</p>"
    "<p>Officials from three countries said the draft called for further talks while leaving "
    "the question of sanctions open for now, according to people at the meeting.</p>";

HtmlPage Parse(const std::string& head, const std::string& body_extra = "",
               const std::string& url = "https://www.planet.example.com/world/ministers-meet",
               const std::string& html_attrs = " lang=\"en-us\"") {
  std::string html = "<!DOCTYPE html><html" + html_attrs + "><head>" + head + "</head><body>" +
                     body_extra + "<article>" + kBody + "</article></body></html>";
  auto page = ParseHtmlPage(html, url);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  return page.ok() ? *page : HtmlPage{};
}

TEST(HtmlMetadata, OpenGraphAndArticleTags) {
  HtmlPage p = Parse(
      "<title>Ministers meet in Brussels | The Daily Planet</title>"
      "<meta property=\"og:title\" content=\"Ministers meet in Brussels - The Daily Planet\">"
      "<meta property=\"og:site_name\" content=\"The Daily Planet\">"
      "<meta property=\"article:published_time\" content=\"2022-03-29T10:15:00+02:00\">"
      "<meta name=\"author\" content=\"Jane Doe\">"
      "<link rel=\"canonical\" href=\"/world/2022/ministers-meet\">");
  EXPECT_EQ(p.title, "Ministers meet in Brussels");
  EXPECT_EQ(p.rules["title"], "og:title");
  EXPECT_EQ(p.outlet, "The Daily Planet");
  EXPECT_EQ(p.date, "2022-03-29");
  EXPECT_EQ(p.rules["date"], "meta article:published_time");
  EXPECT_EQ(p.author, "Jane Doe");
  EXPECT_EQ(p.language, "en-US");
  EXPECT_EQ(p.url, "https://www.planet.example.com/world/2022/ministers-meet");
  EXPECT_EQ(p.rules["url"], "link rel=canonical");
}

TEST(HtmlMetadata, JsonLdArticle) {
  HtmlPage p = Parse(
      "<title>Talks resume</title><script type=\"application/ld+json\">"
      "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"X\"},"
      "{\"@type\":\"NewsArticle\",\"headline\":\"Talks resume in Vienna\","
      "\"datePublished\":\"2023-01-05T08:00:00Z\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},"
      "{\"@type\":\"Person\",\"name\":\"Bo Chan\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":\"Planet News\"}}]}"
      "</script>");
  EXPECT_EQ(p.title, "Talks resume in Vienna");
  EXPECT_EQ(p.rules["title"], "JSON-LD headline");
  EXPECT_EQ(p.date, "2023-01-05");
  EXPECT_EQ(p.rules["date"], "JSON-LD datePublished");
  EXPECT_EQ(p.author, "Ann Lee, Bo Chan");
  EXPECT_EQ(p.outlet, "Planet News");
}

TEST(HtmlMetadata, TimeElementH1AndHost) {
  HtmlPage p = Parse("<title>Site</title>",
                     "<h1>Ministers meet</h1><time datetime=\"2021-11-02T09:00\">2 Nov</time>");
  EXPECT_EQ(p.title, "Ministers meet");
  EXPECT_EQ(p.rules["title"], "h1");
  EXPECT_EQ(p.date, "2021-11-02");
  EXPECT_EQ(p.rules["date"], "time datetime");
  EXPECT_EQ(p.outlet, "example.com");  // the registrable domain: a site's subdomains are one outlet
  EXPECT_EQ(p.rules["outlet"], "url host");
}

TEST(HtmlMetadata, DateFromUrl) {
  HtmlPage p = Parse("<title>A</title>", "", "https://news.example.org/2022/03/29/talks-resume/");
  EXPECT_EQ(p.date, "2022-03-29");
  EXPECT_EQ(p.rules["date"], "url path");
  EXPECT_EQ(html::DateFromUrl("https://x.com/news/2019-11-19/story"), "2019-11-19");
  EXPECT_EQ(html::DateFromUrl("https://x.com/a/20191119/story"), "2019-11-19");
  EXPECT_EQ(html::DateFromUrl("https://x.com/a/2019/13/45/story"), "");
  EXPECT_EQ(html::DateFromUrl("https://x.com/id/123456789"), "");
  EXPECT_EQ(html::DateFromUrl("https://www.politifact.com/w/statements/2019/nov/18/d/what/"), "2019-11-18");
  EXPECT_EQ(html::DateFromUrl("https://www.quantamagazine.org/tuft-cells-20191118/"), "2019-11-18");
  EXPECT_EQ(html::DateFromUrl("https://www.aljazeera.com/news/2019/11/service-members-killed.html"), "2019-11");
  EXPECT_EQ(html::DateFromUrl("https://x.com/a?date=2019/11/18"), "");
}

TEST(HtmlMetadata, DateForms) {
  EXPECT_EQ(html::NormalizeMetaDate("2022-03-29T10:00:00Z"), "2022-03-29");
  EXPECT_EQ(html::NormalizeMetaDate(" 2022/03/29 "), "2022-03-29");
  EXPECT_EQ(html::NormalizeMetaDate("20220329"), "2022-03-29");
  EXPECT_EQ(html::NormalizeMetaDate("yesterday"), "");
}

TEST(HtmlMetadata, TitleCleaning) {
  EXPECT_EQ(html::CleanTitle("Talks resume | Reuters", "Reuters", "www.reuters.com"), "Talks resume");
  EXPECT_EQ(html::CleanTitle("BBC News - Talks resume", "", "www.bbc.com"), "Talks resume");
  EXPECT_EQ(html::CleanTitle("Talks resume - a long road ahead", "Planet", "planet.com"),
            "Talks resume - a long road ahead");
}

TEST(HtmlMetadata, LanguageDetectedWhenUndeclared) {
  std::string german =
      "<p>Die Außenminister trafen sich am Dienstag in Brüssel, um über die nächsten Schritte zu "
      "beraten, und mehrere Delegationen erwarteten eine gemeinsame Erklärung noch vor dem "
      "Ende der Woche.</p><p>Vertreter dreier Länder sagten, der Entwurf sehe weitere Gespräche "
      "vor und lasse die Frage der Sanktionen vorerst offen.</p>";
  auto page = ParseHtmlPage("<html><head><title>T</title></head><body><article>" + german +
                            "</article></body></html>");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->language, "de");
  EXPECT_EQ(page->rules["language"], "CLD2 on the main text");
}

TEST(HtmlMetadata, WrongDeclaredLanguageIsCorrected) {
  std::string russian =
      "<p>Министры иностранных дел встретились во вторник в Брюсселе, чтобы обсудить дальнейшие "
      "шаги, и несколько делегаций заявили, что ожидают совместного заявления до конца недели.</p>"
      "<p>Представители трёх стран сообщили, что проект предусматривает продолжение переговоров, "
      "оставляя вопрос о санкциях пока открытым, по словам участников встречи.</p>"
      "<p>Это уже третья подобная встреча в этом году; предыдущие раунды в марте и июне "
      "завершились без соглашения, сообщили источники, знакомые с ходом переговоров.</p>";
  auto page = ParseHtmlPage("<html lang=\"en\"><head><title>T</title></head><body><article>" +
                            russian + "</article></body></html>");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->language, "ru");
}

TEST(HtmlMetadata, BylineElementIsCleaned) {
  HtmlPage p = Parse("<title>A</title>", "<div class=\"byline\">By Lucas Nolan | 22 Dec 2016</div>");
  EXPECT_EQ(p.author, "Lucas Nolan");
  EXPECT_EQ(p.rules["author"], "byline element");
}

TEST(HtmlMetadata, TitleTagAndBadLanguageDeclaration) {
  HtmlPage p = Parse("<title>Ministers meet in Brussels</title><meta http-equiv=\"content-language\" "
                     "content=\"utf-8\">", "", "https://www.planet.example.com/world/ministers-meet", "");
  EXPECT_EQ(p.title, "Ministers meet in Brussels");
  EXPECT_EQ(p.rules["title"], "title");
  EXPECT_EQ(p.language, "en");  // "utf-8" is no language tag; CLD2 reads the text
  EXPECT_EQ(html::NormalizeLanguageTag("EN_gb"), "en-GB");
  EXPECT_EQ(html::NormalizeLanguageTag("utf-8"), "");
}

TEST(HtmlMetadata, AuthorSkipsUrlsAndBy) {
  HtmlPage p = Parse("<title>A</title><meta property=\"article:author\" content=\"https://fb.com/x\">"
                     "<meta name=\"byl\" content=\"By Sam Roe\">");
  EXPECT_EQ(p.author, "Sam Roe");
}

}  // namespace
}  // namespace faultline
