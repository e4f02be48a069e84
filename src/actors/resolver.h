// The recognizer's context rules as one class over one document: from the selected alias
// matches (Candidate) to the mentions a reader would see. Internal to src/actors. The
// first-stage rules (compounds, roles, metonyms, ambiguous names, plain aliases) are in
// resolver.cpp; appositions and coreference, which read what those produced, are in
// coreference.cpp. Each rule names itself in Mention::rule; docs/actors.md lists them.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/alias_index.h"
#include "actors/context_sets.h"
#include "actors/knowledge_base.h"
#include "actors/mention.h"
#include "actors/span_index.h"
#include "actors/text_scan.h"
#include "text/segment.h"
#include "util/deadline.h"

namespace faultline::actors_internal {

using scan::Token;

inline bool IsCapitalizedWord(const Token& t) { return t.word && scan::IsUpperAt(t.text, 0); }

// A bare role noun as written fits a holder's title when each of its content words is a
// word of the title, in any order and case, defence = defense ("the Secretary of Defense"
// fits "Defense Secretary", "the president" fits "President"; "the Foreign Minister" does
// not fit "Secretary of State", "the Taoiseach" does not fit "Prime Minister"). An empty
// title fits any noun of the role.
bool TitleFits(std::string_view noun, std::string_view title);

class Resolver {
 public:
  Resolver(const KnowledgeBase& kb, const ContextSets& sets, std::string_view text,
           std::string_view date, std::vector<Candidate> cands, std::string_view site_actor = {},
           std::vector<Candidate> agents = {}, Deadline* deadline = nullptr)
      : kb_(kb), ctx_(kb.context()), sets_(sets), text_(text), date_(IsIsoDate(date) ? date : ""),
        site_actor_(site_actor), cands_(std::move(cands)), used_(cands_.size(), false),
        agents_(std::move(agents)), deadline_(deadline) {
    // Candidate spans never change after this (the rules only drop targets or mark
    // candidates used), so they are indexed once.
    std::vector<std::pair<size_t, size_t>> spans;
    spans.reserve(cands_.size());
    for (const auto& c : cands_) spans.emplace_back(c.begin, c.end);
    candidate_spans_.Assign(std::move(spans));
  }

  // The mentions; none when the deadline (if any) ran out, which it then records.
  std::vector<Mention> Run();

 private:
  // ---- the time budget -----------------------------------------------------------------

  // Whether the budget is spent (recorded by an earlier check).
  bool Spent() const { return deadline_ != nullptr && deadline_->spent(); }
  // Reads the clock: between stages.
  bool SpentIn(const char* stage) { return deadline_ != nullptr && deadline_->ExpiredIn(stage); }
  // Reads the clock every kCheckEvery calls: inside the loops over candidates, commas,
  // surnames and paragraphs, whose items cost far less than the system call.
  bool SpentEvery(const char* stage) { return ExpiredEvery(deadline_, &checks_, kCheckEvery, stage); }
  static constexpr size_t kCheckEvery = 256;

  // ---- helpers -----------------------------------------------------------------------

  std::string Surface(size_t b, size_t e) const { return std::string(text_.substr(b, e - b)); }

  Mention Make(size_t b, size_t e, std::string kind, std::string rule) const {
    Mention m;
    m.begin = b;
    m.end = e;
    m.surface = Surface(b, e);
    m.kind = std::move(kind);
    m.rule = std::move(rule);
    return m;
  }

  // The actor codes a state-like target stands for (bodies act for their parent org;
  // groups expand unless vague; dictionary codes map through the CAMEO table).
  std::vector<std::string> ActorsOf(const AliasTarget& t) const {
    switch (t.kind) {
      case AliasKind::kName:
      case AliasKind::kAdjective:
      case AliasKind::kDemonym:
      case AliasKind::kMetonym: {
        const Actor& a = kb_.actors()[t.index];
        if (a.kind == "body" && !a.parent.empty()) return {a.parent};
        return {a.code};
      }
      case AliasKind::kGroup: {
        const Group& g = kb_.groups()[t.index];
        if (g.vague) return {g.code};
        return g.members;
      }
      case AliasKind::kDictionary: {
        if (!t.fixed_actor.empty()) return {t.fixed_actor};
        const std::string code = kb_.CodeOn(kb_.dictionary()[t.index], date_);
        const std::string actor = kb_.ActorForCameo(code);
        if (actor.empty()) return {};
        return {actor};
      }
      default:
        return {};
    }
  }

