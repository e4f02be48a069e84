// The analysis of one sentence for statements, shared by the files that hold its parts:
// the clauses and their subjects (sentence_clauses.cpp, subjects.cpp), reported speech and
// its speakers (reported_speech.cpp), the issue terms and their conditions
// (term_conditions.cpp), the cues (cue_matches.cpp), the chain of cues around a term
// (term_chain.cpp), the holder of a chain (term_holders.cpp), the dependency tree's say
// (sentence_tree.cpp), and the orchestration of a sentence (extractor.cpp). The state a
// document carries from one sentence to the next (DocState) is declared here too: every
// part reads it. Internal to the statement layer: nothing outside src/statements/
// includes this header.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "actors/mention.h"
#include "ingest/document.h"
#include "statements/clause_rules.h"
#include "statements/codebook.h"
#include "statements/cues.h"
#include "statements/document_voice.h"
#include "statements/extractor.h"
#include "statements/patterns.h"
#include "statements/statement.h"
#include "statements/tokens.h"
#include "syntax/model.h"
#include "text/segment.h"

namespace faultline {
namespace statements_internal {

struct TermHit {
  size_t b = 0, e = 0;
  int issue = -1;
  int polarity = 1;
  int act = -1;
  bool proform = false;
  // A term read from a list of modifiers before another term's head ("financial,
  // humanitarian and security assistance"): it spans that term, whose chain and holder it
  // shares, and `modifier` is the token of its own modifier ("humanitarian").
  bool listed = false;
  size_t modifier = 0;
};

struct CueHit {
  size_t b = 0, e = 0;
  CueKind kind = CueKind::kSupport;
  int act = -1;  // >= 0: an issue-specific act (codebook)
  bool verb = false;
  bool noun = false;
  int polarity() const {
    switch (kind) {
      case CueKind::kOppose:
      case CueKind::kEvalNegative:
        return -1;
      default:
        return 1;
    }
  }
  bool polar() const {
    return kind == CueKind::kSupport || kind == CueKind::kOppose || kind == CueKind::kFrame ||
           kind == CueKind::kSincerity || kind == CueKind::kEvalPositive || kind == CueKind::kEvalNegative;
  }
};

struct Holder {
  std::vector<std::string> actors;
  std::string person;
  std::string rule;
  std::string cameo;  // the one mention's CAMEO code ("EGYGOV"), when a dictionary gave one
  bool empty() const { return actors.empty(); }
};

enum class SubjKind { kActors, kPronoun, kEmpty, kNone };
struct Subject {
  SubjKind kind = SubjKind::kEmpty;
  Holder holder;
  std::string pronoun;
  bool generic_you = false;  // kNone for a generic "you" ("you know, ..."): nobody, not an unknown speaker
};

struct Clause {
  size_t b = 0, e = 0;
  bool in_quote = false;
};

struct Camp {
  int issue = -1;
  int stance = 0;
  size_t until = 0;
  std::string cue;
};

// One sentence of the document with its paragraph and the actor mentions inside it.
struct SentenceInput {
  Span span;
  size_t para = 0;
  std::vector<Mention> mentions;
};

// A proposal and its authors ("France, the UK, and Germany have offered Ukraine an
// agreement"), for a later subject that names it again ("This agreement would ...").
struct Proposal {
  Holder authors;
  size_t sentence = 0;
};

struct DocState {
  const std::vector<SentenceInput>* sentences = nullptr;  // the whole document, for look-ahead
  bool looking_ahead = false;  // set in the copy a look-ahead works on: it looks no further
  DocumentVoice voice;  // whom the document's own "we" stands for
  Proposal proposal;
  Holder last_person;  // the last holder that named a person
  size_t last_person_sentence = 0;
  std::vector<std::vector<std::string>> sentence_actors;  // codes named in each sentence so far
  std::vector<std::vector<int>> sentence_topics;  // issues whose topic_words each sentence holds
  // Per issue: whether the document (title included) names one of its document_actors, or
  // the issue asks for none. Decided once per document.
  std::vector<bool> issue_in_document;
  // Per issue: whether the document is another debate's (Codebook `other_debate_ratio`).
  std::vector<bool> issue_other_debate;
  // Per issue: the issue its generic terms are in this document (Issue::generic_as).
  std::vector<int> generic_issue;
  Holder last_holder;
  size_t last_holder_sentence = 0;
  int last_issue = -1;
  int last_polarity = 1;
  size_t last_issue_sentence = 0;
  Camp camp;
  Holder quote_speaker;
  size_t quote_speaker_sentence = 0;
  size_t quote_speaker_para = static_cast<size_t>(-1);
  bool quote_open = false;  // a speech quote runs on past the end of the previous sentence
  // Transcripts ("PRIME MINISTER MORAWIECKI:  ...", "Q    ..."): the turn a paragraph
  // belongs to, from its label to the next label. Its "we"/"I" outside quotes is the named
  // speaker's; an audience turn (a reporter's question) speaks for nobody.
  bool in_turn = false;
  bool turn_audience = false;
  Holder turn_speaker;
  // A label of a leader's title and a name nobody knows ("PRESIDENT Y:") that the title's
  // leaders do not name either: the turn is a guest's, and it speaks for nobody.
  bool turn_unknown = false;
  // An audience turn has come: from then on the leaders answer questions, and their "you"
  // is the reporter, not the other leader.
  bool audience_seen = false;
};

// "i'm" -> "i", "we'll" -> "we": the pronoun of a contraction.
inline std::string PronounPart(const std::string& w) {
  const size_t ap = w.find('\'');
  if (ap == std::string::npos || ap == 0) return w;
  const std::string tail = w.substr(ap);
  if (tail == "'m" || tail == "'ll" || tail == "'ve" || tail == "'re" || tail == "'d") return w.substr(0, ap);
  return w;
}

// A word of more than `longer_than` letters ending in `suffix`: "-ing" forms of five
// letters or more ("sending", not "king"), "-ed" participles, "-ly" adverbs.
inline bool EndsWith(const std::string& w, std::string_view suffix, size_t longer_than) {
  return w.size() > longer_than && w.size() >= suffix.size() &&
         w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}
inline bool IsIngForm(const std::string& w) { return EndsWith(w, "ing", 4); }
// A past participle, regular or of the irregular "-en" kind ("limited", "frozen"): the
// forms that modify a noun as adjectives do.
inline bool IsParticiple(const std::string& w) { return EndsWith(w, "ed", 4) || EndsWith(w, "en", 4); }

inline bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

class SentenceAnalyzer {
 public:
  SentenceAnalyzer(const Codebook& cb, const CueLexicon& lex, const Document& doc, DocState* state,
                   std::vector<Statement>* out, std::set<std::tuple<std::string, int, int>>* seen,
                   const syntax::Model* model, const ClauseRuleSet* clause_rules = nullptr)
      : cb_(cb), lex_(lex), doc_(doc), st_(*state), out_(*out), seen_(*seen), model_(model),
        clause_rules_(clause_rules) {}

