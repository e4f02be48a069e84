// The issue terms of a sentence and the codebook's conditions on them: FindTerms keeps
// the terms whose conditions hold (actors named around a term, the words before it, its
// complement, its target, the act's verb), and DropOtherDebates drops the terms another
// debate's names claim (term_scope.h). Separate because this is where the codebook decides
// what a sentence is about, before any cue or holder is read.

#include "statements/recipient.h"
#include "statements/sentence_analyzer.h"
#include "statements/term_scope.h"

namespace faultline {
namespace statements_internal {
namespace {

// The prepositional complement right after a term, which two conditions read: whether it
// names another debate's subject ("a ceasefire in Syria", "talks with the Iranian
// government", "between Armenia and Azerbaijan"), and whether it is about another topic
// ("negotiations on Ukraine's accession to the EU"). The prepositions that open each kind
// and the words that may stand before a name are the cue lexicon's (naming_prepositions,
// topic_prepositions, name_joiners); how far either is read is kept here.
constexpr size_t kComplementWords = 6;

// What the walk over a complement does at one token.
enum class ComplementStep { kFound, kNext, kStop };

// Whether the token at `after` is one of `prepositions` and `step` finds what it looks for
// in the kComplementWords tokens after it, before it stops.
template <typename Step>
bool WalkComplement(const std::vector<Token>& toks, size_t after, const WordSet& prepositions, Step step) {
  const size_t n = toks.size();
  if (after >= n || !prepositions.count(toks[after].norm)) return false;
  for (size_t t = after + 1; t < n && t <= after + kComplementWords; ++t) {
    switch (step(t)) {
      case ComplementStep::kFound:
        return true;
      case ComplementStep::kStop:
        return false;
      case ComplementStep::kNext:
        break;
    }
  }
  return false;
}

// Whether `w` is one of `words` (lowercase) or the plural of one: "allies" for "ally" is
// listed as written; a final -s is stepped over. No copy: it runs for every token.
bool IsOrPluralOf(std::string_view w, const std::vector<std::string>& words) {
  const std::string_view singular = w.size() > 3 && w.back() == 's' ? w.substr(0, w.size() - 1) : w;
  for (const auto& x : words)
    if (x == w || x == singular) return true;
  return false;
}

}  // namespace

// Terms: conditions by clause, then the longest leftmost non-overlapping ones.
void SentenceAnalyzer::FindTerms(std::vector<PatternMatch>* term_matches, const std::vector<PatternMatch>& acts) {
  std::sort(term_matches->begin(), term_matches->end(), [](const PatternMatch& a, const PatternMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.length > b.length;
  });
  size_t taken_end = 0;
  for (const auto& m : *term_matches) {
    if (m.begin < taken_end) continue;
    if (clause_of_[m.begin] < 0) continue;
    const IssueTerm& it = cb_.term(m.payload);
    if (!TermConditionsHold(m, it, acts)) continue;
    // a term that names no kind is the document's kind (Issue::generic_as); its words were
    // read by its own issue's conditions ("aid to Ukraine at the time" is no "arms at")
    const int issue = it.generic && static_cast<size_t>(it.issue) < st_.generic_issue.size()
                          ? st_.generic_issue[it.issue]
                          : it.issue;
    // the longest match here may be a term of another issue too: all of the same span count
    terms_.push_back(TermHit{m.begin, m.end, issue, it.polarity, it.act, false});
    AddListedTerms(m, taken_end, acts);  // "financial, humanitarian and security assistance"
    taken_end = m.end;
  }
}

// A term in a sentence that names another debate's subject (Iran, North Korea) is read
// against the tree: the names of its own noun phrase decide, or failing them those of its
// clause (term_scope.h), then those of the clause above it, then those of the sentence. The flat conditions saw Russia somewhere in the clause; the tree
// sees that Russia only describes the Security Council while the resolution is over North
// Korea. Parsed only for such sentences, which are few. Terms first, before the cues are
// found; then (`proforms`) the proforms found with the cues.
void SentenceAnalyzer::DropOtherDebates(bool proforms) {
  if (model_ == nullptr || index_ >= st_.sentence_actors.size()) return;
  const std::vector<std::string>& named = st_.sentence_actors[index_];
  auto names_any = [](const std::vector<std::string>& names, const std::vector<std::string>& codes) {
    for (const auto& a : names)
      if (Contains(codes, a)) return true;
    return false;
  };
  // A proform ("the deal", "doing so") stands for the issue last named before it, in this
  // sentence or an earlier one: its clause can be another debate's as much as a term's can.
  auto issue_of = [&](const TermHit& t) {
    if (!t.proform) return t.issue;
    const TermHit* before = nullptr;
    for (const TermHit& o : terms_)
      if (!o.proform && o.issue >= 0 && o.b < t.b && (before == nullptr || o.b > before->b)) before = &o;
    return before != nullptr ? before->issue : st_.last_issue;
  };
  std::vector<int> issues;
  for (const TermHit& t : terms_) issues.push_back(issue_of(t));
  auto other_debate = [&](const TermHit& t, int issue_index) {
    if (issue_index < 0) return false;
    const Issue& issue = cb_.issues()[issue_index];
    if (issue.other_subjects.empty() || !names_any(named, issue.other_subjects)) return false;
    // A name inside the term itself ("NATO forces") says nothing of the theatre: NATO's
    // forces in Afghanistan are another debate's even though the term names the alliance.
    const size_t tb = toks_[t.b].begin, te = toks_[t.e - 1].end;
    std::vector<Mention> around;
    std::vector<std::string> named_around;
    for (const Mention& m : ments_) {
      if (m.begin >= tb && m.end <= te) continue;
      around.push_back(m);
      named_around.insert(named_around.end(), m.actors.begin(), m.actors.end());
    }
    const syntax::ParsedSentence& tree = Tree();
    const TermScope scope = ScopeOfTerm(tree, HeadWordOf(tree, tb, te), around);
    const std::vector<std::string>* const lists[] = {&scope.phrase, &scope.clause, &scope.above, &named_around};
    for (const auto* names : lists) {
      if (names_any(*names, issue.when_actor)) return false;
      if (names_any(*names, issue.other_subjects)) {
        Trace("  term " + issue.id + ": another debate's, by the names around it in the tree");
        return true;
      }
    }
    return false;
  };
  std::vector<TermHit> kept;
  for (size_t i = 0; i < terms_.size(); ++i)
    if (terms_[i].proform != proforms || !other_debate(terms_[i], issues[i])) kept.push_back(terms_[i]);
  terms_ = std::move(kept);
}

// A term whose recipient, by the tree, is none of its issue's targets is another debate's
// weapons: "the DPRK's provision of missiles and munitions to Russia", "the PRC providing
// Russia with lethal aid", "Patriot systems to eastern Poland" (TargetIsOther saw only a
// name right after the term). Parsed only when the sentence names an actor that is no
// target.
void SentenceAnalyzer::DropOtherRecipients() {
  if (model_ == nullptr || index_ >= st_.sentence_actors.size()) return;
  std::vector<TermHit> kept;
  for (const TermHit& t : terms_) {
    bool other = false;
    if (!t.proform && t.issue >= 0) {
      const Issue& issue = cb_.issues()[t.issue];
      const std::vector<std::string>& targets = issue.target_actor;
      bool names_other = false;
      for (const auto& a : st_.sentence_actors[index_]) names_other |= !targets.empty() && !Contains(targets, a);
      if (names_other) {
        const syntax::ParsedSentence& tree = Tree();
        other = RecipientOfTerm(lex_, tree, TreeWord(tree, t.b, t.e), ments_, targets, issue.target_verbs,
                                issue.buyer_words) ==
                Recipient::kOther;
        if (other) Trace("  term " + issue.id + ": its recipient is not the issue's, by the tree");
      }
    }
    if (!other) kept.push_back(t);
  }
  terms_ = std::move(kept);
}

// The codebook's conditions on a term match: the actors named around it, the words next
// to it, the target after it, the act's verb before it.
bool SentenceAnalyzer::TermConditionsHold(const PatternMatch& m, const IssueTerm& it,
                                          const std::vector<PatternMatch>& acts) const {
  const size_t n = toks_.size();
  const Issue& issue = cb_.issues()[it.issue];
  if (!st_.issue_in_document[it.issue]) return false;
  // an article on Iran's nuclear deal: "the P5+1 offered sanctions relief" is Iran's
  if (st_.issue_other_debate[it.issue] && !TermPhraseNames(m, issue.when_actor)) return false;
  if (!issue.when_actor.empty() && !ClauseNames(m.begin, issue.when_actor, issue.scope, it.verb)) return false;
  if (!issue.unless_actor.empty() && ClauseNames(m.begin, issue.unless_actor, 0, it.verb)) return false;
  // "sanctions relief for Iran" three sentences after Russia was named: Iran's, not Russia's
  if (!issue.other_subjects.empty() && issue.scope > 0 && ClauseNames(m.begin, issue.other_subjects, 0, false) &&
      !ClauseNames(m.begin, issue.when_actor, 0, false))
    return false;
  if (issue.scope == 2 && LastDebateIsOther(issue)) return false;
  if (it.needs_topic && !NearTopic(it.issue)) return false;
  // "a ceasefire in Syria", "talks with Iran": the term's own complement names another
  // debate's subject, even where the clause names Russia as well
  if (!issue.other_subjects.empty() && ComplementNames(m.end, issue.other_subjects) &&
      !ComplementNames(m.end, issue.when_actor))
    return false;
  if (!issue.partners_after.empty() && PartnersAreOther(m, issue)) {
    Trace("  term " + issue.id + ": its partners are neither side");
    return false;
  }
  if (!issue.other_bodies.empty() && NamesOtherBody(m, issue.other_bodies)) {
    Trace("  term " + issue.id + ": another organisation's membership");
    return false;
  }
  if (!issue.not_followed_by.empty() && m.end < n && Contains(issue.not_followed_by, toks_[m.end].norm))
    return false;
  if (!issue.other_topics.empty() && ComplementIsTopic(m.end, issue.other_topics)) {
    Trace("  term " + issue.id + ": its complement is another topic");
    return false;
  }
  if (!issue.not_preceded_by.empty() && PrecededByAny(m.begin, issue.not_preceded_by))
    return false;
  if (!issue.not_object_of.empty() && ObjectOfAny(m.begin, issue.not_object_of)) {
    Trace("  term " + issue.id + ": the object of a verb of not_object_of, another act");
    return false;
  }
  if (!issue.target_actor.empty() && TargetIsOther(m.end, issue.target_actor)) return false;
  if (it.act >= 0) {
    // an act's own object needs the act's verb shortly before it
    bool found = false;
    for (const auto& a : acts)
      if (a.payload == it.act && a.end <= m.begin && a.end + 8 >= m.begin) found = true;
    if (!found) return false;
  }
  return true;
}

// Whether a token of the sentence is one of `words` (lowercase) or its plural ("allies" for
// "ally" is listed as written; a final -s is stepped over).
bool SentenceAnalyzer::SentenceHasWord(const std::vector<std::string>& words) const {
  // runs for every sentence (the topic of the next one may need it)
  for (const auto& t : toks_)
    if (IsOrPluralOf(t.norm, words)) return true;
  return false;
}

// Whether the token at `t` lies in a mention of one of `codes`.
bool SentenceAnalyzer::TokenNames(size_t t, const std::vector<std::string>& codes) const {
  if (t >= toks_.size() || toks_[t].mention < 0) return false;
  for (const auto& a : ments_[toks_[t].mention].actors)
    if (Contains(codes, a)) return true;
  return false;
}

// Whether a name inside the term ("{RUS} sanctions regime", "the accession of the African
// Union") or right before it ("Russia sanctions", "the OECD accession of Peru") is one of `codes`.
bool SentenceAnalyzer::TermOrModifierNames(const PatternMatch& m, const std::vector<std::string>& codes) const {
  for (size_t t = m.begin; t < m.end && t < toks_.size(); ++t)
    if (TokenNames(t, codes)) return true;
  return m.begin > 0 && TokenNames(m.begin - 1, codes);
}

// Whether the term's own phrase names one of `codes`: inside it, right before it, or in its
// complement ("sanctions on Russia").
bool SentenceAnalyzer::TermPhraseNames(const PatternMatch& m, const std::vector<std::string>& codes) const {
  return TermOrModifierNames(m, codes) || ComplementNames(m.end, codes);
}

// Whether the prepositional phrase right after a term ("in Syria", "with the Iranian
// government", "between Armenia and Azerbaijan") names one of `codes`.
bool SentenceAnalyzer::ComplementNames(size_t after, const std::vector<std::string>& codes) const {
  if (codes.empty()) return false;
  return WalkComplement(toks_, after, lex_.naming_prepositions(), [&](size_t t) {
    if (TokenNames(t, codes)) return ComplementStep::kFound;
    if (toks_[t].mention >= 0) return ComplementStep::kNext;  // the rest of another name
    if (lex_.name_joiners().count(toks_[t].norm)) return ComplementStep::kNext;
    return ComplementStep::kStop;
  });
}

// Whether the words right before token `b` are one of `phrases` (one word or several, as the
// tokens are normalised): "think" before "tank", "give up their" before "arms" (separatists
// who disarm give no weapons to anyone).
bool SentenceAnalyzer::PrecededByAny(size_t b, const std::vector<std::string>& phrases) const {
  for (const std::string& p : phrases) {
    size_t end = p.size(), t = b;
    while (t > 0) {
      const std::string& w = toks_[t - 1].norm;
      if (end < w.size() || p.compare(end - w.size(), w.size(), w) != 0) break;
      end -= w.size();
      --t;
      if (end == 0) return true;
      if (p[end - 1] != ' ') break;
      --end;
    }
  }
  return false;
}

// Whether the term starting at `b` is the object of one of `verbs` (a final `*` is a
// prefix): the verb right before it, or before a determiner or possessive pronoun
// ("reconsider its membership in NATO"). Flat, like not_preceded_by: the verb's object
// starts where the term does, and no parse is needed for so narrow a check.
bool SentenceAnalyzer::ObjectOfAny(size_t b, const std::vector<std::string>& verbs) const {
  size_t t = b;
  for (int skipped = 0; t > 0 && skipped < 2; ++skipped) {
    if (!lex_.object_determiners().count(toks_[t - 1].norm)) break;
    --t;
  }
  if (t == 0 || toks_[t - 1].type != TokenType::kWord) return false;
  const std::string_view w = toks_[t - 1].norm;
  for (const std::string& v : verbs) {
    const bool prefix = !v.empty() && v.back() == '*';
    if (prefix ? w.substr(0, v.size() - 1) == std::string_view(v).substr(0, v.size() - 1) : w == v) return true;
  }
  return false;
}

// Whether the complement after a term (topic_prepositions and up to six words, up to a
// punctuation mark other than a hyphen or dash) holds one of `topics` or its plural:
// "negotiations on Ukraine's accession to the EU" are about the accession.
bool SentenceAnalyzer::ComplementIsTopic(size_t after, const std::vector<std::string>& topics) const {
  return WalkComplement(toks_, after, lex_.topic_prepositions(), [&](size_t t) {
    const Token& k = toks_[t];
    if (k.type != TokenType::kWord)
      return k.type == TokenType::kHyphen || k.type == TokenType::kDash ? ComplementStep::kNext : ComplementStep::kStop;
    return IsOrPluralOf(k.norm, topics) ? ComplementStep::kFound : ComplementStep::kNext;
  });
}

// Whether the target or recipient named after a term ("sanctions on Turkey", "missiles to
// Russia", after one of the lexicon's recipient_prepositions) is not one of `targets`. The agent of a nominal act may stand between: "the
// provision of weapons by North Korea to Russia". (The rest of a list may too, "missiles and
// munitions to Russia", but without the parse "and" cannot tell a list from a second act:
// "providing Ukraine with security assistance and imposing costs on Russia".) A possessive
// pronoun may stand before the name, "sanctions on its NATO ally", where the model often
// misparses the phrase.
bool SentenceAnalyzer::TargetIsOther(size_t after, const std::vector<std::string>& targets) const {
  const size_t n = toks_.size();
  auto skip_articles = [&](size_t t) {
    while (t < n && lex_.target_determiners().count(toks_[t].norm)) ++t;
    return t;
  };
  size_t t = after;
  if (t < n && toks_[t].norm == "by") {
    const size_t name = skip_articles(t + 1);
    if (name >= n || toks_[name].mention < 0) return false;
    t = name;
    while (t < n && toks_[t].mention == toks_[name].mention) ++t;
  }
  if (t >= n || !lex_.recipient_prepositions().count(toks_[t].norm)) return false;
  t = skip_articles(t + 1);
  return t < n && toks_[t].mention >= 0 && !TokenNames(t, targets);
}

// "Turkey's talks with Sweden and Finland" in an article on the war: the names after one of
// the issue's `partners_after` are the term's partners; when they name actors, none of them a
// `when_actor`, and the term's clause names no `when_actor` either, it is another negotiation.
// A partner without an actor code ("talks with the separatists") decides nothing.
bool SentenceAnalyzer::PartnersAreOther(const PatternMatch& m, const Issue& issue) const {
  if (m.end >= toks_.size() || !Contains(issue.partners_after, toks_[m.end].norm)) return false;
  bool other = false;
  for (size_t t = m.end + 1; t < toks_.size(); ++t) {
    const Token& k = toks_[t];
    if (k.mention >= 0) {
      if (TokenNames(t, issue.when_actor) || ments_[k.mention].actors.empty()) return false;
      other = true;
    } else if (k.norm != "," && !lex_.name_joiners().count(k.norm)) {
      break;
    }
  }
  return other && !ClauseNames(m.begin, issue.when_actor, 0, false);
}

// Whether a membership term is another organisation's: its own phrase names one of `bodies`
// (TermOrModifierNames: "the wider WTO membership", "the accession of the African Union"), or
// so does the body its complement joins ("membership in the G20", "accession to the World
// Trade Organization", "membership of the EEC"). Only the term and its complement count: "the
// EU welcomed Finland's accession" is NATO's enlargement, whoever welcomes it.
bool SentenceAnalyzer::NamesOtherBody(const PatternMatch& m, const std::vector<std::string>& bodies) const {
  if (TermOrModifierNames(m, bodies)) return true;
  const size_t n = toks_.size();
  if (m.end >= n) return false;
  if (!lex_.membership_prepositions().count(toks_[m.end].norm)) return false;
  size_t t = m.end + 1;
  while (t < n && lex_.articles().count(toks_[t].norm)) ++t;
  return TokenNames(t, bodies);
}

// "Treasury sanctions Russians over meddling | How Facebook fought back | WeWork calls off
// IPO": headlines joined by bars, a site's link cards left in the text, state nobody's
// position, whatever the sentence around them says.
bool SentenceAnalyzer::IsHeadlineList() const {
  int bars = 0;
  for (const auto& t : toks_) bars += t.norm == "|";
  return bars >= 2;
}

// Whether this sentence or the one before holds one of the issue's topic_words: "Poland
// intends to reach 2 percent of GDP" after a sentence on NATO's target.
bool SentenceAnalyzer::NearTopic(int issue) const {
  for (size_t back = 0; back < 2 && back <= index_; ++back)
    if (const size_t i = index_ - back;
        i < st_.sentence_topics.size() && std::find(st_.sentence_topics[i].begin(), st_.sentence_topics[i].end(), issue) != st_.sentence_topics[i].end())
      return true;
  return false;
}

// Whether one of `codes` is named in the clause of token `at` (its subject alone for a
// verb term), or with `scope` in its sentence (1) or that and the five before it (2).
bool SentenceAnalyzer::ClauseNames(size_t at, const std::vector<std::string>& codes, int scope,
                                   bool subject_only) const {
  if (scope > 0) {
    for (size_t back = 0; back < (scope == 2 ? 6u : 1u) && back <= index_; ++back)
      for (const auto& a : st_.sentence_actors[index_ - back])
        if (Contains(codes, a)) return true;
    return false;
  }
  const int ci = clause_of_[at];
  if (ci < 0) return false;
  if (subject_only) {
    // "Finland and Sweden applied to join NATO in response to Russia's war against
    // Ukraine": a verb term's subject is the name nearest before it, not any name around
    for (size_t t = at; t > clauses_[ci].b; --t)
      if (toks_[t - 1].mention >= 0) {
        for (const auto& a : ments_[toks_[t - 1].mention].actors)
          if (Contains(codes, a)) return true;
        return false;
      }
  }
  for (size_t t = clauses_[ci].b; t < clauses_[ci].e; ++t)
    if (toks_[t].mention >= 0)
      for (const auto& a : ments_[toks_[t].mention].actors)
        if (Contains(codes, a)) return true;
  return false;
}

// Whether a sentence naming neither side of `issue` continues another debate: the nearest
// sentence before it (of the five a context issue looks back on) that names a `when_actor` or
// an `other_subjects` actor names only the latter. "Trump reimposed crippling sanctions on
// Iran. European countries have tried to skirt the American sanctions." is Iran's debate
// although Russia was named three sentences earlier; the nearest name, not any name, decides.
bool SentenceAnalyzer::LastDebateIsOther(const Issue& issue) const {
  if (issue.other_subjects.empty()) return false;
  auto names_any = [](const std::vector<std::string>& named, const std::vector<std::string>& codes) {
    for (const auto& a : named)
      if (Contains(codes, a)) return true;
    return false;
  };
  for (size_t back = 0; back < 6 && back <= index_; ++back) {
    const std::vector<std::string>& named = st_.sentence_actors[index_ - back];
    if (names_any(named, issue.when_actor)) return false;
    if (names_any(named, issue.other_subjects)) return back > 0;
  }
  return false;
}

}  // namespace statements_internal
}  // namespace faultline