  // The first target that can qualify a role noun ("French", "Kremlin", "NATO").
  const AliasTarget* Qualifier(const Candidate& c) const {
    for (AliasKind k : {AliasKind::kAdjective, AliasKind::kName, AliasKind::kMetonym,
                        AliasKind::kGroup, AliasKind::kDictionary}) {
      const AliasTarget* t = c.Find(k);
      if (t != nullptr && !ActorsOf(*t).empty()) return t;
    }
    return nullptr;
  }

  // The code an actor acts for: a body's parent org ("EC" -> "EU"), else itself.
  std::string ActsFor(const std::string& code) const {
    const Actor* a = kb_.FindActor(code);
    if (a != nullptr && a->kind == "body" && !a->parent.empty()) return a->parent;
    return code;
  }

  // The one actor every role of `p` was held for (bodies counted as their parent), or
  // empty when they differ or there are none.
  std::string SoleActor(const Person& p) const {
    std::set<std::string> all;
    for (const auto& r : p.roles) all.insert(ActsFor(r.actor));
    return all.size() == 1 ? *all.begin() : std::string();
  }

  // Fills actors/role of a person mention from the person's role on the date. A role
  // held for a body counts for its parent (the Commission president speaks for the EU).
  void FillPerson(const Person& p, Mention* m) const {
    m->person = p.name;
    if (const RoleTerm* t = date_.empty() ? nullptr : kb_.RoleOn(p, date_)) {
      m->actors = {ActsFor(t->actor)};
      m->role = t->title.empty() ? t->role : t->title;
    } else if (!p.actor.empty()) {
      m->actors = {ActsFor(p.actor)};
    } else if (date_.empty()) {
      // No date: a person whose every role is for one actor still belongs to it.
      if (std::string a = SoleActor(p); !a.empty()) m->actors = {a};
    }
  }

  // The last word of a person's canonical name ("Johnson" for "Boris Johnson").
  static std::string_view Surname(const Person& p) {
    const size_t sp = p.name.rfind(' ');
    return sp == std::string::npos ? std::string_view() : std::string_view(p.name).substr(sp + 1);
  }

  // The one person in the knowledge base with surname `surname` who holds, on the date,
  // role `role` (any role when empty) for one of `actors` (any actor when empty); null
  // when there is none or more than one.
  const Person* HolderBySurname(std::string_view surname, const std::string& role,
                                const std::vector<std::string>& actors) const;

  // A capitalised word elsewhere in the text right before `surname` that is not the
  // person's own first name: another person of that name is in the article ("Ron
  // Johnson"), so a bare surname cannot be taken for the KB's one.
  bool OtherFullNameWith(std::string_view surname, const Person& p) const;

  std::string RoleIdOf(const Person& p) const {
    const RoleTerm* t = date_.empty() ? nullptr : kb_.RoleOn(p, date_);
    return t ? t->role : std::string();
  }

  // Text between two offsets is only spaces (no line break).
  bool OnlySpaces(size_t b, size_t e) const {
    if (b > e) return false;
    for (size_t i = b; i < e; ++i)
      if (text_[i] != ' ' && text_[i] != '\t') return false;
    return true;
  }

  bool NextIs(size_t i, AliasKind k, size_t from) const {
    return i < cands_.size() && !used_[i] && cands_[i].Find(k) && OnlySpaces(from, cands_[i].begin);
  }

  // ---- rules -------------------------------------------------------------------------