  // extractor.cpp
  void Run(Span sentence, size_t index, size_t para, std::vector<Mention> mentions, ExtractionStats* stats);
  // reported_speech.cpp: the speaker named after a quote that this sentence continues
  // ("... There is no other way," Scholz said.), or nobody.
  Holder TrailingQuoteSpeaker(const SentenceInput& s, size_t index);

 private:
  // The types the chain of one term is read into (term_chain.cpp), and that the holder
  // steps (term_holders.cpp, extractor.cpp) read back.
  // The last chain of a clause, for a term coordinated with it.
  struct Chain {
    size_t end = 0;
    int polarity = 0;  // before the term's own polarity
    Holder holder;
    std::string cue;
    int issue = -1;
  };
  // What one term of a clause passes on to the next.
  struct ClauseWalk {
    size_t prev_end = 0;   // where the previous term ended: the next one's cues start there
    bool passive = false;  // a passive seen in the clause: its later terms have no agent either
    bool has_prev = false;
    Chain prev;
  };
  // A stance-bearing cue of a chain.
  struct Polar {
    size_t b, e;
    int polarity;
    bool verb;
    bool phrase;  // a noun cue ("calls for", "warnings against"): may have its own holder
    // an act on the words of a generic cue ("warn of" on sanctions): the cue's polarity,
    // which stands when the parse says the act does not take the term; 0 for none
    int shadowed_polarity = 0;
  };
  // What the cues around one term say.
  struct TermReading {
    size_t rs = 0;               // cues of this term start here
    std::vector<Polar> polars;   // stance-bearing cues before the term, in order
    bool stance_verb_before = false;  // a support or oppose verb among them
    int negations = 0;
    std::vector<size_t> neg_pos;  // negators before the term, counted once the chain is known
    bool hypothetical = false;
    bool sincerity = false;
    bool has_act = false;
    bool only_frames = true;  // a frame alone ("regards X") carries no stance
    std::string cue_text;
    Polar chain_anchor{0, 0, 0, false, false};  // the first cue before a long stretch
    bool has_anchor = false;
    size_t post_end = 0;  // the evaluation after the term is looked for up to here
    int post_neg = 0;
    int post_polarity = 1;
    bool has_post = false;
    // the evaluation after the term, when has_post came from one: its tokens, and where its
    // words start in cue_text (DropStrayEvaluations takes it back)
    bool post_evaluation = false;
    size_t post_b = 0, post_e = 0;
    size_t post_cue_at = 0;
  };
  // The term a holder is looked for, with its resolved issue and the chain's start.
  struct TermTarget {
    const TermHit* term;
    int issue;
    size_t c0;             // where the chain (or the term, without one) starts
    const Polar* first;    // the chain's first cue, or null
    const std::string* kind;
  };

