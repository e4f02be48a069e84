// Date normalisation by a hand-written scanner: the string is cut into number, word
// and punctuation tokens once, then a handful of token patterns are tried at each
// position. No regex engine: this runs on every line near the top of every document.
#include "ingest/dates.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace faultline {
namespace {

struct DateToken {
  enum Kind { kNum, kWord, kPunct } kind = kPunct;
  size_t begin = 0, end = 0;
  bool space_before = false;  // whitespace between this token and the previous one
  int64_t value = 0;          // kNum
  int digits = 0;             // kNum
  std::string word;           // kWord, lower-cased
  char punct = 0;             // kPunct (0 for a non-ASCII symbol)
};

// Month names: English, German, French, Russian (nominative and genitive),
// full and abbreviated, lower-case UTF-8. `needs_capital` marks English words that
// are ordinary words in lower case ("may", "march").
struct MonthName {
  std::string_view name;
  int month;
  bool needs_capital;
};
constexpr MonthName kMonths[] = {
    {"january", 1, false},   {"jan", 1, false},       {"february", 2, false},  {"feb", 2, false},
    {"march", 3, true},      {"mar", 3, true},        {"april", 4, false},     {"apr", 4, false},
    {"may", 5, true},        {"june", 6, false},      {"jun", 6, false},       {"july", 7, false},
    {"jul", 7, false},       {"august", 8, false},    {"aug", 8, false},       {"september", 9, false},
    {"sep", 9, false},       {"sept", 9, false},      {"october", 10, false},  {"oct", 10, false},
    {"november", 11, false}, {"nov", 11, false},      {"december", 12, false}, {"dec", 12, false},
    // German
    {"januar", 1, false},    {"jänner", 1, false},    {"februar", 2, false},   {"märz", 3, false},
    {"maerz", 3, false},     {"mär", 3, false},       {"mai", 5, false},       {"juni", 6, false},
    {"juli", 7, false},      {"oktober", 10, false},  {"okt", 10, false},      {"dezember", 12, false},
    {"dez", 12, false},
    // French
    {"janvier", 1, false},   {"janv", 1, false},      {"février", 2, false},   {"fevrier", 2, false},
    {"févr", 2, false},      {"mars", 3, false},      {"avril", 4, false},
    {"avr", 4, false},       {"juin", 6, false},      {"juillet", 7, false},   {"juil", 7, false},
    {"août", 8, false},      {"aout", 8, false},      {"septembre", 9, false}, {"octobre", 10, false},
    {"novembre", 11, false}, {"décembre", 12, false}, {"decembre", 12, false}, {"déc", 12, false},
    // Russian
    {"январь", 1, false},    {"января", 1, false},    {"янв", 1, false},       {"февраль", 2, false},
    {"февраля", 2, false},   {"фев", 2, false},       {"март", 3, false},      {"марта", 3, false},
    {"апрель", 4, false},    {"апреля", 4, false},    {"апр", 4, false},       {"май", 5, false},
    {"мая", 5, false},       {"июнь", 6, false},      {"июня", 6, false},      {"июль", 7, false},
    {"июля", 7, false},      {"август", 8, false},    {"августа", 8, false},   {"авг", 8, false},
    {"сентябрь", 9, false},  {"сентября", 9, false},  {"сен", 9, false},       {"сент", 9, false},
    {"октябрь", 10, false},  {"октября", 10, false},  {"окт", 10, false},      {"ноябрь", 11, false},
    {"ноября", 11, false},   {"ноя", 11, false},      {"декабрь", 12, false},  {"декабря", 12, false},
    {"дек", 12, false},      {"февр", 2, false},      {"мар", 3, false},       {"июн", 6, false},
    {"июл", 7, false},       {"нояб", 11, false},
};

// Lower-cases ASCII, Latin-1 capitals and Cyrillic capitals (enough for month names).
std::string LowerMonthText(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    } else if (c == 0xD0 && i + 1 < out.size()) {
      auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x90 && d <= 0x9F) {
        out[i + 1] = static_cast<char>(d + 0x20);
      } else if (d >= 0xA0 && d <= 0xAF) {
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(d - 0x20);
      } else if (d == 0x81) {  // Ё
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(0x91);
      }
      ++i;
    } else if (c >= 0xC0) {
      ++i;
    }
  }
  return out;
}

bool IsAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Two-byte UTF-8 lead bytes of Latin-1 letters, Latin Extended and Cyrillic.
bool IsLetterLead(unsigned char c) { return c >= 0xC3 && c <= 0xD4; }