  // "pro-Russian", "Russian-speaking", "NATO-led": not the actor.
  void DropCompounds();

  // "U.S. lawmakers", "Republican U.S. senators", "the Trump campaign": members of a
  // legislature or a person's election campaign do not speak for the state (GUIDELINES:
  // a person in an official role is coded as the state; one chamber is not, nor a
  // candidate), so the state word or person before them is no actor.
  void DropBodyMembers();

  // Up to three capitalised words right after `pos` that no candidate covers: an
  // unknown person's name ("spokesman Dmitry Peskov" when the KB lacks Peskov), with the
  // initials between them ("John Q. Public") and a generational suffix after them
  // (context.name_suffixes: "Jr.").
  struct UnknownName {
    size_t begin = 0, end = 0;  // the name: "John Q. Public"
    size_t mention_end = 0;     // and its suffix: "John Q. Public Jr."
  };
  std::optional<UnknownName> UnknownNameAfter(size_t pos, size_t next_cand) const;
  // Whether toks[k] is an initial ("Q", "H.W") with its full stop right after it.
  static bool IsInitialAt(const std::vector<Token>& toks, size_t k);
  // The end of a generational suffix (", Jr.", " III") starting at toks[k] right after a
  // name ending at `end`, or `end` when there is none.
  size_t SuffixEnd(const std::vector<Token>& toks, size_t k, size_t end) const;

  // A word that can be part of a person's name: capitalised, not ALL CAPS (headlines),
  // not a day, month, function word or institution word (context.not_name_words).
  bool IsNameWord(const Token& t) const {
    if (!IsCapitalizedWord(t) || sets_.not_name_words.Contains(t.text)) return false;
    bool lower = false;
    for (char c : t.text)
      if (c >= 'a' && c <= 'z') lower = true;
    return lower || t.text.size() == 1;
  }

  // "French President Emmanuel Macron", "the Kremlin spokesman", "the Obama
  // administration": a run of role nouns with the state before or after it and the
  // person after it. Split into the steps below, tried in this order.
  void ComposeRoles();

  // One run of role nouns being composed, as the steps of ComposeRoles fill it in.
  struct RoleRun {
    size_t i = 0, last = 0;     // the role candidates: cands_[i..last]
    const RoleDef* role = nullptr;  // the last role noun's ("Foreign Ministry spokeswoman")
    size_t begin = 0, end = 0;  // the mention's span so far
    bool non_holder = false;    // "Deputy Prime Minister", "the former president"
    std::string role_text;
    const AliasTarget* qual = nullptr;  // the state or body whose role it is
    size_t qual_idx = SIZE_MAX;         // its candidate
    std::vector<std::string> actors;    // the qualifier's actors
    size_t after = 0;  // the first candidate after the role and its qualifier
    std::string body;  // a legislature's or party's word before an unqualified role ("Senate")
  };
  RoleRun StartRoleRun(size_t i) const;
  void FindRoleQualifier(RoleRun* r) const;
  bool ComposePersonInstitution(const RoleRun& r);
  void ApplyRoleQualifier(RoleRun* r) const;
  // The first context.role_body_words word among the words right before an unqualified
  // role ("Senate Majority Leader", "the opposition leader"), or empty.
  std::string BodyWordBefore(size_t pos) const;
  bool ComposeRolePerson(const RoleRun& r);
  // The end of the given names and initials of `person` written between `pos` and the
  // alias candidate `c` that names them ("John Q." before "Public" for John Public), or
  // `pos` when something else stands there.
  size_t GivenNamesEnd(size_t pos, const Candidate& c, const Person& person) const;
  bool ComposeRoleSurname(const RoleRun& r);
  bool ComposeRoleUnknownName(const RoleRun& r);
  void NoteBareRole(const RoleRun& r);
  void EmitQualifiedRole(const RoleRun& r);
  // The role nouns and their qualifier are taken by the mention just made.
  void MarkRoleUsed(const RoleRun& r) {
    MarkUsed(r.i, r.last);
    if (r.qual_idx != SIZE_MAX) used_[r.qual_idx] = true;
  }