  // --- extractor.cpp: a sentence's steps in order, what it leaves for later sentences,
  // each clause's terms, and the statements it emits
  void Prepare(Span sentence, size_t index, std::vector<Mention> mentions);
  void NoteSentenceActors();
  void NoteQuietSentence(size_t para);
  void AnalyzeClause(size_t ci);
  void NoteClauseSubject(size_t ci);
  void EmitCampMembers(const Clause& c);
  void AnalyzeTerm(size_t ci, const TermHit& term, ClauseWalk* walk);
  void EmitCoordinated(const TermHit& term, const Chain& prev);
  bool IndirectQuestion(const Clause& c, const TermHit& term, const TermReading& r) const;
  bool DefinesCamp(const Clause& c, size_t c0, int issue, int stance, const std::string& cue_text);
  // `source` (when set) names who reports the statement instead of Source().
  void Emit(const Holder& h, int issue, int stance, const std::string& cue, const std::string& rule,
            const std::string& source = {});
  std::string Surface(size_t b, size_t e) const;
  std::string Show() const;

  // --- sentence_clauses.cpp: where a sentence splits into clauses, and what opens none
  void SplitClauses();
  bool StartsOpener(size_t t, const WordSet& set) const;
  bool JoinedOpener(size_t t) const;
  bool Parenthetical(size_t t) const;
  // The span of the mention at token `t`: the token after its end, and its first token (not
  // before `floor`).
  size_t MentionEnd(size_t t) const;
  size_t MentionStart(size_t t, size_t floor) const;

  // --- subjects.cpp: a clause's subject and the holder it gives a cue
  bool VagueMention(size_t start, size_t at, size_t mention_end) const;
  size_t CollectGroup(size_t j, size_t limit, size_t np_start, Holder* h) const;
  Subject SubjectAt(size_t a, size_t b) const;
  Holder ResolvePronoun(const std::string& p, bool in_quote) const;

  // --- addressee.cpp: whom "you" stands for (the other leader of remarks by two, a
  // vocative), and when it stands for anyone at all
  bool GenericYou(size_t t) const;
  Holder Addressee(bool in_quote) const;
  Holder Vocative(const std::vector<std::string>& speaker) const;
  Holder OtherLeader(const std::vector<std::string>& speaker) const;
  Holder FindHolder(const Clause& c, size_t c0, bool sincerity, size_t clause_index, bool c0_is_term = false) const;
  // FindHolder's cases by the kind of subject before the cue (after a reporting verb:
  // ReportedHolder, reported_speech.cpp).
  Holder PronounSubjectHolder(const Clause& c, size_t c0, const std::string& pronoun) const;
  bool ExpletiveIt(const Clause& c, size_t c0) const;
  Holder EmptySubjectHolder(const Clause& c, size_t ci) const;
  Holder RelativeAntecedent(const Clause& c) const;
  void RecordProposal(const Clause& c, const Holder& authors);
  // What a clause's subject leaves for later sentences: the last holder (and person) for
  // pronouns, and the authors of a proposal it puts forward.
  void NoteSubject(const Clause& c, const Subject& s);
  Holder ProposalAuthors(const Clause& c, size_t c0) const;
  bool ProposalNounAt(size_t t, size_t* end) const;
  bool PossessiveSubject(const Clause& c) const;

