// Who holds the chain of one issue term when its clause's subject is not simply the holder:
// the possessor of a noun cue (FindPossessor), a passive or reduced relative clause that has
// no agent (PassiveAt, ReducedRelativeAt), the object before "for" + gerund
// (EmitGerundObject), the speaker of a demand on others (ResolveDemand), co-agents
// (AddCoAgents), and the holders named after the term (EmitReducedPassive,
// EmitModifierHolder, EmitPassiveAfterTerm). ClauseHolder puts these together. Separate
// because it is the step from a chain to its holder; the subjects themselves are
// subjects.cpp.

#include "statements/sentence_analyzer.h"

namespace faultline {
namespace statements_internal {

// A reduced passive after the term: "Patriot batteries donated by Germany and Romania" (no
// auxiliary; the participle and "by" follow the term's noun phrase). Not in the object of
// a cue: "demanded a fence funded by the EU" is no act of the EU.
void SentenceAnalyzer::EmitReducedPassive(const Clause& c, const TermHit& term, const TermReading& r) {
  for (size_t u = term.e; u < r.post_end && u < term.e + 4; ++u) {
    const Token& k = toks_[u];
    if (k.type != TokenType::kWord || k.mention >= 0) break;
    const CueHit* verb = nullptr;
    for (const auto& q : cues_)
      if (q.b == u && (q.act >= 0 ? cb_.ActTakes(q.act, term.issue, term.act)
                                  : q.verb && (q.kind == CueKind::kSupport || q.kind == CueKind::kOppose)))
        verb = &q;
    if (verb == nullptr) continue;
    const std::string& w = k.norm;
    const bool participle = IsPastParticiple(w);
    if (participle && verb->e + 1 < c.e && toks_[verb->e].norm == "by" && toks_[verb->e + 1].mention >= 0) {
      Holder agent;
      CollectGroup(verb->e + 1, c.e, verb->e + 1, &agent);
      agent.rule = "passive-agent";
      const int pol = (verb->act >= 0 ? cb_.act(verb->act).stance : verb->polarity()) * term.polarity;
      Emit(agent, term.issue, pol, Surface(verb->b, verb->e + 1), "reduced-passive");
    }
    break;
  }
}

// Whether token k is the possessive ending of a name: "Canada's", "the United States'".
bool SentenceAnalyzer::NamedPossessive(size_t k, size_t floor) const {
  return k > floor && (toks_[k].norm == "'s" || toks_[k].norm == "'") && toks_[k - 1].mention >= 0;
}

// Whether the mention at token k follows a preposition: "the freezing of Norway's aid", "tied
// to Norway's aid" name whose aid another noun or verb acts on, not a gift.
bool SentenceAnalyzer::AfterPreposition(size_t k, size_t floor) const {
  const size_t b = MentionStart(k, floor);
  return b > floor && lex_.prepositions().count(toks_[b - 1].norm) > 0;
}

// A name that modifies a term no cue governs holds it: "Moscow is subject to painful US
// sanctions" (only for issues whose codebook says so; not the target: "Russia sanctions").
// For terms that name the act of giving (the codebook's held_by_possessor), only a named
// possessor does: "Norway's military aid".
void SentenceAnalyzer::EmitModifierHolder(const Clause& c, const TermHit& term, const TermReading& r) {
  if (term.proform || term.issue < 0) return;
  const Issue& issue = cb_.issues()[term.issue];
  const bool by_possessor = Contains(issue.held_by_possessor, toks_[term.e - 1].norm);
  if ((!issue.held_by_modifier && !by_possessor) || !r.polars.empty() || r.has_post || r.hypothetical ||
      (question_ && !c.in_quote) || term.b <= c.b)
    return;
  size_t k = term.b - 1;
  // one plain adjective may stand between: "U.S. economic sanctions", "Canada's new sanctions"
  if (toks_[k].mention < 0 && k > c.b && toks_[k].type == TokenType::kWord && !toks_[k].capitalized &&
      !NamedPossessive(k, c.b) &&
      !lex_.prepositions().count(toks_[k].norm) && (toks_[k - 1].mention >= 0 || NamedPossessive(k - 1, c.b))) {
    bool cue_here = false;
    for (const auto& q : cues_) cue_here |= q.b <= k && k < q.e;
    // ("the new US sanctions" are no "new" of a name's; after "Canada's" they are)
    if (!cue_here && (!lex_.subject_words().count(toks_[k].norm) || NamedPossessive(k - 1, c.b))) --k;
  }
  // a named possessor holds them the same way: "Washington's sanctions", "Canada's new
  // sanctions", "the United States' sanctions" (not "its sanctions": whose is the pronoun's)
  const bool possessive = NamedPossessive(k, c.b);
  if (possessive) --k;
  if (toks_[k].mention < 0 || (!issue.held_by_modifier && !possessive)) return;
  if (!issue.held_by_modifier && AfterPreposition(k, c.b)) return;
  const Mention& m = ments_[toks_[k].mention];
  bool target = false;
  for (const auto& a : m.actors) target |= Contains(issue.target_actor, a);
  if (target) return;
  Holder h;
  h.actors = m.actors;
  h.person = m.person;
  h.cameo = m.cameo;
  h.rule = issue.held_by_modifier ? "modifier" : "possessor";
  Emit(h, term.issue, term.polarity, Surface(k, term.e), "modifier");
}

// The names after "between" (the codebook's participants_after) take part in the talks the
// term names: "a truce after two days of talks between Russia and Ukraine" is both sides' +1.
// Only when nothing governs the term: in "Chile called for talks between Russia and
// Ukraine" the talks are Chile's wish, not yet anyone's act; nor after a bare "be" ("asked
// that there be direct talks between ...": the subjunctive of a wish).
void SentenceAnalyzer::EmitParticipants(const Clause& c, const TermHit& term, const TermReading& r) {
  // a pro-form may have no issue yet (-1): nothing to index
  if (term.proform || term.issue < 0) return;
  const Issue& issue = cb_.issues()[term.issue];
  if (issue.participants_after.empty() || !r.polars.empty() || r.has_act || r.has_post ||
      r.hypothetical || r.negations > 0 || (question_ && !c.in_quote) || term.e + 1 >= c.e ||
      !Contains(issue.participants_after, toks_[term.e].norm))
    return;
  for (size_t t = term.b; t > c.b && t + 2 >= term.b; --t)
    if (toks_[t - 1].norm == "be") return;
  Holder h;
  const size_t last = CollectGroup(term.e + 1, c.e, term.e + 1, &h);
  for (const auto& a : issue.participants_include)
    if (!Contains(h.actors, a)) return;
  if (h.actors.empty()) return;
  h.rule = "participant";
  Emit(h, term.issue, term.polarity, Surface(term.b, last), "participants");
}

// A passive after the term with its agent: "the aid was approved by Congress".
void SentenceAnalyzer::EmitPassiveAfterTerm(const Clause& c, const TermHit& term, const TermReading& r) {
  size_t t = term.e;
  const WordSet& aux = lex_.passive_auxiliaries();
  // "sanctions on Russia were approved by ...": step over a short modifier
  size_t skip = 0;
  while (t + skip < r.post_end && skip < 5 && !aux.count(toks_[t + skip].norm) &&
         toks_[t + skip].type == TokenType::kWord)
    ++skip;
  if (t + skip < r.post_end && aux.count(toks_[t + skip].norm)) t += skip;
  const size_t aux_start = t;
  while (t < r.post_end && aux.count(toks_[t].norm)) ++t;
  if (t <= aux_start || t >= r.post_end) return;
  for (const auto& q : cues_) {
    if (q.b != t || !(q.verb || q.act >= 0)) continue;
    if (q.act >= 0 && !cb_.ActTakes(q.act, term.issue, term.act)) continue;
    if (q.act < 0 && q.kind != CueKind::kSupport && q.kind != CueKind::kOppose) continue;
    if (q.e + 1 < c.e && toks_[q.e].norm == "by" && toks_[q.e + 1].mention >= 0 && !r.hypothetical) {
      Holder agent;
      CollectGroup(q.e + 1, c.e, q.e + 1, &agent);
      agent.rule = "passive-agent";
      const int pol = (q.act >= 0 ? cb_.act(q.act).stance : q.polarity()) * term.polarity;
      Emit(agent, term.issue, pol, Surface(q.b, q.e + 1), "passive");
    }
    break;
  }
}

// The possessor of the first noun cue of the chain that has one: "Trump's call for",
// "its demands" (a pronoun resolved), "Russian warnings", "commitments from Japan";
// `possessed_at` gets the index of that cue in the chain.
Holder SentenceAnalyzer::FindPossessor(const Clause& c, const TermHit& term, const TermReading& r,
                                       size_t* possessed_at) const {
  Holder possessor;
  const std::vector<Polar>& polars = r.polars;
  for (size_t pi = 0; pi < polars.size(); ++pi) {
    const size_t b = polars[pi].b;
    if (b == 0 || b <= c.b) continue;
    // "Ukraine's urgent need for ...": an evaluation between is the writer's, not the cue
    const size_t past = BeforeEvaluations(b, c.b);
    const bool second = toks_[past].mention < 0 && lex_.second_person_possessives().count(toks_[past].norm);
    size_t k = PossessiveMarker(past) || second ? past : b - 1;
    if (second) {
      // "your decision to send tanks": the addressee's
      possessor = Addressee(c.in_quote);
      if (!possessor.empty()) possessor.rule = "possessive-" + possessor.rule;
    } else if (lex_.possessives().count(toks_[k].norm) && toks_[k].mention < 0) {
      // "our plan to ..." is the speaker's (or the official voice's); "its demands" the
      // last named holder
      const std::string& w = toks_[k].norm;
      const std::string subject = w == "our" ? "we" : w == "my" ? "i" : w == "his" ? "he" : w == "her" ? "she"
                                  : w == "its" ? "it" : "they";
      possessor = ResolvePronoun(subject, c.in_quote);
      if (!possessor.empty()) possessor.rule = "possessive-pronoun";
    } else if (toks_[k].norm == "'s" && k > c.b && toks_[k - 1].mention >= 0) {
      const size_t j = MentionStart(k - 1, c.b);
      CollectGroup(j, k + 1, j, &possessor);
      possessor.rule = "possessor";
    } else if (polars[pi].phrase && toks_[k].mention >= 0) {
      const size_t j = MentionStart(k, c.b);
      CollectGroup(j, k + 1, j, &possessor);
      possessor.rule = "possessor";
    }
    // "commitments from Japan, Canada ...", "objections of the Baltic states"; not "a
    // supporter of Ukraine", whose "of" names what is supported
    if (possessor.empty() && polars[pi].phrase && !lex_.stance_holder_nouns().count(toks_[b].norm)) {
      size_t k2 = polars[pi].e;
      if (k2 > polars[pi].b && (toks_[k2 - 1].norm == "of" || toks_[k2 - 1].norm == "from")) --k2;
      if (k2 < term.b && (toks_[k2].norm == "from" || toks_[k2].norm == "by" || toks_[k2].norm == "of")) {
        size_t j = k2 + 1;
        while (j < term.b && toks_[j].mention < 0 &&
               (toks_[j].norm == "the" || toks_[j].capitalized || lex_.subject_words().count(toks_[j].norm)))
          ++j;
        if (j < term.b && toks_[j].mention >= 0) {
          const size_t after = CollectGroup(j, term.b, k2 + 1, &possessor);
          // "a review of EU sanctions": a name that modifies the term is not an agent
          if (after >= term.b) possessor = Holder{};
          else possessor.rule = "cue-agent";
        }
      }
    }
    if (!possessor.empty()) {
      *possessed_at = pi;
      break;
    }
  }
  return possessor;
}

// Passive: "Ukraine was offered ...": the subject is not the agent.
bool SentenceAnalyzer::PassiveAt(const Clause& c, const Polar* first) const {
  if (first == nullptr || !first->verb) return false;
  size_t k = first->b;
  while (k > c.b && lex_.passive_adverbs().count(toks_[k - 1].norm)) --k;
  const std::string& w = toks_[first->b].norm;
  const bool participle = EndsWith(w, "ed", 3) || lex_.passive_participles().count(w);
  // "we are committed to ...", "Poland is determined to ...": an adjective, not a passive
  return k > c.b && lex_.passive_be_forms().count(toks_[k - 1].norm) && participle &&
         !lex_.adjectival_participles().count(w);
}

// "companies building the pipeline": an -ing verb right after a plain noun belongs to that
// noun, not to the clause's subject.
bool SentenceAnalyzer::ReducedRelativeAt(const Clause& c, const Polar* first) const {
  if (first == nullptr || first->b <= c.b) return false;
  const std::string& g = toks_[first->b].norm;
  const Token& before = toks_[first->b - 1];
  bool before_is_cue = false;
  for (const auto& q : cues_) before_is_cue |= q.b <= first->b - 1 && first->b - 1 < q.e;
  // "issued a joint declaration promising ...": a statement's -ing verb is its authors'
  return IsIngForm(g) && !lex_.statement_nouns().count(before.norm) && before.type == TokenType::kWord &&
         before.mention < 0 && !before_is_cue && !lex_.gerund_verbal_words().count(before.norm) &&
         !lex_.adverbs().count(before.norm) && !IsNegator(before) && !before.capitalized &&
         // "and we're sending tanks": the pronoun of a contraction is the subject, no noun
         !lex_.pronouns().count(PronounPart(before.norm)) &&
         // "is actively pushing": an adverb
         !EndsWith(before.norm, "ly", 4);
}

// "criticized Germany for building the pipeline", "thanked Poland for sending tanks": the
// object before "for" holds the gerund's act (the chain from the gerund on).
void SentenceAnalyzer::EmitGerundObject(const Clause& c, const TermTarget& x, const TermReading& r,
                                        bool for_gerund) {
  const TermHit& term = *x.term;
  size_t f = x.c0;
  for (size_t t = x.c0; t + 1 < term.b; ++t)
    if (toks_[t].norm == "for" && IsIngForm(toks_[t + 1].norm)) {
      f = t;
      break;
    }
  if (for_gerund) f = x.first->b - 1;
  // "targeted the chancellor for her budget and for signing ...": the first "for"
  if (f > c.b && toks_[f - 1].norm == "and")
    for (size_t t = f - 1; t > c.b; --t)
      if (toks_[t].norm == "for" && toks_[t - 1].mention >= 0) {
        f = t;
        break;
      }
  if (f <= c.b || toks_[f].norm != "for" || toks_[f - 1].mention < 0) return;
  const size_t j = MentionStart(f - 1, c.b);
  Holder obj;
  CollectGroup(j, f, j, &obj);
  if (obj.empty()) return;
  int inner = term.polarity;
  for (const auto& p : r.polars)
    if (p.b > f) inner *= p.polarity;
  for (size_t t = f + 1; t < term.b; ++t) inner *= Negates(t) ? -1 : 1;
  obj.rule = "gerund-object";
  if (!term.proform) Emit(obj, x.issue, inner, r.cue_text, *x.kind);
}

// "“All allies must meet their 2% commitment,” Trump said", "Cameron said the EU should
// agree sanctions": a demand on others is the speaker's position (also when the demand's
// own subject is no actor: "Kyiv insisted that Russian troops must leave before any
// negotiations"). Said by nobody, it is the author's (the voice's), not the subject's.
void SentenceAnalyzer::ResolveDemand(const Clause& c, const TermTarget& x, Holder* h) const {
  const std::string& w = toks_[x.first->b].norm;
  // "Italy insisted that Kyiv be given jets": the subjunctive is a demand as "should" is
  const std::optional<PatternMatch> mandative = SubjunctiveOf(x.first->b);
  if (!lex_.speaker_demand_modals().count(w) && !mandative) return;
  Holder s;
  if (c.in_quote && !speaker_.empty()) s = speaker_;
  for (const auto& m : speech_)
    if (m.begin >= c.b && m.end <= x.first->b) {
      Subject outer = SubjectAt(c.b, m.begin);
      if (outer.kind == SubjKind::kActors) s = outer.holder;
    }
  // "Germany must send more tanks, Zelensky said": the speaker after a comma
  if (s.empty() && !c.in_quote)
    for (const auto& m : speech_all_) {
      if (m.begin <= x.term->e) continue;
      size_t k = m.begin;
      while (k > x.term->e && toks_[k - 1].norm != ",") --k;
      if (k <= x.term->e) break;
      Subject outer = SubjectAt(k, m.begin);
      if (outer.kind == SubjKind::kActors) s = outer.holder;
      break;
    }
  // "Macron's suggestion that Russia be offered talks", "Rome requested that ...": the
  // proposer that no reporting verb names
  if (s.empty() && mandative) s = MandativeHolder(c, *mandative);
  // "Q  And yesterday, President Erdogan said that Sweden should not expect ...": the speaker
  // named right before a reporting verb outside the demand's clause, or the pronoun there
  const PatternMatch* said = nullptr;
  for (const auto& m : speech_all_)
    if (m.end <= x.first->b && !c.in_quote) said = &m;
  const bool addressed = h->rule == "subject" || h->rule == "reported-subject";
  if (s.empty() && said != nullptr && addressed) s = SpeakerBefore(*said, c.in_quote);
  if (!s.empty()) {
    s.rule = "demand-by-speaker";
    *h = s;
  } else if (said != nullptr && addressed) {
    // "some lawmakers argued the US should send weapons", "the senator said the President
    // should ...": the demand's subject is whom it addresses; its speaker is no actor
    *h = Holder{};
  } else if (h->rule == "quote-subject") {
    // "“President X should cancel the meeting,” said the party's chairman": a demand in a
    // quote whose speaker is no actor is the speaker's, never its subject's
    *h = Holder{};
  } else if (h->rule == "subject" && !c.in_quote &&
             std::none_of(speech_all_.begin(), speech_all_.end(),
                          [&](const PatternMatch& m) { return m.end <= x.first->b; })) {
    // "The alliance must insist that ...", said by nobody: the author's own demand on the
    // subject, which holds no position by it (an official site's author is its voice)
    *h = Holder{};
    if (!st_.voice.empty()) *h = VoiceHolder();
  }
}

// Co-agents: "we've worked with Germany to ensure ...", "together with our allies".
void SentenceAnalyzer::AddCoAgents(const Clause& c, size_t c0, Holder* h) const {
  for (size_t t = c.b + 1; t + 1 < c0; ++t) {
    if (toks_[t].norm != "with" || toks_[t + 1].mention < 0) continue;
    const std::string& w = toks_[t - 1].norm;
    if (lex_.co_agent_words().count(w)) {
      Holder co;
      CollectGroup(t + 1, c0, t + 1, &co);
      for (const auto& a : co.actors)
        if (!Contains(h->actors, a)) h->actors.push_back(a);
    }
  }
}

// Who holds the chain when no possessor does (or only a later cue has one): the clause's
// agent by the flat holder rules, unless the clause is passive or the cue belongs to
// another noun; the object of "for -ing"; a speaker for a demand; a "by" agent; the
// authors of a proposal named again; and co-agents. `clause_passive` carries a passive on
// to the clause's later terms.
Holder SentenceAnalyzer::ClauseHolder(size_t ci, const TermTarget& x, const TermReading& r, bool* clause_passive,
                                      bool* passive) {
  const Clause& c = clauses_[ci];
  const TermHit& term = *x.term;
  const Polar* first = x.first;
  *passive = PassiveAt(c, first);
  // "targeted the chancellor for signing ...": the gerund's subject is the object
  const bool for_gerund = first != nullptr && first->b > c.b && toks_[first->b - 1].norm == "for" &&
                          IsIngForm(toks_[first->b].norm);
  // "criticized the others for being too slow to ...": the same, further along
  bool gerund_between = false;
  for (size_t t = x.c0; t + 1 < term.b; ++t) {
    if (toks_[t].norm != "for") continue;
    bool in_cue = false;
    for (const auto& q : cues_) in_cue |= q.b <= t && t < q.e;
    if (!in_cue && IsIngForm(toks_[t + 1].norm)) gerund_between = true;
  }
  // "Ukraine was offered ... to encourage ...": the rest of a passive clause has no agent
  // either
  if (*passive) *clause_passive = true;
  const bool reduced_relative = ReducedRelativeAt(c, first);
  Holder h;
  if (!*passive && !for_gerund && !gerund_between && !*clause_passive && !reduced_relative)
    h = FindHolder(c, x.c0, r.sincerity, ci, first == nullptr);
  if ((for_gerund || gerund_between) && !*passive && !*clause_passive && !r.hypothetical)
    EmitGerundObject(c, x, r, for_gerund);
  if (first != nullptr) ResolveDemand(c, x, &h);
  if (h.empty()) {
    // passive agent: "a move opposed by Russia", "was offered by France". Not when the term
    // heads the "by" phrase itself: in "troops supported by US and NATO forces" the forces
    // are the agent of the support, not what it is for. Nor after a participle no cue
    // knows that right after the term says what was done to it: in "evidence, supported by
    // interviews, of munitions fired by Ukrainian forces" the forces fired them and supported
    // nothing. (A participle further away is left alone: "the weapons we are announcing are
    // being procured by the Defense Department" is the department's act all the same.)
    auto foreign_participle = [&](size_t by) {
      if (by != term.e + 1 || !IsPastParticiple(toks_[by - 1].norm)) return false;
      for (const auto& q : cues_)
        if (q.b < by && by <= q.e) return false;
      return true;
    };
    for (size_t t = x.c0 + 1; t + 1 < c.e && t < term.e + 4; ++t)
      if (toks_[t].norm == "by" && toks_[t + 1].mention >= 0 && (t < term.b || t >= term.e) &&
          !TermHeadsByPhrase(t, term) && !foreign_participle(t)) {
        CollectGroup(t + 1, c.e, t + 1, &h);
        h.rule = "passive-agent";
        break;
      }
  }
  // "This agreement would have provided Ukraine with ...": the authors of the proposal the
  // subject names again
  if (h.empty() && !*passive && !*clause_passive) h = ProposalAuthors(c, x.c0);
  if (!h.empty()) AddCoAgents(c, x.c0, &h);
  return h;
}

}  // namespace statements_internal
}  // namespace faultline
