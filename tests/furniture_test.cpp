#include "ingest/furniture.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_paths.h"

namespace faultline {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const FurnitureRules& Rules() {
  const Result<FurnitureRules>& r = DefaultFurnitureRules();
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  static const FurnitureRules kNone;
  return r.ok() ? r.value() : kNone;
}

// The rule that removed the line holding `fragment`, or "" when it was kept.
std::string RemovedBy(const CleanedText& c, std::string_view fragment) {
  for (const Removal& r : c.removed)
    if (r.text.find(fragment) != std::string::npos) return r.rule;
  return "";
}

// ---------------------------------------------------------------------------------
// The shipped rules load and every rule has a known shape.

TEST(FurnitureRules, ShippedRulesLoad) {
  const FurnitureRules& rules = Rules();
  EXPECT_GE(rules.rules().size(), 20u);
  for (const FurnitureRule& r : rules.rules()) {
    EXPECT_FALSE(r.name.empty());
    EXPECT_FALSE(r.kind.empty()) << r.name;
  }
}

TEST(FurnitureRules, BadPatternIsAnErrorNamingTheRule) {
  Result<FurnitureRules> r = FurnitureRules::FromYaml("rules:\n  - name: broken\n    pattern: '(unclosed'\n", "x.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().ToString(), HasSubstr("x.yaml"));
  EXPECT_THAT(r.status().ToString(), HasSubstr("broken"));
}

TEST(FurnitureRules, BadYamlIsAnErrorWithALine) {
  Result<FurnitureRules> r = FurnitureRules::FromYaml("rules:\n  - name: [oops\n", "y.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().ToString(), HasSubstr("y.yaml:"));
}

TEST(FurnitureRules, BylineNeedsACaptureGroup) {
  Result<FurnitureRules> r =
      FurnitureRules::FromYaml("rules:\n  - name: b\n    kind: byline\n    pattern: '^By '\n", "z.yaml");
  EXPECT_FALSE(r.ok());
}

TEST(FurnitureRules, UserRuleApplies) {
  Result<FurnitureRules> r = FurnitureRules::FromYaml(
      "rules:\n  - name: my-site-promo\n    kind: advertisement\n    pattern: '^Try Gazette Plus'\n", "mine.yaml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  CleanedText c = CleanTextDump(
      "A headline about tanks\n\nThe minister spoke on Monday.\n\nTry Gazette Plus for a month\n\n"
      "He said the decision was final.\n",
      r.value());
  EXPECT_EQ(RemovedBy(c, "Try Gazette"), "my-site-promo");
  EXPECT_THAT(c.text, HasSubstr("decision was final"));
}

TEST(FurnitureRules, RelayLineNamesTheOutletTheTextWasTakenFrom) {
  CleanedText c = CleanTextDump(
      "A headline about tanks\n\nThe minister spoke on Monday, the agency reported.\n\nRead on Harbour Gazette Pro\n\n"
      "He said the decision was final.\n",
      Rules());
  EXPECT_EQ(c.via, "Harbour Gazette Pro");
  EXPECT_EQ(RemovedBy(c, "Read on Harbour"), "relay-read-on");
  EXPECT_THAT(c.text, Not(HasSubstr("Read on")));
  // A language link or a lower-case prompt names no outlet.
  CleanedText d = CleanTextDump("A headline about tanks\n\nThe minister spoke.\n\nRead in English\n\nread on\n", Rules());
  EXPECT_EQ(d.via, "");
}

TEST(FurnitureRules, RelayNeedsACaptureGroup) {
  Result<FurnitureRules> r =
      FurnitureRules::FromYaml("rules:\n  - name: r\n    kind: relay\n    pattern: '^Via '\n", "r.yaml");
  EXPECT_FALSE(r.ok());
}

TEST(FurnitureRules, TopLevelAlternationIsNotTreatedAsAnchored) {
  // "^Promo|Sponsored by" must still find "Sponsored by" in the middle of a line.
  Result<FurnitureRules> r = FurnitureRules::FromYaml(
      "rules:\n  - name: promo\n    kind: advertisement\n    pattern: '^Promo|Sponsored by'\n", "p.yaml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->Match("Promo code inside"), nullptr);
  EXPECT_NE(r->Match("This page is Sponsored by Acme"), nullptr);
  EXPECT_EQ(r->Match("Nothing to see"), nullptr);
}

TEST(FurnitureRules, MaxLengthProtectsBodyParagraphs) {
  // A real paragraph that happens to say "subscribe to" stays: it is longer than the rule allows.
  std::string para =
      "Officials in Warsaw said they did not subscribe to the view that talks could begin soon, "
      "arguing that Moscow had shown no sign of changing its aims and that any ceasefire now would "
      "only let Russian forces regroup before a new offensive in the spring.";
  CleanedText c = CleanTextDump("Poland doubts talks\n\n" + para + "\n\nAnother sentence closes it.\n", Rules());
  EXPECT_THAT(c.text, HasSubstr("did not subscribe to the view"));
}

// ---------------------------------------------------------------------------------
// Synthetic dumps, one furniture kind at a time.

TEST(CleanTextDump, AdvertisementMarkers) {
  CleanedText c = CleanTextDump(
      "Allies pledge more air defence\n\n- Advertisement -\n\nThe ministers met in Brussels.\n\n"
      "ADVERTISEMENT\n\nThey agreed to send more systems.\n",
      Rules());
  EXPECT_EQ(c.title, "Allies pledge more air defence");
  EXPECT_EQ(c.text, "The ministers met in Brussels.\n\nThey agreed to send more systems.");
  EXPECT_EQ(RemovedBy(c, "- Advertisement -"), "advertisement-marker");
}

TEST(CleanTextDump, ShareAndFollowPrompts) {
  CleanedText c = CleanTextDump(
      "Berlin approves tank exports\n\nShare this article\n\nThe chancellor announced the decision.\n\n"
      "Tweet\n\nPartners welcomed it.\n\nFollow us on Telegram and Facebook for updates\n",
      Rules());
  EXPECT_EQ(c.text, "The chancellor announced the decision.\n\nPartners welcomed it.");
  EXPECT_EQ(RemovedBy(c, "Share this"), "share-prompt");
  EXPECT_EQ(RemovedBy(c, "Follow us"), "follow-on-social-media");
}

TEST(CleanTextDump, NewsletterAndDonationAppeals) {
  CleanedText c = CleanTextDump(
      "Sanctions package agreed\n\nThe EU agreed the package late on Thursday.\n\n"
      "Sign up for our newsletter to get the top stories every morning\n\n"
      "Diplomats said Hungary won an exemption.\n\n"
      "Independent reporting costs money. Support us with a one-time donation today!\n",
      Rules());
  EXPECT_EQ(c.text, "The EU agreed the package late on Thursday.\n\nDiplomats said Hungary won an exemption.");
  EXPECT_EQ(RemovedBy(c, "Sign up"), "newsletter");
  EXPECT_EQ(RemovedBy(c, "one-time donation"), "donation-appeal");
}

TEST(CleanTextDump, CommentFormsAndCommentSections) {
  CleanedText c = CleanTextDump(
      "Summit ends without invitation\n\nLeaders met in Vilnius.\n\nThey issued a statement.\n\n"
      "They left for home.\n\nLeave a Reply\n\nGreat article, totally agree with the author.\n\n"
      "Please enter your comment!\n\nPlease enter your name here\n",
      Rules());
  EXPECT_EQ(c.text, "Leaders met in Vilnius.\n\nThey issued a statement.\n\nThey left for home.");
  EXPECT_EQ(RemovedBy(c, "Great article"), "end-section");
}

TEST(CleanTextDump, CaptionsAndRepeatedCaptions) {
  CleanedText c = CleanTextDump(
      "Paris to send light tanks\n\nMacron announced the step on Wednesday.\n\n"
      "Armoured vehicles at a parade in Paris\n\nPhoto: Jane Roe / Agency\n\n"
      "Officials said training would begin soon.\n\n"
      "Soldiers near the front (Photo: Defence Ministry)\n\nThe vehicles carry a 105 mm gun.\n\n"
      "Soldiers near the front (Photo: Defence Ministry)\n",
      Rules());
  // The credit lines go, every copy of a repeated caption goes; a caption's text shown
  // once stays (it may carry a statement).
  EXPECT_EQ(c.text,
            "Macron announced the step on Wednesday.\n\nArmoured vehicles at a parade in Paris\n\n"
            "Officials said training would begin soon.\n\nThe vehicles carry a 105 mm gun.");
  EXPECT_EQ(RemovedBy(c, "Photo: Jane Roe"), "photo-credit");
  EXPECT_EQ(RemovedBy(c, "Soldiers near the front"), "inline-photo-credit");
}

TEST(CleanTextDump, RepeatedNonSentenceGoesEverywhereRepeatedSentenceOnce) {
  CleanedText c = CleanTextDump(
      "Headline about a summit\n\n\"We will not be divided,\" the minister said.\n\n"
      "Get the app now\n\nThe talks went on into the night.\n\n"
      "\"We will not be divided,\" the minister said.\n\nGet the app now\n\nA deal came at dawn.\n",
      Rules());
  EXPECT_EQ(c.text,
            "\"We will not be divided,\" the minister said.\n\nThe talks went on into the night.\n\n"
            "A deal came at dawn.");
}

TEST(CleanTextDump, RelatedListAfterMarker) {
  CleanedText c = CleanTextDump(
      "Ankara lifts its veto\n\nTurkey agreed to back Finland and Sweden.\n\nRead also:\n\n"
      "Stoltenberg hails deal in Madrid\n- Finland completes accession process\n"
      "Hungary delays ratification vote\nWhat Does Ankara Really Want?\n\nThe deal was signed on Tuesday.\n",
      Rules());
  EXPECT_EQ(c.text, "Turkey agreed to back Finland and Sweden.\n\nThe deal was signed on Tuesday.");
  EXPECT_EQ(RemovedBy(c, "Stoltenberg hails"), "related-list");
  EXPECT_EQ(RemovedBy(c, "Hungary delays"), "related-list");
  EXPECT_EQ(RemovedBy(c, "Ankara Really Want"), "related-list");  // a title-cased question is a link too
}

TEST(CleanTextDump, ShortClosingParagraphStays) {
  CleanedText c = CleanTextDump("A headline for the column\n\nThe argument runs here.\n\nBravo, Mr. President.\n", Rules());
  EXPECT_EQ(c.text, "The argument runs here.\n\nBravo, Mr. President.");
}

TEST(CleanTextDump, LinkListAtTheEndWithoutMarker) {
  CleanedText c = CleanTextDump(
      "EU bans seaborne Russian oil\n\nLeaders agreed the embargo in Brussels.\n\n"
      "It covers two thirds of imports.\n\nPrice Cap Takes Effect\nG7 Ministers Meet in Bonn\n"
      "Frozen Assets Debate Heats Up\nMore Stories\n",
      Rules());
  EXPECT_EQ(c.text, "Leaders agreed the embargo in Brussels.\n\nIt covers two thirds of imports.");
}

TEST(CleanTextDump, CookieNoticeAndNavigation) {
  CleanedText c = CleanTextDump(
      "Skip to content\nHome | World | Europe | Opinion\nWe use cookies to improve your experience. Accept all cookies\n"
      "Home > World > Europe\n\nFinland joins the alliance\n\nThe flag was raised in Brussels on Tuesday.\n\n"
      "Privacy Policy\nAll rights reserved 2023\n",
      Rules());
  EXPECT_EQ(c.title, "Finland joins the alliance");
  EXPECT_EQ(c.text, "The flag was raised in Brussels on Tuesday.");
  EXPECT_EQ(RemovedBy(c, "We use cookies"), "cookie-notice");
  EXPECT_EQ(RemovedBy(c, "Home | World"), "pipe-menu");
}

TEST(CleanTextDump, KeepsStandfirstQuotesAndShortParagraphs) {
  CleanedText c = CleanTextDump(
      "Allies split over jets\n\nSome capitals favour sending aircraft, others warn against it\n\n"
      "The debate sharpened this week.\n\n\u201cWe are not there yet,\u201d an official said.\n\nNo.\n\n"
      "Talks will continue in Ramstein.\n",
      Rules());
  EXPECT_EQ(c.text,
            "Some capitals favour sending aircraft, others warn against it\n\nThe debate sharpened this week.\n\n"
            "\u201cWe are not there yet,\u201d an official said.\n\nNo.\n\nTalks will continue in Ramstein.");
}

TEST(CleanTextDump, HardWrappedTextIsJoinedIntoParagraphs) {
  CleanedText c = CleanTextDump(
      "Tanks for Kyiv\n\nThe German government agreed on Wednesday to send Leopard 2\n"
      "tanks to Ukraine and to let other countries re-export theirs, ending\n"
      "weeks of hesitation in Berlin.\n\nThe United States said it would send Abrams\n"
      "tanks as well, a step it had long resisted because of the training and\n"
      "maintenance they need.\n",
      Rules());
  EXPECT_EQ(c.text,
            "The German government agreed on Wednesday to send Leopard 2 tanks to Ukraine and to let other "
            "countries re-export theirs, ending weeks of hesitation in Berlin.\n\nThe United States said it "
            "would send Abrams tanks as well, a step it had long resisted because of the training and "
            "maintenance they need.");
}

TEST(CleanTextDump, WrappedLinesAreNotMistakenForTitlesListsOrBylines) {
  CleanedText c = CleanTextDump(
      "One year after the invasion began, the allies announced a new package\n"
      "of measures, including sanctions on banks and support for a tribunal\n"
      "proposed by Ukraine's Prosecutor General, through the United Nations\n"
      "and its partners in Europe.\n\nThe ministers also agreed to meet again\n"
      "in the spring to review the results of the price cap on Russian crude\n"
      "and petroleum products sold by sea.\n",
      Rules());
  EXPECT_EQ(c.title, "");
  EXPECT_EQ(c.author, "");
  EXPECT_TRUE(c.removed.empty());
  EXPECT_THAT(c.text, HasSubstr("tribunal proposed by Ukraine's Prosecutor General"));
}

TEST(CleanTextDump, KnownTitleKeepsTheStandfirst) {
  CleanOptions opts;
  opts.known_title = "Nato no longer obsolete, says president";
  CleanedText a = CleanTextDump(
      "President also says the alliance is vital after a visit to Moscow\n\nThe body follows here.\n", Rules(),
      opts);
  EXPECT_EQ(a.title, opts.known_title);
  EXPECT_EQ(a.text, "President also says the alliance is vital after a visit to Moscow\n\nThe body follows here.");
  CleanedText b =
      CleanTextDump("NATO no longer obsolete, says president\n\nThe body follows here.\n", Rules(), opts);
  EXPECT_EQ(b.text, "The body follows here.");
  EXPECT_EQ(RemovedBy(b, "obsolete"), "title");
}

// ---------------------------------------------------------------------------------
// Metadata from the text.

TEST(CleanTextDump, TitleDateAndByline) {
  CleanedText c = CleanTextDump(
      "Scholz clears Leopard deliveries\nJanuary 25, 2023 10:15\nBy Anna Meier and Tom Black\n\n"
      "Germany will send tanks.\n\nPoland welcomed the step.\n",
      Rules());
  EXPECT_EQ(c.title, "Scholz clears Leopard deliveries");
  EXPECT_EQ(c.date, "2023-01-25");
  EXPECT_EQ(c.author, "Anna Meier and Tom Black");
  EXPECT_EQ(c.title_line, 1u);
  EXPECT_EQ(c.date_line, 2u);
  EXPECT_EQ(c.author_line, 3u);
  EXPECT_EQ(c.text, "Germany will send tanks.\n\nPoland welcomed the step.");
}

TEST(CleanTextDump, DateBeforeTitleAndYearlessDate) {
  CleanedText a = CleanTextDump("Friday, March 31, 2023\n\nA headline here\n\nBody sentence one.\n", Rules());
  EXPECT_EQ(a.date, "2023-03-31");
  EXPECT_EQ(a.title, "A headline here");
  CleanedText b = CleanTextDump("A headline here\n\n25 February, 01:21 AM\n\nBody sentence one.\n", Rules());
  EXPECT_EQ(b.date, "--02-25");
  EXPECT_EQ(b.text, "Body sentence one.");
}

TEST(CleanTextDump, DatelineWithATimeAtTheTopIsNotATitle) {
  CleanedText c = CleanTextDump("3 June, 05:40 PM\n\nThe EU adopted its sixth package on Friday.\n", Rules());
  EXPECT_EQ(c.title, "");
  EXPECT_EQ(c.date, "--06-03");
  EXPECT_EQ(c.text, "The EU adopted its sixth package on Friday.");
  CleanedText d = CleanTextDump("Mar. 28, 2022 10:15 GMT | Updated\nA headline after the date\n\nBody here.\n", Rules());
  EXPECT_EQ(d.date, "2022-03-28");
  EXPECT_EQ(d.title, "A headline after the date");
}

TEST(CleanTextDump, DateInTheBodyIsNotTheDocumentDate) {
  CleanedText a = CleanTextDump("The talks ended without a deal.\n\nThe sides are to meet again on Nov. 20.\n", Rules());
  EXPECT_EQ(a.date, "");
  CleanedText b = CleanTextDump(
      "Skyline of Dubai, December 29, 2018. (Jane Roe/Reuters)\n\nIts importance goes beyond oil.\n", Rules());
  EXPECT_EQ(b.date, "");  // the picture's date, not the article's

  CleanedText c = CleanTextDump(
      "A headline here\n\nOn February 24, 2022 Russia launched a full-scale invasion of its neighbour.\n", Rules());
  EXPECT_EQ(c.date, "");
  EXPECT_THAT(c.text, HasSubstr("February 24, 2022"));
}

TEST(CleanTextDump, AuthorLineAndBioAtTheEnd) {
  CleanedText c = CleanTextDump(
      "Headline of the piece\n\nThe body says something.\n\nAuthor: Jane Roe\n\n"
      "Jane Roe is a reporter covering European security.\n",
      Rules());
  EXPECT_EQ(c.author, "Jane Roe");
  EXPECT_EQ(c.text, "The body says something.");
  EXPECT_EQ(RemovedBy(c, "is a reporter"), "author-bio");
}

TEST(CleanTextDump, NoTitleWhenTheDumpStartsWithASentence) {
  CleanedText c = CleanTextDump("The body starts right away.\n\nAnd goes on.\n", Rules());
  EXPECT_EQ(c.title, "");
  EXPECT_EQ(c.text, "The body starts right away.\n\nAnd goes on.");
}

TEST(CleanTextDump, WindowsLineEndingsAndEmptyInput) {
  EXPECT_EQ(CleanTextDump("", Rules()).text, "");
  CleanedText c = CleanTextDump("Title line here\r\n\r\nFirst.\r\nSecond.\r\n", Rules());
  EXPECT_EQ(c.text, "First.\n\nSecond.");
}

// ---------------------------------------------------------------------------------
// The five seed dumps in ../shared/seeds: short fragments of lines that must go and
// of lines that must stay (the texts themselves are not copied here).

struct SeedCase {
  const char* file;
  const char* title_start;
  const char* date;
  const char* author;
  std::vector<const char*> gone;
  std::vector<const char*> kept;
};

const std::vector<SeedCase>& Seeds() {
  static const std::vector<SeedCase> kSeeds = {
      {"000_0256e1b9b43a5540.txt", "Report: NATO Allies Split", "", "Dave DeCamp",
       {"Author: Dave", "follow him on Twitter", "Report: NATO Allies Split"},
       {"Germany and France favor diplomacy", "with the exception of Hungary", "We shouldn",
        "pouring oil", "cannot remain in power"}},
      {"001_660dd4117271c3c6.txt", "Russia, NATO Meet Over", "", "James Marson",
       {"Advertisement", "Stay on top", "DMCA", "Recent Articles", "Related Stories", "Write James Marson"},
       {"The first talks between the coalition", "America has emphasized unity",
        "We have nothing to offer them", "But there are divisions"}},
      {"002_fb14420995b99252.txt", "Split Alliance:", "2022-03-29", "",
       {"Sputnik International, 1920", "Special Operation in Ukraine", "aiming to liberate the Donbass",
        "Follow our Telegram", "To participate in the discussion", "log in or register"},
       {"While Western countries have condemned", "The highest priority for now",
        "with the exception of Hungary", "Moscow promised to review them"}},
      {"003_b338e5738bb60a5b.txt", "Bloomberg learned about differences", "2023-03-31", "",
       {"spot_img", "Read on RBC Pro", "Chris Mcgrath",
        "digital news portal", "Latest news", "Related news", "Please enter your"},
       {"Italian Prime Minister Mario Draghi", "evacuation of Mariupol residents", "Johnson has previously said", "Macron opposed the supply",
        "stronger nerves", "ended on March 29 in Istanbul"}},
      {"004_3629000aa528975c.txt", "Ukraine was offered closer NATO ties", "--02-25", "",
       {"25 February, 01:21", "Embassy Kyiv", "Video of day", "one-time donation", "Follow us on Twitter",
        "Fresh daily newsletter", "Show more news", "Daily at 9am"},
       {"France, the UK, and Germany have offered", "We keep repeating that Russia",
        "need more (security) guarantees", "Any such decision must ultimately"}},
  };
  return kSeeds;
}

TEST(CleanTextDump, SeedDumps) {
  FAULTLINE_REQUIRE_SHARED();
  for (const SeedCase& s : Seeds()) {
    SCOPED_TRACE(s.file);
    std::string raw = ReadFile(faultline::testing::SharedDir() + "/seeds/" + s.file);
    ASSERT_FALSE(raw.empty());
    CleanedText c = CleanTextDump(raw, Rules());
    EXPECT_THAT(c.title, ::testing::StartsWith(s.title_start));
    EXPECT_EQ(c.date, s.date);
    EXPECT_EQ(c.author, s.author);
    for (const char* g : s.gone) EXPECT_THAT(c.text, Not(HasSubstr(g))) << "should be gone: " << g;
    for (const char* k : s.kept) EXPECT_THAT(c.text, HasSubstr(k)) << "should stay: " << k;
    EXPECT_EQ(c.text.find("\n\n\n"), std::string::npos);
  }
}

// Every gold evidence of the seeds must survive cleaning: the statements stage can only
// find what the cleaner keeps.
TEST(CleanTextDump, SeedGoldEvidenceSurvives) {
  FAULTLINE_REQUIRE_SHARED();
  std::ifstream gold(faultline::testing::SharedDir() + "/gold/seeds.jsonl");
  ASSERT_TRUE(gold.good());
  std::string line;
  size_t checked = 0;
  while (std::getline(gold, line)) {
    // Minimal field extraction (doc and evidence are plain JSON strings).
    auto field = [&](const std::string& key) -> std::string {
      size_t p = line.find("\"" + key + "\": \"");
      if (p == std::string::npos) return "";
      p += key.size() + 5;
      std::string out;
      for (; p < line.size() && line[p] != '"'; ++p) {
        if (line[p] == '\\' && p + 1 < line.size()) ++p;
        out += line[p];
      }
      return out;
    };
    std::string doc = field("doc"), evidence = field("evidence");
    if (doc.empty() || evidence.empty() || evidence.find("\\u") != std::string::npos) continue;
    CleanedText c = CleanTextDump(ReadFile(faultline::testing::SharedDir() + "/seeds/" + doc), Rules());
    EXPECT_THAT(c.text, HasSubstr(evidence)) << doc;
    ++checked;
  }
  EXPECT_GT(checked, 30u);
}

// Collapses every run of whitespace to one space, so evidence copied from a
// hard-wrapped file ("costs\non Russia") compares with the unwrapped paragraph.
std::string Squeeze(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The dev articles (header lines, then the body): cleaning the body, with the header's
// title, keeps every gold evidence.
TEST(CleanTextDump, DevGoldEvidenceSurvives) {
  FAULTLINE_REQUIRE_SHARED();
  const std::string dir = faultline::testing::SharedDir() + "/gold/";
  std::ifstream gold(dir + "dev.jsonl");
  ASSERT_TRUE(gold.good());
  std::string line;
  size_t checked = 0;
  while (std::getline(gold, line)) {
    auto field = [&](const std::string& key) -> std::string {
      size_t p = line.find("\"" + key + "\": \"");
      if (p == std::string::npos) return "";
      p += key.size() + 5;
      std::string out;
      for (; p < line.size() && line[p] != '"'; ++p) {
        if (line[p] == '\\' && p + 1 < line.size()) {
          ++p;
          if (line[p] == 'n') {
            out += '\n';
            continue;
          }
        }
        out += line[p];
      }
      return out;
    };
    const std::string doc = field("doc"), evidence = field("evidence");
    if (doc.empty() || evidence.empty()) continue;
    const std::string raw = ReadFile(dir + "dev/" + doc);
    const size_t body = raw.find("\n\n");
    ASSERT_NE(body, std::string::npos) << doc;
    CleanOptions opts;
    if (size_t t = raw.find("title: "); t != std::string::npos && t < body)
      opts.known_title = raw.substr(t + 7, raw.find('\n', t) - t - 7);
    CleanedText c = CleanTextDump(std::string_view(raw).substr(body + 2), Rules(), opts);
    if (Squeeze(raw).find(Squeeze(evidence)) == std::string::npos) continue;  // escapes we do not decode
    EXPECT_THAT(Squeeze(c.text), HasSubstr(Squeeze(evidence))) << doc;
    ++checked;
  }
  EXPECT_GE(checked, 60u);
}

// The txt files of the demo corpus: the cleaner (with the header's title, as the text
// reader passes it) keeps every gold evidence of tests/gold/examples.jsonl and drops the
// furniture planted in them.
TEST(CleanTextDump, ExampleCorpusKeepsGoldEvidence) {
  const std::string dir = faultline::testing::SourceDir() + "/examples/";
  const std::string gold_path = faultline::testing::SourceDir() + "/tests/gold/examples.jsonl";
  std::ifstream gold(gold_path);
  ASSERT_TRUE(gold.good()) << gold_path;
  std::string line;
  size_t checked = 0;
  while (std::getline(gold, line)) {
    auto field = [&](const std::string& key) -> std::string {
      size_t p = line.find("\"" + key + "\": \"");
      if (p == std::string::npos) return "";
      p += key.size() + 5;
      std::string out;
      for (; p < line.size() && line[p] != '"'; ++p) {
        if (line[p] == '\\' && p + 1 < line.size()) ++p;
        out += line[p];
      }
      return out;
    };
    const std::string doc = field("doc"), evidence = field("evidence");
    if (doc.size() < 4 || doc.substr(doc.size() - 4) != ".txt") continue;
    const std::string raw = ReadFile(dir + doc);
    const size_t body = raw.find("\n\n");
    ASSERT_NE(body, std::string::npos) << doc;
    CleanOptions opts;
    const size_t t = raw.find("title: ");
    opts.known_title = raw.substr(t + 7, raw.find('\n', t) - t - 7);
    CleanedText c = CleanTextDump(std::string_view(raw).substr(body + 2), Rules(), opts);
    EXPECT_THAT(c.text, HasSubstr(evidence)) << doc;
    for (const char* junk : {"Advertisement", "Share this", "Read also", "Follow ", "log in or register",
                             "Sign up", "We use cookies", "one-time donation"})
      EXPECT_THAT(c.text, Not(HasSubstr(junk))) << doc;
    ++checked;
  }
  EXPECT_GE(checked, 60u);
}

}  // namespace
}  // namespace faultline