  // Roles that work as a title before a bare name ("President X", "Chancellor X").

  void MarkUsed(size_t a, size_t b) {
    for (size_t k = a; k <= b; ++k) used_[k] = true;
  }

  // Previous word token before `pos`, skipping nothing.
  std::optional<Token> PrevWord(size_t pos) const {
    auto t = scan::TokensBefore(text_, pos, 1);
    if (t.empty() || !t[0].word) return std::nullopt;
    return t[0];
  }

  // Reading of a capital or seat of government: actor only when it acts.
  enum class Reading { kActor, kPlace, kUndecided };
  Reading ReadMetonym(const Candidate& c, std::string* why) const;

  void ReadMetonyms();

  // Counts whole-word occurrences of any of `words` in the text.
  size_t CountInText(const std::vector<std::string>& words) const {
    size_t n = 0;
    for (const auto& w : words) {
      size_t pos = 0;
      while ((pos = text_.find(w, pos)) != std::string_view::npos) {
        if (!scan::IsWordCharBefore(text_, pos) && !scan::IsWordCharAt(text_, pos + w.size()))
          ++n;
        pos += w.size();
      }
    }
    return n;
  }

  const Disambiguation* DisambiguationFor(const Actor& a, std::string_view surface) const {
    const Disambiguation* any = nullptr;
    for (const auto& d : kb_.disambiguations()) {
      if (d.actor != a.code) continue;
      if (d.name.empty()) any = &d;
      else if (scan::EqualsIgnoreCase(d.name, surface)) return &d;
    }
    return any;
  }

  static bool MatchesWords(const std::vector<Token>& toks, const std::string& cue) {
    // `cue` may be several words ("State University"): compare token by token.
    size_t k = 0, pos = 0;
    while (pos < cue.size()) {
      size_t sp = cue.find(' ', pos);
      if (sp == std::string::npos) sp = cue.size();
      if (k >= toks.size() || toks[k].text != std::string_view(cue).substr(pos, sp - pos))
        return false;
      ++k;
      pos = sp + 1;
    }
    return k > 0;
  }

  void ReadAmbiguousNames();

  // Whether some alias match overlaps the token. A scan of every candidate per call made
  // a long document with an unknown name before each apposition quadratic (issue 12).
  bool CoveredByCandidate(const Token& t) const { return candidate_spans_.Overlaps(t.begin, t.end); }

  bool IsSentenceStart(size_t pos) const {
    auto b = scan::TokensBefore(text_, pos, 1);
    return b.empty() || b[0].text == "." || b[0].text == "!" || b[0].text == "?" ||
           b[0].text == "\u201C" || b[0].text == "\"" || b[0].text == ":";
  }

  void EmitSimple();

  // ---- references to an organisation named elsewhere ("the alliance", "the allies") ----

  struct RefUse {
    size_t begin, end;
    uint32_t index;
    std::string alias;
  };
  // Emits the references whose organisation the article names (data: `references` in
  // data/actors/context.yaml).
  void References();

  // "Mr. Johnson", "Secretary Austin": a title before a surname the article never spells
  // out in full; the KB's only person of that surname in office on the date.
  void TitledSurnames();

  // ---- appositions ---------------------------------------------------------------------

  struct Unknown {
    std::string name;
    std::vector<std::string> actors;
    std::string role;
  };
  void RememberUnknown(const std::string& name, const std::vector<std::string>& actors,
                       const std::string& role) {
    unknowns_.push_back({name, actors, role});
  }

  // Whether [b, e) overlaps a mention already made. Mentions are only ever added to
  // out_, so the index is rebuilt when out_ has grown: a few times per document, where a
  // scan per call cost a long document with a repeated name quadratic time.
  bool Overlaps(size_t b, size_t e) const {
    if (indexed_mentions_ != out_.size()) {
      std::vector<std::pair<size_t, size_t>> spans;
      spans.reserve(out_.size());
      for (const auto& m : out_) spans.emplace_back(m.begin, m.end);
      mention_spans_.Assign(std::move(spans));
      indexed_mentions_ = out_.size();
    }
    return mention_spans_.Overlaps(b, e);
  }

