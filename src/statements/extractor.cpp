#include "statements/extractor.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

#include "statements/chain_reach.h"
#include "statements/clause_roles.h"
#include "statements/document_voice.h"
#include "statements/sentence_analyzer.h"
#include "statements/term_scope.h"
#include "statements/transcript_turns.h"
#include "statements/tokens.h"
#include "text/link_cards.h"
#include "text/segment.h"
#include "util/ascii.h"

namespace faultline {
namespace statements_internal {

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

void SentenceAnalyzer::Emit(const Holder& h, int issue, int stance, const std::string& cue, const std::string& rule,
                            const std::string& source) {
  if (issue < 0 || stance == 0) return;
  for (const auto& actor : h.actors) {
    if (TreeVetoes(actor, h.rule)) {
      Trace("  tree: " + actor + " is a target, not the holder (" + h.rule + ")");
      continue;
    }
    if (h.rule == "relative" && AntecedentModifiesNoun(actor)) {
      Trace("  tree: " + actor + " modifies a noun; the relative clause after it is that noun's (relative)");
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
    if (term.listed) {
      // "security and humanitarian assistance": read as the term it shares a head with,
      // which reads the clause after it as if the listed term were not there
      ClauseWalk same = walk;
      AnalyzeTerm(ci, term, &same);
      continue;
    }
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
  NeutralizeStrayEvaluationsBefore(term, &r);
  CheckShadowingActs(term, &r);
  BoundChain(term, &r);
  DropStrayAgainst(term, &r);
  CutAtCoordinatedPredicate(term, &r);
  ReadAfterTerm(c, term, &r);
  DropStrayEvaluationAfter(term, &r);
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

// A term coordinated with the previous one ("the supply of tanks and aircraft") shares its
// chain and holder: only coordinators and transparent words stand between.
void SentenceAnalyzer::EmitCoordinated(const TermHit& term, const Chain& prev) {
  if (term.b > prev.end + 8) return;
  for (size_t t = prev.end; t < term.b; ++t)
    if (toks_[t].mention < 0 && !lex_.coordination_words().count(toks_[t].norm) && !IsTransparent(toks_[t])) return;
  Emit(prev.holder, term.issue, prev.polarity * term.polarity, prev.cue, "coordination");
}

// An indirect question ("can't agree on what ... should be") states no position.
bool SentenceAnalyzer::IndirectQuestion(const Clause& c, const TermHit& term, const TermReading& r) const {
  const size_t from = r.polars.empty() ? c.b : r.polars.front().b;
  for (size_t t = from; t < term.b; ++t)
    if (lex_.question_words().count(toks_[t].norm)) return true;
  return false;
}

// Camp definition: "the camp of countries that oppose talks", "those who favor talks";
// the members named in the next sentences take its stance (EmitCampMembers).
bool SentenceAnalyzer::DefinesCamp(const Clause& c, size_t c0, int issue, int stance, const std::string& cue_text) {
  size_t k = c0;
  while (k > c.b && lex_.adverbs().count(toks_[k - 1].norm) && !lex_.relative_pronouns().count(toks_[k - 1].norm)) --k;
  if (k > c.b + 1 && lex_.relative_pronouns().count(toks_[k - 1].norm) &&
      lex_.camp_nouns().count(toks_[k - 2].norm) && toks_[k - 2].mention < 0) {
    st_.camp = Camp{issue, stance, index_ + 2, cue_text};
    Trace("  camp defined: " + cb_.issues()[issue].id + " " + std::to_string(stance));
    return true;
  }
  return false;
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
  // a listed term before the term whose span it shares (AnalyzeClause)
  std::sort(terms_.begin(), terms_.end(),
            [](const TermHit& a, const TermHit& b) { return a.b != b.b ? a.b < b.b : a.listed > b.listed; });
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

}  // namespace statements_internal

namespace {

using statements_internal::Contains;
using statements_internal::DocState;
using statements_internal::SentenceAnalyzer;
using statements_internal::SentenceInput;
using statements_internal::TranscriptTurn;

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

// `text` lowercased with each run of white space made one space: a phrase may wrap a line.
std::string FoldedText(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    const bool space = std::isspace(c) != 0;
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : static_cast<char>(std::tolower(c)));
  }
  return out;
}

// Whether folded `text` holds one of `phrases` between word boundaries.
bool HoldsPhrase(const std::string& text, const std::vector<std::string>& phrases) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (const std::string& p : phrases)
    for (size_t at = text.find(p); !p.empty() && at != std::string::npos; at = text.find(p, at + 1))
      if ((at == 0 || !word(text[at - 1])) && (at + p.size() >= text.size() || !word(text[at + p.size()])))
        return true;
  return false;
}

// Per issue of `cb`: the issue its generic terms belong to in this document (title
// included). A report on the 2019 hold that names "military aid" and never humanitarian or
// financial aid means the same aid when it says "aid to Ukraine"; a document that names
// both kinds, or neither, leaves the term its own issue's.
std::vector<int> GenericIssues(const Codebook& cb, const Document& doc) {
  std::vector<int> out(cb.issues().size());
  std::string folded;
  for (size_t i = 0; i < out.size(); ++i) {
    const Issue& issue = cb.issues()[i];
    out[i] = static_cast<int>(i);
    if (issue.generic_as < 0) continue;
    if (folded.empty()) folded = FoldedText(doc.title + "\n" + doc.text);
    if (HoldsPhrase(folded, issue.generic_as_words) && !HoldsPhrase(folded, issue.kind_words))
      out[i] = issue.generic_as;
  }
  return out;
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
  state.generic_issue = GenericIssues(*codebook_, doc);
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
