// The Zyte article-extraction benchmark (181 news pages with hand-checked article bodies,
// in ../shared/bench/zyte-article-extraction): main-text F1 must stay at or above 0.95.
// The score is the benchmark's own (evaluate.py): shingles of 4 word tokens, precision and
// recall per page normalised, averaged over pages, F1 of the averages.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ingest/html_page.h"
#include "test_paths.h"

namespace faultline {
namespace {

// Python's \w+ over Unicode: letters, digits and '_'.
std::vector<std::string> Tokenize(const std::string& s) {
  std::vector<std::string> tokens;
  std::string cur;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    // Both arms as int8_t: U_UNASSIGNED is an enumerator, u_charType returns int8_t.
    int8_t type = c < 0 ? static_cast<int8_t>(U_UNASSIGNED) : u_charType(c);
    bool word = c == '_' || (type >= U_UPPERCASE_LETTER && type <= U_OTHER_LETTER) ||
                (type >= U_DECIMAL_DIGIT_NUMBER && type <= U_OTHER_NUMBER);
    if (word) {
      cur.append(s, start, i - start);
    } else if (!cur.empty()) {
      tokens.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) tokens.push_back(std::move(cur));
  return tokens;
}

std::map<std::string, int> Shingles(const std::string& text) {
  std::vector<std::string> t = Tokenize(text);
  std::map<std::string, int> out;
  size_t count = t.size() >= 4 ? t.size() - 3 : 1;
  for (size_t i = 0; i < count; ++i) {
    std::string key;
    for (size_t j = i; j < i + 4 && j < t.size(); ++j) key += t[j] + '\x1f';
    if (!key.empty()) ++out[key];
  }
  return out;
}

struct Counts {
  double tp = 0, fp = 0, fn = 0;
};

Counts Match(const std::string& truth, const std::string& pred) {
  auto a = Shingles(truth), b = Shingles(pred);
  Counts c;
  for (const auto& [k, n] : a) {
    auto it = b.find(k);
    int m = it == b.end() ? 0 : it->second;
    c.tp += std::min(n, m);
    c.fn += std::max(0, n - m);
  }
  for (const auto& [k, m] : b) {
    auto it = a.find(k);
    int n = it == a.end() ? 0 : it->second;
    c.fp += std::max(0, m - n);
  }
  double s = c.tp + c.fp + c.fn;
  if (s > 0) c = {c.tp / s, c.fp / s, c.fn / s};
  return c;
}

bool ReadGzip(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, n);
  gzclose(f);
  return n == 0;
}

TEST(HtmlZyteBenchmark, MainTextF1AtLeast095) {
  FAULTLINE_REQUIRE_SHARED();
  std::string dir = testing::SharedDir() + "/bench/zyte-article-extraction";
  std::ifstream in(dir + "/ground-truth.json");
  if (!in) GTEST_SKIP() << dir << " is absent";
  nlohmann::json truth = nlohmann::json::parse(in);
  ASSERT_GE(truth.size(), 100u);
  double precision = 0, recall = 0;
  int np = 0, nr = 0;
  for (auto& [id, item] : truth.items()) {
    std::string html;
    ASSERT_TRUE(ReadGzip(dir + "/html/" + id + ".html.gz", &html)) << id;
    std::string url = item.value("url", "");
    auto page = ParseHtmlPage(html, url);
    ASSERT_TRUE(page.ok()) << id << ": " << page.status().ToString();
    Counts c = Match(item.value("articleBody", ""), page->text);
    // evaluate.py: precision 1 when nothing is wrong, 0 when nothing is right.
    if (c.tp + c.fp > 0) {
      precision += (c.fp == 0 && c.fn == 0) ? 1.0 : c.tp / (c.tp + c.fp);
      ++np;
    }
    if (c.tp + c.fn > 0) {
      recall += (c.fp == 0 && c.fn == 0) ? 1.0 : c.tp / (c.tp + c.fn);
      ++nr;
    }
  }
  precision /= np;
  recall /= nr;
  double f1 = 2 * precision * recall / (precision + recall);
  std::printf("Zyte benchmark: F1 %.3f, precision %.3f, recall %.3f over %zu pages\n", f1, precision,
              recall, truth.size());
  EXPECT_GE(f1, 0.95);
}

}  // namespace
}  // namespace faultline
