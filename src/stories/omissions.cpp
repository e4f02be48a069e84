#include "stories/omissions.h"

#include <algorithm>
#include <map>
#include <set>

namespace faultline::stories {
namespace {

// Lower-case words of a passage, for 3-grams.
std::vector<std::string> PassageWords(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      w += ch;
    } else if (c >= 'A' && c <= 'Z') {
      w += static_cast<char>(c + 32);
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

uint64_t Hash(const std::string& a, const std::string& b, const std::string& c) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const std::string* s : {&a, &b, &c}) {
    for (char ch : *s) h = (h ^ static_cast<unsigned char>(ch)) * 0x100000001b3ULL;
    h = (h ^ 0x1f) * 0x100000001b3ULL;
  }
  return h;
}

// Whether the three-byte mark `m` (a curly quote) starts at `i`. The first byte is
// tested before comparing: the scan asks this at every byte of every text, and a
// compare() there was a call to memcmp each time.
bool MarkAt(std::string_view text, size_t i, std::string_view m) {
  return text[i] == m[0] && text.compare(i, 3, m) == 0;
}

constexpr size_t kMinQuoteWords = 5;
constexpr size_t kShownQuote = 70;  // bytes of a quote shown in a claim

std::string Shorten(const std::string& s) {
  if (s.size() <= kShownQuote) return s;
  size_t cut = kShownQuote;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole characters
  return s.substr(0, cut) + "...";
}

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text) {
  std::vector<Quote> out;
  size_t i = 0;
  while (i < text.size()) {
    // An opening mark: " or “ (E2 80 9C); its closing: " or ” (E2 80 9D).
    size_t open_len = 0;
    if (text[i] == '"') open_len = 1;
    else if (MarkAt(text, i, "\xE2\x80\x9C")) open_len = 3;
    if (open_len == 0) {
      ++i;
      continue;
    }
    const size_t start = i + open_len;
    size_t end = std::string_view::npos, close_len = 0;
    for (size_t j = start; j < text.size() && j < start + 2000; ++j) {
      if (text[j] == '"') {
        end = j;
        close_len = 1;
        break;
      }
      if (MarkAt(text, j, "\xE2\x80\x9D")) {
        end = j;
        close_len = 3;
        break;
      }
      if (text[j] == '\n' && j + 1 < text.size() && text[j + 1] == '\n') break;  // a quote ends with its paragraph
    }
    if (end == std::string_view::npos) {
      i = start;
      continue;
    }
    std::string q(text.substr(start, end - start));
    const std::vector<std::string> w = PassageWords(q);
    if (w.size() >= kMinQuoteWords) {
      Quote quote;
      quote.text = std::move(q);
      for (size_t k = 0; k + 2 < w.size(); ++k) quote.trigrams.push_back(Hash(w[k], w[k + 1], w[k + 2]));
      std::sort(quote.trigrams.begin(), quote.trigrams.end());
      quote.trigrams.erase(std::unique(quote.trigrams.begin(), quote.trigrams.end()), quote.trigrams.end());
      out.push_back(std::move(quote));
    }
    i = end + close_len;
  }
  return out;
}

bool SameQuote(const Quote& a, const Quote& b) {
  if (a.trigrams.empty() || b.trigrams.empty()) return false;
  size_t shared = 0, i = 0, j = 0;
  while (i < a.trigrams.size() && j < b.trigrams.size()) {
    if (a.trigrams[i] < b.trigrams[j]) ++i;
    else if (b.trigrams[j] < a.trigrams[i]) ++j;
    else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return shared * 2 >= std::min(a.trigrams.size(), b.trigrams.size());
}

std::string ReadableStatement(const std::string& key) {
  // "GBR talks -1"
  const size_t a = key.find(' '), b = key.rfind(' ');
  if (a == std::string::npos || a == b) return key;
  const std::string actor = key.substr(0, a), issue = key.substr(a + 1, b - a - 1), stance = key.substr(b + 1);
  return actor + (stance == "-1" ? " against " : " for ") + issue;
}

std::vector<MemberDelta> CompareClaims(const std::vector<MemberClaims>& members, int origin) {
  const size_t n = members.size();
  // Claim ids: statement keys as they are; quotes grouped across members by SameQuote,
  // each group named by its first quote's text.
  std::vector<std::set<std::string>> claims(n);
  std::map<std::string, std::string> label;  // claim id -> readable
  std::vector<std::pair<size_t, size_t>> groups;  // representative (member, quote)
  for (size_t m = 0; m < n; ++m) {
    for (const std::string& s : members[m].statements) {
      claims[m].insert("s:" + s);
      label["s:" + s] = ReadableStatement(s);
    }
    for (size_t q = 0; q < members[m].quotes.size(); ++q) {
      size_t g = 0;
      while (g < groups.size() && !SameQuote(members[groups[g].first].quotes[groups[g].second], members[m].quotes[q])) ++g;
      if (g == groups.size()) groups.emplace_back(m, q);
      const std::string id = "q:" + std::to_string(g);
      claims[m].insert(id);
      label[id] = "quote: \xE2\x80\x9C" + Shorten(members[groups[g].first].quotes[groups[g].second].text) + "\xE2\x80\x9D";
    }
  }
  std::map<std::string, size_t> carried;
  for (const auto& c : claims)
    for (const std::string& id : c) ++carried[id];
  std::set<std::string> core;
  for (const auto& [id, k] : carried)
    if (k >= 2 || (origin >= 0 && claims[static_cast<size_t>(origin)].count(id))) core.insert(id);
  std::vector<MemberDelta> out(n);
  for (size_t m = 0; m < n; ++m) {
    for (const std::string& id : claims[m]) (core.count(id) ? out[m].keeps : out[m].adds).push_back(label[id]);
    for (const std::string& id : core)
      if (!claims[m].count(id)) out[m].drops.push_back(label[id]);
  }
  return out;
}

}  // namespace faultline::stories