  // --- reported_speech.cpp: reporting verbs, the speakers of quotes, the holder of
  // reported content, and the source a statement is reported by
  void FindSpeech();
  bool OpensLongerStanceCue(const PatternMatch& speech) const;
  void FindSpeaker(size_t para);
  Holder SpeakerAhead(size_t para) const;
  Holder ReportedHolder(const Clause& c, size_t c0, const PatternMatch& verb, bool sincerity, size_t ci,
                        bool c0_is_term) const;
  Holder VerbSpeaker(const Clause& c, const PatternMatch& verb, size_t ci, bool* unknown) const;
  size_t ReportedContentStart(const PatternMatch& verb, size_t c0) const;
  Holder SpeakerBefore(const PatternMatch& said, bool in_quote) const;
  std::string Source() const;

  // --- term_conditions.cpp: the issue terms, and the codebook's conditions on them
  void FindTerms(std::vector<PatternMatch>* term_matches, const std::vector<PatternMatch>& acts);
  bool TermConditionsHold(const PatternMatch& m, const IssueTerm& it, const std::vector<PatternMatch>& acts) const;
  void DropOtherDebates(bool proforms);
  void DropOtherRecipients();
  // --- mandative.cpp: proposals in the subjunctive ("suggested that Russia be readmitted")
  std::optional<PatternMatch> MandativeEndingAt(size_t e) const;
  std::optional<PatternMatch> SubjunctiveOf(size_t be) const;
  Holder MandativeHolder(const Clause& c, const PatternMatch& m) const;
  void AddSubjunctiveCues();
  // --- term_lists.cpp: the terms a list of modifiers makes with the head of a term after it
  void AddListedTerms(const PatternMatch& m, size_t taken_end, const std::vector<PatternMatch>& acts);
  bool SentenceHasWord(const std::vector<std::string>& words) const;
  bool NearTopic(int issue) const;
  bool IsHeadlineList() const;
  bool ComplementNames(size_t after, const std::vector<std::string>& codes) const;
  bool PartnersAreOther(const PatternMatch& m, const Issue& issue) const;
  bool ComplementIsTopic(size_t after, const std::vector<std::string>& topics) const;
  bool TokenNames(size_t t, const std::vector<std::string>& codes) const;
  bool TermOrModifierNames(const PatternMatch& m, const std::vector<std::string>& codes) const;
  bool NamesOtherBody(const PatternMatch& m, const std::vector<std::string>& bodies) const;
  bool TargetIsOther(size_t after, const std::vector<std::string>& targets) const;
  bool PrecededByAny(size_t b, const std::vector<std::string>& phrases) const;
  bool ObjectOfAny(size_t b, const std::vector<std::string>& verbs) const;
  bool TermPhraseNames(const PatternMatch& m, const std::vector<std::string>& codes) const;
  bool ClauseNames(size_t at, const std::vector<std::string>& codes, int scope, bool subject_only) const;
  bool LastDebateIsOther(const Issue& issue) const;

  // --- cue_matches.cpp: which cue-lexicon matches may carry a stance here
  void FindCues(std::vector<PatternMatch>* cue_matches, const std::vector<PatternMatch>& term_matches,
                const std::vector<PatternMatch>& acts);
  bool CueCounts(const PatternMatch& m, const std::vector<PatternMatch>& cue_matches,
                 const std::vector<PatternMatch>& term_matches, const std::vector<PatternMatch>& acts) const;
  bool VerbCueIsModifier(const PatternMatch& m, const std::vector<PatternMatch>& term_matches) const;
  bool AfterEvaluatedDeterminer(size_t b, const std::vector<PatternMatch>& cue_matches) const;
  bool InHedge(size_t t) const;

