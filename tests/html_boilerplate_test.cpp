// Main-text extraction on small hand-written pages: each kind of boilerplate a news page
// carries must go, the article's paragraphs, headings and quotes must stay.
#include <gtest/gtest.h>

#include <string>

#include "ingest/html_page.h"

namespace faultline {
namespace {

const char* kP1 =
    "The foreign ministers met in Brussels on Tuesday to discuss the next steps, and several "
    "delegations said they expected a joint statement before the end of the week.";
const char* kP2 =
    "Officials from three countries, speaking on condition of anonymity, said the draft "
    "called for further talks while leaving the question of sanctions open for now.";
const char* kP3 =
    "The meeting is the third of its kind this year; earlier rounds in March and June ended "
    "without agreement, according to people familiar with the negotiations.";

std::string Article(const std::string& inside_top, const std::string& inside_middle,
                    const std::string& inside_bottom, const std::string& outside) {
  return std::string("<!DOCTYPE html><html lang=\"en\"><head><title>Ministers meet | Daily Planet</title>"
                     "</head><body>") +
         outside + "<main><article><h1>Ministers meet in Brussels</h1>" + inside_top + "<p>" + kP1 +
         "</p>" + inside_middle + "<p>" + kP2 + "</p><p>" + kP3 + "</p>" + inside_bottom +
         "</article></main></body></html>";
}

std::string Text(const std::string& html) {
  auto page = ParseHtmlPage(html, "https://planet.example.com/2022/03/29/ministers-meet");
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  return page.ok() ? page->text : std::string();
}

void ExpectArticle(const std::string& text) {
  EXPECT_NE(text.find(kP1), std::string::npos) << text;
  EXPECT_NE(text.find(kP2), std::string::npos) << text;
  EXPECT_NE(text.find(kP3), std::string::npos) << text;
}

TEST(HtmlBoilerplate, ParagraphsSeparatedByBlankLine) {
  std::string text = Text(Article("", "", "", ""));
  EXPECT_EQ(text, std::string(kP1) + "\n\n" + kP2 + "\n\n" + kP3);
}

TEST(HtmlBoilerplate, NavigationGoes) {
  std::string nav =
      "<nav><ul><li><a href=/world>World</a></li><li><a href=/politics>Politics</a></li>"
      "<li><a href=/business>Business</a></li><li><a href=/sport>Sport</a></li></ul></nav>"
      "<div class=\"menu\"><a href=/a>Opinion</a> <a href=/b>Culture</a></div>";
  std::string text = Text(Article("", "", "", nav));
  ExpectArticle(text);
  EXPECT_EQ(text.find("Politics"), std::string::npos);
  EXPECT_EQ(text.find("Opinion"), std::string::npos);
}

TEST(HtmlBoilerplate, ShareBarGoes) {
  std::string share =
      "<div class=\"share-bar\"><span>Share this article</span><a href=#>Facebook</a>"
      "<a href=#>Twitter</a><a href=#>Email</a></div>";
  std::string text = Text(Article(share, "", share, ""));
  ExpectArticle(text);
  EXPECT_EQ(text.find("Facebook"), std::string::npos);
  EXPECT_EQ(text.find("Share this"), std::string::npos);
}

TEST(HtmlBoilerplate, RelatedListGoes) {
  std::string related =
      "<section class=\"related-stories\"><h2>More on this story</h2><ul>"
      "<li><a href=/1>Sanctions debate splits the coalition as talks resume in Vienna</a></li>"
      "<li><a href=/2>What the new energy package means for households this winter</a></li>"
      "</ul></section>";
  std::string text = Text(Article("", "", related, ""));
  ExpectArticle(text);
  EXPECT_EQ(text.find("More on this story"), std::string::npos);
  EXPECT_EQ(text.find("Sanctions debate"), std::string::npos);
}

TEST(HtmlBoilerplate, CookieBannerGoes) {
  std::string cookie =
      "<div id=\"cookie-consent\"><p>We use cookies to improve your experience on our site. "
      "By continuing to browse you agree to our use of cookies and similar technologies, as "
      "described in our privacy policy.</p><a href=#>Accept</a></div>";
  std::string text = Text(Article("", "", "", cookie));
  ExpectArticle(text);
  EXPECT_EQ(text.find("cookies"), std::string::npos);
}

TEST(HtmlBoilerplate, CommentsGo) {
  std::string comments =
      "<div id=\"comments\"><h3>12 comments</h3><div class=\"comment\"><p>I have been saying "
      "this for years, and nobody in the government ever listens to ordinary people like "
      "me, which is exactly why these talks will fail again.</p></div></div>";
  std::string text = Text(Article("", "", comments, ""));
  ExpectArticle(text);
  EXPECT_EQ(text.find("saying this for years"), std::string::npos);
  EXPECT_EQ(text.find("12 comments"), std::string::npos);
}

TEST(HtmlBoilerplate, CaptionsAndBylinesGo) {
  std::string figure =
      "<figure><img src=a.jpg><figcaption>Delegates arrive at the summit venue in Brussels "
      "on Tuesday morning. Photo: Agency</figcaption></figure>";
  std::string byline = "<div class=\"byline\">By Jane Doe, Brussels correspondent</div>";
  std::string text = Text(Article(byline, figure, "", ""));
  ExpectArticle(text);
  EXPECT_EQ(text.find("Delegates arrive"), std::string::npos);
  EXPECT_EQ(text.find("Jane Doe"), std::string::npos);
}

TEST(HtmlBoilerplate, ScriptStyleAndHiddenIgnored) {
  std::string noise =
      "<script>document.write('Breaking: tracking script text that must not appear');</script>"
      "<style>.x { content: 'style text' }</style><noscript>Please enable JavaScript</noscript>"
      "<div style=\"display:none\">Hidden subscription teaser text for robots only.</div>";
  std::string text = Text(Article(noise, noise, "", noise));
  ExpectArticle(text);
  EXPECT_EQ(text.find("tracking"), std::string::npos);
  EXPECT_EQ(text.find("style text"), std::string::npos);
  EXPECT_EQ(text.find("JavaScript"), std::string::npos);
  EXPECT_EQ(text.find("Hidden"), std::string::npos);
}

TEST(HtmlBoilerplate, HeadingsAndQuotesInsideArticleStay) {
  std::string middle =
      "<h2>What comes next</h2><blockquote><p>We are closer than we have been at any point this "
      "year, but there is still work to do before anything can be signed.</p></blockquote>";
  std::string text = Text(Article("", middle, "", ""));
  ExpectArticle(text);
  EXPECT_NE(text.find("What comes next"), std::string::npos);
  EXPECT_NE(text.find("We are closer than"), std::string::npos);
  // The page's title heading is metadata, not body text.
  EXPECT_EQ(text.find("Ministers meet in Brussels"), std::string::npos);
}

TEST(HtmlBoilerplate, PullQuoteRepeatingTheTextGoes) {
  std::string pull = "<blockquote><p>The draft called for further talks while leaving the question of sanctions open.</p></blockquote>";
  std::string text = Text(Article("", pull, "", ""));
  ExpectArticle(text);
  EXPECT_EQ(text.find("The draft called"), std::string::npos) << text;
  EXPECT_NE(Text(Article("", "<blockquote><p>Nobody wants another winter like the last one, said a diplomat.</p></blockquote>", "", ""))
                .find("Nobody wants another winter"),
            std::string::npos);
}

TEST(HtmlBoilerplate, AdvertisementLabelGoes) {
  std::string ad = "<div class=\"ad-slot\"><span>Advertisement</span></div><p>Advertisement</p>";
  std::string text = Text(Article("", ad, "", ""));
  ExpectArticle(text);
  EXPECT_EQ(text.find("Advertisement"), std::string::npos);
}

TEST(HtmlBoilerplate, ArticleInsideMisnamedWrapperSurvives) {
  // Class names are messy: "non-ad-column" holds the article, not an advertisement.
  std::string html = std::string("<html><body><div class=\"non-ad-column\"><div class=\"story\"><p>") +
                     kP1 + "</p><p>" + kP2 + "</p><p>" + kP3 +
                     "</p></div></div><div class=\"sidebar\"><p>Short promo.</p></div></body></html>";
  ExpectArticle(Text(html));
}

TEST(HtmlBoilerplate, DoubleLineBreaksSeparateParagraphs) {
  std::string html = std::string("<html><body><div class=\"text\">") + kP1 + "<br><br>" + kP2 +
                     "<br>\n<br>" + kP3 + "</div></body></html>";
  EXPECT_EQ(Text(html), std::string(kP1) + "\n\n" + kP2 + "\n\n" + kP3);
}

TEST(HtmlBoilerplate, ClosingListOfPlainItemsStays) {
  std::string list = "<h3>Qualified teams</h3><ul><li>England (Group A)</li><li>Spain (Group F)</li>"
                     "<li>France (Group H)</li><li>Italy (Group J)</li></ul>";
  std::string text = Text(Article("", "", list, ""));
  ExpectArticle(text);
  EXPECT_NE(text.find("Qualified teams\n\nEngland (Group A)"), std::string::npos) << text;
  EXPECT_NE(text.find("Italy (Group J)"), std::string::npos) << text;
}

TEST(HtmlBoilerplate, TeaserCardsDoNotJoinTheArticle) {
  std::string cards = "<div class=\"more\">";
  for (int i = 0; i < 4; ++i)
    cards += "<div class=\"card\"><h3><a href=/x>Another story headline number " + std::to_string(i) +
             "</a></h3><p>A summary of that other story which is long enough to look like a real "
             "paragraph of prose, with commas, clauses and a full stop.</p></div>";
  cards += "</div>";
  std::string html = Article("", "", "", "") ;
  html.insert(html.find("</body>"), cards);
  std::string text = Text(html);
  ExpectArticle(text);
  EXPECT_EQ(text.find("summary of that other story"), std::string::npos) << text;
}

TEST(HtmlBoilerplate, HostileNestingIsCappedNotQuadratic) {
  // 100,000 unclosed elements would take the parser minutes; the nesting guard keeps the
  // text and finishes at once.
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div><b>";
  html += std::string(kP1) + " " + kP2;
  auto page = ParseHtmlPage(html);
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->text.find(kP1), std::string::npos);
}

TEST(HtmlBoilerplate, FurnitureLinesInOtherLanguages) {
  const std::string ru1 =
      "Министры иностранных дел встретились во вторник в Брюсселе, чтобы обсудить дальнейшие "
      "шаги, и несколько делегаций заявили, что ожидают совместного заявления до конца недели.";
  const std::string ru2 =
      "Представители трёх стран сообщили, что проект предусматривает продолжение переговоров, "
      "оставляя вопрос о санкциях пока открытым, по словам участников встречи.";
  std::string html = "<html lang=\"ru\"><body><article><p>" + ru1 +
                     "</p><p>Реклама</p><p>Читайте также: <a href=/x>Саммит в Мадриде</a></p><p>" + ru2 +
                     "</p><p>Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать новости</p>"
                     "</article></body></html>";
  auto page = ParseHtmlPage(html, "https://example.ru/news/1");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->text, ru1 + "\n\n" + ru2);
  EXPECT_EQ(page->language, "ru");
  const std::string de1 =
      "Die Außenminister trafen sich am Dienstag in Brüssel, um über die nächsten Schritte zu "
      "beraten, und mehrere Delegationen erwarteten eine gemeinsame Erklärung.";
  const std::string de2 =
      "Vertreter dreier Länder sagten, der Entwurf sehe weitere Gespräche vor und lasse die Frage "
      "der Sanktionen vorerst offen, hieß es aus Teilnehmerkreisen.";
  html = "<html lang=\"de\"><body><article><p>" + de1 + "</p><p>Anzeige</p><p>" + de2 +
         "</p><p>Lesen Sie auch: Was der Gipfel für die Ukraine bedeutet</p></article></body></html>";
  page = ParseHtmlPage(html, "https://example.de/politik/1");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->text, de1 + "\n\n" + de2);
}

TEST(HtmlBoilerplate, RuleIsRecorded) {
  auto page = ParseHtmlPage(Article("", "", "", ""), "https://planet.example.com/a");
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->rules.at("text").find("container article"), std::string::npos) << page->rules.at("text");
}

TEST(HtmlBoilerplate, EmptyInputIsAnError) {
  EXPECT_FALSE(ParseHtmlPage("").ok());
  auto page = ParseHtmlPage("<html><body></body></html>");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->text, "");
  // A fragment without any paragraph-sized block still gives its text.
  auto tiny = ParseHtmlPage("<!DOCTYPE html><html><body>Page text.<nav>Home</nav></body></html>");
  ASSERT_TRUE(tiny.ok());
  EXPECT_EQ(tiny->text, "Page text.");
}

}  // namespace
}  // namespace faultline
