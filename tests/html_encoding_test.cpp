// Decoding HTML bytes to UTF-8: BOM, HTTP charset, <meta>, detection. The legacy-encoded
// pages are produced here from UTF-8 with ICU, so the test needs no binary fixtures.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>

#include "ingest/html/encoding.h"
#include "ingest/html/lean_html.h"
#include "ingest/html_page.h"

namespace faultline::html {
namespace {

std::string Encode(const std::string& utf8, const char* charset) {
  std::string out(utf8.size() * 4 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << charset;
  out.resize(n);
  return out;
}

const std::string kRussian =
    "Министр иностранных дел заявил журналистам, что переговоры продолжатся на следующей "
    "неделе. По его словам, стороны обсудили вопросы безопасности и поставки энергоносителей.";
const std::string kUkrainian =
    "Міністр закордонних справ заявив журналістам, що переговори триватимуть наступного "
    "тижня. За його словами, сторони обговорили питання безпеки та постачання енергоносіїв.";
const std::string kGerman =
    "Der Außenminister erklärte gegenüber Journalisten, dass die Gespräche in der nächsten "
    "Woche fortgesetzt würden. Beide Seiten hätten über Sicherheitsfragen gesprochen.";
const std::string kPolish =
    "Minister spraw zagranicznych powiedział dziennikarzom, że rozmowy będą kontynuowane w "
    "przyszłym tygodniu. Żadna ze stron nie przedstawiła szczegółów porozumienia.";

std::string Page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "<title>T</title></head><body><article><p>" +
         body + "</p><p>" + body + "</p></article></body></html>";
}

TEST(HtmlEncoding, Windows1251FromMeta) {
  std::string bytes = Encode(Page("<meta charset=\"windows-1251\">", kRussian), "windows-1251");
  auto d = DecodeHtml(bytes);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->rule, "meta");
  EXPECT_NE(d->utf8.find(kRussian), std::string::npos);
}

TEST(HtmlEncoding, Koi8rFromHttpEquiv) {
  std::string bytes = Encode(
      Page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">", kRussian),
      "KOI8-R");
  auto d = DecodeHtml(bytes);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->rule, "meta");
  EXPECT_NE(d->utf8.find(kRussian), std::string::npos);
}

TEST(HtmlEncoding, HttpCharsetWinsOverMeta) {
  // The transport says KOI8-U; the page's stale <meta> claims windows-1251.
  std::string bytes = Encode(Page("<meta charset=\"windows-1251\">", kUkrainian), "KOI8-U");
  auto d = DecodeHtml(bytes, "text/html; charset=KOI8-U");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->rule, "http");
  EXPECT_NE(d->utf8.find(kUkrainian), std::string::npos);
}

TEST(HtmlEncoding, Iso88592AndLatin1) {
  std::string pl = Encode(Page("<meta charset=iso-8859-2>", kPolish), "ISO-8859-2");
  auto d = DecodeHtml(pl);
  ASSERT_TRUE(d.ok());
  EXPECT_NE(d->utf8.find(kPolish), std::string::npos);
  // "iso-8859-1" is read as windows-1252, as browsers do.
  std::string de = Encode(Page("<meta charset=\"ISO-8859-1\">", kGerman + " \xE2\x80\x9E" "Zitat\xE2\x80\x9C"),
                          "windows-1252");
  auto g = DecodeHtml(de);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->charset, "windows-1252");
  EXPECT_NE(g->utf8.find("\xE2\x80\x9E" "Zitat\xE2\x80\x9C"), std::string::npos);
}

TEST(HtmlEncoding, Utf16WithByteOrderMark) {
  std::string page = Page("<meta charset=utf-8>", kGerman);
  std::string le = "\xFF\xFE" + Encode(page, "UTF-16LE");
  std::string be = "\xFE\xFF" + Encode(page, "UTF-16BE");
  for (const std::string& bytes : {le, be}) {
    auto d = DecodeHtml(bytes);
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->rule, "bom");
    EXPECT_EQ(d->utf8, page);
  }
}