  // --- term_chain.cpp: the cues before and after a term, how far they reach, and their polarity
  bool ReadCuesBefore(const Clause& c, const TermHit& term, TermReading* r) const;
  bool EvaluatesPossessedNoun(const CueHit& q, const Clause& c) const;
  bool DeniedSighting(const CueHit& q, const Clause& c) const;
  bool SightingDenied(const TermHit& term) const;
  bool TermHeadsByPhrase(size_t by, const TermHit& term) const;
  bool TermNamesPerson(const TermHit& term, const std::string& person) const;
  bool IsPastParticiple(const std::string& w) const;
  bool CircumstanceBetween(size_t cue_end, size_t term_b) const;
  // "tried to loosen, not tighten, sanctions": the negated aside after a cue, as [begin, end).
  std::pair<size_t, size_t> ContrastAside(size_t from, size_t term_b) const;
  // The token before t, skipping back (not below floor) over evaluations, the commas and
  // "and" between them, and quote marks: "Russia's illegal, unprovoked war" -> "'s".
  size_t BeforeEvaluations(size_t t, size_t floor) const;
  // A possessive pronoun, or "'s" after a name.
  bool PossessiveMarker(size_t k) const;
  // "'s" or "'" after a name (not below floor); whether the mention at k follows a preposition.
  bool NamedPossessive(size_t k, size_t floor) const;
  bool AfterPreposition(size_t k, size_t floor) const;
  void BoundChain(const TermHit& term, TermReading* r) const;
  bool IsBargainingChip(const Clause& c, const TermHit& term, const TermReading& r) const;
  void ReadModalPassive(size_t after_modal, TermReading* r) const;
  const PatternMatch* BeliefVerb(size_t term_b, size_t before) const;
  // The last reporting or cognition verb of clause `c` that ends by `before`, or null.
  const PatternMatch* LastSpeechVerb(const Clause& c, size_t before) const;
  bool InvertedCondition(size_t t) const;
  void ReadAfterTerm(const Clause& c, const TermHit& term, TermReading* r) const;
  void ReadObjectComplement(const TermHit& term, TermReading* r) const;
  bool ChainStopsBefore(const TermHit& term, const TermReading& r);
  void DropStrayAgainst(const TermHit& term, TermReading* r);
  bool EvaluationStrays(const TermHit& term, size_t b, size_t e);
  void CheckShadowingActs(const TermHit& term, TermReading* r);
  void NeutralizeStrayEvaluationsBefore(const TermHit& term, TermReading* r);
  void DropStrayEvaluationAfter(const TermHit& term, TermReading* r);
  void CutAtCoordinatedPredicate(const TermHit& term, TermReading* r);

  // --- term_holders.cpp: who holds a term's chain when the clause's subject is not simply
  // the holder (possessor, passive, gerund object, demand, co-agents, holders after the term)
  void EmitReducedPassive(const Clause& c, const TermHit& term, const TermReading& r);
  void EmitModifierHolder(const Clause& c, const TermHit& term, const TermReading& r);
  void EmitParticipants(const Clause& c, const TermHit& term, const TermReading& r);
  void EmitPassiveAfterTerm(const Clause& c, const TermHit& term, const TermReading& r);
  Holder FindPossessor(const Clause& c, const TermHit& term, const TermReading& r, size_t* possessed_at) const;
  bool PassiveAt(const Clause& c, const Polar* first) const;
  bool ReducedRelativeAt(const Clause& c, const Polar* first) const;
  void EmitGerundObject(const Clause& c, const TermTarget& x, const TermReading& r, bool for_gerund);
  void ResolveDemand(const Clause& c, const TermTarget& x, Holder* h) const;
  void AddCoAgents(const Clause& c, size_t c0, Holder* h) const;
  Holder ClauseHolder(size_t ci, const TermTarget& x, const TermReading& r, bool* clause_passive, bool* passive);

  // --- sentence_tree.cpp: the dependency tree's vetoes and holders (parsed on first use:
  // only sentences that get as far as a holder)
  const syntax::ParsedSentence& Tree();
  // True when every mention of `actor` in the sentence is a target in the tree ("sanctions
  // on Russia") while the holder rule took it for the clause's agent.
  bool TreeVetoes(const std::string& actor, const std::string& holder_rule);
  // Whether `actor`, taken as the antecedent of ", which ..." / ", who ...", is a name the
  // parse hangs on a noun ("a statement of support for Ukraine, which will include ..."):
  // the relative clause then describes that noun phrase, not the name.
  bool AntecedentModifiesNoun(const std::string& actor);
  // Clause rules over the tree (statements/clause_rules.h) for the actors of the sentence
  // that the flat rules gave no statement: parsed only when such an actor and an issue
  // term are there.
  void ApplyClauseRules();
  void EmitClauseMatch(const syntax::ParsedSentence& tree, const ClauseMatch& m, const TermHit& term, std::string* trace);
  Holder TreeHolder(const syntax::ParsedSentence& tree, const std::vector<int>& words) const;
  // The name of a tree rule's speaker ("the Danish minister" of "... said that Y opposes"),
  // or empty for a pronoun or when the speaker is one of the holders.
  std::string TreeSource(const syntax::ParsedSentence& tree, const ClauseMatch& m) const;
  bool RecipientFits(const syntax::ParsedSentence& tree, const ClauseMatch& m, int issue) const;