  // The mention spanning exactly [b, e), or null. out_ must be sorted by begin (it is from
  // Appositions on): a binary search, where a scan per name made long articles quadratic.
  const Mention* MentionAt(size_t b, size_t e) const {
    auto it = std::lower_bound(out_.begin(), out_.end(), b,
                               [](const Mention& m, size_t p) { return m.begin < p; });
    for (; it != out_.end() && it->begin == b; ++it)
      if (it->end == e) return &*it;
    return nullptr;
  }

  // The state a paragraph is about: the nearest preceding mention with one actor in
  // the same paragraph, else the nearest following one; none, empty. out_ sorted by begin.
  // Queries come in text order, each loop with its own cursor: a loop may give an actor
  // to the mentions beginning at or before its last query, never to those after.
  struct ContextCursor {
    static constexpr size_t kNone = SIZE_MAX;
    // prev_state[k]: the last state mention in out_[0, k), for the k built so far.
    std::vector<size_t> prev_state{kNone};
    // In paragraph clear_para, the mentions from the first after the last query's
    // position up to clear_until are no state.
    Span clear_para{SIZE_MAX, SIZE_MAX};
    size_t clear_until = 0;
  };
  std::vector<std::string> ContextActor(size_t pos, std::string* why, ContextCursor* c) const;
  // A mention of one actor that is a state.
  bool IsStateMention(const Mention& m) const;
  // The last state mention beginning at or after out_[para_first] and ending by `pos`.
  const Mention* LastStateBefore(size_t pos, size_t para_first, ContextCursor* c) const;
  // The first state mention beginning at or after `pos` inside `para`.
  const Mention* FirstStateFrom(size_t pos, const Span& para, ContextCursor* c) const;

  const std::vector<Span>& Paragraphs() const {
    if (!paragraphs_) paragraphs_ = SplitParagraphs(text_);
    return *paragraphs_;
  }

  std::string MainState() const;

  // "Steffen Hebestreit, a spokesman for Scholz", "Mykola Kobrinets, Head of the ...
  // Department at the Ministry of Foreign Affairs": a name (known without a role on the
  // date, or unknown) followed by an official-sounding apposition takes the actor the
  // apposition names (first mention inside it) or, when it names none, the state of the
  // paragraph (ContextActor).
  void Appositions();
  // Its parts, in the order it runs them:
  // "Deputy Prime Minister Alexander Novak" without a state word: the paragraph's state.
  void RoleNamesFromContext();
  // A name of two or three capitalised words (or one after an honorific) ending at a
  // comma, that no other reading claims.
  struct AppositionName {
    size_t begin = 0, end = 0;
    const Mention* known = nullptr;  // the KB person's mention spanning it, without an actor
  };
  std::optional<AppositionName> NameBeforeComma(size_t comma) const;
  // What follows the comma when it sounds official within its first words ("a French
  // minister", "who is the deputy national security adviser").
  struct AppositionHead {
    std::string head;        // the official-sounding word, lower case ("minister")
    size_t head_pos = 0;     // its offset
    bool past = false;       // a past modifier before it ("former")
    size_t end = 0;          // where the apposition ends
    bool role_noun = false;  // a role noun of the KB inside it ("ministry", "spokesman")
  };
  std::optional<AppositionHead> OfficialAppositionAfter(size_t comma) const;
  // The actors of the first mention inside the apposition that names an employer (the
  // rule in `rule`), or none; the actors it names as a topic or destination ("ambassador
  // to Ukraine") are added to `topics`.
  std::vector<std::string> EmployerNamedIn(size_t comma, const AppositionHead& h,
                                           std::string* rule,
                                           std::vector<std::string>* topics) const;
  // The actors the name takes from its apposition (the rule in `rule`): the employer the
  // apposition names, else a known person's own state, else the paragraph's state for an
  // office of the KB's roles; none, no mention.
  std::vector<std::string> ActorsOfApposition(const AppositionName& name, size_t comma,
                                              const AppositionHead& h, std::string* rule,
                                              ContextCursor* cursor) const;