std::vector<DateToken> Tokenize(std::string_view s) {
  std::vector<DateToken> toks;
  size_t i = 0;
  bool space = false;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      ++i;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // NBSP
      space = true;
      i += 2;
      continue;
    }
    DateToken t;
    t.begin = i;
    t.space_before = space;
    space = false;
    if (c >= '0' && c <= '9') {
      t.kind = DateToken::kNum;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        if (t.digits < 15) t.value = t.value * 10 + (s[i] - '0');
        ++t.digits;
        ++i;
      }
    } else if (IsAsciiLetter(c) || (IsLetterLead(c) && i + 1 < s.size())) {
      t.kind = DateToken::kWord;
      while (i < s.size()) {
        auto d = static_cast<unsigned char>(s[i]);
        if (IsAsciiLetter(d)) {
          ++i;
        } else if (IsLetterLead(d) && i + 1 < s.size()) {
          i += 2;
        } else {
          break;
        }
      }
      if (i == t.begin) ++i;  // never stall on a malformed sequence
      t.word = LowerMonthText(s.substr(t.begin, i - t.begin));
    } else {
      t.kind = DateToken::kPunct;
      t.punct = c < 0x80 ? static_cast<char>(c) : 0;
      ++i;
      while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;  // rest of a UTF-8 symbol
    }
    t.end = i;
    toks.push_back(std::move(t));
  }
  return toks;
}

// The month a word names, or 0. `original` is the word as written (for capitals).
int MonthOf(const DateToken& t, std::string_view original) {
  if (t.kind != DateToken::kWord) return 0;
  for (const MonthName& m : kMonths) {
    if (m.name != t.word) continue;
    if (m.needs_capital && !(original[t.begin] >= 'A' && original[t.begin] <= 'Z')) return 0;
    return m.month;
  }
  return 0;
}

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int64_t year, int month) {  // year 0 = unknown: February may have 29
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && (year == 0 || IsLeap(year))) return 29;
  return kDays[month - 1];
}

bool PlausibleYear(int64_t y) { return y >= 1900 && y <= 2100; }

std::string Format(int64_t y, int m, int d) {
  char buf[16];
  if (y == 0) {
    std::snprintf(buf, sizeof buf, "--%02d-%02d", m, d);
  } else if (d == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", static_cast<int>(y), m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y), m, d);
  }
  return buf;
}

// Validates and formats; y == 0 means no year, d == 0 means no day.
std::string Make(int64_t y, int64_t m, int64_t d) {
  if (m < 1 || m > 12) return {};
  if (y != 0 && !PlausibleYear(y)) return {};
  if (d != 0 && (d < 1 || d > DaysIn(y, static_cast<int>(m)))) return {};
  if (y == 0 && d == 0) return {};
  return Format(y, static_cast<int>(m), static_cast<int>(d));
}

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
void CivilFromDays(int64_t z, int64_t* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2 ? 1 : 0);
}

bool IsPunct(const std::vector<DateToken>& t, size_t i, char c) {
  return i < t.size() && t[i].kind == DateToken::kPunct && t[i].punct == c;
}
bool IsNum(const std::vector<DateToken>& t, size_t i, int min_digits, int max_digits) {
  return i < t.size() && t[i].kind == DateToken::kNum && t[i].digits >= min_digits && t[i].digits <= max_digits;
}
// Adjacent: no whitespace before token i.
bool Tight(const std::vector<DateToken>& t, size_t i) { return i < t.size() && !t[i].space_before; }

bool IsOrdinalSuffix(const DateToken& t) {
  return t.kind == DateToken::kWord && !t.space_before &&
         (t.word == "st" || t.word == "nd" || t.word == "rd" || t.word == "th" || t.word == "er" ||
          t.word == "e");
}

// Optional year after a day-month: skips "," and "." and takes a 4-digit number.
// Returns the year (0 when none) and advances *j past it.
int64_t OptionalYear(const std::vector<DateToken>& t, size_t* j) {
  size_t k = *j;
  while (IsPunct(t, k, ',') || IsPunct(t, k, '.')) ++k;
  if (IsNum(t, k, 4, 4) && PlausibleYear(t[k].value)) {
    *j = k + 1;
    // Russian "2022 г." (year) is part of the date.
    if (*j < t.size() && t[*j].kind == DateToken::kWord && t[*j].word == "г") ++*j;
    return t[k].value;
  }
  return 0;
}

