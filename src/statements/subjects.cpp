// The subject of a clause and the holder it gives a cue: the actors or pronoun before the
// cue, a group of names joined by commas and "and", a pronoun resolved against earlier
// sentences, a relative clause's antecedent, a proposal's authors named again later, and
// FindHolder's cases by the kind of subject (reported speech is reported_speech.cpp).
// Separate because it is the flat, positional reading of who acts in a clause.

#include "statements/sentence_analyzer.h"

namespace faultline {
namespace statements_internal {

bool SentenceAnalyzer::VagueMention(size_t start, size_t at, size_t mention_end) const {
  const Mention& m = ments_[toks_[at].mention];
  // A vague group code (CEE, WEU) is coded as is.
  if (!m.group.empty() && m.actors.size() == 1 && m.actors[0] == m.group) return false;
  bool quantified = false;
  for (size_t k = (at >= start + 3 ? at - 3 : start); k < at; ++k)
    if (lex_.vague_quantifiers().count(toks_[k].norm)) quantified = true;
  if (!quantified) return false;
  const bool member_after = mention_end < toks_.size() && lex_.member_nouns().count(toks_[mention_end].norm);
  const bool member_inside = lex_.member_nouns().count(toks_[mention_end - 1].norm) > 0;
  return member_after || member_inside;
}

size_t SentenceAnalyzer::CollectGroup(size_t j, size_t limit, size_t np_start, Holder* h) const {
  std::vector<std::string> codes, excluded;
  std::vector<const Mention*> used;
  size_t k = j;
  size_t last = j;
  while (k < limit) {
    if (toks_[k].mention >= 0) {
      const size_t me = MentionEnd(k);
      if (!VagueMention(np_start, k, me)) {
        const Mention& m = ments_[toks_[k].mention];
        for (const auto& a : m.actors)
          if (!Contains(codes, a)) codes.push_back(a);
        used.push_back(&m);
      }
      k = me;
      if (k < limit && toks_[k].norm == "'s") ++k;
      last = k;
      continue;
    }
    std::vector<PatternMatch> ex;
    if (lex_.exceptions().MatchAt(view_, k, limit, &ex) > 0) {
      size_t u = 0;
      for (const auto& x : ex) u = std::max(u, x.end);
      while (u < limit && (toks_[u].norm == "the" || toks_[u].norm == "," )) ++u;
      while (u < limit && toks_[u].mention >= 0) {
        const Mention& m = ments_[toks_[u].mention];
        for (const auto& a : m.actors) excluded.push_back(a);
        u = MentionEnd(u);
        while (u < limit && (toks_[u].norm == "and" || toks_[u].norm == "," || toks_[u].norm == "or")) {
          if (u + 1 < limit && toks_[u + 1].mention >= 0) ++u; else break;
        }
      }
      k = u;
      continue;
    }
    if (lex_.group_glue_words().count(toks_[k].norm) || toks_[k].type == TokenType::kDash) {
      ++k;
      continue;
    }
    break;
  }
  for (const auto& c : codes)
    if (!Contains(excluded, c)) h->actors.push_back(c);
  if (used.size() == 1) {
    h->person = used[0]->person;
    h->cameo = used[0]->cameo;
  }
  return last;
}

Subject SentenceAnalyzer::SubjectAt(size_t a, size_t b) const {
  Subject s;
  size_t i = a;
  while (i < b && (lex_.subject_lead_words().count(toks_[i].norm) || lex_.adverbs().count(toks_[i].norm) ||
                   toks_[i].type == TokenType::kQuote || toks_[i].type == TokenType::kDash)) {
    if (toks_[i].mention >= 0) break;
    ++i;
  }
  // "Along the way, Trump withheld ...": a short introductory phrase without a name,
  // closed by a comma, is not the subject
  for (size_t j = i; j < b && j < i + 6; ++j) {
    if (toks_[j].mention >= 0 || (toks_[j].type != TokenType::kWord && toks_[j].norm != ",")) break;
    if (toks_[j].norm == "," && j > i && j + 1 < b) {
      i = j + 1;
      while (i < b && toks_[i].mention < 0 && (lex_.adverbs().count(toks_[i].norm) || toks_[i].norm == ",")) ++i;
      break;
    }
  }
  if (i >= b) return s;  // kEmpty
  if (toks_[i].mention < 0 && lex_.pronouns().count(PronounPart(toks_[i].norm))) {
    s.kind = SubjKind::kPronoun;
    s.pronoun = PronounPart(toks_[i].norm);
    return s;
  }
  // "you've sent tanks": the addressee, unless generic ("you know", "if you")
  if (toks_[i].mention < 0 && lex_.second_person().count(PronounPart(toks_[i].norm))) {
    s.generic_you = GenericYou(i);
    s.kind = s.generic_you ? SubjKind::kNone : SubjKind::kPronoun;
    s.pronoun = PronounPart(toks_[i].norm);
    return s;
  }
  // "her country", "his government": the speaker's own state
  if (i + 1 < b && lex_.possessives().count(toks_[i].norm) &&
      lex_.own_state_nouns().count(toks_[i + 1].norm)) {
    s.kind = SubjKind::kPronoun;
    s.pronoun = toks_[i].norm == "our" ? "we" : "he";
    return s;
  }
  for (size_t j = i; j < b; ++j) {
    if (toks_[j].mention >= 0) {
      Holder h;
      const size_t after = CollectGroup(j, b, i, &h);
      // "the NATO summit must ...": the name modifies another head noun
      if (after < toks_.size() && lex_.non_agent_heads().count(toks_[after].norm)) h.actors.clear();
      if (h.empty()) {
        // a vague group ("other NATO members") is the subject, and it is not coded; so is a
        // person who speaks for no state (a senator, a former official), kept in `holder`
        // with no actors for the pronouns after it (NoteSubject)
        s.kind = SubjKind::kNone;
        s.holder = std::move(h);
        return s;
      }
      s.kind = SubjKind::kActors;
      s.holder = std::move(h);
      return s;
    }
    const Token& t = toks_[j];
    const bool ok = lex_.subject_words().count(t.norm) || t.capitalized || t.type == TokenType::kOpenParen ||
                    t.type == TokenType::kCloseParen || t.type == TokenType::kDash || t.type == TokenType::kHyphen ||
                    (t.type == TokenType::kWord && !t.norm.empty() && t.norm[0] >= '0' && t.norm[0] <= '9');
    if (!ok) {
      s.kind = SubjKind::kNone;
      return s;
    }
  }
  return s;  // only determiners and the like before the cue: no subject of its own
}

Holder SentenceAnalyzer::ResolvePronoun(const std::string& p, bool in_quote) const {
  if (lex_.second_person().count(p)) return Addressee(in_quote);
  if (lex_.first_person().count(p)) {
    if (in_quote && !speaker_.empty()) {
      Holder h = speaker_;
      h.rule = "quote-first-person";
      return h;
    }
    if (!in_quote && st_.in_turn) {
      // a reporter's turn, or an unknown guest's, speaks for nobody
      if (st_.turn_audience || st_.turn_unknown) return Holder{};
      if (!st_.turn_speaker.empty()) {
        Holder h = st_.turn_speaker;
        h.rule = "turn-speaker";
        return h;
      }
    }
    // the document's own voice ("we will sanction ..." on whitehouse.gov, a joint
    // statement's signatories); a columnist's "I" or "we" is never coded
    if (!in_quote && !st_.voice.empty()) return VoiceHolder();
    return Holder{};
  }
  // "it" inside a quote is nearly always a thing
  if (p == "it" && in_quote) return Holder{};
  // only a holder named in this or the previous sentence; "he"/"she" only a person
  const bool personal = lex_.person_pronouns().count(p) > 0;
  const Holder& last = personal ? st_.last_person : st_.last_holder;
  const size_t when = personal ? st_.last_person_sentence : st_.last_holder_sentence;
  if (when + 1 < index_ || last.empty()) return Holder{};
  Holder h = last;
  h.rule = "pronoun";
  return h;
}

Holder SentenceAnalyzer::RelativeAntecedent(const Clause& c) const {
  Holder h;
  // "Ukraine, which Italy has long supported": a name right after the pronoun is the
  // relative clause's own subject, and the pronoun its object
  if (c.b >= 2 && (toks_[c.b].norm == "which" || toks_[c.b].norm == "who") && toks_[c.b - 1].norm == "," &&
      toks_[c.b - 2].mention >= 0 && !(c.b + 1 < c.e && toks_[c.b + 1].mention >= 0)) {
    const size_t j = MentionStart(c.b - 2, 0);
    CollectGroup(j, c.b - 1, j, &h);
    h.rule = "relative";
  }
  return h;
}

// "Germany's decision ...": the clause opens with a name, "'s" and a common noun.
bool SentenceAnalyzer::PossessiveSubject(const Clause& c) const {
  size_t t = c.b;
  while (t < c.e && toks_[t].type != TokenType::kWord) ++t;
  if (t >= c.e || toks_[t].mention < 0) return false;
  t = MentionEnd(t);
  // an act ("decision", "plan"), not a person ("Russia's ambassador called it dangerous")
  return t + 1 < c.e && toks_[t].norm == "'s" && toks_[t + 1].mention < 0 &&
         (lex_.act_nouns().count(toks_[t + 1].norm) || lex_.proposal_nouns().count(toks_[t + 1].norm));
}

bool SentenceAnalyzer::ProposalNounAt(size_t t, size_t* end) const {
  if (t >= toks_.size() || toks_[t].mention >= 0 || toks_[t].type != TokenType::kWord) return false;
  const WordSet& nouns = lex_.proposal_nouns();
  if (t + 1 < toks_.size() && nouns.count(toks_[t].norm + " " + toks_[t + 1].norm)) {
    *end = t + 2;
    return true;
  }
  if (!nouns.count(toks_[t].norm)) return false;
  *end = t + 1;
  return true;
}

void SentenceAnalyzer::RecordProposal(const Clause& c, const Holder& authors) {
  if (authors.empty()) return;
  for (size_t t = c.b; t < c.e; ++t) {
    std::vector<PatternMatch> ms;
    if (lex_.proposal_verbs().MatchAt(view_, t, c.e, &ms) == 0) continue;
    // the proposal is the verb's object, after at most an addressee and a determiner
    // ("offered Ukraine an agreement", "put forward a new peace plan")
    size_t end = 0;
    for (size_t u = ms.front().end; u < c.e && u < ms.front().end + 8; ++u) {
      if (ProposalNounAt(u, &end)) {
        st_.proposal = Proposal{authors, index_};
        st_.proposal.authors.rule = "proposal-author";
        Trace("  proposal by " + authors.actors[0] + ": " + Surface(u, end));
        return;
      }
      if (toks_[u].type != TokenType::kWord && toks_[u].type != TokenType::kHyphen) break;
    }
  }
}

void SentenceAnalyzer::NoteSubject(const Clause& c, const Subject& s) {
  // "we're announcing a package ...; this package will provide ...": a pronoun author too
  if (s.kind == SubjKind::kPronoun) RecordProposal(c, ResolvePronoun(s.pronoun, c.in_quote));
  // "Flynn, out of office, was forced to resign after he had lied about his calls ...": a
  // person subject who speaks for no state is who "he" and "his" refer to next, and they
  // give no holder, not the official named before him
  if (s.kind == SubjKind::kNone && !s.holder.person.empty() && !c.in_quote) {
    st_.last_person = s.holder;
    st_.last_person_sentence = index_;
    return;
  }
  if (s.kind != SubjKind::kActors) return;
  RecordProposal(c, s.holder);
  if (c.in_quote) return;
  st_.last_holder = s.holder;
  st_.last_holder_sentence = index_;
  if (!s.holder.person.empty()) {
    st_.last_person = s.holder;
    st_.last_person_sentence = index_;
  }
}

Holder SentenceAnalyzer::ProposalAuthors(const Clause& c, size_t c0) const {
  const Proposal& p = st_.proposal;
  if (p.authors.empty() || p.sentence + 2 < index_) return Holder{};
  // the subject: "this agreement", "the Franco-German plan", "But such a deal"
  size_t t = c.b;
  while (t < c0 && (toks_[t].type != TokenType::kWord || lex_.proposal_subject_openers().count(toks_[t].norm))) ++t;
  if (t >= c0 || !lex_.proposal_determiners().count(toks_[t].norm)) return Holder{};
  ++t;
  if (t < c0 && toks_[t].norm == "a") ++t;  // "such a deal"
  size_t noun_end = 0;
  for (size_t k = 0; k < 4 && t < c0 && !ProposalNounAt(t, &noun_end); ++k, ++t)
    if (toks_[t].mention >= 0 || (toks_[t].type != TokenType::kWord && toks_[t].type != TokenType::kHyphen))
      return Holder{};
  if (noun_end == 0 || noun_end > c0) return Holder{};
  // then straight to the verb: no other name and no reporting verb in between
  for (size_t u = noun_end; u < c0; ++u)
    if (toks_[u].mention >= 0) return Holder{};
  for (const auto& m : speech_)
    if (m.begin >= c.b && m.begin < c0) return Holder{};
  if (Distance(noun_end, c0) > 5) return Holder{};
  return p.authors;
}

Holder SentenceAnalyzer::FindHolder(const Clause& c, size_t c0, bool sincerity, size_t ci, bool c0_is_term) const {
  // The last reporting or cognition verb before the cue splits the clause into the
  // speaker's part and the reported content.
  if (const PatternMatch* verb = LastSpeechVerb(c, c0)) return ReportedHolder(c, c0, *verb, sincerity, ci, c0_is_term);
  // a participle clause ("..., hoping this would ...", "while opposing ...") shares the
  // main clause's subject
  size_t pb = c.b;
  if (pb < c0 && lex_.participle_clause_openers().count(toks_[pb].norm)) ++pb;
  if (ci > 0 && !clause0_holder_.empty() && !c.in_quote && c.b > 0 && toks_[c.b - 1].norm == "," &&
      toks_[pb].mention < 0 && IsIngForm(toks_[pb].norm) && c0 >= pb) {
    Holder h = clause0_holder_;
    h.rule = "participle";
    return h;
  }
  // a relative clause on a name ("Russia, which has criticized ...") belongs to it
  if (Holder h = RelativeAntecedent(c); !h.empty()) return h;
  Subject s = SubjectAt(c.b, c0);
  switch (s.kind) {
    case SubjKind::kActors:
      s.holder.rule = c.in_quote ? "quote-subject" : "subject";
      return s.holder;
    case SubjKind::kPronoun:
      return PronounSubjectHolder(c, c0, s.pronoun);
    case SubjKind::kEmpty:
      return EmptySubjectHolder(c, ci);
    case SubjKind::kNone:
      if (ci > 0 && !clause0_holder_.empty() && IsIngForm(toks_[c.b].norm) && c0 == c.b + 0) {
        Holder h = clause0_holder_;
        h.rule = "participle";
        return h;
      }
      if (c.in_quote && !speaker_.empty() && c0 <= c.b + 1) {
        Holder h = speaker_;
        h.rule = "quote-speaker";
        return h;
      }
      return Holder{};
  }
  return Holder{};
}

// A pronoun subject without a reporting verb: an expletive "it" before an evaluation
// ("it's very important to ...") is held by whoever says it; other pronouns are resolved.
Holder SentenceAnalyzer::PronounSubjectHolder(const Clause& c, size_t c0, const std::string& pronoun) const {
  if (pronoun == "it" && ExpletiveIt(c, c0)) {
    // the one who says it holds it (the quote's speaker, the transcript's turn, the
    // official voice), never a columnist
    if (c.in_quote) {
      if (speaker_.empty()) return Holder{};
      Holder h = speaker_;
      h.rule = "quote-speaker";
      return h;
    }
    return ResolvePronoun("we", false);
  }
  return ResolvePronoun(pronoun, c.in_quote);
}

// "it's very important to strengthen the eastern flank": "it" before an evaluation at
// `c0` with only forms of "be" and intensifiers between.
bool SentenceAnalyzer::ExpletiveIt(const Clause& c, size_t c0) const {
  bool eval_at_c0 = false;
  for (const auto& q : cues_)
    eval_at_c0 |= q.b == c0 && (q.kind == CueKind::kEvalPositive || q.kind == CueKind::kEvalNegative);
  size_t t = c.b;
  while (t < c0 && PronounPart(toks_[t].norm) != "it") ++t;
  bool expletive = eval_at_c0 && t < c0;
  for (size_t u = t + 1; u < c0 && expletive; ++u) expletive = lex_.expletive_it_words().count(toks_[u].norm) > 0;
  // "it's" is one token: the contraction itself is the verb
  return expletive;
}

// No subject before the cue: a verb phrase coordinated with the main clause, a quote's
// content or a participle clause takes its holder from elsewhere.
Holder SentenceAnalyzer::EmptySubjectHolder(const Clause& c, size_t ci) const {
  // "... but wants faster returns": a verb phrase coordinated with the main clause
  if (ci > 0 && !clause0_holder_.empty() && lex_.coordinated_verb_openers().count(toks_[c.b].norm)) {
    Holder h = clause0_holder_;
    h.rule = "coordinated-verb";
    return h;
  }
  if (c.in_quote && !speaker_.empty()) {
    Holder h = speaker_;
    h.rule = "quote-speaker";
    return h;
  }
  // a participle clause ("..., hoping this would ...") shares the main clause's subject
  if (ci > 0 && !clause0_holder_.empty() && IsIngForm(toks_[c.b].norm)) {
    Holder h = clause0_holder_;
    h.rule = "participle";
    return h;
  }
  return Holder{};
}

}  // namespace statements_internal
}  // namespace faultline
