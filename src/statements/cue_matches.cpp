// The stance cues of a sentence: FindCues keeps the cue lexicon's matches that count here
// (not inside a term or a name, not a reporting verb, not a verb form used as a noun or
// adjective, not hedged by "if not"), longest leftmost first, then the codebook's acts.
// Separate because it decides which words may carry a stance, before any chain is built.

#include "statements/sentence_analyzer.h"

namespace faultline {
namespace statements_internal {

// Cues: drop those inside terms, then the longest leftmost; acts (issue-specific verbs)
// after them. Proforms ("doing so", "such demands") point back at an issue: they join the terms.
void SentenceAnalyzer::FindCues(std::vector<PatternMatch>* cue_matches, const std::vector<PatternMatch>& term_matches,
                                const std::vector<PatternMatch>& acts) {
  std::sort(cue_matches->begin(), cue_matches->end(), [](const PatternMatch& a, const PatternMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.length > b.length;
  });
  size_t taken_end = 0;
  for (const auto& m : *cue_matches) {
    if (m.begin < taken_end || InsideTerm(m.begin, m.end)) continue;
    if (!CueCounts(m, *cue_matches, term_matches, acts)) continue;
    const Cue& cue = lex_.cue(m.payload);
    if (cue.kind == CueKind::kProform) {
      terms_.push_back(TermHit{m.begin, m.end, -1, 1, -1, true});
    } else {
      cues_.push_back(CueHit{m.begin, m.end, cue.kind, -1, cue.verb, cue.noun});
    }
    taken_end = m.end;
  }
  for (const auto& a : acts) {
    if (InsideTerm(a.begin, a.end)) continue;
    if (OverlapsMention(a.begin, a.end)) continue;
    if (a.begin > 0 && toks_[a.begin - 1].type == TokenType::kHyphen) continue;
    cues_.push_back(CueHit{a.begin, a.end, CueKind::kSupport, a.payload, true});
  }
  AddSubjunctiveCues();  // "suggested that Russia be readmitted" (mandative.cpp)
}

// Whether a cue match outside the terms is a cue here: not part of a name, a compound,
// a reporting verb, a term's target, a noun or adjective, or an idle aspectual verb.
bool SentenceAnalyzer::CueCounts(const PatternMatch& m, const std::vector<PatternMatch>& cue_matches,
                                 const std::vector<PatternMatch>& term_matches,
                                 const std::vector<PatternMatch>& acts) const {
  const size_t n = toks_.size();
  const CueKind kind = lex_.cue(m.payload).kind;
  if (kind == CueKind::kHypothetical) {
    // it may hold a name ("accused {ACTOR} of") but not lie inside one ("Theresa May")
    if (toks_[m.begin].mention >= 0 && toks_[m.end - 1].mention == toks_[m.begin].mention) return false;
  } else if (kind != CueKind::kNegation && kind != CueKind::kProform && OverlapsMention(m.begin, m.end)) {
    return false;
  }
  // "anti-ship", "long-awaited": the second half of a compound is not a verb
  if (m.begin > 0 && toks_[m.begin - 1].type == TokenType::kHyphen) return false;
  if ((kind == CueKind::kHypothetical || kind == CueKind::kNegation) && InHedge(m.begin)) return false;
  if ((kind == CueKind::kSupport || kind == CueKind::kOppose) && InSpeech(m.begin, m.end)) return false;
  // "sanctions against Russia": right after a term, "against" names its target
  if (kind == CueKind::kOppose && toks_[m.begin].norm == "against" && m.end == m.begin + 1) {
    bool target = false;
    for (const auto& t : terms_) target |= t.e == m.begin;
    if (target) return false;
  }
  if (lex_.cue(m.payload).verb && m.begin > 0 && VerbCueIsModifier(m, term_matches)) return false;
  // "this outrageous attack", "the reckless, unjustified attack": evaluations between a
  // determiner and a verb form make it a noun too
  if (lex_.cue(m.payload).verb && AfterEvaluatedDeterminer(m.begin, cue_matches)) return false;
  // "continues to fire artillery": an aspectual verb carries a stance only through what
  // it governs; before "to" and a verb that is no cue it carries none
  if (lex_.aspectual_verbs().count(toks_[m.begin].norm) && m.end + 1 < n && toks_[m.end].norm == "to") {
    bool governs = false;
    for (const auto& q : cue_matches) governs |= q.begin == m.end + 1;
    for (const auto& q : acts) governs |= q.begin == m.end + 1;
    for (const auto& q : term_matches) governs |= q.begin == m.end + 1;
    if (!governs) return false;
  }
  return true;
}

bool SentenceAnalyzer::AfterEvaluatedDeterminer(size_t b, const std::vector<PatternMatch>& cue_matches) const {
  auto evaluation_ending_at = [&](size_t e) -> const PatternMatch* {
    for (const auto& q : cue_matches) {
      const CueKind k = lex_.cue(q.payload).kind;
      if (q.end == e && q.begin < e && (k == CueKind::kEvalNegative || k == CueKind::kEvalPositive)) return &q;
    }
    return nullptr;
  };
  size_t k = b;
  bool evaluated = false;
  for (int steps = 0; steps < 6 && k > 0; ++steps) {
    if (const PatternMatch* q = evaluation_ending_at(k)) {
      k = q->begin;
      evaluated = true;
    } else if (evaluated && (toks_[k - 1].norm == "," || toks_[k - 1].norm == "and")) {
      --k;
    } else {
      break;
    }
  }
  return evaluated && k > 0 && lex_.modifier_determiners().count(toks_[k - 1].norm) > 0;
}

// "will speak with him shortly, if not already, and announce ...", "hundreds, if not
// thousands": after a comma, "if not" hedges the word before it; it states no condition and
// denies nothing. (Heading a clause, "If not, we will ...", it is a condition.)
bool SentenceAnalyzer::InHedge(size_t t) const {
  const size_t n = toks_.size();
  if (toks_[t].norm == "if") return t > 0 && toks_[t - 1].norm == "," && t + 1 < n && toks_[t + 1].norm == "not";
  return toks_[t].norm == "not" && t > 1 && toks_[t - 1].norm == "if" && toks_[t - 2].norm == ",";
}

// "the end of March", "the promised 2 percent": a verb form after a determiner is a
// noun or an adjective here, not the actor's act. After a possessive, a participle is
// an adjective ("its continued aggression") and some nouns name an event, not a stance
// ("Ukraine's fight for freedom"); other nouns keep it ("its demands").
bool SentenceAnalyzer::VerbCueIsModifier(const PatternMatch& m, const std::vector<PatternMatch>& term_matches) const {
  const std::string& d = toks_[m.begin - 1].norm;
  if (lex_.modifier_determiners().count(d)) return true;
  if (lex_.modifier_possessors().count(d) || lex_.possessives().count(d)) {
    const std::string& w = toks_[m.begin].norm;
    if (m.end == m.begin + 1 &&
        (IsParticiple(w) || lex_.event_nouns().count(w)))
      return true;
  }
  // "the new limited sanctions": a participle between an adjective and the term it
  // modifies is an adjective too ("Germany limited sanctions" keeps its verb)
  const std::string& w = toks_[m.begin].norm;
  const Token& before = toks_[m.begin - 1];
  bool term_next = false;
  for (const auto& tm : term_matches) term_next |= tm.begin == m.end;
  return m.end == m.begin + 1 && IsParticiple(w) && term_next &&
         before.type == TokenType::kWord && before.mention < 0 && !before.capitalized &&
         !lex_.modifier_verbal_words().count(before.norm) && !lex_.pronouns().count(PronounPart(before.norm)) &&
         !lex_.adverbs().count(before.norm) && !IsNegator(before);
}

}  // namespace statements_internal
}  // namespace faultline
