// Lists of modifiers before one head: "financial, humanitarian and security assistance" names
// three kinds of assistance, but the term matcher reads only the last modifier with the head
// ("security assistance", arms). Each modifier listed before it that makes a codebook term
// with the same head ("humanitarian assistance", "financial assistance": aid) adds that
// term's issue. Separate because it widens what a sentence names beyond the matched terms,
// before any cue is read; the codebook alone decides which modifier names which issue.

#include "statements/sentence_analyzer.h"

namespace faultline {
namespace statements_internal {
namespace {

// How many modifiers a list may hold before the matched term ("security, economic, energy,
// and humanitarian support" has three).
constexpr size_t kMaxListedModifiers = 4;

}  // namespace

// The term `m` ("security assistance", after terms ending at `taken_end`) and the words
// before it: walking back over `modifier_list_joiners` (one or two: ", and") and one word at
// a time, each word that with the words of `m` after its first makes a codebook term of an
// issue the list has not named yet adds a term of that issue on the span of `m`, so that it
// is read with the same chain and holder ("Japan provides security and humanitarian
// assistance" is aid as well as arms). The list must end in a word joiner ("and", "or"):
// after a bare comma the word before may end another phrase ("sent tanks, economic aid").
// The codebook's conditions are checked on the phrase from the modifier to the head.
void SentenceAnalyzer::AddListedTerms(const PatternMatch& m, size_t taken_end, const std::vector<PatternMatch>& acts) {
  if (m.end < m.begin + 2) return;  // a single word has no modifier to swap
  const IssueTerm& matched = cb_.term(m.payload);
  if (matched.verb || matched.act >= 0 || matched.needs_topic) return;
  std::vector<int> issues{matched.issue};
  // the matched term with its first word swapped for each listed modifier in turn
  std::vector<Token> phrase(toks_.begin() + static_cast<std::ptrdiff_t>(m.begin),
                            toks_.begin() + static_cast<std::ptrdiff_t>(m.end));
  for (Token& t : phrase) t.mention = -1;
  const std::vector<Mention> no_mentions;
  const TokenView view{&phrase, &no_mentions};
  size_t at = m.begin;
  for (size_t listed = 0; listed < kMaxListedModifiers; ++listed) {
    size_t w = at;
    int joiners = 0;
    bool word_joiner = false;
    while (w > taken_end && joiners < 2 && lex_.modifier_list_joiners().count(toks_[w - 1].norm)) {
      word_joiner |= toks_[w - 1].type == TokenType::kWord;
      --w;
      ++joiners;
    }
    if (joiners == 0 || (listed == 0 && !word_joiner) || w <= taken_end) return;
    const Token& word = toks_[w - 1];
    if (word.type != TokenType::kWord || word.mention >= 0) return;
    at = w - 1;
    phrase[0] = word;
    phrase[0].mention = -1;
    std::vector<PatternMatch> found;
    cb_.terms().MatchAt(view, 0, phrase.size(), &found);
    for (const PatternMatch& f : found) {
      const IssueTerm& it = cb_.term(f.payload);
      if (f.end != phrase.size() || it.verb || it.act >= 0 || it.needs_topic) continue;
      if (std::find(issues.begin(), issues.end(), it.issue) != issues.end()) continue;
      if (!TermConditionsHold(PatternMatch{at, m.end, f.payload, f.length}, it, acts)) continue;
      issues.push_back(it.issue);
      TermHit hit{m.begin, m.end, it.issue, it.polarity, it.act, false};
      hit.listed = true;
      hit.modifier = at;
      terms_.push_back(hit);
    }
  }
}

}  // namespace statements_internal
}  // namespace faultline