TEST(HtmlEncoding, Utf16WithoutByteOrderMark) {
  std::string page = Page("", kGerman);
  auto d = DecodeHtml(Encode(page, "UTF-16LE"));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, page);
}

TEST(HtmlEncoding, BinaryIsRefused) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0", 29);
  auto d = DecodeHtml(png);
  EXPECT_FALSE(d.ok());
  auto page = ParseHtmlPage(png, "https://example.com/a.png");
  ASSERT_FALSE(page.ok());
  EXPECT_NE(page.status().reason().find("binary"), std::string::npos);
}

TEST(HtmlEncoding, Utf8BomAndUndeclaredUtf8) {
  std::string page = Page("", kUkrainian);
  auto d = DecodeHtml("\xEF\xBB\xBF" + page);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->rule, "bom");
  EXPECT_EQ(d->utf8, page);
  auto u = DecodeHtml(page);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->rule, "utf8-valid");
}

TEST(HtmlEncoding, UndeclaredLegacyIsDetected) {
  std::string text = kRussian + " " + kRussian + " " + kRussian;
  std::string bytes = Encode(Page("", text), "windows-1251");
  auto d = DecodeHtml(bytes);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->rule, "detected");
  EXPECT_NE(d->utf8.find(kRussian), std::string::npos);
}

TEST(HtmlEncoding, MetaPrescanIgnoresComments) {
  EXPECT_EQ(CharsetFromMeta("<!-- <meta charset=koi8-r> --><meta charset='windows-1251'>"),
            "windows-1251");
  EXPECT_EQ(CharsetFromContentType("text/html;charset=\"UTF-8\""), "utf-8");
  EXPECT_EQ(CharsetFromContentType("text/html"), "");
}

TEST(HtmlEncoding, WholePageThroughParseHtmlPage) {
  std::string bytes = Encode(Page("<meta charset=\"windows-1251\"><html lang=ru>", kRussian), "windows-1251");
  auto page = ParseHtmlPage(bytes, "https://example.ru/news/1");
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->charset, "windows-1251");
  EXPECT_NE(page->text.find(kRussian), std::string::npos);
  EXPECT_EQ(page->language, "ru");
}

TEST(HtmlEncoding, InvalidUtf8IsRepaired) {
  auto d = DecodeHtml("<meta charset=utf-8><p>caf\xE9 ok</p>");
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(IsValidUtf8(d->utf8));
}

TEST(LeanHtml, DropsInvisibleBytesKeepsText) {
  std::string lean = LeanHtml(
      "<html><head><script>var a = '</div>'; if (a < b) {}</script>"
      "<script type=\"application/ld+json\">{\"headline\": \"H\"}</script>"
      "<style>p { color: red }</style></head><body>"
      "<!-- a comment <p>hidden</p> --><p class=\"x\" data-id=\"9\" onclick=\"f()\">One  <b>two</b>"
      "</p><svg><text>drawing</text></svg><pre>a   b</pre></body></html>");
  EXPECT_EQ(lean.find("var a"), std::string::npos);
  EXPECT_EQ(lean.find("color"), std::string::npos);
  EXPECT_EQ(lean.find("hidden"), std::string::npos);
  EXPECT_EQ(lean.find("drawing"), std::string::npos);
  EXPECT_EQ(lean.find("data-id"), std::string::npos);
  EXPECT_NE(lean.find("{\"headline\": \"H\"}"), std::string::npos);
  EXPECT_NE(lean.find("<p class=\"x\">One <b>two</b></p>"), std::string::npos);
  EXPECT_NE(lean.find("<pre>a   b</pre>"), std::string::npos);
}

TEST(LeanHtml, ScriptEscapeDoesNotEndEarly) {
  std::string lean = LeanHtml(
      "<p>a</p><script><!--\ndocument.write('<script src=x></script>');\n//--></script><p>b</p>");
  EXPECT_EQ(lean.find("document"), std::string::npos);
  EXPECT_EQ(lean.find("//-->"), std::string::npos);
  EXPECT_NE(lean.find("<p>b</p>"), std::string::npos);
}

}  // namespace
}  // namespace faultline::html