  bool IsRoleNoun(std::string_view w) const { return sets_.role_nouns.Contains(w); }

  // ---- coreference ---------------------------------------------------------------------

  void Coreference();
  // Its parts, each linear in the document's length.
  void Surnames();
  void BareRoles();
  void BareInstitutions();
  void PairPhrases();
  void Pronouns();
  // The one person in the KB holding `role` on the date under a title that fits `noun`
  // ("the Taoiseach", "the Secretary of Defense"), or null.
  const Person* OnlyFitting(const std::string& role, const std::string& noun) const;

  // ---- agents (agents.cpp) ------------------------------------------------------------
  // Completes the CAMEO code of the mentions agents qualify, or grows a state's mention
  // over an agent next to it ("Egyptian police"); unqualified agents make no mention.
  void AttachAgents();
  bool QualifiesAgentLeft(const Mention& m, size_t agent_begin) const;
  std::string AgentCameo(const Mention& m, const std::string& agent) const;

  // Appends `added` to the sorted out_ keeping it sorted: sort the few new ones, merge.
  void MergeAdded(std::vector<Mention>* added) {
    if (added->empty()) return;
    auto by_begin = [](const Mention& a, const Mention& b) { return a.begin < b.begin; };
    std::sort(added->begin(), added->end(), by_begin);
    const size_t mid = out_.size();
    for (auto& m : *added) out_.push_back(std::move(m));
    added->clear();
    std::inplace_merge(out_.begin(), out_.begin() + mid, out_.end(), by_begin);
  }

  struct BareRole {
    size_t begin, end;
    std::string role;
  };
  // `items` ordered by begin (they are collected in text order; sorted here so the
  // cursors of the coreference rules never rely on it).
  static std::vector<BareRole> InTextOrder(std::vector<BareRole> items) {
    std::stable_sort(items.begin(), items.end(),
                     [](const BareRole& a, const BareRole& b) { return a.begin < b.begin; });
    return items;
  }
  struct Pair {
    size_t begin, end;
    std::string phrase;
  };

  const KnowledgeBase& kb_;
  const ContextWords& ctx_;
  const ContextSets& sets_;
  std::string_view text_;
  std::string date_;
  std::string site_actor_;  // the document is this actor's official site (official_sites)
  std::vector<Candidate> cands_;
  std::vector<bool> used_;
  SpanIndex candidate_spans_;  // cands_' spans, for CoveredByCandidate
  // Spans DropBodyMembers emptied: coreference must not give them an actor back
  // ("Donald Trump ... the Trump campaign" would otherwise be a surname of Trump).
  std::vector<std::pair<size_t, size_t>> body_member_spans_;
  std::unordered_map<size_t, std::string> metonym_rule_;
  std::map<const Disambiguation*, std::pair<size_t, size_t>> context_counts_;
  std::vector<BareRole> bare_roles_;
  std::vector<BareRole> bare_institutions_;  // role: the noun ("administration")
  std::vector<Pair> pairs_;
  std::vector<RefUse> refs_;
  std::vector<Unknown> unknowns_;
  std::vector<Mention> out_;
  mutable SpanIndex mention_spans_;         // Overlaps: out_'s spans ...
  mutable size_t indexed_mentions_ = SIZE_MAX;  // ... when out_ had this many mentions
  std::vector<Candidate> agents_;
  mutable std::optional<std::vector<Span>> paragraphs_;
  Deadline* deadline_ = nullptr;  // null: no limit
  size_t checks_ = 0;             // SpentEvery's count
};

}  // namespace faultline::actors_internal
