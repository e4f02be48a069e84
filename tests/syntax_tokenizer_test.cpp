#include "syntax/tokenizer.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "syntax/conllu.h"
#include "test_paths.h"

namespace faultline::syntax {
namespace {

const Tokenizer& Shipped() {
  static const Tokenizer* t = [] {
    auto rules = LoadTokenizerRules(testing::SourceDir() + "/data/syntax/tokenizer.yaml");
    EXPECT_TRUE(rules.ok()) << rules.status().reason();
    return new Tokenizer(rules.ok() ? *rules : TokenizerRules{});
  }();
  return *t;
}

// The tokens of `text` joined by '|'.
std::string Split(const std::string& text) {
  std::string out;
  for (const Span& s : Shipped().Tokenize(text, 0, text.size())) {
    if (!out.empty()) out += '|';
    out += text.substr(s.begin, s.size());
  }
  return out;
}

TEST(TokenizerTest, Clitics) {
  EXPECT_EQ(Split("Kyiv's allies don't agree."), "Kyiv|'s|allies|do|n't|agree|.");
  EXPECT_EQ(Split("Kyiv\xE2\x80\x99s envoy can\xE2\x80\x99t come"), "Kyiv|\xE2\x80\x99s|envoy|ca|n\xE2\x80\x99t|come");
  EXPECT_EQ(Split("I'm sure we'll see they've won't"), "I|'m|sure|we|'ll|see|they|'ve|wo|n't");
  EXPECT_EQ(Split("We cannot wait, gonna act"), "We|can|not|wait|,|gon|na|act");
  EXPECT_EQ(Split("the ministers' talks"), "the|ministers|'|talks");
  EXPECT_EQ(Split("O'Brien left at 5 o'clock"), "O'Brien|left|at|5|o'clock");
}

TEST(TokenizerTest, AbbreviationsKeepTheirPeriod) {
  EXPECT_EQ(Split("Mr. Smith met U.S. officials in the U.S."), "Mr.|Smith|met|U.S.|officials|in|the|U.S.");
  EXPECT_EQ(Split("Acme Inc., e.g. its unit, etc."), "Acme|Inc.|,|e.g.|its|unit|,|etc.");
  EXPECT_EQ(Split("They left at 5 p.m. on Sept. 3."), "They|left|at|5|p.m.|on|Sept.|3|.");
  EXPECT_EQ(Split("The talks ended."), "The|talks|ended|.");
  EXPECT_EQ(Split("Wait..."), "Wait|...");
  EXPECT_EQ(Split("Resolution No. 5 said no."), "Resolution|No.|5|said|no|.");
}

TEST(TokenizerTest, HyphensFollowTheTreebanks) {
  EXPECT_EQ(Split("a Kyiv-based non-profit"), "a|Kyiv|-|based|non-profit");
  EXPECT_EQ(Split("F-16s and AK-47 rifles, COVID-19"), "F-16s|and|AK-47|rifles|,|COVID-19");
  EXPECT_EQ(Split("in 1969-1970, call 713-853-3989"), "in|1969|-|1970|,|call|713-853-3989");
  EXPECT_EQ(Split("an e-mail on 2022-03-01"), "an|e-mail|on|2022-03-01");
  EXPECT_EQ(Split("prices fell -5"), "prices|fell|-5");
}

TEST(TokenizerTest, NumbersMoneyAndDates) {
  EXPECT_EQ(Split("$1.5 billion, 1,000 troops, 5%"), "$|1.5|billion|,|1,000|troops|,|5|%");
  EXPECT_EQ(Split("\xE2\x82\xAC" "20m at 5:30 on 11/28/2000"), "\xE2\x82\xAC|20m|at|5:30|on|11/28/2000");
  EXPECT_EQ(Split("and/or w/o"), "and|/|or|w/o");
}

TEST(TokenizerTest, QuotesDashesAndBrackets) {
  EXPECT_EQ(Split("\"No,\" he said."), "\"|No|,|\"|he|said|.");
  EXPECT_EQ(Split("\xE2\x80\x9CNo\xE2\x80\x9D (really)"), "\xE2\x80\x9C|No|\xE2\x80\x9D|(|really|)");
  EXPECT_EQ(Split("Moscow\xE2\x80\x94" "and Minsk -- agreed"), "Moscow|\xE2\x80\x94|and|Minsk|--|agreed");
  EXPECT_EQ(Split("said: yes; no!"), "said|:|yes|;|no|!");
  EXPECT_EQ(Split("'90s"), "'90s");
}

TEST(TokenizerTest, UrlsAndAddressesStayWhole) {
  EXPECT_EQ(Split("See https://example.org/a?b=1, or www.example.com."),
            "See|https://example.org/a?b=1|,|or|www.example.com|.");
  EXPECT_EQ(Split("(mail press@example.gov)"), "(|mail|press@example.gov|)");
}

TEST(TokenizerTest, OffsetsPointIntoTheText) {
  // A sentence inside a longer text, with a no-break space and a line break.
  const std::string text = "Ignore this. Paris\xC2\xA0said\nno.";
  const auto spans = Shipped().Tokenize(text, 13, text.size());
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans[0].begin, 13u);
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].size()), "said");
  EXPECT_EQ(text.substr(spans[3].begin, spans[3].size()), ".");
  // Malformed UTF-8 never stalls or escapes the range.
  const std::string bad = "a\xFF\xFE b\xE2\x80";
  for (const Span& s : Shipped().Tokenize(bad, 0, bad.size())) EXPECT_LE(s.end, bad.size());
}

TEST(TokenizerTest, RulesFileErrorsNameTheFile) {
  auto missing = LoadTokenizerRules("/nonexistent/tokenizer.yaml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().file(), "/nonexistent/tokenizer.yaml");
}

// Agreement with the treebank's own word boundaries, over the raw `# text` of each
// sentence: the share of gold words whose span the tokeniser produces exactly.
double Agreement(const std::string& path) {
  std::vector<Status> errors;
  auto sents = ReadConlluFile(path, &errors);
  EXPECT_TRUE(sents.ok());
  if (!sents.ok()) return 0;
  size_t gold = 0, found = 0, system = 0;
  for (const auto& s : *sents) {
    std::set<std::pair<size_t, size_t>> want;
    for (const auto& t : s.parse.tokens) want.emplace(t.begin, t.end);
    const auto spans = Shipped().Tokenize(s.text, 0, s.text.size());
    for (const Span& sp : spans) found += want.count({sp.begin, sp.end});
    gold += want.size();
    system += spans.size();
  }
  const double p = static_cast<double>(found) / system, r = static_cast<double>(found) / gold;
  return 2 * p * r / (p + r);
}

TEST(TokenizerTest, AgreesWithTheTreebanks) {
  FAULTLINE_REQUIRE_SHARED();
  const double ewt = Agreement(testing::SharedDir() + "/ud/ewt/en_ewt-ud-dev.conllu.gz");
  const double gum = Agreement(testing::SharedDir() + "/ud/gum-news/gum-news.conllu.gz");
  std::cout << "token F1 against gold words: EWT dev " << ewt << ", GUM news " << gum << "\n";
  EXPECT_GT(ewt, 0.98);
  EXPECT_GT(gum, 0.99);
}

}  // namespace
}  // namespace faultline::syntax
