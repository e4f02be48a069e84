#include "text/link_cards.h"

#include <algorithm>
#include <cstddef>

#include "util/ascii.h"

namespace faultline {
namespace {

// How far before its "MORE" a card may begin: a full name and three headlines.
constexpr size_t kMaxCardBytes = 800;
// The full name in a card: the given names (with a nickname in brackets) before the surname.
constexpr size_t kMaxNameWords = 6;

// Whitespace-separated words, as spans of `text`.
std::vector<Span> Words(std::string_view text) {
  std::vector<Span> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && AsciiIsSpace(text[i])) ++i;
    const size_t b = i;
    while (i < text.size() && !AsciiIsSpace(text[i])) ++i;
    if (i > b) words.push_back({b, i});
  }
  return words;
}

// "MORE", "MORE," or "MORE." after a word that is not shouted itself ("PAY MORE").
bool ClosesCard(std::string_view text, const std::vector<Span>& words, size_t w) {
  std::string_view word = text.substr(words[w].begin, words[w].size());
  if (word.substr(0, 4) != "MORE" || w == 0) return false;
  for (char c : word.substr(4))
    if (AsciiIsUpper(c) || AsciiIsLower(c)) return false;
  std::string_view before = text.substr(words[w - 1].begin, words[w - 1].size());
  for (char c : before)
    if (AsciiIsLower(c)) return true;
  return false;
}

// A surname: a capital and letters, apostrophes or hyphens ("O'Neill", "Smith-Jones").
bool IsSurname(std::string_view word) {
  if (word.size() < 2 || !AsciiIsUpper(word[0])) return false;
  for (char c : word)
    if (!AsciiIsUpper(c) && !AsciiIsLower(c) && c != '\'' && c != '-') return false;
  return true;
}

// A given name, initial or bracketed nickname inside the card's full name.
bool IsNameWord(std::string_view word) {
  return !word.empty() && (AsciiIsUpper(word[0]) || (word.size() > 1 && word[0] == '(' && AsciiIsUpper(word[1])));
}

// Whether `word` is the surname again: the same word, or the surname glued to the first
// headline ("RoeBudget", "Roe2020") — anything but a lowercase letter after it.
enum class Repeat { kNone, kSame, kGlued };
Repeat RepeatsSurname(std::string_view word, std::string_view surname) {
  if (word == surname) return Repeat::kSame;
  if (word.size() > surname.size() && word.substr(0, surname.size()) == surname && !AsciiIsLower(word[surname.size()]))
    return Repeat::kGlued;
  return Repeat::kNone;
}

// Whether the words after surname candidate `s` (and before `limit`) are a full name that
// ends on it again; *exact says the repeat was the bare word, not a glued one.
bool OpensCard(std::string_view text, const std::vector<Span>& words, size_t s, size_t limit, bool* exact) {
  std::string_view surname = text.substr(words[s].begin, words[s].size());
  if (!IsSurname(surname)) return false;
  for (size_t k = s + 1; k < limit && k <= s + kMaxNameWords; ++k) {
    std::string_view word = text.substr(words[k].begin, words[k].size());
    const Repeat r = RepeatsSurname(word, surname);
    if (r == Repeat::kGlued || (r == Repeat::kSame && k >= s + 2)) {
      *exact = r == Repeat::kSame;
      return true;
    }
    if (!IsNameWord(word)) return false;
  }
  return false;
}

// The card that `more` closes, beginning after `floor` (the end of the card before it).
bool CardBefore(std::string_view text, const std::vector<Span>& words, size_t more, size_t floor, Span* card) {
  const size_t lowest = std::max(floor, words[more].begin > kMaxCardBytes ? words[more].begin - kMaxCardBytes : 0);
  const size_t first = static_cast<size_t>(
      std::lower_bound(words.begin(), words.begin() + more, lowest, [](const Span& w, size_t at) { return w.begin < at; }) -
      words.begin());
  for (size_t s = first; s + 1 < more; ++s) {
    bool exact = false;
    if (!OpensCard(text, words, s, more, &exact)) continue;
    // "Jo Roe Jo Roe": "Jo" repeats too, one word early; the surname is the later one.
    bool next_exact = false;
    if (exact && OpensCard(text, words, s + 1, more, &next_exact)) ++s;
    const Span c{words[s + 1].begin, words[more].begin + 4};
    if (text.substr(c.begin, c.size()).find("\n\n") != std::string_view::npos) return false;
    *card = c;
    return true;
  }
  return false;
}

}  // namespace

std::vector<Span> FindLinkCards(std::string_view text) {
  std::vector<Span> cards;
  if (text.find(" MORE") == std::string_view::npos) return cards;  // most texts: no card, no word list
  const std::vector<Span> words = Words(text);
  size_t floor = 0;
  for (size_t w = 0; w < words.size(); ++w) {
    if (!ClosesCard(text, words, w)) continue;
    Span card;
    if (CardBefore(text, words, w, floor, &card)) {
      cards.push_back(card);
      floor = card.end;
    }
  }
  return cards;
}

std::string BlankSpans(std::string_view text, const std::vector<Span>& spans) {
  std::string out(text);
  for (const Span& s : spans)
    for (size_t i = s.begin; i < s.end && i < out.size(); ++i)
      if (out[i] != '\n') out[i] = ' ';
  return out;
}

}  // namespace faultline
