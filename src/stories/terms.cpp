#include "stories/terms.h"

#include <algorithm>

namespace faultline::stories {
namespace {

bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsWordByte(unsigned char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || IsUpper(c) || c >= 0x80;
}

// Non-ASCII characters that separate words: no-break and other spaces, dashes,
// quotes, bullets and the rest of General Punctuation (U+2000-U+206F), currency signs
// (U+20A0-U+20CF), guillemets, the middle dot, the degree sign and the BOM. Returns
// their length in bytes, 0 for anything else.
size_t NonAsciiSeparatorLength(std::string_view s, size_t i) {
  const auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  const unsigned char c = at(0);
  if (c == 0xC2 && (at(1) == 0xA0 || at(1) == 0xAB || at(1) == 0xBB || at(1) == 0xB7 || at(1) == 0xB0)) return 2;
  if (c == 0xE2 && (at(1) == 0x80 || at(1) == 0x81 || at(1) == 0x82) && at(2) != 0) return 3;
  if (c == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return 3;
  if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;
  return 0;
}

// Every separator starts with a byte of 0xC2 or more: ASCII, most of a text, is decided by
// one compare here, inlined, without the call (this runs at every byte of every text).
inline size_t SeparatorLength(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]) < 0xC2 ? 0 : NonAsciiSeparatorLength(s, i);
}

// A line of three or more words most of which are capitalised is a headline or a
// subhead ("Trump Eyes Even Higher Tariffs"): its capitals say nothing about names, so
// its words count as sentence openers.
void MarkHeadlines(std::string_view s, std::vector<TermToken>* tokens) {
  size_t i = 0;
  while (i < tokens->size()) {
    size_t j = i, caps = 0, words = 0;
    const size_t line_end = s.find('\n', (*tokens)[i].begin);
    while (j < tokens->size() && (line_end == std::string_view::npos || (*tokens)[j].begin < line_end)) {
      if (!(*tokens)[j].number) {
        ++words;
        caps += (*tokens)[j].capitalised;
      }
      ++j;
    }
    if (words >= 3 && caps * 10 >= words * 6)
      for (size_t k = i; k < j; ++k) (*tokens)[k].sentence_start = true;
    i = j;
  }
}

// Words and numbers in text order into `tokens` (cleared first). A number keeps its
// inner ',' and '.' ("1,826").
void Tokenize(std::string_view s, size_t max_words, std::vector<TermToken>* tokens) {
  std::vector<TermToken>& out = *tokens;
  out.clear();
  out.reserve((max_words != 0 ? std::min(max_words, s.size()) : s.size()) / 6 + 1);  // a word per ~6 bytes
  bool at_start = true;  // nothing but punctuation since the last sentence end
  size_t i = 0;
  while (i < s.size() && (max_words == 0 || out.size() < max_words)) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (const size_t sep = SeparatorLength(s, i)) {
      i += sep;
      continue;
    }
    if (!IsWordByte(c)) {
      if (c == '.' || c == '!' || c == '?' || c == '\n') at_start = true;
      ++i;
      continue;
    }
    TermToken t{i, i, IsDigit(c), IsUpper(c), at_start};
    size_t j = i;
    if (t.number) {
      while (j < s.size()) {
        unsigned char d = static_cast<unsigned char>(s[j]);
        if (IsDigit(d)) {
          ++j;
        } else if ((d == ',' || d == '.') && j + 1 < s.size() &&
                   IsDigit(static_cast<unsigned char>(s[j + 1]))) {
          j += 2;
        } else {
          break;
        }
      }
      // "5G", "3rd": a word after all.
      if (j < s.size() && IsWordByte(static_cast<unsigned char>(s[j])) && !IsDigit(static_cast<unsigned char>(s[j])) &&
          SeparatorLength(s, j) == 0)
        t.number = false;
    }
    if (!t.number)
      while (j < s.size() && IsWordByte(static_cast<unsigned char>(s[j])) && SeparatorLength(s, j) == 0) ++j;
    t.end = j;
    out.push_back(t);
    at_start = false;
    i = j;
  }
  MarkHeadlines(s, &out);
}

// Byte by byte: suffixes are two or three bytes, shorter than a call to memcmp (Stem asks
// up to a dozen of them of every word).
bool EndsWith(std::string_view w, std::string_view suffix) {
  if (w.size() < suffix.size()) return false;
  const size_t at = w.size() - suffix.size();
  for (size_t k = 0; k < suffix.size(); ++k)
    if (w[at + k] != suffix[k]) return false;
  return true;
}

// A number worth comparing: two or more digits, and not a year (1900-2099), which
// dates an article rather than telling its story.
bool IsTellingNumber(std::string_view n) {
  size_t digits = 0;
  for (char c : n) digits += IsDigit(static_cast<unsigned char>(c));
  if (digits < 2) return false;
  if (n.size() == 4 && digits == 4 && (n.starts_with("19") || n.starts_with("20"))) return false;
  return true;
}

bool IsAcronym(std::string_view w) {
  for (char c : w)
    if (!IsUpper(static_cast<unsigned char>(c)) && !IsDigit(static_cast<unsigned char>(c))) return false;
  return IsUpper(static_cast<unsigned char>(w[0]));
}

}  // namespace