// Tries every pattern at token i. When one matches in form, sets *end to the index
// one past its last token and returns the ISO string, or "" when the values are out
// of range (so "31 April 2022" is not re-read as "April 2022"). *end stays 0 when no
// pattern matches.
std::string TryAt(const std::vector<DateToken>& t, size_t i, std::string_view s, size_t* end) {
  const DateToken& a = t[i];
  if (a.kind == DateToken::kNum) {
    // Y-M-D and Y/M/D (ISO 8601; a time and zone after it are ignored).
    if (a.digits == 4 && (IsPunct(t, i + 1, '-') || IsPunct(t, i + 1, '/')) && Tight(t, i + 1) &&
        IsNum(t, i + 2, 1, 2) && Tight(t, i + 2) && IsPunct(t, i + 3, t[i + 1].punct) && Tight(t, i + 3) &&
        IsNum(t, i + 4, 1, 2) && Tight(t, i + 4)) {
      *end = i + 5;
      return Make(a.value, t[i + 2].value, t[i + 4].value);
    }
    // M/D/YY, the short US form ("10/24/16"): slashes only, where the order is the US one
    // and a two-digit year is what people write; 00-68 are 20xx and 69-99 19xx (POSIX %y).
    if (a.digits <= 2 && IsPunct(t, i + 1, '/') && Tight(t, i + 1) && IsNum(t, i + 2, 1, 2) && Tight(t, i + 2) &&
        IsPunct(t, i + 3, '/') && Tight(t, i + 3) && IsNum(t, i + 4, 2, 2) && Tight(t, i + 4) &&
        !(i + 5 < t.size() && Tight(t, i + 5) && t[i + 5].kind == DateToken::kPunct && t[i + 5].punct == '/')) {
      int64_t x = a.value, y = t[i + 2].value, yy = t[i + 4].value;
      const int64_t year = yy <= 68 ? 2000 + yy : 1900 + yy;
      *end = i + 5;
      return x > 12 ? Make(year, y, x) : Make(year, x, y);
    }
    // D.M.Y, D-M-Y (day first), M/D/Y (month first unless impossible).
    if (a.digits <= 2 && i + 4 < t.size() && t[i + 1].kind == DateToken::kPunct && Tight(t, i + 1) &&
        (t[i + 1].punct == '.' || t[i + 1].punct == '-' || t[i + 1].punct == '/') &&
        IsNum(t, i + 2, 1, 2) && Tight(t, i + 2) && IsPunct(t, i + 3, t[i + 1].punct) && Tight(t, i + 3) &&
        IsNum(t, i + 4, 4, 4) && Tight(t, i + 4)) {
      int64_t x = a.value, y = t[i + 2].value, year = t[i + 4].value;
      std::string r;
      if (t[i + 1].punct == '/') {
        r = x > 12 ? Make(year, y, x) : Make(year, x, y);
      } else {
        r = Make(year, y, x);
      }
      *end = i + 5;
      return r;
    }
    // D [.] [st|th|er] [of] Month [.] [,] [YYYY]: "28 March 2022", "29. März 2022",
    // "Tue, 29 Mar 2022 10:00:00 GMT", "25 February, 01:21 AM" (partial).
    if (a.digits <= 2) {
      size_t j = i + 1;
      if (IsPunct(t, j, '.')) ++j;
      if (j < t.size() && IsOrdinalSuffix(t[j])) ++j;
      if (j < t.size() && t[j].kind == DateToken::kWord && t[j].word == "of") ++j;
      if (int m = j < t.size() ? MonthOf(t[j], s) : 0; m != 0) {
        ++j;
        if (IsPunct(t, j, '.') && Tight(t, j)) ++j;
        int64_t year = OptionalYear(t, &j);
        *end = j;
        return Make(year, m, a.value);
      }
    }
    return {};
  }
  // Month [.] D [st] [,] [YYYY] ("Friday, March 31, 2023", "Mar. 28, 2022 10:15") and
  // Month [,] YYYY ("March 2022").
  if (int m = MonthOf(a, s); m != 0) {
    size_t j = i + 1;
    if (IsPunct(t, j, '.') && Tight(t, j)) ++j;
    if (IsNum(t, j, 1, 2)) {
      int64_t day = t[j].value;
      ++j;
      if (j < t.size() && IsOrdinalSuffix(t[j])) ++j;
      // "March 28 10:15" is not a year: only a 4-digit number after the day.
      int64_t year = OptionalYear(t, &j);
      std::string r = Make(year, m, day);
      if (!r.empty() || year != 0) {  // "Month 28" without a year may still be "Month 2022"
        *end = j;
        return r;
      }
    }
    size_t k = i + 1;
    if (IsPunct(t, k, '.') && Tight(t, k)) ++k;
    if (IsPunct(t, k, ',')) ++k;
    if (IsNum(t, k, 4, 4)) {
      *end = k + 1;
      return Make(t[k].value, m, 0);
    }
  }
  return {};
}

// A string that is nothing but a Unix timestamp (seconds or milliseconds).
std::string FromTimestamp(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '"')) s.remove_suffix(1);
  if (s.size() != 10 && s.size() != 13) return {};
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return {};
    v = v * 10 + (c - '0');
  }
  if (s.size() == 13) v /= 1000;
  int64_t y;
  int m, d;
  CivilFromDays(v / 86400, &y, &m, &d);
  if (y < 1990 || y > 2100) return {};
  return Format(y, m, d);
}

}  // namespace

DateMatch FindDate(std::string_view s) {
  DateMatch out;
  if (std::string ts = FromTimestamp(s); !ts.empty()) {
    out.iso = std::move(ts);
    out.begin = 0;
    out.end = s.size();
    return out;
  }
  std::vector<DateToken> toks = Tokenize(s);
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind == DateToken::kPunct) continue;
    size_t end = 0;
    std::string r = TryAt(toks, i, s, &end);
    if (end == 0) continue;
    if (r.empty()) {  // a date in form with impossible values: skip all of it
      i = end - 1;
      continue;
    }
    out.iso = std::move(r);
    out.begin = toks[i].begin;
    out.end = toks[end - 1].end;
    return out;
  }
  return out;
}

std::string NormalizeDate(std::string_view s) { return FindDate(s).iso; }

}  // namespace faultline
