#include "syntax/tokenizer.h"
#include "util/ascii.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>

namespace faultline::syntax {

namespace {

// One UTF-8 code point at `i`; a malformed byte reads as U+FFFD of length 1, so any
// input advances.
char32_t Decode(std::string_view s, size_t i, size_t* len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  auto byte = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
  if (b0 < 0x80) {
    *len = 1;
    return b0;
  }
  if (b0 >= 0xC2 && b0 < 0xE0 && cont(1)) {
    *len = 2;
    return (static_cast<char32_t>(b0 & 0x1F) << 6) | byte(1);
  }
  if (b0 >= 0xE0 && b0 < 0xF0 && cont(1) && cont(2)) {
    *len = 3;
    return (static_cast<char32_t>(b0 & 0x0F) << 12) | (byte(1) << 6) | byte(2);
  }
  if (b0 >= 0xF0 && b0 < 0xF5 && cont(1) && cont(2) && cont(3)) {
    *len = 4;
    return (static_cast<char32_t>(b0 & 0x07) << 18) | (byte(1) << 12) | (byte(2) << 6) | byte(3);
  }
  *len = 1;
  return 0xFFFD;
}

// The start of the code point that ends at `end` (exclusive).
size_t PrevStart(std::string_view s, size_t begin, size_t end) {
  size_t p = end - 1;
  while (p > begin && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80 && end - p < 4) --p;
  return p;
}

// Whitespace, and the other control characters, which are never part of a word
// (an escape sequence in scraped text must not become a token).
bool IsSpace(char32_t c) {
  return c <= 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
bool IsDash(char32_t c) { return c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2012; }
bool IsOpener(char32_t c) {
  return c == '"' || c == '\'' || c == '`' || c == '(' || c == '[' || c == '{' || c == 0x201C || c == 0x2018 ||
         c == 0xAB || c == 0x2039 || c == 0x201E || c == 0x201A || c == 0xBF || c == 0xA1;
}
bool IsCloser(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == 0x201D || c == 0x2019 || c == 0xBB ||
         c == 0x203A || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == 0x2026;
}
bool IsCurrency(char32_t c) {
  return c == '$' || c == 0x20AC || c == 0xA3 || c == 0xA5 || c == 0x20B9 || c == 0x20BD || c == 0x20B4;
}
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Letters and digits for the purpose of word shape: ASCII ones and any code point
// beyond Latin-1 punctuation that the lists above do not name.
bool IsWordChar(char32_t c) {
  if (c < 0x80) return IsAsciiLetter(c) || IsDigit(c);
  return !IsSpace(c) && !IsDash(c) && !IsOpener(c) && !IsCloser(c) && !IsCurrency(c) && c != 0x2026 &&
         c != 0xB7 && c != 0xA7 && c != 0xB6;
}
// Characters that always stand alone when met inside a chunk.
bool AlwaysSplits(char32_t c) {
  return c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '"' || c == ';' ||
         c == '!' || c == '?' || c == 0x2026 || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0xAB ||
         c == 0xBB || c == '%' || IsDash(c);
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool EndsWithCaseless(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && AsciiLower(s.substr(s.size() - suffix.size())) == suffix;
}

// "U.S.", "J.", "p.m.", "e.g.": single letters each followed by a period.
bool IsInitials(std::string_view w) {
  if (w.size() < 2 || w.size() % 2 != 0) return false;
  for (size_t i = 0; i < w.size(); i += 2)
    if (!IsAsciiLetter(static_cast<unsigned char>(w[i])) || w[i + 1] != '.') return false;
  return true;
}

bool LooksLikeUrlOrEmail(std::string_view w) {
  const std::string l = AsciiLower(w.substr(0, 8));
  if (l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0 || l.rfind("ftp://", 0) == 0 ||
      l.rfind("www.", 0) == 0)
    return w.size() > 4;
  const size_t at = w.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  const size_t dot = w.find('.', at);
  return dot != std::string_view::npos && dot > at + 1 && dot + 1 < w.size() &&
         IsAsciiLetter(static_cast<unsigned char>(w[dot + 1]));
}

// The run of the same code point ending at `end`, for "!!!" and "''".
size_t RunStart(std::string_view s, size_t begin, size_t end, char32_t c) {
  size_t r = end;
  while (r > begin) {
    size_t p = PrevStart(s, begin, r), len = 0;
    if (Decode(s, p, &len) != c) break;
    r = p;
  }
  return r;
}

// Verbs whose "n't" web text writes without the apostrophe ("dont"): EWT splits them too.
constexpr std::array<std::string_view, 16> kBareNegations = {
    "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "havent",
    "hasnt", "hadnt", "couldnt", "wouldnt", "shouldnt", "cant", "wont", "aint"};

}  // namespace

Result<TokenizerRules> LoadTokenizerRules(const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return Status::Error("cannot open tokeniser rules", path);
  } catch (const YAML::Exception& e) {
    return Status::Error(std::string("not valid YAML: ") + e.what(), path, e.mark.line + 1);
  }
  if (!root.IsMap()) return Status::Error("tokeniser rules are a YAML map", path);
  TokenizerRules rules;
  auto list = [&](const char* key, std::vector<std::string>* out) -> Status {
    const YAML::Node n = root[key];
    if (!n) return Status::Ok();
    if (!n.IsSequence()) return Status::Error(std::string(key) + " must be a list", path, n.Mark().line + 1);
    for (const auto& x : n) {
      if (!x.IsScalar()) return Status::Error(std::string(key) + " holds a non-string", path, x.Mark().line + 1);
      out->push_back(x.as<std::string>());
    }
    return Status::Ok();
  };
  if (Status s = list("abbreviations", &rules.abbreviations); !s.ok()) return s;
  if (Status s = list("hyphen_prefixes", &rules.hyphen_prefixes); !s.ok()) return s;
  if (Status s = list("slash_words", &rules.slash_words); !s.ok()) return s;
  if (Status s = list("numbered_abbreviations", &rules.numbered_abbreviations); !s.ok()) return s;
  for (const auto* l : {&rules.abbreviations, &rules.numbered_abbreviations})
    for (const auto& a : *l)
      if (a.size() < 2 || a.back() != '.')
        return Status::Error("abbreviation '" + a + "' must end with a period", path);
  return rules;
}

Tokenizer::Tokenizer(const TokenizerRules& rules) {
  for (const auto& a : rules.abbreviations) abbreviations_.insert(AsciiLower(a));
  for (const auto& p : rules.hyphen_prefixes) hyphen_prefixes_.insert(AsciiLower(p));
  for (const auto& w : rules.slash_words) slash_words_.insert(AsciiLower(w));
  for (const auto& a : rules.numbered_abbreviations) numbered_abbreviations_.insert(AsciiLower(a));
}

std::vector<Span> Tokenizer::Tokenize(std::string_view text, size_t begin, size_t end) const {
  end = std::min(end, text.size());
  std::vector<Span> chunks;  // whitespace-free runs
  size_t i = begin, chunk = begin;
  while (i < end) {
    size_t len = 0;
    const char32_t c = Decode(text, i, &len);
    if (IsSpace(c)) {
      if (chunk < i) chunks.push_back(Span{chunk, i});
      chunk = i + len;
    }
    i += len;
  }
  if (chunk < end) chunks.push_back(Span{chunk, end});
  std::vector<Span> out;
  for (size_t k = 0; k < chunks.size(); ++k) {
    const bool before_number = k + 1 < chunks.size() && IsDigit(static_cast<unsigned char>(text[chunks[k + 1].begin]));
    SplitChunk(text, chunks[k].begin, chunks[k].end, before_number, &out);
  }
  return out;
}

bool Tokenizer::KeepsPeriod(std::string_view word, bool before_number) const {
  const std::string lower = AsciiLower(word);
  return IsInitials(word) || abbreviations_.count(lower) > 0 ||
         (before_number && numbered_abbreviations_.count(lower) > 0);
}

void Tokenizer::SplitChunk(std::string_view text, size_t a, size_t b, bool before_number,
                           std::vector<Span>* out) const {
  // Opening quotes, brackets and dashes.
  while (a < b) {
    size_t len = 0;
    const char32_t c = Decode(text, a, &len);
    const bool hyphens = c == '-' && a + 1 < b && text[a + 1] == '-';
    if (!hyphens && !IsDash(c) && !IsOpener(c)) break;
    if (IsApostrophe(c) && a + len < b && IsDigit(static_cast<unsigned char>(text[a + len]))) break;  // '90s
    if (a + len == b) break;  // a lone mark is the core itself
    size_t r = a;
    while (r < b) {  // a run of the same mark is one token: "``", "--"
      size_t l2 = 0;
      if (Decode(text, r, &l2) != c) break;
      r += l2;
    }
    if (r == b) break;  // nothing but the run: it is the core
    out->push_back(Span{a, r});
    a = r;
  }
  if (a == b) return;
  // Final punctuation, collected from the right.
  std::vector<Span> tail;
  size_t e = b;
  const bool url = LooksLikeUrlOrEmail(text.substr(a, b - a));
  while (e > a) {
    const size_t p = PrevStart(text, a, e);
    size_t len = 0;
    const char32_t c = Decode(text, p, &len);
    if (p == a) break;  // never peel the last character of a chunk
    if (c == '.') {
      const size_t d = RunStart(text, a, e, '.');
      if (d == a) break;  // nothing but dots: the core is "..."
      if (e - d >= 2) {   // "..." after a word
        tail.push_back(Span{d, e});
        e = d;
        continue;
      }
      if (!url && KeepsPeriod(text.substr(a, e - a), before_number && e == b)) break;
      tail.push_back(Span{p, e});
      e = p;
      continue;
    }
    const bool hyphens = c == '-' && p > a && text[p - 1] == '-';
    if (!IsCloser(c) && !IsDash(c) && !hyphens) break;
    if (url && !(c == ')' || c == ']' || c == '"' || c == 0x201D || IsApostrophe(c) || c == ',' || c == ';' ||
                 c == ':' || c == '!' || c == '?'))
      break;
    size_t r = RunStart(text, a, e, c);
    if (r == a) break;  // nothing but the run: it is the core ("--", "!!")
    tail.push_back(Span{r, e});
    e = r;
  }
  if (url) {
    out->push_back(Span{a, e});
  } else if (a < e) {
    SplitCore(text, a, e, out);
  }
  out->insert(out->end(), tail.rbegin(), tail.rend());
}

void Tokenizer::SplitCore(std::string_view text, size_t a, size_t b, std::vector<Span>* out) const {
  const std::string_view core = text.substr(a, b - a);
  const std::string lower = AsciiLower(core);
  // Fused forms that the treebanks write as two words.
  if (lower == "cannot" || lower == "gonna" || lower == "wanna" || lower == "gotta") {
    out->push_back(Span{a, a + 3});
    out->push_back(Span{a + 3, b});
    return;
  }
  if (std::find(kBareNegations.begin(), kBareNegations.end(), lower) != kBareNegations.end()) {
    out->push_back(Span{a, b - 2});
    out->push_back(Span{b - 2, b});
    return;
  }
  // "n't" and the apostrophe clitics: "don't" -> do|n't, "Kyiv's" -> Kyiv|'s.
  for (std::string_view neg : {"n't", "n\xE2\x80\x99t"}) {
    if (core.size() > neg.size() && EndsWithCaseless(core, neg)) {
      SplitCore(text, a, b - neg.size(), out);
      out->push_back(Span{b - neg.size(), b});
      return;
    }
  }
  for (std::string_view clitic : {"s", "re", "ve", "ll", "d", "m"}) {
    for (std::string_view apos : {"'", "\xE2\x80\x99"}) {
      const size_t n = apos.size() + clitic.size();
      if (core.size() <= n || AsciiLower(core.substr(core.size() - clitic.size())) != clitic ||
          core.substr(core.size() - n, apos.size()) != apos)
        continue;
      size_t len = 0;
      const char32_t before = Decode(text, PrevStart(text, a, b - n), &len);
      if (!IsWordChar(before)) continue;
      SplitCore(text, a, b - n, out);
      out->push_back(Span{b - n, b});
      return;
    }
  }
  SplitInner(text, a, b, out);
}

bool Tokenizer::KeepsHyphen(std::string_view left, std::string_view right, std::string_view core) const {
  if (left.empty() || right.empty()) return false;
  const std::string_view last = left.substr(left.find_last_of('-') == std::string_view::npos ? 0 : left.find_last_of('-') + 1);
  if (AllDigits(last) && AllDigits(right)) {
    // Telephone numbers and ISO dates stay whole; ranges ("1969-1970") split.
    return std::count(core.begin(), core.end(), '-') >= 2 || (last.size() == 3 && right.size() == 4);
  }
  // Model designations: "F-16s", "AK-47", "MiG-29", "COVID-19".
  const bool short_name = left.size() <= 5 && std::all_of(left.begin(), left.end(), [](char c) {
                            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                          }) && std::any_of(left.begin(), left.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (short_name && right[0] >= '0' && right[0] <= '9') return true;
  // Prefixes the treebanks keep attached: "non-Muslim", "e-mail", "mid-1980s".
  return hyphen_prefixes_.count(AsciiLower(left)) > 0;
}

void Tokenizer::SplitInner(std::string_view text, size_t a, size_t b, std::vector<Span>* out) const {
  const std::string_view core = text.substr(a, b - a);
  size_t start = a;  // of the piece being built
  auto emit = [&](size_t from, size_t to) {
    if (from < to) out->push_back(Span{from, to});
  };
  // The run of word characters (and periods inside it) right after `q`.
  auto word_after = [&](size_t q) {
    size_t r = q;
    while (r < b) {
      size_t len = 0;
      const char32_t c = Decode(text, r, &len);
      if (!IsWordChar(c) && c != '.') break;
      r += len;
    }
    return text.substr(q, r - q);
  };
  size_t i = a;
  while (i < b) {
    size_t len = 0;
    const char32_t c = Decode(text, i, &len);
    const size_t q = i + len;
    const std::string_view left = text.substr(start, i - start);
    const std::string_view right = word_after(q);
    bool split = false;
    if (c == '-') {
      size_t r = q;
      while (r < b && text[r] == '-') ++r;
      if (r > q) {  // "--" inside a chunk is a dash
        emit(start, i);
        emit(i, r);
        start = i = r;
        continue;
      }
      split = !(i == start && !right.empty() && right[0] >= '0' && right[0] <= '9') &&  // "-5"
              !KeepsHyphen(left, right, core);
    } else if (c == '/' || c == ',' || c == ':') {
      // Kept between digits: "9/11", "1,000", "5:30"; "w/o" and the like stay whole.
      const bool digit_before = !left.empty() && IsDigit(static_cast<unsigned char>(left.back()));
      const bool digit_after = !right.empty() && IsDigit(static_cast<unsigned char>(right[0]));
      split = !(digit_before && digit_after) && !(c == '/' && slash_words_.count(AsciiLower(core)) > 0);
    } else if (IsCurrency(c)) {
      split = i == start && !right.empty() && IsDigit(static_cast<unsigned char>(right[0]));
    } else if (c == '.' && q < b && text[q] == '.') {
      size_t r = q;
      while (r < b && text[r] == '.') ++r;
      emit(start, i);
      emit(i, r);
      start = i = r;
      continue;
    } else {
      const bool decade = i == start && !right.empty() && IsDigit(static_cast<unsigned char>(right[0]));  // '90s
      split = AlwaysSplits(c) || (IsApostrophe(c) && !decade && (i == start || q == b));
    }
    if (split) {
      emit(start, i);
      emit(i, q);
      start = q;
    }
    i = q;
  }
  emit(start, b);
}

}  // namespace faultline::syntax
