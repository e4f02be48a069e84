#include "statements/extractor.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

#include "statements/chain_reach.h"
#include "statements/clause_roles.h"
#include "statements/document_voice.h"
#include "statements/recipient.h"
#include "statements/term_scope.h"
#include "statements/tokens.h"
#include "text/link_cards.h"
#include "text/segment.h"
#include "util/ascii.h"

namespace faultline {
namespace {

struct TermHit {
  size_t b = 0, e = 0;
  int issue = -1;
  int polarity = 1;
  int act = -1;
  bool proform = false;
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
};

// "i'm" -> "i", "we'll" -> "we": the pronoun of a contraction.
std::string PronounPart(const std::string& w) {
  const size_t ap = w.find('\'');
  if (ap == std::string::npos || ap == 0) return w;
  const std::string tail = w.substr(ap);
  if (tail == "'m" || tail == "'ll" || tail == "'ve" || tail == "'re" || tail == "'d") return w.substr(0, ap);
  return w;
}

// A word of more than `longer_than` letters ending in `suffix`: "-ing" forms of five
// letters or more ("sending", not "king"), "-ed" participles, "-ly" adverbs.
bool EndsWith(const std::string& w, std::string_view suffix, size_t longer_than) {
  return w.size() > longer_than && w.size() >= suffix.size() &&
         w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}
bool IsIngForm(const std::string& w) { return EndsWith(w, "ing", 4); }
// A past participle, regular or of the irregular "-en" kind ("limited", "frozen"): the
// forms that modify a noun as adjectives do.
bool IsParticiple(const std::string& w) { return EndsWith(w, "ed", 4) || EndsWith(w, "en", 4); }

bool IsNegator(const Token& t) {
  const std::string& w = t.norm;
  return w == "not" || w == "never" || w == "no" || w == "nor" || w == "neither" || w == "cannot" ||
         w == "without" || EndsWith(w, "n't", 2);
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

class SentenceAnalyzer {
 public:
  SentenceAnalyzer(const Codebook& cb, const CueLexicon& lex, const Document& doc, DocState* state,
                   std::vector<Statement>* out, std::set<std::tuple<std::string, int, int>>* seen,
                   const syntax::Model* model, const ClauseRuleSet* clause_rules = nullptr)
      : cb_(cb), lex_(lex), doc_(doc), st_(*state), out_(*out), seen_(*seen), model_(model),
        clause_rules_(clause_rules) {}

  void Run(Span sentence, size_t index, size_t para, std::vector<Mention> mentions, ExtractionStats* stats);
  // The speaker named after a quote that this sentence continues ("... There is no other
  // way," Scholz said.), or nobody.
  Holder TrailingQuoteSpeaker(const SentenceInput& s, size_t index);

 private:
  // --- clause structure
  void SplitClauses();
  bool IsWord(size_t t, const char* w) const { return t < toks_.size() && toks_[t].norm == w; }
  // "just", "only": a negator right before one is additive ("not just arms, but aid").
  bool IsFocusParticle(size_t t) const { return t < toks_.size() && lex_.focus_particles().count(toks_[t].norm); }
  bool Negates(size_t t) const {
    return t < toks_.size() && IsNegator(toks_[t]) && !IsFocusParticle(t + 1) && !InHedge(t);
  }
  bool StartsOpener(size_t t, const WordSet& set) const;
  bool Parenthetical(size_t t) const;

  // --- subjects and groups
  bool VagueMention(size_t start, size_t at, size_t mention_end) const;
  size_t MentionEnd(size_t t) const;
  size_t CollectGroup(size_t j, size_t limit, size_t np_start, Holder* h) const;
  Subject SubjectAt(size_t a, size_t b) const;
  Holder Speaker() const { return speaker_; }
  Holder ResolvePronoun(const std::string& p, bool in_quote) const;
  Holder VoiceHolder() const { return Holder{st_.voice.actors, st_.voice.person, st_.voice.rule, {}}; }
  Holder FindHolder(const Clause& c, size_t c0, bool sincerity, size_t clause_index, bool c0_is_term = false) const;
  // FindHolder's cases: after a reporting verb, and by the kind of subject before the cue.
  Holder ReportedHolder(const Clause& c, size_t c0, const PatternMatch& verb, bool sincerity, size_t ci,
                        bool c0_is_term) const;
  Holder VerbSpeaker(const Clause& c, const PatternMatch& verb, size_t ci, bool* unknown) const;
  size_t ReportedContentStart(const PatternMatch& verb, size_t c0) const;
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
  void FindSpeaker(size_t para);
  Holder SpeakerAhead(size_t para) const;
  void Prepare(Span sentence, size_t index, std::vector<Mention> mentions);
  void FindSpeech();
  bool OpensLongerStanceCue(const PatternMatch& speech) const;
  bool InHedge(size_t t) const;
  // --- Run's steps: what a sentence leaves for later ones, and its terms and cues
  void NoteSentenceActors();
  void NoteQuietSentence(size_t para);
  void FindTerms(std::vector<PatternMatch>* term_matches, const std::vector<PatternMatch>& acts);
  bool TermConditionsHold(const PatternMatch& m, const IssueTerm& it, const std::vector<PatternMatch>& acts) const;
  void DropOtherDebates(bool proforms);
  void DropOtherRecipients();
  bool SentenceHasWord(const std::vector<std::string>& words) const;
  bool NearTopic(int issue) const;
  bool IsHeadlineList() const;
  bool ComplementNames(size_t after, const std::vector<std::string>& codes) const;
  bool ComplementIsTopic(size_t after, const std::vector<std::string>& topics) const;
  bool TokenNames(size_t t, const std::vector<std::string>& codes) const;
  bool TermOrModifierNames(const PatternMatch& m, const std::vector<std::string>& codes) const;
  bool NamesOtherBody(const PatternMatch& m, const std::vector<std::string>& bodies) const;
  bool TargetIsOther(size_t after, const std::vector<std::string>& targets) const;
  bool PrecededByAny(size_t b, const std::vector<std::string>& phrases) const;
  bool ObjectOfAny(size_t b, const std::vector<std::string>& verbs) const;
  bool CircumstanceBetween(size_t cue_end, size_t term_b) const;
  bool TermPhraseNames(const PatternMatch& m, const std::vector<std::string>& codes) const;
  bool ClauseNames(size_t at, const std::vector<std::string>& codes, int scope, bool subject_only) const;
  bool LastDebateIsOther(const Issue& issue) const;
  void FindCues(std::vector<PatternMatch>* cue_matches, const std::vector<PatternMatch>& term_matches,
                const std::vector<PatternMatch>& acts);
  bool CueCounts(const PatternMatch& m, const std::vector<PatternMatch>& cue_matches,
                 const std::vector<PatternMatch>& term_matches, const std::vector<PatternMatch>& acts) const;
  bool VerbCueIsModifier(const PatternMatch& m, const std::vector<PatternMatch>& term_matches) const;
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

  // --- chains: the cues before and after each issue term of a clause, and its holder
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
  };
  // The term a holder is looked for, with its resolved issue and the chain's start.
  struct TermTarget {
    const TermHit* term;
    int issue;
    size_t c0;             // where the chain (or the term, without one) starts
    const Polar* first;    // the chain's first cue, or null
    const std::string* kind;
  };
  void AnalyzeClause(size_t ci);
  void NoteClauseSubject(size_t ci);
  void EmitCampMembers(const Clause& c);
  void AnalyzeTerm(size_t ci, const TermHit& term, ClauseWalk* walk);
  bool ReadCuesBefore(const Clause& c, const TermHit& term, TermReading* r) const;
  bool EvaluatesPossessedNoun(const CueHit& q, const Clause& c) const;
  bool DeniedSighting(const CueHit& q, const Clause& c) const;
  bool SightingDenied(const TermHit& term) const;
  bool TermHeadsByPhrase(size_t by, const TermHit& term) const;
  bool TermNamesPerson(const TermHit& term, const std::string& person) const;
  bool IsPastParticiple(const std::string& w) const;
  // "tried to loosen, not tighten, sanctions": the negated aside after a cue, as [begin, end).
  std::pair<size_t, size_t> ContrastAside(size_t from, size_t term_b) const;
  // The token before t, skipping back (not below floor) over evaluations, the commas and
  // "and" between them, and quote marks: "Russia's illegal, unprovoked war" -> "'s".
  size_t BeforeEvaluations(size_t t, size_t floor) const;
  // A possessive pronoun, or "'s" after a name.
  bool PossessiveMarker(size_t k) const;
  void BoundChain(const TermHit& term, TermReading* r) const;
  bool IsBargainingChip(const Clause& c, const TermHit& term, const TermReading& r) const;
  void ReadModalPassive(size_t after_modal, TermReading* r) const;
  const PatternMatch* BeliefVerb(size_t term_b, size_t before) const;
  // The last reporting or cognition verb of clause `c` that ends by `before`, or null.
  const PatternMatch* LastSpeechVerb(const Clause& c, size_t before) const;
  void ReadAfterTerm(const Clause& c, const TermHit& term, TermReading* r) const;
  void ReadObjectComplement(const TermHit& term, TermReading* r) const;
  void EmitReducedPassive(const Clause& c, const TermHit& term, const TermReading& r);
  void EmitModifierHolder(const Clause& c, const TermHit& term, const TermReading& r);
  void EmitParticipants(const Clause& c, const TermHit& term, const TermReading& r);
  void EmitPassiveAfterTerm(const Clause& c, const TermHit& term, const TermReading& r);
  void EmitCoordinated(const TermHit& term, const Chain& prev);
  bool IndirectQuestion(const Clause& c, const TermHit& term, const TermReading& r) const;
  bool ChainStopsBefore(const TermHit& term, const TermReading& r);
  void DropStrayAgainst(const TermHit& term, TermReading* r);
  // The word of `tree` heading the tokens [b, e) (HeadWordOf on their bytes).
  int TreeWord(const syntax::ParsedSentence& tree, size_t b, size_t e) const {
    return HeadWordOf(tree, toks_[b].begin, toks_[e - 1].end);
  }
  void CutAtCoordinatedPredicate(const TermHit& term, TermReading* r);
  bool DefinesCamp(const Clause& c, size_t c0, int issue, int stance, const std::string& cue_text);
  Holder FindPossessor(const Clause& c, const TermHit& term, const TermReading& r, size_t* possessed_at) const;
  bool PassiveAt(const Clause& c, const Polar* first) const;
  bool ReducedRelativeAt(const Clause& c, const Polar* first) const;
  void EmitGerundObject(const Clause& c, const TermTarget& x, const TermReading& r, bool for_gerund);
  void ResolveDemand(const Clause& c, const TermTarget& x, Holder* h) const;
  Holder SpeakerBefore(const PatternMatch& said, bool in_quote) const;
  void AddCoAgents(const Clause& c, size_t c0, Holder* h) const;
  Holder ClauseHolder(size_t ci, const TermTarget& x, const TermReading& r, bool* clause_passive, bool* passive);
  void Trace(const std::string& s) const {  // writes the stats, not the analyser
    if (stats_ != nullptr && stats_->trace) stats_->trace_text += s + "\n";
  }
  std::string Show() const;
  ExtractionStats* stats_ = nullptr;
  // `source` (when set) names who reports the statement instead of Source().
  void Emit(const Holder& h, int issue, int stance, const std::string& cue, const std::string& rule,
            const std::string& source = {});
  // --- the tree (parsed on first use: only sentences that get as far as a holder)
  const syntax::ParsedSentence& Tree();
  // True when every mention of `actor` in the sentence is a target in the tree ("sanctions
  // on Russia") while the holder rule took it for the clause's agent.
  bool TreeVetoes(const std::string& actor, const std::string& holder_rule);
  // Clause rules over the tree (statements/clause_rules.h) for the actors of the sentence
  // that the flat rules gave no statement: parsed only when such an actor and an issue
  // term are there.
  void ApplyClauseRules();
  Holder TreeHolder(const syntax::ParsedSentence& tree, const std::vector<int>& words) const;
  // The name of a tree rule's speaker ("the Danish minister" of "... said that Y opposes"),
  // or empty for a pronoun or when the speaker is one of the holders.
  std::string TreeSource(const syntax::ParsedSentence& tree, const ClauseMatch& m) const;
  bool RecipientFits(const syntax::ParsedSentence& tree, const ClauseMatch& m, int issue) const;
  std::string Surface(size_t b, size_t e) const;
  // Words between token positions, an actor's name counting as one.
  size_t Distance(size_t from, size_t to) const {
    size_t d = 0;
    for (size_t t = from; t < to; ++t)
      if (toks_[t].type == TokenType::kWord && (toks_[t].mention < 0 || t == from || toks_[t - 1].mention != toks_[t].mention))
        ++d;
    return d;
  }
  std::string Source() const;

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

size_t SentenceAnalyzer::MentionEnd(size_t t) const {
  const int m = toks_[t].mention;
  while (t < toks_.size() && toks_[t].mention == m) ++t;
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
        (toks_[t + 1].norm == "and" || toks_[t + 1].norm == "but") &&
        (toks_[t + 2].mention >= 0 || lex_.pronouns().count(toks_[t + 2].norm)))
      boundary[t] = 1;
    if (t > 0 && StartsOpener(t, lex_.openers_alone()) && !boundary[t - 1]) starts[t] = 1;
  }
  // A sentence-initial prepositional phrase ("According to Bloomberg, ...") ends at its comma.
  size_t first = 0;
  while (first < n && toks_[first].type != TokenType::kWord) ++first;
  // skip leading conjunctions, adverbs and commas: "So, today, in response to ..., I ..."
  while (first < n && (toks_[first].norm == "but" || toks_[first].norm == "and" || toks_[first].norm == "yet" ||
                       toks_[first].norm == "so" || toks_[first].norm == "," ||
                       (lex_.adverbs().count(toks_[first].norm) && !lex_.intro_prepositions().count(toks_[first].norm))))
    ++first;
  // ... or a participle ("Attempting to prevent a civil war, Burkhalter called ...")
  const bool intro_participle = first < n && toks_[first].mention < 0 && IsIngForm(toks_[first].norm);
  if (first < n && (lex_.intro_prepositions().count(toks_[first].norm) || intro_participle)) {
    for (size_t t = first; t < n && t < first + 16; ++t)
      if (toks_[t].norm == ",") {
        boundary[t] = 1;
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
  static const WordSet kGlue = {",", "and", "or", "as", "well", "the", "other", "most", "almost", "all",
                                "some", "a", "number", "of", "several", "many", "both", "(", ")", "its",
                                "their", "leaders", "leader", "governments", "government", "representatives",
                                "officials", "official", "members", "countries", "nations", "states", "allies",
                                "&", "plus", "along", "with", "together", "also", "nearly", "virtually",
                                "central", "eastern", "western", "northern", "southern", "east", "west",
                                "european", "nordic", "baltic", "key", "major", "fellow", "neighboring",
                                "neighbouring", "like-minded"};
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
    if (kGlue.count(toks_[k].norm) || toks_[k].type == TokenType::kDash) {
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
  static const WordSet kLead = {",", "and", "but", "or", "so", "while", "whereas", "although", "though",
                                "even", "however", "yet", "that", "where", "when", "there"};
  while (i < b && (kLead.count(toks_[i].norm) || lex_.adverbs().count(toks_[i].norm) ||
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
  // "her country", "his government": the speaker's own state
  if (i + 1 < b && lex_.possessives().count(toks_[i].norm) &&
      (toks_[i + 1].norm == "country" || toks_[i + 1].norm == "government" || toks_[i + 1].norm == "nation" ||
       toks_[i + 1].norm == "administration")) {
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
        // a vague group ("other NATO members") is the subject, and it is not coded
        s.kind = SubjKind::kNone;
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
  if (lex_.first_person().count(p)) {
    if (in_quote && !speaker_.empty()) {
      Holder h = speaker_;
      h.rule = "quote-first-person";
      return h;
    }
    if (!in_quote && st_.in_turn) {
      if (st_.turn_audience) return Holder{};
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
  const bool personal = p == "he" || p == "she";
  const Holder& last = personal ? st_.last_person : st_.last_holder;
  const size_t when = personal ? st_.last_person_sentence : st_.last_holder_sentence;
  if (when + 1 < index_ || last.empty()) return Holder{};
  Holder h = last;
  h.rule = "pronoun";
  return h;
}

Holder SentenceAnalyzer::RelativeAntecedent(const Clause& c) const {
  Holder h;
  if (c.b >= 2 && (toks_[c.b].norm == "which" || toks_[c.b].norm == "who") && toks_[c.b - 1].norm == "," &&
      toks_[c.b - 2].mention >= 0) {
    size_t j = c.b - 2;
    while (j > 0 && toks_[j - 1].mention == toks_[c.b - 2].mention) --j;
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
  static const WordSet kOpeners = {"but", "and", "yet", "however", "instead", "still", "moreover"};
  while (t < c0 && (toks_[t].type != TokenType::kWord || kOpeners.count(toks_[t].norm))) ++t;
  static const WordSet kDeterminers = {"this", "that", "the", "such", "these", "those"};
  if (t >= c0 || !kDeterminers.count(toks_[t].norm)) return Holder{};
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
  if (pb < c0 && (toks_[pb].norm == "while" || toks_[pb].norm == "and" || toks_[pb].norm == "thereby")) ++pb;
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

// FindHolder with a reporting verb before the cue: the speaker holds the stance of a
// belief or hope; otherwise the reported content's own subject does, if it has one.
Holder SentenceAnalyzer::ReportedHolder(const Clause& c, size_t c0, const PatternMatch& verb, bool sincerity,
                                        size_t ci, bool c0_is_term) const {
  bool unknown = false;
  const Holder speaker = VerbSpeaker(c, verb, ci, &unknown);
  if (unknown) {
    // an unknown speaker ("Graham, who said he ..."): nobody to hand the content to
    if (!sincerity && verb.payload != kSpeechAttitude) {
      Subject inner0 = SubjectAt(verb.end, c0);
      if (inner0.kind == SubjKind::kActors) {
        inner0.holder.rule = "reported-subject";
        return inner0.holder;
      }
    }
    return Holder{};
  }
  const size_t cs = ReportedContentStart(verb, c0);
  if (sincerity || verb.payload == kSpeechAttitude) return speaker;  // the believer / hoper holds the stance
  Subject inner = SubjectAt(cs, c0);
  // "said US sanctions on Russia would stay in place": the words before the term modify
  // it; the evaluation is the speaker's
  if (c0_is_term && inner.kind == SubjKind::kNone && !speaker.empty()) {
    Holder h = speaker;
    h.rule = "speaker";
    return h;
  }
  switch (inner.kind) {
    case SubjKind::kActors:
      inner.holder.rule = "reported-subject";
      return inner.holder;
    case SubjKind::kPronoun:
      if (lex_.first_person().count(inner.pronoun) && c.in_quote) return ResolvePronoun(inner.pronoun, true);
      if (!speaker.empty()) {
        Holder h = speaker;
        h.rule = "speaker-pronoun";
        return h;
      }
      return ResolvePronoun(inner.pronoun, c.in_quote);
    case SubjKind::kEmpty:
      return speaker;
    case SubjKind::kNone:
      return Holder{};
  }
  return Holder{};
}

// The speaker of a reporting verb: its subject, a relative clause's antecedent, the main
// clause's subject or the quote's speaker. `*unknown` is set when the verb has a subject
// no actor stands for.
Holder SentenceAnalyzer::VerbSpeaker(const Clause& c, const PatternMatch& verb, size_t ci, bool* unknown) const {
  // "The document said [the UK ...] don't think ...": the speaker of the last verb
  // stands between the verb before it and this one.
  size_t ob = c.b;
  for (const auto& m : speech_)
    if (m.begin >= c.b && m.end <= verb.begin && m.end > ob) ob = m.end;
  Subject outer = SubjectAt(ob, verb.begin);
  Holder speaker;
  const Holder antecedent = RelativeAntecedent(c);
  if (outer.kind == SubjKind::kNone && !antecedent.empty() && ob == c.b) {
    speaker = antecedent;
  } else if (outer.kind == SubjKind::kNone) {
    *unknown = true;
  } else if (outer.kind == SubjKind::kActors) {
    speaker = outer.holder;
    speaker.rule = "speaker";
  } else if (outer.kind == SubjKind::kPronoun) {
    speaker = ResolvePronoun(outer.pronoun, c.in_quote);
  } else if (outer.kind == SubjKind::kEmpty && ci > 0 && !clause0_holder_.empty()) {
    speaker = clause0_holder_;
    speaker.rule = "participle";
  } else if (outer.kind == SubjKind::kEmpty && c.in_quote) {
    speaker = speaker_;
    speaker.rule = "quote-speaker";
  }
  return speaker;
}

// Where the reported content after a reporting verb starts: past its addressee, a short
// adjunct before "that", and "that", "about", "of" or a comma.
size_t SentenceAnalyzer::ReportedContentStart(const PatternMatch& verb, size_t c0) const {
  size_t cs = verb.end;
  if (verb.payload == kSpeechAddressee) {  // addressee: "told Zelensky (that|about)"
    if (cs < c0 && toks_[cs].mention >= 0) cs = MentionEnd(cs);
    while (cs < c0 && (toks_[cs].norm == "'s" || toks_[cs].norm == ",")) ++cs;
  }
  // "said in 2017 that they ...", "said on Friday that": a short adjunct before "that"
  for (size_t t = cs; t < c0 && t < cs + 6; ++t) {
    if (toks_[t].mention >= 0 || toks_[t].type != TokenType::kWord) break;
    if (toks_[t].norm == "that") {
      cs = t;
      break;
    }
  }
  while (cs < c0 && (toks_[cs].norm == "that" || toks_[cs].norm == "about" || toks_[cs].norm == "of" ||
                     toks_[cs].norm == ",")) ++cs;
  return cs;
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
  for (size_t u = t + 1; u < c0 && expletive; ++u) {
    static const WordSet kBe = {"is", "'s", "was", "will", "be", "would", "remains", "remained", "seems",
                                "very", "so", "also", "absolutely", "really", "extremely", "vitally",
                                "critically", "particularly", "especially", "still", "now", "more", "most"};
    expletive = kBe.count(toks_[u].norm) > 0;
  }
  // "it's" is one token: the contraction itself is the verb
  return expletive;
}

// No subject before the cue: a verb phrase coordinated with the main clause, a quote's
// content or a participle clause takes its holder from elsewhere.
Holder SentenceAnalyzer::EmptySubjectHolder(const Clause& c, size_t ci) const {
  // "... but wants faster returns": a verb phrase coordinated with the main clause
  if (ci > 0 && !clause0_holder_.empty() &&
      (toks_[c.b].norm == "but" || toks_[c.b].norm == "and" || toks_[c.b].norm == "yet")) {
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

// Reporting verbs that really introduce reported content: plain ones always, addressee
// verbs ("told X that") and object-taking ones ("announced that") only before "that",
// "about", a colon, a comma or a quote.
void SentenceAnalyzer::FindSpeech() {
  std::vector<PatternMatch>& all = speech_all_;
  all.clear();
  lex_.speech().FindAll(view_, 0, toks_.size(), &all);
  all.erase(std::remove_if(all.begin(), all.end(),
                           [&](const PatternMatch& m) { return OverlapsMention(m.begin, m.end); }),
            all.end());
  speech_.clear();
  size_t taken_end = 0;
  for (const auto& m : all) {
    if (m.begin < taken_end || OverlapsMention(m.begin, m.end)) continue;
    // "Trump's remark", "the report": a noun, not a reporting verb
    if (m.begin > 0) {
      const std::string& d = toks_[m.begin - 1].norm;
      if (d == "'s" || d == "the" || d == "a" || d == "an" || d == "his" || d == "her" || d == "their" ||
          d == "its" || d == "this")
        continue;
    }
    // "insists on forging ahead", "commented on the talks": a verb with "on" takes an
    // object, it reports nothing
    if (m.end < toks_.size() && toks_[m.end].norm == "on") continue;
    // "believes in diplomacy", "asked for tanks": a reporting verb that opens a longer
    // stance cue of the lexicon is that cue, with the object it names. Not a verb of
    // attitude ("hopes to work with the UK on sanctions"): its subject already holds what
    // follows, and a hope is no cue of its own; nor a that-verb ("complained about the
    // spending", which says nothing of which way)
    if ((m.payload == kSpeechPlain || m.payload == kSpeechAddressee) && OpensLongerStanceCue(m)) continue;
    if (m.payload == kSpeechAddressee || m.payload == kSpeechThat || m.payload == kSpeechDoubt) {
      const size_t window = m.payload == kSpeechAddressee ? 6 : 1;
      bool ok = false;
      for (size_t t = m.end; t < toks_.size() && t <= m.end + window; ++t) {
        const Token& k = toks_[t];
        if (k.norm == "that" || k.norm == "about" || k.norm == ":" || k.norm == "," ||
            (k.type == TokenType::kQuote && k.norm != "'")) {
          ok = true;
          break;
        }
        if (k.norm == "to" || k.norm == "against" || k.norm == "of" || k.norm == ".") break;
      }
      if (!ok) continue;
    }
    speech_.push_back(m);
    taken_end = m.end;
  }
}

bool SentenceAnalyzer::OpensLongerStanceCue(const PatternMatch& speech) const {
  std::vector<PatternMatch> at;
  lex_.cues().MatchAt(view_, speech.begin, toks_.size(), &at);
  for (const auto& c : at) {
    const CueKind kind = lex_.cue(c.payload).kind;
    if ((kind == CueKind::kSupport || kind == CueKind::kOppose) && c.end > speech.end) return true;
  }
  return false;
}

void SentenceAnalyzer::FindSpeaker(size_t para) {
  speaker_ = Holder{};
  const size_t n = toks_.size();
  if (has_speech_quote_) {
    // after the last quoted stretch: "..., a UK official told WSJ" / "... said Macron"
    size_t last_q = n;
    for (size_t t = n; t-- > 0;)
      if (in_quote_[t]) {
        last_q = t + 1;
        break;
      }
    size_t r = last_q;
    while (r < n && (toks_[r].type != TokenType::kWord && toks_[r].mention < 0)) ++r;
    if (r < n) {
      const PatternMatch* verb = nullptr;
      for (const auto& m : speech_all_)
        if (m.begin >= r) {
          verb = &m;
          break;
        }
      if (verb != nullptr) {
        Subject s = SubjectAt(r, verb->begin);
        if (s.kind == SubjKind::kActors) {
          speaker_ = s.holder;
        } else if (s.kind == SubjKind::kPronoun) {
          speaker_ = ResolvePronoun(s.pronoun, false);
        } else if (s.kind == SubjKind::kEmpty) {
          size_t u = verb->end;
          while (u < n && toks_[u].mention < 0 && (lex_.subject_words().count(toks_[u].norm) || toks_[u].capitalized))
            ++u;
          if (u < n && toks_[u].mention >= 0) CollectGroup(u, n, verb->end, &speaker_);
        }
      }
    }
    // before the first quoted stretch: "Macron said: “...”"
    if (speaker_.empty()) {
      size_t first_q = 0;
      while (first_q < n && !in_quote_[first_q]) ++first_q;
      if (first_q > 0 && first_q < n) {
        for (const auto& m : speech_all_)
          if (m.end <= first_q) {
            Subject s = SubjectAt(0, m.begin);
            if (s.kind == SubjKind::kActors) speaker_ = s.holder;
            else if (s.kind == SubjKind::kPronoun) speaker_ = ResolvePronoun(s.pronoun, false);
            break;
          }
      }
    }
    // a quote carried over from the previous sentence of the paragraph, or a new quote
    // right after it ("“...,” Macron said. “We will also ...”")
    size_t first_word = 0;
    while (first_word < n && toks_[first_word].type != TokenType::kWord) ++first_word;
    const bool opens_in_quote = first_word < n && in_quote_[first_word];
    if (speaker_.empty() && opens_in_quote && st_.quote_speaker_para == para &&
        st_.quote_speaker_sentence + 1 == index_)
      speaker_ = st_.quote_speaker;
    // a quote that runs on and names its speaker at its end: "“... tanks. There is no
    // other way,” Scholz said."
    if (speaker_.empty() && opens_in_quote && st_.quote_open && !st_.looking_ahead) speaker_ = SpeakerAhead(para);
  }
  if (!speaker_.empty()) {
    speaker_.rule = "quote-speaker";
    st_.quote_speaker = speaker_;
    st_.quote_speaker_sentence = index_;
    st_.quote_speaker_para = para;
  }
}

std::string SentenceAnalyzer::Show() const {
  std::string s;
  int clause = -2;
  for (size_t t = 0; t < toks_.size(); ++t) {
    if (clause_of_[t] != clause) {
      clause = clause_of_[t];
      s += clause < 0 ? " |" : (" {" + std::to_string(clause) + (in_quote_[t] ? "q" : "") + "}");
    }
    s += " ";
    if (toks_[t].mention >= 0 && (t == 0 || toks_[t - 1].mention != toks_[t].mention)) {
      s += "[";
      for (const auto& a : ments_[toks_[t].mention].actors) s += a + ",";
      s += "]";
    }
    s += toks_[t].norm;
    for (const auto& term : terms_)
      if (term.b == t) s += "<T:" + (term.proform ? std::string("proform") : cb_.issues()[term.issue].id) + ">";
    for (const auto& q : cues_)
      if (q.b == t) s += "<C" + std::to_string(static_cast<int>(q.kind)) + (q.act >= 0 ? "a" : "") + ">";
    for (const auto& m : speech_)
      if (m.begin == t) s += "<S" + std::to_string(m.payload) + ">";
  }
  return s;
}

std::string SentenceAnalyzer::Surface(size_t b, size_t e) const {
  if (b >= e) return {};
  return doc_.text.substr(toks_[b].begin, toks_[e - 1].end - toks_[b].begin);
}

std::string SentenceAnalyzer::Source() const {
  if (source_done_) return source_cache_;
  source_done_ = true;
  const size_t n = toks_.size();
  // "according to X", "citing X", "obtained by X": X up to the next comma or clause end
  std::vector<PatternMatch> ms;
  lex_.according().FindAll(view_, 0, n, &ms);
  if (!ms.empty()) {
    size_t b = ms.front().end, e = b;
    while (e < n && toks_[e].norm != "," && toks_[e].norm != "." && toks_[e].norm != ";" && toks_[e].norm != ":" &&
           toks_[e].type != TokenType::kQuote && e < b + 10)
      ++e;
    // "according to a document obtained by Bloomberg" keeps the whole phrase; "according
    // to them" names nobody new
    const bool pronoun = e == b + 1 && (lex_.pronouns().count(toks_[b].norm) || toks_[b].norm == "them" ||
                                        toks_[b].norm == "him" || toks_[b].norm == "her" || toks_[b].norm == "us");
    if (e > b && !pronoun) {
      source_cache_ = Surface(b, e);
      return source_cache_;
    }
  }
  // "X reported", "sources said", "told X"
  for (size_t t = 1; t < n; ++t) {
    if (!lex_.reporters().count(toks_[t].norm) || in_quote_[t]) continue;
    if (toks_[t].norm == "told" && t + 1 < n && toks_[t + 1].capitalized && toks_[t + 1].mention < 0) {
      size_t e = t + 1;
      while (e < n && toks_[e].capitalized) ++e;
      source_cache_ = Surface(t + 1, e);
      return source_cache_;
    }
    // the noun phrase before the verb, if it is not an actor
    size_t b = t;
    while (b > 0 && toks_[b - 1].type == TokenType::kWord && toks_[b - 1].mention < 0 && !in_quote_[b - 1] &&
           b + 8 > t)
      --b;
    std::vector<PatternMatch> anon;
    if (b < t && (toks_[b].capitalized || lex_.anonymous_sources().MatchAt(view_, b, t, &anon) > 0) &&
        toks_[t - 1].mention < 0) {
      // from the first capitalised word or source noun
      size_t s = b;
      while (s < t && !toks_[s].capitalized && lex_.anonymous_sources().MatchAt(view_, s, t, &anon) == 0) ++s;
      if (s < t) {
        source_cache_ = Surface(s, t);
        return source_cache_;
      }
    }
  }
  source_cache_ = doc_.outlet;
  return source_cache_;
}

const syntax::ParsedSentence& SentenceAnalyzer::Tree() {
  if (!tree_) {
    tree_ = model_->Parse(doc_.text, static_cast<uint32_t>(span_.begin), static_cast<uint32_t>(span_.end));
    if (stats_ != nullptr) ++stats_->parsed_sentences;
  }
  return *tree_;
}

bool SentenceAnalyzer::TreeVetoes(const std::string& actor, const std::string& holder_rule) {
  // Only the rules that take a name for the agent by its place before the cue; the others
  // (speakers, possessors, camps, "criticized Germany for sending") choose it otherwise.
  static const WordSet kPositional = {"subject", "quote-subject", "reported-subject", "coordinated-verb",
                                      "participle", "relative"};
  if (model_ == nullptr || !kPositional.count(holder_rule)) return false;
  bool named = false;
  for (const Mention& m : ments_) {
    if (!Contains(m.actors, actor)) continue;
    named = true;
    if (RoleOf(Tree(), m.begin, m.end) != MentionRole::kTarget) return false;
  }
  return named;
}

void SentenceAnalyzer::Emit(const Holder& h, int issue, int stance, const std::string& cue, const std::string& rule,
                            const std::string& source) {
  if (issue < 0 || stance == 0) return;
  for (const auto& actor : h.actors) {
    if (TreeVetoes(actor, h.rule)) {
      Trace("  tree: " + actor + " is a target, not the holder (" + h.rule + ")");
      continue;
    }
    const std::vector<std::string>& holders = cb_.issues()[issue].holders;
    if (!holders.empty() && !Contains(holders, actor)) {
      Trace("  codebook: " + actor + " is not among the holders of " + cb_.issues()[issue].id + " (" + h.rule + "/" +
            rule + ")");
      continue;
    }
    if (stance > 0 && Contains(cb_.issues()[issue].adversaries, actor)) {
      Trace("  codebook: " + actor + " is an adversary of " + cb_.issues()[issue].id + ", its support is not coded (" +
            h.rule + "/" + rule + ")");
      continue;
    }
    emitted_.emplace_back(actor, issue);
    auto key = std::make_tuple(actor, issue, stance);
    if (!seen_.insert(key).second) continue;
    Statement s;
    s.doc = StatementDocName(doc_);
    s.actor = actor;
    s.issue = cb_.issues()[issue].id;
    s.stance = stance;
    s.begin = span_.begin;
    s.end = span_.end;
    s.evidence = doc_.text.substr(span_.begin, span_.size());
    s.person = h.actors.size() == 1 ? h.person : std::string();
    s.cameo = h.actors.size() == 1 ? h.cameo : std::string();
    s.cue = cue;
    s.rule = h.rule + "/" + rule;
    s.source = source.empty() ? Source() : source;
    s.date = doc_.date;
    s.outlet = doc_.outlet;
    out_.push_back(std::move(s));
  }
}

void SentenceAnalyzer::AnalyzeClause(size_t ci) {
  const Clause& c = clauses_[ci];
  NoteClauseSubject(ci);
  EmitCampMembers(c);
  ClauseWalk walk;
  walk.prev_end = c.b;
  for (const TermHit& term : terms_) {
    if (term.b < c.b || term.e > c.e) continue;
    AnalyzeTerm(ci, term, &walk);
  }
}

// The clause's subject (before its first cue, reporting verb or term), for participles
// and pronouns later on.
void SentenceAnalyzer::NoteClauseSubject(size_t ci) {
  const Clause& c = clauses_[ci];
  size_t first_cue = c.e;
  for (const auto& q : cues_)
    if (q.b >= c.b && q.e <= c.e && (q.polar() || q.act >= 0)) {
      first_cue = q.b;
      break;
    }
  for (const auto& m : speech_)
    if (m.begin >= c.b && m.begin < first_cue) {
      first_cue = m.begin;
      break;
    }
  for (const auto& t : terms_)
    if (t.b >= c.b && t.b < first_cue) {
      first_cue = t.b;
      break;
    }
  Subject s = SubjectAt(c.b, first_cue);
  NoteSubject(c, s);
  if (s.kind == SubjKind::kActors && (ci == 0 || clause0_holder_.empty())) clause0_holder_ = s.holder;
}

// Camp members: "It includes the UK and ...", "represented by France and Germany".
void SentenceAnalyzer::EmitCampMembers(const Clause& c) {
  if (st_.camp.issue < 0 || index_ > st_.camp.until) return;
  for (size_t t = c.b; t < c.e; ++t) {
    std::vector<PatternMatch> ms;
    if (lex_.camp_members().MatchAt(view_, t, c.e, &ms) == 0) continue;
    size_t u = 0;
    for (const auto& m : ms) u = std::max(u, m.end);
    size_t j = u;
    while (j < c.e && toks_[j].mention < 0 && (lex_.subject_words().count(toks_[j].norm) || toks_[j].capitalized))
      ++j;
    if (j < c.e && toks_[j].mention >= 0) {
      Holder h;
      CollectGroup(j, c.e, u, &h);
      h.rule = "camp";
      Emit(h, st_.camp.issue, st_.camp.stance, Surface(t, u) + " ... " + st_.camp.cue, "member");
      Trace("  camp members " + std::to_string(h.actors.size()) + " " + cb_.issues()[st_.camp.issue].id);
    }
    break;
  }
}

// One issue term of a clause: the chain of cues that governs it, then whoever holds it.
void SentenceAnalyzer::AnalyzeTerm(size_t ci, const TermHit& term, ClauseWalk* walk) {
  const Clause& c = clauses_[ci];
  TermReading r;
  r.rs = walk->prev_end;
  walk->prev_end = term.e;
  // what a later pro-form ("such measures", "doing so") points back to
  const int proform_issue = st_.last_issue, proform_polarity = st_.last_polarity;
  const size_t proform_sentence = st_.last_issue_sentence;
  if (!term.proform) {
    st_.last_issue = term.issue;
    st_.last_polarity = term.polarity;
    st_.last_issue_sentence = index_;
  }
  if (!ReadCuesBefore(c, term, &r)) return;
  BoundChain(term, &r);
  DropStrayAgainst(term, &r);
  CutAtCoordinatedPredicate(term, &r);
  ReadAfterTerm(c, term, &r);
  const bool bare = r.polars.empty() || r.only_frames;
  if (bare && !term.proform && !r.hypothetical && !(question_ && !c.in_quote)) EmitReducedPassive(c, term, r);
  EmitModifierHolder(c, term, r);
  EmitParticipants(c, term, r);
  if (bare && !r.has_post && !term.proform) EmitPassiveAfterTerm(c, term, r);
  if (bare && !r.has_post) {
    // coordination: "the supply of tanks and aircraft", "a deal that would include neutrality"
    if (walk->has_prev && !term.proform) EmitCoordinated(term, walk->prev);
    return;
  }
  if (r.hypothetical || (question_ && !c.in_quote)) return;
  if (IndirectQuestion(c, term, r)) return;
  if (ChainStopsBefore(term, r)) return;
  int polarity = r.post_polarity;
  for (const auto& p : r.polars) polarity *= p.polarity;
  if (r.negations % 2 == 1) polarity = -polarity;
  int issue = term.issue;
  int stance = polarity * term.polarity;
  if (stance > 0 && !term.proform && IsBargainingChip(c, term, r)) {
    Trace("  term " + Surface(term.b, term.e) + ": a bargaining chip, no support");
    return;
  }
  if (term.proform) {
    if (proform_issue < 0 || proform_sentence + 2 < index_) return;
    issue = proform_issue;
    stance = polarity * proform_polarity;
  }
  const Polar* first = r.has_anchor ? &r.chain_anchor : (r.polars.empty() ? nullptr : &r.polars.front());
  const size_t c0 = first == nullptr ? term.b : first->b;
  if (DefinesCamp(c, c0, issue, stance, r.cue_text)) return;
  const std::string kind = term.proform ? "proform" : r.sincerity ? "sincerity" : r.has_act ? "act"
                           : r.has_post ? "evaluative" : "cue";
  // Possessor of a noun cue: "Russian warnings against ...", "Trump's call for ...",
  // "its demands": the possessor holds the stance of the cues from there on.
  size_t possessed_at = r.polars.size();
  const Holder possessor = FindPossessor(c, term, r, &possessed_at);
  if (!possessor.empty()) {
    // "Germany's decision to send tanks is an escalation, Russian officials said": an
    // evaluation after the term is the speaker's, not the possessor's
    int inner = term.polarity;
    for (size_t pi = possessed_at; pi < r.polars.size(); ++pi) inner *= r.polars[pi].polarity;
    int inner_neg = 0;
    for (size_t t = r.polars[possessed_at].b; t < term.b; ++t) inner_neg += Negates(t);
    if (inner_neg % 2 == 1) inner = -inner;
    if (!term.proform) Emit(possessor, issue, inner, r.cue_text, kind);
  }
  Holder h;
  if (possessor.empty() || possessed_at > 0) {
    const TermTarget target{&term, issue, c0, first, &kind};
    bool passive = false;
    h = ClauseHolder(ci, target, r, &walk->passive, &passive);
    // "Germany's decision to send tanks is an escalation": the possessor of the subject
    // holds the act, not the evaluation after it
    if (!h.empty() && r.has_post && h.rule == "subject" && PossessiveSubject(c)) {
      stance *= r.post_polarity;
      if (r.post_neg % 2 == 1) stance = -stance;
      h.rule = "possessor";
    }
    // "He said, “I don't need to speak to Putin”" with "he" read as Putin: nobody takes a
    // stance on talking to himself, so such a holder is a pronoun resolved to the wrong person
    if (!h.empty() && TermNamesPerson(term, h.person)) {
      Trace("  term " + Surface(term.b, term.e) + ": names its holder " + h.person + ", no statement");
      h = Holder{};
    }
    if (!h.empty()) Emit(h, issue, stance, r.cue_text, kind);
    Trace("  term " + Surface(term.b, term.e) + " stance " + std::to_string(stance) + " cue '" + r.cue_text +
          "' holder " + (h.empty() ? "-" : h.actors[0] + " (" + h.rule + ")") + (passive ? " passive" : ""));
  }
  walk->prev = Chain{term.e, polarity, h, r.cue_text, issue};
  walk->has_prev = !h.empty();
}

// A past participle after its noun ("tanks sent by Poland", "the aid withheld"): a regular
// "-ed" form or an irregular form of the cue lexicon (a cue is one of its verbs' forms).
bool SentenceAnalyzer::IsPastParticiple(const std::string& w) const {
  return EndsWith(w, "ed", 3) || lex_.irregular_forms().count(w) > 0;
}

// Whether the "by" at `by` opens a phrase the term heads: only names and the words that
// join them stand between ("supported by US and NATO forces"), so the term is the agent of
// the verb before "by", not its object.
bool SentenceAnalyzer::TermHeadsByPhrase(size_t by, const TermHit& term) const {
  static const WordSet kJoin = {"and", "or", "the", "its", "their"};  // a comma ends the phrase
  if (by >= term.b || toks_[by].norm != "by") return false;
  bool named = false;
  for (size_t k = by + 1; k < term.b; ++k) {
    if (toks_[k].mention < 0 && !kJoin.count(toks_[k].norm)) return false;
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
  // A frame alone ("regards X") carries no stance.
  for (const auto& q : cues_)
    if (q.b >= r->rs && q.e <= term.b && q.polar() && q.kind != CueKind::kFrame) r->only_frames = false;
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
  while (o < c.e && (toks_[o].norm == "the" || toks_[o].norm == "any")) ++o;
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
  for (size_t p : r->neg_pos) {
    if (p >= anchor || Distance(p, anchor) <= 4) {
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
      new_predicate |= q.b == t && q.verb && t > term.e && (toks_[t - 1].norm == "and" || toks_[t - 1].norm == "but");
    if (new_predicate) break;
    for (const auto& q : cues_) {
      if (q.b != t) continue;
      const bool modal = q.kind == CueKind::kSupport &&
                         (toks_[t].norm == "must" || toks_[t].norm == "should" || toks_[t].norm == "need");
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
        if (!r->cue_text.empty()) r->cue_text += " ... ";
        r->cue_text += Surface(q.b, q.e);
        // "the sanctions should be lifted": the passive verb after the modal says what
        // should happen to the term
        if (modal) ReadModalPassive(q.e, r);
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
    conjunction |= toks_[t].norm == "and" || toks_[t].norm == "but";
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

// A name that modifies a term no cue governs holds it: "Moscow is subject to painful US
// sanctions" (only for issues whose codebook says so; not the target: "Russia sanctions").
void SentenceAnalyzer::EmitModifierHolder(const Clause& c, const TermHit& term, const TermReading& r) {
  if (term.proform || !cb_.issues()[term.issue].held_by_modifier || !r.polars.empty() || r.has_post ||
      r.hypothetical || (question_ && !c.in_quote) || term.b <= c.b)
    return;
  size_t k = term.b - 1;
  // one plain adjective may stand between: "U.S. economic sanctions"
  if (toks_[k].mention < 0 && k > c.b && toks_[k].type == TokenType::kWord && !toks_[k].capitalized &&
      !lex_.prepositions().count(toks_[k].norm) && toks_[k - 1].mention >= 0) {
    bool cue_here = false;
    for (const auto& q : cues_) cue_here |= q.b <= k && k < q.e;
    if (!cue_here && !lex_.subject_words().count(toks_[k].norm)) --k;
  }
  if (toks_[k].mention < 0) return;
  const Mention& m = ments_[toks_[k].mention];
  const auto& targets = cb_.issues()[term.issue].target_actor;
  bool target = false;
  for (const auto& a : m.actors) target |= Contains(targets, a);
  if (target) return;
  Holder h;
  h.actors = m.actors;
  h.person = m.person;
  h.cameo = m.cameo;
  h.rule = "modifier";
  Emit(h, term.issue, term.polarity, Surface(k, term.e), "modifier");
}

// The names after "between" (the codebook's participants_after) take part in the talks the
// term names: "a truce after two days of talks between Russia and Ukraine" is both sides' +1.
// Only when nothing governs the term: in "Chile called for talks between Russia and
// Ukraine" the talks are Chile's wish, not yet anyone's act; nor after a bare "be" ("asked
// that there be direct talks between ...": the subjunctive of a wish).
void SentenceAnalyzer::EmitParticipants(const Clause& c, const TermHit& term, const TermReading& r) {
  const Issue& issue = cb_.issues()[term.issue];
  if (issue.participants_after.empty() || term.proform || !r.polars.empty() || r.has_act || r.has_post ||
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
  static const WordSet kAux = {"was", "were", "is", "are", "been", "being", "be", "has", "have", "had",
                               "will", "would", "also", "already", "later", "now"};
  // "sanctions on Russia were approved by ...": step over a short modifier
  size_t skip = 0;
  while (t + skip < r.post_end && skip < 5 && !kAux.count(toks_[t + skip].norm) &&
         toks_[t + skip].type == TokenType::kWord)
    ++skip;
  if (t + skip < r.post_end && kAux.count(toks_[t + skip].norm)) t += skip;
  const size_t aux_start = t;
  while (t < r.post_end && kAux.count(toks_[t].norm)) ++t;
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

// A term coordinated with the previous one ("the supply of tanks and aircraft") shares its
// chain and holder: only coordinators and transparent words stand between.
void SentenceAnalyzer::EmitCoordinated(const TermHit& term, const Chain& prev) {
  static const WordSet kCoordination = {",", "and", "or", "as", "well", "including", "such", "that", "which",
                                        "would", "will", "include", "includes", "the", "a", "an", "of", "more",
                                        "other", "new", "its", "to", "with", "also", "plus", "even"};
  if (term.b > prev.end + 8) return;
  for (size_t t = prev.end; t < term.b; ++t)
    if (toks_[t].mention < 0 && !kCoordination.count(toks_[t].norm) && !IsTransparent(toks_[t])) return;
  Emit(prev.holder, term.issue, prev.polarity * term.polarity, prev.cue, "coordination");
}

// An indirect question ("can't agree on what ... should be") states no position.
bool SentenceAnalyzer::IndirectQuestion(const Clause& c, const TermHit& term, const TermReading& r) const {
  const size_t from = r.polars.empty() ? c.b : r.polars.front().b;
  for (size_t t = from; t < term.b; ++t)
    if (toks_[t].norm == "what" || toks_[t].norm == "how" || toks_[t].norm == "why" || toks_[t].norm == "whether")
      return true;
  return false;
}

// Camp definition: "the camp of countries that oppose talks", "those who favor talks";
// the members named in the next sentences take its stance (EmitCampMembers).
bool SentenceAnalyzer::DefinesCamp(const Clause& c, size_t c0, int issue, int stance, const std::string& cue_text) {
  size_t k = c0;
  while (k > c.b && lex_.adverbs().count(toks_[k - 1].norm) && toks_[k - 1].norm != "that") --k;
  if (k > c.b + 1 && (toks_[k - 1].norm == "that" || toks_[k - 1].norm == "who" || toks_[k - 1].norm == "which") &&
      lex_.camp_nouns().count(toks_[k - 2].norm) && toks_[k - 2].mention < 0) {
    st_.camp = Camp{issue, stance, index_ + 2, cue_text};
    Trace("  camp defined: " + cb_.issues()[issue].id + " " + std::to_string(stance));
    return true;
  }
  return false;
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
    size_t k = PossessiveMarker(past) ? past : b - 1;
    if (lex_.possessives().count(toks_[k].norm) && toks_[k].mention < 0) {
      // "our plan to ..." is the speaker's (or the official voice's); "its demands" the
      // last named holder
      const std::string& w = toks_[k].norm;
      const std::string subject = w == "our" ? "we" : w == "my" ? "i" : w == "his" ? "he" : w == "her" ? "she"
                                  : w == "its" ? "it" : "they";
      possessor = ResolvePronoun(subject, c.in_quote);
      if (!possessor.empty()) possessor.rule = "possessive-pronoun";
    } else if (toks_[k].norm == "'s" && k > c.b && toks_[k - 1].mention >= 0) {
      size_t j = k - 1;
      while (j > c.b && toks_[j - 1].mention == toks_[k - 1].mention) --j;
      CollectGroup(j, k + 1, j, &possessor);
      possessor.rule = "possessor";
    } else if (polars[pi].phrase && toks_[k].mention >= 0) {
      size_t j = k;
      while (j > c.b && toks_[j - 1].mention == toks_[k].mention) --j;
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
  while (k > c.b && (toks_[k - 1].norm == "reportedly" || toks_[k - 1].norm == "also" ||
                     toks_[k - 1].norm == "already" || toks_[k - 1].norm == "being"))
    --k;
  static const WordSet kBe = {"was", "were", "is", "are", "been", "be", "get", "got"};
  const std::string& w = toks_[first->b].norm;
  const bool participle = EndsWith(w, "ed", 3) || w == "sent" || w == "given" || w == "held" || w == "made" ||
                          w == "taken";
  // "we are committed to ...", "Poland is determined to ...": an adjective, not a passive
  return k > c.b && kBe.count(toks_[k - 1].norm) && participle && !lex_.adjectival_participles().count(w);
}

// "companies building the pipeline": an -ing verb right after a plain noun belongs to that
// noun, not to the clause's subject.
bool SentenceAnalyzer::ReducedRelativeAt(const Clause& c, const Polar* first) const {
  if (first == nullptr || first->b <= c.b) return false;
  const std::string& g = toks_[first->b].norm;
  const Token& before = toks_[first->b - 1];
  static const WordSet kVerbal = {"to", "of", "for", "by", "in", "on", "about", "from", "with", "and", "or",
                                  "but", "is", "are", "was", "were", "be", "been", "being", "am", "'s",
                                  "not", "never", "without", "while", "after", "before", "like", "at",
                                  "into", "toward", "towards", "against", "as", "keep", "kept", "stop",
                                  "start", "started", "began", "begin", "continue", "continued", "whose"};
  bool before_is_cue = false;
  for (const auto& q : cues_) before_is_cue |= q.b <= first->b - 1 && first->b - 1 < q.e;
  // "issued a joint declaration promising ...": a statement's -ing verb is its authors'
  return IsIngForm(g) && !lex_.statement_nouns().count(before.norm) && before.type == TokenType::kWord &&
         before.mention < 0 && !before_is_cue && !kVerbal.count(before.norm) && !lex_.adverbs().count(before.norm) &&
         !IsNegator(before) && !before.capitalized &&
         // "are further strengthening", "is actively pushing": an adverb
         before.norm != "further" && !EndsWith(before.norm, "ly", 4);
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
  size_t j = f - 1;
  while (j > c.b && toks_[j - 1].mention == toks_[f - 1].mention) --j;
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
  if (w != "must" && w != "should" && w != "ought") return;
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

// The speaker of a reporting verb in another clause: the subject of its clause ("Trump
// today told NATO members they should ...") or the name or pronoun right before the verb
// ("And on Turkey, President Erdogan said"); empty for anyone else ("the senator was out
// with a statement saying").
Holder SentenceAnalyzer::SpeakerBefore(const PatternMatch& said, bool in_quote) const {
  for (const Clause& k : clauses_) {
    if (said.begin < k.b || said.begin >= k.e) continue;
    Subject outer = SubjectAt(k.b, said.begin);
    if (outer.kind == SubjKind::kActors) return outer.holder;
    if (outer.kind == SubjKind::kPronoun) return ResolvePronoun(outer.pronoun, in_quote);
  }
  if (said.begin == 0) return Holder{};
  size_t j = said.begin - 1;
  if (toks_[j].mention < 0) {
    if (!lex_.pronouns().count(PronounPart(toks_[j].norm))) return Holder{};
    return ResolvePronoun(PronounPart(toks_[j].norm), in_quote);
  }
  while (j > 0 && toks_[j - 1].mention == toks_[said.begin - 1].mention) --j;
  Holder h;
  CollectGroup(j, said.begin, j, &h);
  return h;
}

// Co-agents: "we've worked with Germany to ensure ...", "together with our allies".
void SentenceAnalyzer::AddCoAgents(const Clause& c, size_t c0, Holder* h) const {
  for (size_t t = c.b + 1; t + 1 < c0; ++t) {
    if (toks_[t].norm != "with" || toks_[t + 1].mention < 0) continue;
    const std::string& w = toks_[t - 1].norm;
    if (w == "together" || w == "worked" || w == "working" || w == "along" || w == "jointly" || w == "joined" ||
        w == "alongside" || w == "closely") {
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

void SentenceAnalyzer::Prepare(Span sentence, size_t index, std::vector<Mention> mentions) {
  span_ = sentence;
  index_ = index;
  ments_ = std::move(mentions);
  toks_ = Tokenize(doc_.text, sentence.begin, sentence.end);
  view_ = TokenView{&toks_, &ments_};
  // tokens covered by mentions
  for (size_t m = 0, t = 0; m < ments_.size(); ++m) {
    while (t < toks_.size() && toks_[t].end <= ments_[m].begin) ++t;
    for (size_t u = t; u < toks_.size() && toks_[u].begin < ments_[m].end; ++u)
      if (toks_[u].mention < 0) toks_[u].mention = static_cast<int>(m);
  }
}

Holder SentenceAnalyzer::TrailingQuoteSpeaker(const SentenceInput& s, size_t index) {
  Prepare(s.span, index, s.mentions);
  if (toks_.empty()) return Holder{};
  SplitClauses();
  FindSpeech();
  FindSpeaker(s.para);
  return speaker_;
}

Holder SentenceAnalyzer::SpeakerAhead(size_t para) const {
  if (st_.sentences == nullptr) return Holder{};
  // the quote goes on: look for where it closes, within the paragraph and a few sentences
  DocState ahead = st_;
  ahead.looking_ahead = true;
  std::vector<Statement> no_out;
  std::set<std::tuple<std::string, int, int>> no_seen;
  for (size_t j = index_ + 1; j < st_.sentences->size() && j <= index_ + 4; ++j) {
    const SentenceInput& s = (*st_.sentences)[j];
    if (s.para != para) break;
    ahead.quote_speaker = Holder{};  // no carrying over: only a speaker named ahead counts
    SentenceAnalyzer a(cb_, lex_, doc_, &ahead, &no_out, &no_seen, nullptr);  // its statements are dropped: no tree
    Holder h = a.TrailingQuoteSpeaker(s, j);
    if (!h.empty()) return h;
    if (!ahead.quote_open) break;  // closed without a speaker
  }
  return Holder{};
}

void SentenceAnalyzer::Run(Span sentence, size_t index, size_t para, std::vector<Mention> mentions,
                           ExtractionStats* stats) {
  Prepare(sentence, index, std::move(mentions));
  const size_t n = toks_.size();
  NoteSentenceActors();
  if (n == 0) return;
  if (IsHeadlineList()) {
    NoteQuietSentence(para);
    return;
  }

  // Issue vocabulary first: most sentences have none and cost no more.
  std::vector<PatternMatch> term_matches;
  cb_.terms().FindAll(view_, 0, n, &term_matches);
  std::vector<PatternMatch> cue_matches;
  lex_.cues().FindAll(view_, 0, n, &cue_matches);
  bool has_proform = false;
  for (const auto& m : cue_matches)
    if (lex_.cue(m.payload).kind == CueKind::kProform) has_proform = true;
  const bool camp_active = st_.camp.issue >= 0 && index_ <= st_.camp.until;
  if (term_matches.empty() && !has_proform && !camp_active) {
    NoteQuietSentence(para);
    return;
  }
  if (stats) ++stats->candidate_sentences;
  SplitClauses();
  FindSpeech();
  question_ = toks_.back().norm == "?" || (n >= 2 && toks_[n - 2].norm == "?");

  std::vector<PatternMatch> acts;
  cb_.acts().FindAll(view_, 0, n, &acts);
  FindTerms(&term_matches, acts);
  DropOtherDebates(false);
  DropOtherRecipients();
  FindCues(&cue_matches, term_matches, acts);
  DropOtherDebates(true);  // the proforms FindCues added
  std::sort(terms_.begin(), terms_.end(), [](const TermHit& a, const TermHit& b) { return a.b < b.b; });
  std::sort(cues_.begin(), cues_.end(), [](const CueHit& a, const CueHit& b) { return a.b < b.b; });

  FindSpeaker(para);
  stats_ = stats;
  Trace("S" + std::to_string(index_) + Show() + (speaker_.empty() ? "" : "  speaker=" + speaker_.actors[0]));
  for (size_t ci = 0; ci < clauses_.size(); ++ci) AnalyzeClause(ci);
  ApplyClauseRules();
}

// The actors named in this sentence, for the issues whose condition (`scope`) looks at the
// sentences before a term.
void SentenceAnalyzer::NoteSentenceActors() {
  std::vector<std::string> named;
  for (const auto& m : ments_)
    for (const auto& a : m.actors)
      if (!Contains(named, a)) named.push_back(a);
  if (st_.sentence_actors.size() <= index_) st_.sentence_actors.resize(index_ + 1);
  st_.sentence_actors[index_] = std::move(named);
  std::vector<int> topics;
  for (size_t i = 0; i < cb_.issues().size(); ++i)
    if (!cb_.issues()[i].topic_words.empty() && SentenceHasWord(cb_.issues()[i].topic_words))
      topics.push_back(static_cast<int>(i));
  if (st_.sentence_topics.size() <= index_) st_.sentence_topics.resize(index_ + 1);
  st_.sentence_topics[index_] = std::move(topics);
}

// A sentence with no issue vocabulary gives no statement, but later sentences may need its
// subject (for pronouns) and its speaker.
void SentenceAnalyzer::NoteQuietSentence(size_t para) {
  // (a sentence opening with a pronoun may still author a proposal: "It announced a package.")
  if (!ments_.empty() || lex_.pronouns().count(PronounPart(toks_[0].norm))) {
    // keep track of the last named subject for pronouns
    SplitClauses();
    FindSpeech();
    if (!clauses_.empty()) {
      NoteSubject(clauses_[0], SubjectAt(clauses_[0].b, clauses_[0].e));
    }
    FindSpeaker(para);
  }
}

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
    // the longest match here may be a term of another issue too: all of the same span count
    terms_.push_back(TermHit{m.begin, m.end, it.issue, it.polarity, it.act, false});
    taken_end = m.end;
  }
}

// A term in a sentence that names another debate's subject (Iran, North Korea) is read
// against the tree: the names of its own noun phrase decide, or failing them those of its
// clause (term_scope.h), or failing them those of the sentence. The flat conditions saw Russia somewhere in the clause; the tree
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
    const std::vector<std::string>* const lists[] = {&scope.phrase, &scope.clause, &named_around};
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
      const std::vector<std::string>& targets = cb_.issues()[t.issue].target_actor;
      bool names_other = false;
      for (const auto& a : st_.sentence_actors[index_]) names_other |= !targets.empty() && !Contains(targets, a);
      if (names_other) {
        const syntax::ParsedSentence& tree = Tree();
        other = RecipientOfTerm(tree, TreeWord(tree, t.b, t.e), ments_, targets) == Recipient::kOther;
        if (other) Trace("  term " + cb_.issues()[t.issue].id + ": its recipient is not the issue's, by the tree");
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
  // runs for every sentence (the topic of the next one may need it): no copy per token
  for (const auto& t : toks_) {
    const std::string_view w = t.norm;
    const std::string_view singular = w.size() > 3 && w.back() == 's' ? w.substr(0, w.size() - 1) : w;
    for (const auto& x : words)
      if (x == w || x == singular) return true;
  }
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
  static constexpr std::string_view kPrepositions[] = {"in", "with", "between", "for", "on", "over", "against"};
  static constexpr std::string_view kSkipped[] = {"the", "a", "an", "and", "its"};
  const size_t n = toks_.size();
  if (after >= n || codes.empty()) return false;
  if (std::find(std::begin(kPrepositions), std::end(kPrepositions), toks_[after].norm) == std::end(kPrepositions))
    return false;
  for (size_t t = after + 1; t < n && t <= after + 6; ++t) {
    if (TokenNames(t, codes)) return true;
    if (toks_[t].mention >= 0) continue;
    if (std::find(std::begin(kSkipped), std::end(kSkipped), toks_[t].norm) == std::end(kSkipped)) return false;
  }
  return false;
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
  static constexpr std::string_view kDeterminers[] = {"the", "a", "an", "its", "their", "his", "her", "our", "my",
                                                      "your", "this", "that"};
  size_t t = b;
  for (int skipped = 0; t > 0 && skipped < 2; ++skipped) {
    const std::string_view w = toks_[t - 1].norm;
    if (std::find(std::begin(kDeterminers), std::end(kDeterminers), w) == std::end(kDeterminers)) break;
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

// Whether the complement after a term ("on", "over", "about", "regarding" and up to six words,
// up to a punctuation mark) holds one of `topics` or its plural: "negotiations on Ukraine's
// accession to the EU" are about the accession.
bool SentenceAnalyzer::ComplementIsTopic(size_t after, const std::vector<std::string>& topics) const {
  static constexpr std::string_view kPrepositions[] = {"on", "over", "about", "regarding", "concerning"};
  const size_t n = toks_.size();
  if (after >= n ||
      std::find(std::begin(kPrepositions), std::end(kPrepositions), toks_[after].norm) == std::end(kPrepositions))
    return false;
  for (size_t t = after + 1; t < n && t <= after + 6; ++t) {
    if (toks_[t].type != TokenType::kWord) {
      if (toks_[t].type == TokenType::kHyphen || toks_[t].type == TokenType::kDash) continue;
      return false;
    }
    const std::string_view w = toks_[t].norm;
    const std::string_view singular = w.size() > 3 && w.back() == 's' ? w.substr(0, w.size() - 1) : w;
    for (const auto& x : topics)
      if (x == w || x == singular) return true;
  }
  return false;
}

// Whether the target or recipient named after a term ("sanctions on Turkey", "missiles to
// Russia") is not one of `targets`. The agent of a nominal act may stand between: "the
// provision of weapons by North Korea to Russia". (The rest of a list may too, "missiles and
// munitions to Russia", but without the parse "and" cannot tell a list from a second act:
// "providing Ukraine with security assistance and imposing costs on Russia".)
bool SentenceAnalyzer::TargetIsOther(size_t after, const std::vector<std::string>& targets) const {
  const size_t n = toks_.size();
  auto skip_articles = [&](size_t t) {
    while (t < n && (toks_[t].norm == "the" || toks_[t].norm == "a")) ++t;
    return t;
  };
  size_t t = after;
  if (t < n && toks_[t].norm == "by") {
    const size_t name = skip_articles(t + 1);
    if (name >= n || toks_[name].mention < 0) return false;
    t = name;
    while (t < n && toks_[t].mention == toks_[name].mention) ++t;
  }
  if (t >= n || (toks_[t].norm != "on" && toks_[t].norm != "against" && toks_[t].norm != "targeting" &&
                 toks_[t].norm != "to"))
    return false;
  t = skip_articles(t + 1);
  return t < n && toks_[t].mention >= 0 && !TokenNames(t, targets);
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
  const std::string_view prep = toks_[m.end].norm;
  if (prep != "in" && prep != "of" && prep != "to" && prep != "into") return false;
  size_t t = m.end + 1;
  while (t < n && (toks_[t].norm == "the" || toks_[t].norm == "a" || toks_[t].norm == "an")) ++t;
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
  if (d == "the" || d == "a" || d == "an" || d == "this") return true;
  if (d == "'s" || lex_.possessives().count(d) || d == "your") {
    const std::string& w = toks_[m.begin].norm;
    if (m.end == m.begin + 1 &&
        (IsParticiple(w) || lex_.event_nouns().count(w)))
      return true;
  }
  // "the new limited sanctions": a participle between an adjective and the term it
  // modifies is an adjective too ("Germany limited sanctions" keeps its verb)
  const std::string& w = toks_[m.begin].norm;
  const Token& before = toks_[m.begin - 1];
  static const WordSet kVerbal = {"and", "or", "but", "has", "have", "had", "was", "were", "is", "are", "be",
                                  "been", "who", "which", "that", "then", "to", "not", "never"};
  bool term_next = false;
  for (const auto& tm : term_matches) term_next |= tm.begin == m.end;
  return m.end == m.begin + 1 && IsParticiple(w) && term_next &&
         before.type == TokenType::kWord && before.mention < 0 && !before.capitalized &&
         !kVerbal.count(before.norm) && !lex_.pronouns().count(PronounPart(before.norm)) &&
         !lex_.adverbs().count(before.norm) && !IsNegator(before);
}

Holder SentenceAnalyzer::TreeHolder(const syntax::ParsedSentence& tree, const std::vector<int>& words) const {
  Holder h;
  h.rule = "tree";
  size_t named = 0;
  auto take = [&](const Mention& m) {
    for (const auto& a : m.actors)
      if (!Contains(h.actors, a)) h.actors.push_back(a);
    h.person = m.person;
    h.cameo = m.cameo;
    ++named;
  };
  for (int w : words) {
    const auto& t = tree.tokens[w];
    if (t.upos == syntax::Upos::kPron) {
      // "we", "they": whoever the flat rules resolve it to (speaker, voice, last holder)
      bool quoted = false;
      for (size_t k = 0; k < toks_.size(); ++k)
        if (toks_[k].begin == t.begin) quoted = k < in_quote_.size() && in_quote_[k];
      const std::string p = AsciiLower(t.form);
      // "it" and "they" are mostly things and crowds here; "he"/"she" take the person
      // named last before them in this sentence ("Biden made it clear that he ..."),
      // else the flat rules' choice, as "we" and "I" do
      if (p != "he" && p != "she" && !lex_.first_person().count(p)) continue;
      Holder r;
      if (p == "he" || p == "she")
        for (const Mention& m : ments_)
          if (m.end <= t.begin && !m.person.empty()) r = Holder{m.actors, m.person, "tree", m.cameo};
      if (r.empty()) r = ResolvePronoun(p, quoted);
      for (const auto& a : r.actors)
        if (!Contains(h.actors, a)) h.actors.push_back(a);
      if (!r.empty()) {
        h.person = r.person;
        ++named;
      }
      continue;
    }
    bool found = false;
    for (const Mention& m : ments_)
      if (t.begin >= m.begin && t.end <= m.end) {
        take(m);
        found = true;
        break;
      }
    if (found || t.upos != syntax::Upos::kNoun) continue;
    // "the Polish government": a common noun holds for the name that modifies it
    for (int c : tree.Children(w)) {
      const std::string_view r = tree.tokens[c].BaseRelation();
      if (r != "amod" && r != "compound" && tree.tokens[c].deprel != "nmod:poss") continue;
      for (const Mention& m : ments_)
        if (tree.tokens[c].begin >= m.begin && tree.tokens[c].end <= m.end) {
          take(m);
          break;
        }
    }
  }
  if (named != 1) {
    h.person.clear();
    h.cameo.clear();
  }
  return h;
}

std::string SentenceAnalyzer::TreeSource(const syntax::ParsedSentence& tree, const ClauseMatch& m) const {
  const int w = m.speaker;
  if (w < 0 || tree.tokens[w].upos == syntax::Upos::kPron) return {};
  if (std::find(m.holders.begin(), m.holders.end(), w) != m.holders.end()) return {};
  // the name with its own modifiers ("the Danish minister"), not its relative clauses
  int b = w, e = w;
  for (int c : tree.Children(w)) {
    const std::string_view r = tree.tokens[c].BaseRelation();
    if (r != "det" && r != "compound" && r != "flat" && r != "amod" && tree.tokens[c].deprel != "nmod:poss") continue;
    b = std::min(b, c);
    e = std::max(e, c);
  }
  size_t begin = tree.tokens[b].begin, end = tree.tokens[e].end;
  for (const Mention& mm : ments_)
    if (mm.begin <= tree.tokens[w].begin && tree.tokens[w].end <= mm.end) {
      begin = std::min(begin, mm.begin);
      end = std::max(end, mm.end);
    }
  return doc_.text.substr(begin, end - begin);
}

// "weapons to Ukraine", not "to the rebels" (a name that is none of the issue's targets):
// a case-marked nominal on the issue word or the predicate names the recipient.
bool SentenceAnalyzer::RecipientFits(const syntax::ParsedSentence& tree, const ClauseMatch& m, int issue) const {
  const std::vector<std::string>& targets = cb_.issues()[issue].target_actor;
  if (targets.empty()) return true;
  for (int at : {m.issue_word, m.predicate}) {
    for (int c : tree.Children(at)) {
      const std::string_view r = tree.tokens[c].BaseRelation();
      if (r != "obl" && r != "nmod") continue;
      const int cs = tree.FirstChild(c, "case");
      if (cs < 0) continue;
      const std::string& cl = tree.tokens[cs].lemma;
      if (cl != "to" && cl != "on" && cl != "against" && cl != "for") continue;
      const auto range = tree.SubtreeRange(c);
      for (const Mention& mm : ments_) {
        if (mm.begin < tree.tokens[range.first].begin || mm.end > tree.tokens[range.last].end) continue;
        bool ok = false;
        for (const auto& a : mm.actors) ok |= Contains(targets, a);
        if (!ok) return false;
      }
    }
  }
  return true;
}

void SentenceAnalyzer::ApplyClauseRules() {
  if (model_ == nullptr || clause_rules_ == nullptr || clause_rules_->rules.empty() || question_) return;
  bool has_term = false;
  for (const TermHit& t : terms_) has_term |= !t.proform && t.issue >= 0;
  // an actor the flat rules left, or a pronoun where they found nothing
  bool uncovered = false;
  if (emitted_.empty())
    for (const Token& t : toks_) uncovered |= lex_.pronouns().count(t.norm) > 0 || lex_.first_person().count(t.norm) > 0;
  for (const Mention& m : ments_)
    for (const auto& a : m.actors) {
      bool covered = false;
      for (const auto& e : emitted_) covered |= e.first == a;
      uncovered |= !covered;
    }
  if (!has_term || !uncovered) return;
  const syntax::ParsedSentence& tree = Tree();
  std::vector<char> is_issue(tree.size(), 0);
  std::vector<int> term_of(tree.size(), -1);
  for (size_t k = 0; k < terms_.size(); ++k) {
    const TermHit& t = terms_[k];
    if (t.proform || t.issue < 0) continue;
    // "cut off imports of Russian oil": a word that is an issue term only as the object of
    // an act ("only_objects" in the codebook) is that act's; other verbs on it say nothing
    if (t.act >= 0 && cb_.act(t.act).only_objects) continue;
    const int w = TreeWord(tree, t.b, t.e);
    if (w < 0) continue;
    is_issue[w] = 1;
    term_of[w] = static_cast<int>(k);
  }
  std::string trace;
  const bool tracing = stats_ != nullptr && stats_->trace;
  for (const ClauseMatch& m : MatchClauseRules(*clause_rules_, tree, is_issue, nullptr, tracing ? &trace : nullptr)) {
    const TermHit& term = terms_[term_of[m.issue_word]];
    const int stance = m.stance * term.polarity;
    if (!RecipientFits(tree, m, term.issue)) {
      if (tracing) trace += "  tree rule " + m.rule->name + ": the recipient is not the issue's\n";
      continue;
    }
    if (SightingDenied(term)) {
      if (tracing) trace += "  tree rule " + m.rule->name + ": a denied sighting\n";
      continue;
    }
    Holder h = TreeHolder(tree, m.holders);
    std::vector<std::string> keep;
    const std::vector<std::string>& targets = cb_.issues()[term.issue].target_actor;
    for (const auto& a : h.actors) {
      if (m.rule->holder_not_target && Contains(targets, a)) continue;
      bool covered = false;
      for (const auto& e : emitted_) covered |= e.first == a && e.second == term.issue;
      // a contrary statement already taken from the flat rules stands
      if (!covered && !seen_.count(std::make_tuple(a, term.issue, -stance))) keep.push_back(a);
    }
    h.actors = keep;
    if (h.actors.size() != 1) h.person.clear();
    // the trace is built only when asked for: this runs for every matched clause
    if (tracing)
      trace += "  tree rule " + m.rule->name + " at '" + tree.tokens[m.predicate].form + "' -> " +
               cb_.issues()[term.issue].id + " " + std::to_string(stance) + " holders " +
               std::to_string(h.actors.size()) + "\n";
    if (h.empty()) continue;
    // "Zelensky said that over the objections of X ...": the speaker reports X's statement
    Emit(h, term.issue, stance, tree.tokens[m.predicate].form, m.rule->name, TreeSource(tree, m));
  }
  if (tracing) stats_->trace_text += trace;
}

// Sentences of a text whose prose may be hard-wrapped (press releases at 70 columns):
// ICU ends a sentence at every line feed, so a line feed inside wrapped prose (a long line
// that does not end a sentence, followed by one that continues it) is read as a space.
// Replacing a byte by a byte keeps every offset valid for the original text.
std::vector<Span> SplitWrappedSentences(const std::string& text) {
  std::string copy;
  size_t line_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') continue;
    const size_t len = i - line_start;
    const bool blank_next = i + 1 >= text.size() || text[i + 1] == '\n' || text[i + 1] == '\r';
    char last = len > 0 ? text[i - 1] : '\n';
    size_t k = i;
    // trailing spaces, carriage returns and no-break spaces ("NATO.\u00a0" at a line end)
    while (k > line_start) {
      if (text[k - 1] == ' ' || text[k - 1] == '\r') {
        --k;
      } else if (k >= line_start + 2 && text[k - 2] == '\xC2' && text[k - 1] == '\xA0') {
        k -= 2;
      } else {
        break;
      }
    }
    last = k > line_start ? text[k - 1] : '\n';
    const bool ends_sentence = last == '.' || last == '!' || last == '?' || last == ':' || last == '"' ||
                               (k >= line_start + 3 && text.compare(k - 3, 3, "\xE2\x80\x9D") == 0);
    size_t n = i + 1;
    while (n < text.size() && text[n] == ' ') ++n;
    const bool bullet_next = n < text.size() && (text[n] == '*' || text[n] == '-' || text[n] == '#');
    if (len >= 55 && !blank_next && !ends_sentence && !bullet_next) {
      if (copy.empty()) copy = text;
      copy[i] = ' ';
    }
    line_start = i + 1;
  }
  return SplitSentences(copy.empty() ? std::string_view(text) : std::string_view(copy));
}

// A transcript's speaker label at the start of a paragraph: "PRIME MINISTER MORAWIECKI:",
// "MS. PSAKI:", "Q    ...". Only a name the label spells out counts as its speaker (not a
// role resolved from context: "THE PRESIDENT:" is whoever the site speaks for).
// The bytes of a space at `i`: 1 for a space or tab, 2 for a no-break space (U+00A0), which
// the White House's transcripts put after "Q" far more often than a plain space.
size_t SpaceBytes(const std::string& text, size_t i) {
  if (i >= text.size()) return 0;
  if (text[i] == ' ' || text[i] == '\t') return 1;
  if (i + 1 < text.size() && text[i] == '\xC2' && text[i + 1] == '\xA0') return 2;
  return 0;
}

void TranscriptTurn(const std::string& text, const SentenceInput& s, const CueLexicon& lex, DocState* st) {
  size_t b = s.span.begin;
  while (b < s.span.end && (text[b] == ' ' || text[b] == '\t' || text[b] == '\n' || text[b] == '\r')) ++b;
  size_t e = b;
  bool upper = false;
  // "Q    What did you ...", "Q\u00a0\u00a0 Thanks ...": the question mark of transcripts, a
  // lone "Q" before spaces, needs no colon (the scan below would stop at the question's words)
  const bool bare_q = text[b] == 'Q' && SpaceBytes(text, b + 1) > 0;
  if (bare_q) e = b + 1;
  while (!bare_q && e < s.span.end && e < b + 60) {
    const unsigned char ch = static_cast<unsigned char>(text[e]);
    if (const size_t sp = SpaceBytes(text, e); sp == 2) {
      e += sp;
      continue;
    }
    if (ch >= 'a' && ch <= 'z') return;
    if (ch >= 'A' && ch <= 'Z') upper = true;
    else if (!(ch == ' ' || ch == '.' || ch == '\'' || ch == '-' || ch >= 0x80)) break;
    ++e;
  }
  if (!(upper || bare_q) || e >= s.span.end) return;
  std::string label = text.substr(b, e - b);
  while (!label.empty() && (label.back() == ' ' || label.back() == '.')) label.pop_back();
  const bool colon = text[e] == ':';
  if (!colon && !bare_q) return;
  if (label.size() < 1) return;
  std::string lower;
  for (char ch : label) lower += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  st->in_turn = true;
  st->turn_audience = lex.transcript_audience().count(lower) > 0;
  st->turn_speaker = Holder{};
  if (st->turn_audience) return;
  for (const auto& m : s.mentions) {
    if (m.begin < b || m.end > e) continue;
    if (m.person.empty() || m.rule.rfind("coref", 0) == 0) continue;
    for (const auto& a : m.actors)
      if (!Contains(st->turn_speaker.actors, a)) st->turn_speaker.actors.push_back(a);
    st->turn_speaker.person = m.person;
  }
}

}  // namespace

std::string StatementDocName(const Document& doc) {
  if (!doc.file.empty() && doc.file != "-") {
    std::string f = doc.file;
    if (auto hash = f.find('#'); hash != std::string::npos) return doc.id.empty() ? f : doc.id;
    return std::filesystem::path(f).filename().string();
  }
  return doc.id;
}

StatementExtractor::StatementExtractor(std::shared_ptr<const Codebook> codebook, std::shared_ptr<const CueLexicon> cues,
                                       std::shared_ptr<const ConfidenceTable> confidence,
                                       std::shared_ptr<const syntax::Model> model,
                                       std::shared_ptr<const ClauseRuleSet> clause_rules)
    : codebook_(std::move(codebook)),
      cues_(std::move(cues)),
      confidence_(std::move(confidence)),
      model_(std::move(model)),
      clause_rules_(std::move(clause_rules)) {}

Result<StatementExtractor> StatementExtractor::Create(const std::string& codebook_path, const std::string& cues_path) {
  auto lex = CueLexicon::Load(cues_path.empty() ? CueLexicon::DefaultPath() : cues_path);
  if (!lex.ok()) return lex.status();
  auto cb = Codebook::Load(codebook_path.empty() ? Codebook::DefaultPath() : codebook_path, lex->irregular());
  if (!cb.ok()) return cb.status();
  auto confidence = ConfidenceTable::Load(ConfidenceTable::DefaultPath());
  if (!confidence.ok()) return confidence.status();
  auto model = syntax::Model::Load(syntax::Model::DefaultPath());
  if (!model.ok()) return model.status();
  auto rules = ClauseRuleSet::Load(ClauseRuleSet::DefaultPath(), *lex);
  if (!rules.ok()) return rules.status();
  return StatementExtractor(std::make_shared<const Codebook>(std::move(cb).value()),
                            std::make_shared<const CueLexicon>(std::move(lex).value()),
                            std::make_shared<const ConfidenceTable>(std::move(confidence).value()),
                            std::move(model).value(),
                            std::make_shared<const ClauseRuleSet>(std::move(rules).value()));
}

std::vector<Statement> StatementExtractor::Extract(const Document& doc, const std::vector<Mention>& mentions,
                                                   ExtractionStats* stats) const {
  return Extract(doc, mentions, {}, stats);
}

std::vector<Statement> StatementExtractor::Extract(const Document& doc, const std::vector<Mention>& mentions,
                                                   const std::vector<Mention>& title_mentions,
                                                   ExtractionStats* stats) const {
  // A site's link cards inside a sentence are read as blanks: their headlines would lend
  // the sentence holders, cues and issues. Offsets stay those of the document, and the
  // evidence quotes it as it is.
  const std::vector<Span> cards = FindLinkCards(doc.text);
  if (cards.empty()) return ExtractText(doc, mentions, title_mentions, stats);
  Document blanked = doc;
  blanked.text = BlankSpans(doc.text, cards);
  std::vector<Mention> outside;
  for (const Mention& m : mentions) {
    auto in = std::find_if(cards.begin(), cards.end(), [&](const Span& c) { return m.begin >= c.begin && m.end <= c.end; });
    if (in == cards.end()) outside.push_back(m);
  }
  std::vector<Statement> out = ExtractText(blanked, outside, title_mentions, stats);
  for (Statement& s : out) s.evidence = doc.text.substr(s.begin, s.end - s.begin);
  return out;
}

namespace {

// Per issue of `cb`: whether the mentions name one of its document_actors, or it has none.
std::vector<bool> IssuesInDocument(const Codebook& cb, const std::vector<Mention>& mentions,
                                   const std::vector<Mention>& title_mentions) {
  std::set<std::string> named;
  for (const std::vector<Mention>* list : {&mentions, &title_mentions})
    for (const Mention& m : *list) named.insert(m.actors.begin(), m.actors.end());
  std::vector<bool> in(cb.issues().size());
  for (size_t i = 0; i < in.size(); ++i) {
    const std::vector<std::string>& wanted = cb.issues()[i].document_actors;
    in[i] = wanted.empty() ||
            std::any_of(wanted.begin(), wanted.end(), [&](const std::string& a) { return named.count(a) > 0; });
  }
  return in;
}

// Per issue of `cb` with an other_debate_ratio: whether the document names the issue's
// other_subjects at least that many times as often as its when_actor (mentions, title
// included). An article on Iran's nuclear deal names Russia once among the negotiators.
std::vector<bool> OtherDebateDocument(const Codebook& cb, const std::vector<Mention>& mentions,
                                      const std::vector<Mention>& title_mentions) {
  std::vector<bool> other(cb.issues().size());
  for (size_t i = 0; i < other.size(); ++i) {
    const Issue& issue = cb.issues()[i];
    if (issue.other_debate_ratio <= 0) continue;
    auto names = [](const Mention& m, const std::vector<std::string>& codes) {
      return std::any_of(m.actors.begin(), m.actors.end(), [&](const std::string& a) { return Contains(codes, a); });
    };
    int own = 0, others = 0;
    for (const std::vector<Mention>* list : {&mentions, &title_mentions})
      for (const Mention& m : *list) {
        own += names(m, issue.when_actor);
        others += names(m, issue.other_subjects);
      }
    other[i] = others > 0 && others >= issue.other_debate_ratio * own;
  }
  return other;
}

}  // namespace

std::vector<Statement> StatementExtractor::ExtractText(const Document& doc, const std::vector<Mention>& mentions,
                                                       const std::vector<Mention>& title_mentions,
                                                       ExtractionStats* stats) const {
  std::vector<Statement> out;
  std::set<std::tuple<std::string, int, int>> seen;
  DocState state;
  std::vector<Mention> sorted = mentions;
  std::sort(sorted.begin(), sorted.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  state.voice = FindDocumentVoice(doc, title_mentions, sorted, *cues_);
  if (stats != nullptr && stats->trace && !state.voice.empty()) {
    stats->trace_text += "voice (" + state.voice.rule + "):";
    for (const auto& a : state.voice.actors) stats->trace_text += " " + a;
    stats->trace_text += state.voice.person.empty() ? "\n" : " (" + state.voice.person + ")\n";
  }
  const std::vector<Span> paras = SplitParagraphs(doc.text);
  const std::vector<Span> sentences = SplitWrappedSentences(doc.text);
  std::vector<SentenceInput> inputs(sentences.size());
  std::vector<bool> para_start(sentences.size(), false);
  size_t m = 0, p = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Span s = sentences[i];
    while (p + 1 < paras.size() && paras[p].end <= s.begin) ++p;
    while (m < sorted.size() && sorted[m].end <= s.begin) ++m;
    inputs[i].span = s;
    inputs[i].para = p;
    for (size_t k = m; k < sorted.size() && sorted[k].begin < s.end; ++k)
      if (sorted[k].end > s.begin) inputs[i].mentions.push_back(sorted[k]);
    para_start[i] = i > 0 && p < paras.size() && s.begin >= paras[p].begin && sentences[i - 1].end <= paras[p].begin;
  }
  state.sentences = &inputs;
  state.issue_in_document = IssuesInDocument(*codebook_, sorted, title_mentions);
  state.issue_other_debate = OtherDebateDocument(*codebook_, sorted, title_mentions);
  for (size_t i = 0; i < inputs.size(); ++i) {
    // The budget is checked every few sentences: reading the thread's CPU clock is a
    // system call, a sentence's analysis costs far more.
    if (stats != nullptr && stats->deadline != nullptr && i % 8 == 0 &&
        stats->deadline->ExpiredIn("statements (parsing and clause rules)")) {
      stats->out_of_time = true;
      return {};
    }
    if (stats) ++stats->sentences;
    if (para_start[i]) state.quote_open = false;  // a new paragraph closes a quote left open
    if (para_start[i] || i == 0) TranscriptTurn(doc.text, inputs[i], *cues_, &state);
    SentenceAnalyzer a(*codebook_, *cues_, doc, &state, &out, &seen, model_.get(), clause_rules_.get());
    a.Run(inputs[i].span, i, inputs[i].para, inputs[i].mentions, stats);
  }
  if (confidence_ != nullptr) AssignConfidence(*confidence_, &out);
  return out;
}

}  // namespace faultline