TermId HashTerm(std::string_view term) {
  uint32_t h = 2166136261u;
  for (char c : term) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

std::string Stem(std::string_view w) {
  std::string s;
  StemInto(w, &s);
  return s;
}

void StemInto(std::string_view w, std::string* out) {
  std::string& s = *out;
  s.assign(w);
  for (char& ch : s)
    if (IsUpper(static_cast<unsigned char>(ch))) ch = static_cast<char>(ch + 32);
  auto cut = [&](size_t n) { s.resize(s.size() - n); };
  if (s.size() >= 5 && EndsWith(s, "ies")) {
    cut(3);
    s += 'y';
  } else if (s.size() >= 5 && (EndsWith(s, "sses") || EndsWith(s, "ches") || EndsWith(s, "shes") || EndsWith(s, "xes"))) {
    cut(2);
  } else if (s.size() >= 4 && EndsWith(s, "s") && !EndsWith(s, "ss") && !EndsWith(s, "us") && !EndsWith(s, "is")) {
    cut(1);
  }
  // Then verb endings, also of plurals ("warnings", "meetings").
  if (s.size() >= 6 && EndsWith(s, "ied")) {
    cut(3);
    s += 'y';
  } else if (s.size() >= 6 && EndsWith(s, "ing")) {
    cut(3);
  } else if (s.size() >= 6 && EndsWith(s, "ed")) {
    cut(2);
  }
  // "negotiate", "negotiated", "negotiating" meet at "negotiat".
  if (s.size() >= 6 && EndsWith(s, "e") && !EndsWith(s, "ee")) cut(1);
}

namespace {

// Calls fn(token index, token, lower-cased word or digits, is_name) for every term the
// bags keep; is_name is meaningless for numbers.
template <typename Fn>
size_t ForEachTerm(std::string_view text, const TermOptions& options, size_t max_words, TermScratch* scratch,
                   Fn&& fn) {
  std::vector<TermToken>& tokens = scratch->tokens;
  Tokenize(text, max_words, &tokens);
  // The text lower-cased once (ASCII, so offsets stay): every word a view into it, no
  // string per word.
  std::string& lowered = scratch->lowered;
  lowered.assign(text);
  for (char& ch : lowered)
    if (IsUpper(static_cast<unsigned char>(ch))) ch = static_cast<char>(ch + 32);
  const std::string_view lower_text = lowered;
  // A capitalised word is a name when the text also writes it capitalised where no
  // sentence starts: that tells "Putin" from a sentence-opening "Despite".
  WordIds& names = scratch->names;
  names.Clear();
  for (const TermToken& t : tokens)
    if (t.capitalised && !t.sentence_start) names.Intern(lower_text.substr(t.begin, t.end - t.begin));
  std::string& term = scratch->term;  // reused for every word
  for (size_t k = 0; k < tokens.size(); ++k) {
    const TermToken& t = tokens[k];
    std::string_view raw = text.substr(t.begin, t.end - t.begin);
    if (t.number) {
      if (!IsTellingNumber(raw)) continue;
      term.clear();
      for (char c : raw)
        if (c != ',') term += c;
      fn(k, t, std::string_view(term), false);
      continue;
    }
    const std::string_view lower = lower_text.substr(t.begin, t.end - t.begin);
    // "US", "UN", "EU": an acronym is a name even where its lower case is a stopword.
    const bool acronym = raw.size() >= 2 && raw.size() <= 6 && IsAcronym(raw);
    if (!acronym && lower.size() < options.min_length) continue;
    const uint32_t hash = WordIds::Hash(lower);
    if (!acronym && options.stopwords.Contains(lower, hash)) continue;
    StemInto(lower, &term);
    fn(k, t, std::string_view(term), acronym || (t.capitalised && names.Contains(lower, hash)));
  }
  return tokens.size();
}

}  // namespace

TermBags ExtractTerms(std::string_view text, const TermOptions& options, size_t max_words, size_t lead_words) {
  TermScratch scratch;
  TermBags bags;
  ExtractTerms(text, options, max_words, lead_words, &scratch, &bags);
  return bags;
}

void ExtractTerms(std::string_view text, const TermOptions& options, size_t max_words, size_t lead_words,
                  TermScratch* scratch, TermBags* out) {
  TermBags& bags = *out;
  bags.content.clear();
  bags.names.clear();
  bags.numbers.clear();
  bags.lead_content = 0;
  bags.words = ForEachTerm(text, options, max_words, scratch,
                           [&](size_t k, const TermToken& t, std::string_view term, bool name) {
                             const TermId id = HashTerm(term);
                             if (t.number) {
                               bags.numbers.push_back(id);
                               return;
                             }
                             bags.content.push_back(id);
                             if (k < lead_words) bags.lead_content = bags.content.size();
                             if (name) bags.names.push_back(id);
                           });
}

std::vector<std::string> ContentTerms(std::string_view text, const TermOptions& options) {
  std::vector<std::string> out;
  TermScratch scratch;
  ForEachTerm(text, options, 0, &scratch, [&](size_t, const TermToken& t, std::string_view term, bool) {
    if (!t.number) out.emplace_back(term);
  });
  return out;
}

}  // namespace faultline::stories