  // --- here: small token and state queries that several of the files above use
  bool IsWord(size_t t, const char* w) const { return t < toks_.size() && toks_[t].norm == w; }
  // "not", "never", "don't": the lexicon's negators and negator endings.
  bool IsNegator(const Token& t) const { return lex_.IsNegatorWord(t.norm); }
  // "just", "only": a negator right before one is additive ("not just arms, but aid").
  bool IsFocusParticle(size_t t) const { return t < toks_.size() && lex_.focus_particles().count(toks_[t].norm); }
  bool Negates(size_t t) const {
    return t < toks_.size() && IsNegator(toks_[t]) && !IsFocusParticle(t + 1) && !InHedge(t);
  }
  Holder Speaker() const { return speaker_; }
  Holder VoiceHolder() const { return Holder{st_.voice.actors, st_.voice.person, st_.voice.rule, {}}; }
  bool InsideTerm(size_t b, size_t e) const {
    for (const auto& t : terms_)
      if (b < t.e && t.b < e) return true;
    return false;
  }
  bool InSpeech(size_t b, size_t e) const {
    for (const auto& s : speech_)
      if (b < s.end && s.begin < e) return true;
    return false;
  }
  bool OverlapsMention(size_t b, size_t e) const {
    for (size_t t = b; t < e; ++t)
      if (toks_[t].mention >= 0) return true;
    return false;
  }
  // The word of `tree` heading the tokens [b, e) (HeadWordOf on their bytes).
  int TreeWord(const syntax::ParsedSentence& tree, size_t b, size_t e) const {
    return HeadWordOf(tree, toks_[b].begin, toks_[e - 1].end);
  }
  // Words between token positions, an actor's name counting as one.
  size_t Distance(size_t from, size_t to) const {
    size_t d = 0;
    for (size_t t = from; t < to; ++t)
      if (toks_[t].type == TokenType::kWord && (toks_[t].mention < 0 || t == from || toks_[t - 1].mention != toks_[t].mention))
        ++d;
    return d;
  }
  void Trace(const std::string& s) const {  // writes the stats, not the analyser
    if (stats_ != nullptr && stats_->trace) stats_->trace_text += s + "\n";
  }

  ExtractionStats* stats_ = nullptr;

  const Codebook& cb_;
  const CueLexicon& lex_;
  const Document& doc_;
  DocState& st_;
  std::vector<Statement>& out_;
  std::set<std::tuple<std::string, int, int>>& seen_;

  Span span_;
  size_t index_ = 0;
  std::vector<Mention> ments_;
  std::vector<Token> toks_;
  TokenView view_;
  std::vector<int> clause_of_;
  std::vector<Clause> clauses_;
  std::vector<char> in_quote_;
  bool has_speech_quote_ = false;
  bool question_ = false;
  std::vector<TermHit> terms_;
  std::vector<CueHit> cues_;
  std::vector<PatternMatch> speech_;      // verbs that introduce reported content here
  std::vector<PatternMatch> speech_all_;  // every reporting verb (speakers after quotes)
  Holder speaker_;
  Holder clause0_holder_;
  mutable std::string source_cache_;
  mutable bool source_done_ = false;
  const syntax::Model* model_ = nullptr;  // null: no tree, the flat rules alone
  const ClauseRuleSet* clause_rules_ = nullptr;  // null: no clause rules
  std::optional<syntax::ParsedSentence> tree_;
  std::vector<std::pair<std::string, int>> emitted_;  // (actor, issue) given a statement in this sentence
};

}  // namespace statements_internal
}  // namespace faultline
