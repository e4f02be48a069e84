// The chain of cues that governs one issue term: the stance-bearing cues, negators and
// hypothetical cues before it (ReadCuesBefore), how far the chain reaches (BoundChain, and
// the tree's word on it: ChainStopsBefore, DropStrayAgainst, CutAtCoordinatedPredicate,
// chain_reach.h), and the evaluations, modal passives and object complements after it
// (ReadAfterTerm, ReadModalPassive, ReadObjectComplement). Separate because it reads what a
// clause says about a term, whoever holds it (term_holders.cpp).

#include "statements/sentence_analyzer.h"

#include "statements/chain_reach.h"

namespace faultline {
namespace statements_internal {

// A past participle after its noun ("tanks sent by Poland", "the aid withheld"): a regular
// "-ed" form or an irregular form of the cue lexicon (a cue is one of its verbs' forms).
bool SentenceAnalyzer::IsPastParticiple(const std::string& w) const {
  return EndsWith(w, "ed", 3) || lex_.irregular_forms().count(w) > 0;
}

// Whether the "by" at `by` opens a phrase the term heads: only names and the words that
// join them stand between ("supported by US and NATO forces"), so the term is the agent of
// the verb before "by", not its object.
bool SentenceAnalyzer::TermHeadsByPhrase(size_t by, const TermHit& term) const {
  if (by >= term.b || toks_[by].norm != "by") return false;
  bool named = false;
  for (size_t k = by + 1; k < term.b; ++k) {
    if (toks_[k].mention < 0 && !lex_.by_phrase_joiners().count(toks_[k].norm)) return false;
    named |= toks_[k].mention >= 0;
  }
  return named;
}

// Whether a mention inside the term's phrase ("speak to Putin") is the person `person`.
bool SentenceAnalyzer::TermNamesPerson(const TermHit& term, const std::string& person) const {
  if (person.empty()) return false;
  for (size_t k = term.b; k < term.e && k < toks_.size(); ++k)
    if (toks_[k].mention >= 0 && ments_[toks_[k].mention].person == person) return true;
  return false;
}

// A negated aside between commas right after a polar cue, before the term: "tried to loosen,
// not tighten, sanctions" names the road not taken, and the cue before it governs the term
// alone (read through, "not" flipped "tighten" and the chain came out +1). {0, 0} if none.
std::pair<size_t, size_t> SentenceAnalyzer::ContrastAside(size_t from, size_t term_b) const {
  for (size_t t = from + 1; t + 2 < term_b; ++t) {
    if (toks_[t].norm != "," || !Negates(t + 1)) continue;
    bool after_cue = false;
    for (const auto& q : cues_) after_cue |= q.e == t && q.polar();
    if (!after_cue) continue;
    for (size_t k = t + 2; k < term_b && k < t + 6; ++k)
      if (toks_[k].norm == ",") return {t, k + 1};
  }
  return {0, 0};
}

// The stance-bearing cues of the clause before the term (from the previous term on), the
// negators and the hypothetical cues; false when the term is an act's object and its act
// is not among them.
bool SentenceAnalyzer::ReadCuesBefore(const Clause& c, const TermHit& term, TermReading* r) const {
  bool act_ok = term.act < 0;
  auto add_cue_text = [&](size_t b, size_t e) {
    if (!r->cue_text.empty()) r->cue_text += " ... ";
    r->cue_text += Surface(b, e);
  };
  const auto [aside_b, aside_e] = ContrastAside(std::max(r->rs, c.b), term.b);
  auto in_aside = [&, aside_b = aside_b, aside_e = aside_e](size_t b, size_t e) {
    return aside_b < aside_e && b >= aside_b && e <= aside_e;
  };
  for (const auto& q : cues_) {
    if (q.b < c.b || q.e > term.b || in_aside(q.b, q.e)) continue;
    if (q.kind == CueKind::kHypothetical || DeniedSighting(q, c)) {
      r->hypothetical = true;
      continue;
    }
    if (q.b < r->rs) continue;
    // "troops supported by US and NATO forces": the term is the cue's agent, not its object
    if (q.verb && TermHeadsByPhrase(q.e, term)) continue;
    if (q.act >= 0) {
      if (!cb_.ActTakes(q.act, term.issue, term.act)) continue;
      if (term.act >= 0 && q.act == term.act) act_ok = true;
      r->polars.push_back(Polar{q.b, q.e, cb_.act(q.act).stance, true, false});
      for (const auto& g : cues_)
        if (g.act < 0 && g.polar() && g.kind != CueKind::kFrame && g.b < q.e && q.b < g.e)
          r->polars.back().shadowed_polarity = g.polarity();
      r->has_act = true;
      add_cue_text(q.b, q.e);
      continue;
    }
    if (q.kind == CueKind::kNegation) {
      if (IsFocusParticle(q.e)) continue;  // "not just"
      r->neg_pos.push_back(q.b);
      continue;
    }
    if (!q.polar()) continue;
    // "Russia's claimed commitment to diplomacy": the writer disputes the cue
    if (q.noun && q.b > c.b && lex_.disputed_modifiers().count(toks_[q.b - 1].norm)) continue;
    // "Russia's illegal aggression ... and to support ...": a condemnation between a
    // possessive and its noun is the writer's view of that act (as after the term,
    // ReadAfterTerm); it is neither a cue of the chain nor a sign that the possessor holds
    // it. Praise or stress ("Germany's historic commitment to ...", "Ukraine's urgent
    // needs") still marks the possessor's own act or need, and stays.
    if (EvaluatesPossessedNoun(q, c)) continue;
    // a generic cue on the same words as an act for this issue counts once
    bool shadowed = false;
    for (const auto& a : cues_)
      if (a.act >= 0 && cb_.ActTakes(a.act, term.issue, term.act) && a.b < q.e && q.b < a.e) shadowed = true;
    if (shadowed) continue;
    if (q.kind == CueKind::kSincerity) r->sincerity = true;
    // "condemned as unacceptable": the evaluation restates the verb, it counts once
    if ((q.kind == CueKind::kEvalNegative || q.kind == CueKind::kEvalPositive) && !r->polars.empty() &&
        r->polars.back().verb) {
      bool only_as = true;
      for (size_t t = r->polars.back().e; t < q.b; ++t)
        only_as &= toks_[t].norm == "as" || toks_[t].type == TokenType::kQuote;
      if (only_as) {
        add_cue_text(q.b, q.e);
        continue;
      }
    }
    r->polars.push_back(Polar{q.b, q.e, q.polarity(), q.verb, q.noun});
    if (q.verb && (q.kind == CueKind::kSupport || q.kind == CueKind::kOppose)) r->stance_verb_before = true;
    add_cue_text(q.b, q.e);
  }
  // negators not matched as cues ("don't", "won't"); one inside a longer cue is that cue's
  // word, not a second negation ("decided not to send", "said no to", "spare no effort to")
  for (size_t t = r->rs; t < term.b; ++t)
    if (Negates(t) && !in_aside(t, t + 1)) {
      bool counted = false;
      for (const auto& q : cues_)
        if (q.b <= t && t < q.e) counted = true;
      if (!counted) r->neg_pos.push_back(t);
    }
  if (!act_ok) return false;
  // A frame alone ("regards X") carries no stance. An act counts only when it takes this
  // term (has_act): in "we do not see diplomacy ... on the horizon" the "do" of another
  // issue's act ("do a deal" on the pipeline) is no cue, and "not see" alone is an
  // observation, no stance.
  for (const auto& q : cues_)
    if (q.b >= r->rs && q.e <= term.b && q.polar() && q.kind != CueKind::kFrame && q.act < 0) r->only_frames = false;
  if (r->has_act) r->only_frames = false;
  return true;
}

// "we have not -- since the leaders spoke -- seen the PRC providing weapons": a negated verb
// of witnessing whose object is a name or a pronoun denies the act it would report; the
// act is then nobody's position (like what there is no evidence of). A negator before it
// in its clause counts unless another polar cue stands between ("did not want to see ...").
bool SentenceAnalyzer::DeniedSighting(const CueHit& q, const Clause& c) const {
  if (q.kind != CueKind::kFrame || !lex_.sighting_verbs().count(toks_[q.b].norm)) return false;
  size_t o = q.e;
  while (o < c.e && lex_.sighting_object_determiners().count(toks_[o].norm)) ++o;
  if (o >= c.e || (toks_[o].mention < 0 && !lex_.pronouns().count(toks_[o].norm))) return false;
  for (size_t t = q.b; t > c.b; --t) {
    bool in_cue = false;
    for (const auto& other : cues_)
      if (other.b < t && t <= other.e && other.b != q.b) {
        if (other.kind == CueKind::kNegation) return true;
        if (other.polar()) return false;
        in_cue = true;
      }
    if (!in_cue && Negates(t - 1)) return true;
  }
  return false;
}

// Whether a denied sighting stands before the term in its clause (the tree rules ask too).
bool SentenceAnalyzer::SightingDenied(const TermHit& term) const {
  const int ci = clause_of_[term.b];
  if (ci < 0) return false;
  for (const auto& q : cues_)
    if (q.b >= clauses_[ci].b && q.e <= term.b && DeniedSighting(q, clauses_[ci])) return true;
  return false;
}

bool SentenceAnalyzer::EvaluatesPossessedNoun(const CueHit& q, const Clause& c) const {
  if (q.kind != CueKind::kEvalNegative) return false;
  return q.b > c.b && PossessiveMarker(BeforeEvaluations(q.b, c.b));
}

size_t SentenceAnalyzer::BeforeEvaluations(size_t t, size_t floor) const {
  auto in_evaluation = [&](size_t u) {
    for (const auto& q : cues_)
      if ((q.kind == CueKind::kEvalNegative || q.kind == CueKind::kEvalPositive) && q.b <= u && u < q.e) return true;
    return false;
  };
  size_t k = t - 1;
  while (k > floor && (toks_[k].type == TokenType::kQuote || toks_[k].norm == "," || toks_[k].norm == "and" ||
                       toks_[k].norm == "or" || in_evaluation(k)))
    --k;
  return k;
}

bool SentenceAnalyzer::PossessiveMarker(size_t k) const {
  if (toks_[k].mention < 0 && lex_.possessives().count(toks_[k].norm)) return true;
  // "'s" after a name, not the verb of "it's", "that's"
  return toks_[k].norm == "'s" && k > 0 && toks_[k - 1].mention >= 0;
}

// Whether the clause makes the term a bargaining chip: a leverage word within three words
// before the chain's first cue ("tied the release of aid to ...") or after the term ("the aid
// as leverage", "the aid conditional on ...").
bool SentenceAnalyzer::IsBargainingChip(const Clause& c, const TermHit& term, const TermReading& r) const {
  const size_t first = r.polars.empty() ? term.b : r.polars.front().b;
  for (size_t t = first > c.b + 3 ? first - 3 : c.b; t < first; ++t)
    if (lex_.leverage_words().count(toks_[t].norm)) return true;
  for (size_t t = term.e; t < c.e && t < term.e + 4; ++t)
    if (lex_.leverage_words().count(toks_[t].norm)) return true;
  return false;
}

// Whether a circumstance word stands between a cue and the term after it: the term is then
// the cause the cue's act answers, not its object. In "blocked adoptions in response to the
// sanctions" or "urged Moscow not to retaliate over the sanctions" nobody blocks or opposes
// the sanctions.
bool SentenceAnalyzer::CircumstanceBetween(size_t cue_end, size_t term_b) const {
  for (size_t t = cue_end; t < term_b; ++t)
    if (lex_.circumstance_words().count(toks_[t].norm)) return true;
  return false;
}

// The nearest stance cue must be close to the term it governs, and each earlier cue close
// to the next one: a chain does not run across unrelated stretches ("... by the end of
// March and to continue ... support"). A name counts as one word. Then the negators in
// the chain's scope.
void SentenceAnalyzer::BoundChain(const TermHit& term, TermReading* r) const {
  if (!r->polars.empty() && !r->only_frames) {
    if (Distance(r->polars.back().e, term.b) > 10 || CircumstanceBetween(r->polars.back().e, term.b)) {
      r->polars.clear();
    } else {
      size_t keep = r->polars.size() - 1;
      while (keep > 0 && Distance(r->polars[keep - 1].e, r->polars[keep].b) <= 8) --keep;
      // Cues before a long stretch do not bear on this term's polarity; the first
      // one still anchors the holder (and a passive there still has no agent).
      if (keep > 0) {
        r->chain_anchor = r->polars.front();
        r->has_anchor = true;
        r->polars.erase(r->polars.begin(), r->polars.begin() + keep);
      }
    }
  }
  // Negation scope: a negator inside the chain, or just before its first cue ("is not
  // pursuing", "don't think Putin is serious"); one in an earlier subordinate clause
  // ("Russia's admission that it will not withdraw ..., I have authorized ...") is not.
  size_t anchor = r->polars.empty() ? term.b : r->polars.front().b;
  std::string neg_text;
  // A belief about sincerity is the believing verb's: a negator just before it denies it
  // however long the content ("does not believe that Putin is serious"), and a verb of
  // doubt denies it by itself ("doubts that Putin is serious").
  if (r->sincerity) {
    if (const PatternMatch* v = BeliefVerb(term.b, anchor)) {
      anchor = std::min(anchor, v->begin);
      if (v->payload == kSpeechDoubt) {
        ++r->negations;
        neg_text = Surface(v->begin, v->end);
      }
    }
  }
  // "no reason for the U.S. to lift": the infinitive's own subject ("for" and a name right
  // before "to") stands between a negated noun and the verb it completes, and does not count
  size_t subject_words = 0;
  if (anchor >= 3 && toks_[anchor - 1].norm == "to" && toks_[anchor - 2].mention >= 0) {
    size_t t = anchor - 2;
    while (t > 0 && toks_[t - 1].mention == toks_[anchor - 2].mention) --t;
    if (t > 0 && toks_[t - 1].norm == "for") subject_words = 2;
  }
  for (size_t p : r->neg_pos) {
    if (p >= anchor || Distance(p, anchor) <= 4 + subject_words) {
      ++r->negations;
      if (!neg_text.empty()) neg_text += ' ';
      neg_text += Surface(p, p + 1);  // appended: "literal" + string&& trips g++ 12's -Wrestrict
    }
  }
  if (neg_text.empty()) return;
  if (!r->cue_text.empty()) {
    neg_text += " ... ";
    neg_text += r->cue_text;
  }
  r->cue_text = std::move(neg_text);
}

// The last reporting or cognition verb of the term's clause before `before`: the verb
// whose subject holds a belief about sincerity (null when there is none).
const PatternMatch* SentenceAnalyzer::BeliefVerb(size_t term_b, size_t before) const {
  if (term_b >= clause_of_.size() || clause_of_[term_b] < 0) return nullptr;
  return LastSpeechVerb(clauses_[clause_of_[term_b]], before);
}

const PatternMatch* SentenceAnalyzer::LastSpeechVerb(const Clause& c, size_t before) const {
  const PatternMatch* verb = nullptr;
  for (const auto& m : speech_)
    if (m.begin >= c.b && m.end <= before && (verb == nullptr || m.begin > verb->begin)) verb = &m;
  return verb;
}

// "should Russia invade", "should the talks fail": a modal right before a subject opens a
// condition, an inverted "if".
bool SentenceAnalyzer::InvertedCondition(size_t t) const {
  if (!lex_.inverting_modals().count(toks_[t].norm) || t + 1 >= toks_.size()) return false;
  const Token& next = toks_[t + 1];
  return next.mention >= 0 || lex_.pronouns().count(next.norm) || lex_.possessives().count(next.norm) ||
         lex_.inverted_subject_starts().count(next.norm);
}

// Evaluations after the term: "talks with Putin are counterproductive", "regards dialogue
// ... as counterproductive", "talks shouldn't be held".
void SentenceAnalyzer::ReadAfterTerm(const Clause& c, const TermHit& term, TermReading* r) const {
  size_t next_term = c.e;
  for (const auto& t2 : terms_)
    if (t2.b >= term.e && t2.b < next_term) next_term = t2.b;
  r->post_end = std::min({c.e, term.e + 16, next_term});
  ReadObjectComplement(term, r);
  for (size_t t = term.e; t < r->post_end && !r->has_post; ++t) {
    // "fortify the eastern flank in response to such an escalation": what follows is the
    // circumstance's, not an evaluation of the term
    if (lex_.circumstance_words().count(toks_[t].norm)) break;
    // "will strengthen the flow of aid by giving early warning of a threat": a means clause
    // says how, and what it names is not said of the term
    if (toks_[t].norm == "by" && t + 1 < r->post_end && IsIngForm(toks_[t + 1].norm)) break;
    if (Negates(t)) {
      // "will not — as I promised — will not move forward": a restarted negation counts once
      bool restarted = false;
      if (t + 1 < r->post_end && toks_[t + 1].type == TokenType::kDash)
        for (size_t u = t + 2; u < r->post_end; ++u) restarted |= toks_[u].norm == toks_[t].norm;
      if (!restarted) ++r->post_neg;
      continue;
    }
    // "demanded a timeline for membership and called its absence absurd": a coordinated
    // verb starts a predicate of its own, whose evaluation is not about this term
    bool new_predicate = false;
    for (const auto& q : cues_)
      new_predicate |= q.b == t && q.verb && t > term.e && lex_.predicate_coordinators().count(toks_[t - 1].norm);
    if (new_predicate) break;
    // "will impose sanctions should Russia invade": "should" before its subject opens a
    // condition (an inverted "if"); nothing after it evaluates the term
    if (InvertedCondition(t)) break;
    for (const auto& q : cues_) {
      if (q.b != t) continue;
      // "should", and the subjunctive "be" that stands for it ("proposed that the sanctions be lifted")
      const bool subjunctive = q.kind == CueKind::kSupport && SubjunctiveOf(t).has_value();
      const bool modal = (q.kind == CueKind::kSupport && lex_.demand_modals().count(toks_[t].norm)) || subjunctive;
      const bool evaluation = q.kind == CueKind::kEvalNegative || q.kind == CueKind::kEvalPositive;
      // "Russia's unjustified invasion", "Moscow's “provocation”": after a possessive (a
      // quote mark between), an evaluation describes the noun it precedes, not this term
      size_t before = t - 1;
      while (before > term.e && toks_[before].type == TokenType::kQuote) --before;
      if (evaluation && t > term.e &&
          (toks_[before].norm == "'s" || lex_.possessives().count(toks_[before].norm)))
        continue;
      if (evaluation || modal) {
        r->post_polarity = q.polarity();
        r->has_post = true;
        r->post_evaluation = evaluation;
        r->post_b = q.b;
        r->post_e = q.e;
        r->post_cue_at = r->cue_text.size();
        if (!r->cue_text.empty()) r->cue_text += " ... ";
        r->cue_text += Surface(q.b, q.e);
        // "the sanctions should be lifted": the passive verb after the modal says what
        // should happen to the term
        if (modal) ReadModalPassive(subjunctive ? q.b : q.e, r);
        // "condemned the idea as counterproductive": the evaluation restates the verb
        bool as_before = false;
        for (size_t u = term.e; u < t; ++u) as_before |= toks_[u].norm == "as";
        if (evaluation && as_before && r->stance_verb_before) r->post_polarity = 1;
        break;
      }
    }
  }
  if (r->has_post) r->negations += r->post_neg;
}

// "Hungary wants the sanctions on Russia lifted", "Trump wanted the aid withheld": a verb of
// wanting right before the term's phrase, and a participle cue after it (past the term's
// complement, before any auxiliary or new clause), is a wish for what the participle does
// to the term: its polarity is the wish's content ("lifted": against the sanctions).
void SentenceAnalyzer::ReadObjectComplement(const TermHit& term, TermReading* r) const {
  size_t v = term.b;  // the verb before the term, over up to three determiners and modifiers
  while (v > 0 && term.b - v < 4 && !lex_.object_complement_verbs().count(toks_[v - 1].norm)) {
    const Token& k = toks_[v - 1];
    if (k.type != TokenType::kWord || k.mention >= 0 || lex_.prepositions().count(k.norm)) return;
    --v;
  }
  if (v == 0 || !lex_.object_complement_verbs().count(toks_[v - 1].norm)) return;
  for (size_t t = term.e; t < r->post_end && t < term.e + 6; ++t) {
    if (toks_[t].type != TokenType::kWord || lex_.object_complement_ends().count(toks_[t].norm)) return;
    for (const auto& q : cues_) {
      if (q.b != t || !q.verb || !IsPastParticiple(toks_[t].norm)) continue;
      const bool act = q.act >= 0 && cb_.ActTakes(q.act, term.issue, term.act);
      if (!act && q.kind != CueKind::kSupport && q.kind != CueKind::kOppose) continue;
      r->post_polarity = act ? cb_.act(q.act).stance : q.polarity();
      r->has_post = true;
      if (!r->cue_text.empty()) r->cue_text += " ... ";
      r->cue_text += Surface(q.b, q.e);
      return;
    }
  }
}

// After a modal that follows the term ("sanctions should be lifted", "must not be eased"):
// "be" and negators, then a stance verb, whose polarity the modal's demand takes on.
void SentenceAnalyzer::ReadModalPassive(size_t after_modal, TermReading* r) const {
  size_t t = after_modal;
  int negs = 0;
  bool be = false;
  for (; t < r->post_end && t < after_modal + 4; ++t) {
    if (Negates(t)) {
      ++negs;
    } else if (toks_[t].norm == "be" || toks_[t].norm == "been") {
      be = true;
    } else if (!lex_.adverbs().count(toks_[t].norm)) {
      break;
    }
  }
  if (!be || t >= r->post_end) return;
  for (const auto& q : cues_) {
    if (q.b != t || !q.verb || (q.kind != CueKind::kSupport && q.kind != CueKind::kOppose)) continue;
    r->post_polarity *= q.polarity();
    r->post_neg += negs;
    r->cue_text += " ... " + Surface(q.b, q.e);
    return;
  }
}

// The parse says the chain's last cue does not reach the term: the term is the object of a
// verb between them that no cue knows ("tried to downplay the meeting"; chain_reach.h).
// Parsed only when a word stands between the cue and the term.
bool SentenceAnalyzer::ChainStopsBefore(const TermHit& term, const TermReading& r) {
  if (model_ == nullptr || r.polars.empty() || r.only_frames || term.proform) return false;
  const Polar& last = r.polars.back();
  bool word_between = false;
  for (size_t t = last.e; t < term.b; ++t) word_between |= toks_[t].type == TokenType::kWord;
  if (!word_between) return false;
  const syntax::ParsedSentence& tree = Tree();
  const size_t tb = toks_[term.b].begin, te = toks_[term.e - 1].end;
  const int verb = OpaqueVerbBetween(tree, HeadWordOf(tree, tb, te), tb, te, toks_[last.b].begin,
                                     toks_[last.e - 1].end, lex_.carrier_verbs());
  if (verb < 0) return false;
  // "wants to tighten, not loosen, the sanctions": the model hangs the shared object on the
  // negated aside's verb, which the chain has left out (ContrastAside)
  if (const auto [ab, ae] = ContrastAside(last.b, term.b);
      ab < ae && tree.tokens[verb].begin >= toks_[ab].begin && tree.tokens[verb].begin < toks_[ae - 1].end)
    return false;
  Trace("  tree: '" + Surface(last.b, last.e) + "' does not reach " + Surface(term.b, term.e) + ", the object of '" +
        tree.tokens[verb].form + "'");
  return true;
}

// A bare "against" opposes its own object only: the next cue of the chain or the term must
// be what it marks (chain_reach.h). "Russia's war against Ukraine", "defend himself against
// allegations that ...", "sanctions against thousands of entities, including sanctions on
// ...": the preposition names a target, and the chain loses it. Parsed only for a chain
// holding a bare "against".
void SentenceAnalyzer::DropStrayAgainst(const TermHit& term, TermReading* r) {
  if (model_ == nullptr || term.proform) return;
  auto bare_against = [&](const Polar& p) { return p.e == p.b + 1 && !p.verb && toks_[p.b].norm == "against"; };
  bool any = false;
  for (const Polar& p : r->polars) any |= bare_against(p);
  if (!any) return;
  const syntax::ParsedSentence& tree = Tree();
  // right to left, so that each "against" is checked against what follows it in the chain
  // as kept ("against this record of action against Russian interests that ...")
  std::vector<Polar> kept;
  size_t nb = term.b, ne = term.e;
  for (size_t i = r->polars.size(); i-- > 0;) {
    const Polar& p = r->polars[i];
    if (bare_against(p)) {
      const int prep = TreeWord(tree, p.b, p.e);
      const int target = TreeWord(tree, nb, ne);
      if (!PrepositionGoverns(tree, prep, target)) {
        Trace("  tree: 'against' does not govern " + Surface(nb, ne));
        continue;
      }
    }
    kept.insert(kept.begin(), p);
    nb = p.b;
    ne = p.e;
  }
  r->polars = std::move(kept);
}

// The parse says whether an evaluation at tokens [b, e) is an adjective of another noun than
// the term (chain_reach.h): "provided assistance ... from an outrageous and unlawful Russian
// attack" judges the attack. Parsed only for a chain with an evaluation.
bool SentenceAnalyzer::EvaluationStrays(const TermHit& term, size_t b, size_t e) {
  if (model_ == nullptr || term.proform) return false;
  const syntax::ParsedSentence& tree = Tree();
  const bool strays = EvaluationModifiesOther(tree, TreeWord(tree, b, e), TreeWord(tree, term.b, term.e),
                                              toks_[term.b].begin, toks_[term.e - 1].end);
  if (strays) Trace("  tree: '" + Surface(b, e) + "' modifies another noun than " + Surface(term.b, term.e));
  return strays;
}

// A negative evaluation among the cues before the term that the parse gives to another noun
// does not turn the stance ("condemned the brutal, reckless attack and sent tanks"); it still
// anchors the holder, as the words of the chain do. A chain left with frames and such
// evaluations alone carries no stance. (A positive one turns nothing.)
void SentenceAnalyzer::NeutralizeStrayEvaluationsBefore(const TermHit& term, TermReading* r) {
  auto kind_at = [&](const Polar& p, CueKind kind) {
    for (const auto& q : cues_)
      if (q.b == p.b && q.e == p.e && q.kind == kind) return true;
    return false;
  };
  bool dropped = false, only_frames = !r->has_act;
  for (Polar& p : r->polars) {
    if (p.polarity < 0 && kind_at(p, CueKind::kEvalNegative) && EvaluationStrays(term, p.b, p.e)) {
      p.polarity = 1;
      dropped = true;
      continue;
    }
    only_frames &= kind_at(p, CueKind::kFrame);
  }
  if (dropped && only_frames) r->only_frames = true;
}

// The evaluation after the term, when the parse gives it to another noun, says nothing of
// the term: its polarity, its negators and its words leave the reading.
void SentenceAnalyzer::DropStrayEvaluationAfter(const TermHit& term, TermReading* r) {
  if (!r->has_post || !r->post_evaluation || !EvaluationStrays(term, r->post_b, r->post_e)) return;
  r->negations -= r->post_neg;
  r->post_polarity = 1;
  r->has_post = false;
  r->post_evaluation = false;
  r->cue_text.resize(r->post_cue_at);
}

// An act on the words of a generic cue that ends in a preposition ("warn of" on sanctions: a
// threat to impose them) takes the term only when the parse makes the term what that
// preposition marks: in "warned of the consequences of sanctions" it marks the consequences,
// and the cue's own reading (against) stands. Parsed only for such an act.
void SentenceAnalyzer::CheckShadowingActs(const TermHit& term, TermReading* r) {
  if (model_ == nullptr || term.proform) return;
  for (Polar& p : r->polars) {
    if (p.shadowed_polarity == 0 || !lex_.prepositions().count(toks_[p.e - 1].norm)) continue;
    const syntax::ParsedSentence& tree = Tree();
    if (PrepositionMarks(tree, TreeWord(tree, p.e - 1, p.e), TreeWord(tree, term.b, term.e))) continue;
    Trace("  tree: '" + Surface(p.b, p.e) + "' does not mark " + Surface(term.b, term.e) + ", the cue's reading stands");
    p.polarity = p.shadowed_polarity;
  }
}

// A chain does not run from one coordinated predicate into the next (chain_reach.h): "the
// leaders condemned Russia's aggression and discussed their determination to continue
// imposing costs" is for the costs, not against them. A cue of the first conjunct leaves
// the chain when the second has a cue of its own; the first cue still anchors the holder,
// whom both predicates share. Parsed only when "and" or "but" stands between the first cue
// and the term.
void SentenceAnalyzer::CutAtCoordinatedPredicate(const TermHit& term, TermReading* r) {
  if (model_ == nullptr || term.proform || r->polars.empty()) return;
  bool conjunction = false;
  for (size_t t = r->polars.front().e; t < term.b; ++t)
    conjunction |= lex_.predicate_coordinators().count(toks_[t].norm) > 0;
  if (!conjunction) return;
  const syntax::ParsedSentence& tree = Tree();
  std::vector<int> cue_words;
  for (const Polar& p : r->polars) cue_words.push_back(TreeWord(tree, p.b, p.e));
  const int term_word = TreeWord(tree, term.b, term.e);
  std::vector<Polar> kept;
  // The last cue is left to ChainStopsBefore: with no cue of its own in the second
  // conjunct, that conjunct's verb decides ("try to clear his name and overturn the
  // sanctions": "overturn" is no cue, and the chain stops at it).
  for (size_t i = 0; i < r->polars.size(); ++i) {
    if (i + 1 < r->polars.size() && CoordinatedPredicate(tree, cue_words[i], term_word)) {
      Trace("  tree: '" + Surface(r->polars[i].b, r->polars[i].e) + "' is a predicate of its own");
      if (!r->has_anchor && kept.empty()) {
        r->chain_anchor = r->polars[i];
        r->has_anchor = true;
      }
      continue;
    }
    kept.push_back(r->polars[i]);
  }
  r->polars = std::move(kept);
}

}  // namespace statements_internal
}  // namespace faultline
