// The clauses of a sentence: where one ends and the next begins (commas, conjunctions,
// openers, quotes), the phrases that open a parenthetical rather than a clause, and the
// extent of an actor's mention. Separate because every later step (subjects, cues, holders)
// works clause by clause on what SplitClauses decides.

#include "statements/sentence_analyzer.h"

namespace faultline {
namespace statements_internal {

size_t SentenceAnalyzer::MentionEnd(size_t t) const {
  const int m = toks_[t].mention;
  while (t < toks_.size() && toks_[t].mention == m) ++t;
  return t;
}

size_t SentenceAnalyzer::MentionStart(size_t t, size_t floor) const {
  const int m = toks_[t].mention;
  while (t > floor && toks_[t - 1].mention == m) --t;
  return t;
}

bool SentenceAnalyzer::StartsOpener(size_t t, const WordSet& set) const {
  if (t >= toks_.size()) return false;
  if (set.count(toks_[t].norm)) return true;
  if (t + 1 < toks_.size() && set.count(toks_[t].norm + " " + toks_[t + 1].norm)) return true;
  if (t + 2 < toks_.size() && set.count(toks_[t].norm + " " + toks_[t + 1].norm + " " + toks_[t + 2].norm))
    return true;
  return false;
}

// "if and when Kyiv decides to negotiate": an opener coordinated with the subordinator before
// it ("if and", "unless and") continues that subordinator's clause, so the condition keeps its
// scope over what follows.
bool SentenceAnalyzer::JoinedOpener(size_t t) const {
  std::string before;
  for (size_t k = 1; k <= 3 && k <= t; ++k) {
    before = toks_[t - k].norm + (before.empty() ? "" : " " + before);
    if (lex_.openers_joined_after().count(before)) return true;
  }
  return false;
}

// Whether the phrase an opener starts at `t` is a parenthetical of the clause around it, not a
// clause with a subject of its own: a comma closes it within a few words (", as you know,", ", as
// soon as possible,", ", as a pragmatic person,"), or a participle follows the opener (", as
// outlined in the declaration").
bool SentenceAnalyzer::Parenthetical(size_t t) const {
  constexpr size_t kParentheticalWords = 6;
  if (t + 1 < toks_.size() && IsPastParticiple(toks_[t + 1].norm)) return true;
  for (size_t k = t; k < toks_.size() && k < t + kParentheticalWords; ++k)
    if (toks_[k].norm == ",") return true;
  return false;
}

void SentenceAnalyzer::SplitClauses() {
  const size_t n = toks_.size();
  std::vector<char> boundary(n, 0), starts(n, 0);
  in_quote_.assign(n, 0);
  // Quotes: curly quotes open/close, straight quotes toggle. A quote of five or more words
  // is speech: its marks bound clauses and its content may take the speaker as holder.
  {
    bool open = st_.quote_open;
    size_t open_at = 0;
    bool open_at_start = st_.quote_open;
    // A quote is speech when it opens the sentence or follows a comma, a colon, "that" or a
    // reporting verb, or is followed by a comma; a quoted phrase inside a clause ("called
    // the “throwing of ...” irresponsible") is not.
    auto close_span = [&](size_t from, size_t to, bool from_start) {  // tokens [from, to)
      size_t words = 0;
      for (size_t k = from; k < to; ++k) words += toks_[k].type == TokenType::kWord;
      bool speech = from_start || from <= 1;
      if (!speech && from >= 2) {
        const std::string& before = toks_[from - 2].norm;
        speech = before == "," || before == ":" || before == "that" || lex_.reporters().count(before) > 0;
      }
      if (!speech && to > from && (toks_[to - 1].norm == "," || toks_[to - 1].norm == "." ||
                                   toks_[to - 1].norm == "?" || toks_[to - 1].norm == "!"))
        speech = true;
      if (speech && (words >= 5 || from_start)) {
        has_speech_quote_ = true;
        for (size_t k = from; k < to; ++k) in_quote_[k] = 1;
        if (!from_start && from > 0) boundary[from - 1] = 1;
        if (to < n) boundary[to] = 1;
      }
    };
    for (size_t t = 0; t < n; ++t) {
      const Token& k = toks_[t];
      if (k.type != TokenType::kQuote || k.norm == "'") continue;
      const bool opening = k.norm == "\xE2\x80\x9C" || k.norm == "\xE2\x80\x9E" || k.norm == "\xC2\xAB" ||
                           (k.norm == "\"" && !open);
      if (opening && !open) {
        open = true;
        open_at = t + 1;
        open_at_start = false;
      } else if (open) {
        close_span(open_at_start ? 0 : open_at, t, open_at_start);
        open = false;
        open_at_start = false;
      }
    }
    if (open) {
      // runs on into the next sentence
      size_t words = 0;
      for (size_t k = open_at; k < n; ++k) words += toks_[k].type == TokenType::kWord;
      if (words >= 5 || open_at_start) {
        has_speech_quote_ = true;
        for (size_t k = open_at_start ? 0 : open_at; k < n; ++k) in_quote_[k] = 1;
        if (!open_at_start && open_at > 0) boundary[open_at - 1] = 1;
      }
    }
    st_.quote_open = open && has_speech_quote_;
  }
  // Dashes: a pair encloses a parenthetical (no boundary); a single one is a boundary.
  std::vector<size_t> dashes;
  for (size_t t = 0; t < n; ++t)
    if (toks_[t].type == TokenType::kDash) dashes.push_back(t);
  if (dashes.size() % 2 == 1) boundary[dashes.back()] = 1;
  for (size_t t = 0; t < n; ++t) {
    const Token& k = toks_[t];
    if (k.norm == ";" || k.norm == ":") boundary[t] = 1;
    // "Spain, which has ..., said ...": a reporting verb right after a comma resumes the
    // sentence's subject
    if (k.norm == "," && t + 1 < n && lex_.reporters().count(toks_[t + 1].norm) && toks_[t + 1].norm != "told")
      boundary[t] = 1;
    if (k.norm == "," && StartsOpener(t + 1, lex_.openers_with_comma())) boundary[t] = 1;
    if (k.norm == "," && StartsOpener(t + 1, lex_.openers_unless_parenthetical()) && !Parenthetical(t + 1))
      boundary[t] = 1;
    // ", and Berlin continues ...": a new subject after a comma, unless the comma is in
    // a list of names ("France, the UK, and Germany")
    if (k.norm == "," && t > 0 && toks_[t - 1].mention < 0 && t + 2 < n &&
        lex_.predicate_coordinators().count(toks_[t + 1].norm) &&
        (toks_[t + 2].mention >= 0 || lex_.pronouns().count(toks_[t + 2].norm)))
      boundary[t] = 1;
    if (t > 0 && StartsOpener(t, lex_.openers_alone()) && !boundary[t - 1] && !JoinedOpener(t)) starts[t] = 1;
  }
  // A sentence-initial prepositional phrase ("According to Bloomberg, ...") ends at its comma.
  size_t first = 0;
  while (first < n && toks_[first].type != TokenType::kWord) ++first;
  // skip leading conjunctions, adverbs and commas: "So, today, in response to ..., I ..."
  while (first < n && (lex_.leading_conjunctions().count(toks_[first].norm) || toks_[first].norm == "," ||
                       (lex_.adverbs().count(toks_[first].norm) && !lex_.intro_prepositions().count(toks_[first].norm))))
    ++first;
  // ... or a participle ("Attempting to prevent a civil war, Burkhalter called ...")
  const bool intro_participle = first < n && toks_[first].mention < 0 && IsIngForm(toks_[first].norm);
  // ... or a past participle with its preposition when a name follows the comma: "Pressed
  // by its allies, Berlin agreed ..." describes Berlin, and the allies hold none of its acts
  // (but "Backed by France, the sanctions were adopted": France backs them)
  const bool intro_past = first + 1 < n && toks_[first].mention < 0 && IsPastParticiple(toks_[first].norm) &&
                          lex_.prepositions().count(toks_[first + 1].norm) > 0;
  const bool intro = first < n && (lex_.intro_prepositions().count(toks_[first].norm) || intro_participle);
  if (intro || intro_past) {
    for (size_t t = first; t < n && t < first + 16; ++t)
      if (toks_[t].norm == ",") {
        if (intro || (t + 1 < n && toks_[t + 1].mention >= 0)) boundary[t] = 1;
        break;
      }
  }
  clause_of_.assign(n, -1);
  clauses_.clear();
  bool open = false;
  for (size_t t = 0; t < n; ++t) {
    if (boundary[t]) {
      open = false;
      continue;
    }
    if (!open || starts[t] || (clauses_.back().in_quote != static_cast<bool>(in_quote_[t]))) {
      clauses_.push_back(Clause{t, t, static_cast<bool>(in_quote_[t])});
      open = true;
    }
    clauses_.back().e = t + 1;
    clause_of_[t] = static_cast<int>(clauses_.size()) - 1;
  }
}

}  // namespace statements_internal
}  // namespace faultline
