// Proposals in the subjunctive: "Trump suggested that Russia be readmitted to the G7",
// "Italy insisted that Kyiv be given jets", "his suggestion that Russia be offered talks".
// A bare "be" heading the clause that completes a proposing verb or noun (`mandative` in the
// cue lexicon) is a demand, as "should be" is, and its proposer holds it. Separate because
// it reads one construction on the flat tokens for three steps: the cue (FindCues), the
// passive after it (ReadAfterTerm) and the speaker (ResolveDemand).

#include "statements/sentence_analyzer.h"

namespace faultline {
namespace statements_internal {
namespace {

// The longest subject read between a mandative word and its "be" ("that the new sanctions on
// Russia be ...").
constexpr size_t kSubjectWords = 6;
// The longest mandative phrase ("insist on"): how far back a match may start.
constexpr size_t kMandativeWords = 3;

}  // namespace

// The mandative verb or noun whose match ends right before token `e`, if any.
std::optional<PatternMatch> SentenceAnalyzer::MandativeEndingAt(size_t e) const {
  for (size_t x = e > kMandativeWords ? e - kMandativeWords : 0; x < e; ++x) {
    std::vector<PatternMatch> found;
    lex_.mandative().MatchAt(view_, x, e, &found);
    for (const PatternMatch& m : found)
      if (m.end == e) return m;
  }
  return std::nullopt;
}

// Whether token `be` is a subjunctive "be" and, if so, the mandative word it completes:
// "be" (or "not be") after a subject of up to kSubjectWords words that follows the mandative
// word or its "that". No auxiliary may stand before it (`not_before_be`: "would be", "to
// be"), nor punctuation in the subject ("the tanks, which were sent, be" is no such clause).
std::optional<PatternMatch> SentenceAnalyzer::SubjunctiveOf(size_t be) const {
  if (be >= toks_.size() || toks_[be].norm != "be") return std::nullopt;
  size_t k = be;
  if (k > 0 && IsNegator(toks_[k - 1])) --k;
  for (size_t b = k; b-- > 0 && k - b <= kSubjectWords;) {
    const Token& w = toks_[b];
    if (w.type != TokenType::kWord || w.norm == "that" || lex_.not_subjunctive().count(w.norm)) return std::nullopt;
    if (b == 0) return std::nullopt;
    if (toks_[b - 1].norm == "that") return MandativeEndingAt(b - 1);
    if (auto m = MandativeEndingAt(b)) return m;
  }
  return std::nullopt;
}

// The proposer of a subjunctive demand, when no reporting verb names one: the possessor of a
// mandative noun ("Macron's suggestion that ..."), or the subject of a mandative verb ("Rome
// requested that ...").
Holder SentenceAnalyzer::MandativeHolder(const Clause& c, const PatternMatch& m) const {
  Holder h;
  if (m.payload == 1) {
    if (m.begin >= c.b + 2 && toks_[m.begin - 1].norm == "'s" && toks_[m.begin - 2].mention >= 0) {
      const size_t j = MentionStart(m.begin - 2, c.b);
      CollectGroup(j, m.begin - 1, j, &h);
    }
    return h;
  }
  if (m.begin > c.b) {
    const Subject s = SubjectAt(c.b, m.begin);
    if (s.kind == SubjKind::kActors) h = s.holder;
  }
  return h;
}

// The subjunctive "be" of the sentence as support cues, read as "should" is; and the
// hypothetical "suggestion that" before one is no insinuation but a proposal.
void SentenceAnalyzer::AddSubjunctiveCues() {
  std::vector<size_t> thats;
  for (size_t t = 0; t < toks_.size(); ++t) {
    const std::optional<PatternMatch> m = SubjunctiveOf(t);
    if (!m) continue;
    cues_.push_back(CueHit{t, t + 1, CueKind::kSupport, -1, true});
    if (m->end < toks_.size() && toks_[m->end].norm == "that") thats.push_back(m->end);
  }
  if (thats.empty()) return;
  std::vector<CueHit> kept;
  for (const CueHit& q : cues_) {
    const bool proposal = q.kind == CueKind::kHypothetical &&
                          std::find(thats.begin(), thats.end(), q.e - 1) != thats.end();
    if (!proposal) kept.push_back(q);
  }
  cues_ = std::move(kept);
}

}  // namespace statements_internal
}  // namespace faultline
