// Context rules of the recognizer: from selected alias matches to the mentions a reader
// would see. Each rule names itself in Mention::rule; docs/actors.md lists them.
//
// Order matters: compound modifiers are dropped first ("pro-Russian"), then roles are
// composed with the state word before them and the person after them ("French President
// Emmanuel Macron"), then metonyms and ambiguous names are read in context, then the
// simple readings are emitted, then appositions of unknown names and coreference
// (surnames, "the chancellor", "the two leaders", pronouns) use what came before.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "actors/alias_index.h"
#include "actors/context_sets.h"
#include "actors/text_scan.h"
#include "text/segment.h"

namespace faultline {

namespace {

using scan::Token;

bool IsCapitalizedWord(const Token& t) { return t.word && scan::IsUpperAt(t.text, 0); }

class Resolver {
 public:
  Resolver(const KnowledgeBase& kb, const ContextSets& sets, std::string_view text,
           std::string_view date, std::vector<Candidate> cands)
      : kb_(kb), ctx_(kb.context()), sets_(sets), text_(text), date_(IsIsoDate(date) ? date : ""),
        cands_(std::move(cands)), used_(cands_.size(), false) {}

  std::vector<Mention> Run() {
    DropCompounds();
    ComposeRoles();
    ReadMetonyms();
    ReadAmbiguousNames();
    EmitSimple();
    std::stable_sort(out_.begin(), out_.end(),
              [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    Appositions();
    Coreference();  // keeps out_ sorted (MergeAdded)
    return std::move(out_);
  }

 private:
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

  // Fills actors/role of a person mention from the person's role on the date.
  void FillPerson(const Person& p, Mention* m) const {
    m->person = p.name;
    if (const RoleTerm* t = date_.empty() ? nullptr : kb_.RoleOn(p, date_)) {
      m->actors = {t->actor};
      m->role = t->title.empty() ? t->role : t->title;
    } else if (!p.actor.empty()) {
      m->actors = {p.actor};
    } else if (date_.empty()) {
      // No date: a person whose every role is for one actor still belongs to it.
      std::set<std::string> all;
      for (const auto& r : p.roles) all.insert(r.actor);
      if (all.size() == 1) m->actors = {*all.begin()};
    }
  }

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
  void DropCompounds() {
    for (auto& c : cands_) {
      bool compound = false;
      if (c.end + 1 < text_.size() && text_[c.end] == '-' && scan::IsLowerAt(text_, c.end + 1))
        compound = true;
      if (c.begin >= 2 && text_[c.begin - 1] == '-') {
        auto before = scan::TokensBefore(text_, c.begin - 1, 1);
        if (!before.empty() && before[0].end == c.begin - 1 &&
            sets_.compound_prefixes.Contains(before[0].text))
          compound = true;
      }
      if (!compound) continue;
      c.targets.erase(std::remove_if(c.targets.begin(), c.targets.end(),
                                     [](const AliasTarget* t) {
                                       return t->kind != AliasKind::kPerson &&
                                              t->kind != AliasKind::kRole &&
                                              t->kind != AliasKind::kPair;
                                     }),
                      c.targets.end());
    }
  }

  // Up to three capitalised words right after `pos` that no candidate covers: an
  // unknown person's name ("spokesman Dmitry Peskov" when the KB lacks Peskov).
  std::optional<std::pair<size_t, size_t>> UnknownNameAfter(size_t pos, size_t next_cand) const {
    auto toks = scan::TokensAfter(text_, pos, 4);
    size_t n = 0;
    while (n < toks.size() && n < 3 && IsCapitalizedWord(toks[n]) &&
           (n == 0 ? OnlySpaces(pos, toks[n].begin) : OnlySpaces(toks[n - 1].end, toks[n].begin)))
      ++n;
    if (n < 2) return std::nullopt;
    const size_t e = toks[n - 1].end;
    if (next_cand < cands_.size() && cands_[next_cand].begin < e) return std::nullopt;
    return std::make_pair(toks[0].begin, e);
  }

  void ComposeRoles() {
    for (size_t i = 0; i < cands_.size(); ++i) {
      if (used_[i] || !cands_[i].Find(AliasKind::kRole)) continue;
      // Extend over consecutive role nouns: "Foreign Ministry spokeswoman".
      size_t last = i;
      while (last + 1 < cands_.size() && cands_[last + 1].Find(AliasKind::kRole) &&
             !used_[last + 1] && OnlySpaces(cands_[last].end, cands_[last + 1].begin))
        ++last;
      const AliasTarget& head = *cands_[last].Find(AliasKind::kRole);
      const RoleDef& role = kb_.roles()[head.index];
      size_t begin = cands_[i].begin, end = cands_[last].end;
      // "Deputy Prime Minister", "the former president": not the role's holder.
      size_t role_begin = cands_[i].begin;
      bool non_holder = false;
      if (auto w = PrevWord(role_begin);
          w && OnlySpaces(w->end, role_begin) && sets_.non_holder_modifiers.Contains(w->text)) {
        non_holder = true;
        role_begin = w->begin;
        if (begin > role_begin) begin = role_begin;
      }
      const std::string role_text = scan::Lower(Surface(role_begin, cands_[last].end));

      // Qualifier on the left: "German Chancellor", "Russia's foreign minister",
      // "a senior French official", "the Kremlin spokesman".
      const AliasTarget* qual = nullptr;
      size_t qual_idx = SIZE_MAX;
      if (i > 0 && !used_[i - 1]) {
        const Candidate& p = cands_[i - 1];
        if (const AliasTarget* q = Qualifier(p)) {
          size_t gap = p.end;
          gap += scan::PossessiveAt(text_, gap);
          bool ok = OnlySpaces(gap, begin);
          if (!ok) {
            auto toks = scan::TokensAfter(text_, gap, 3);
            size_t k = 0;
            while (k < toks.size() && toks[k].end <= begin && toks[k].word &&
                   sets_.role_modifiers.Contains(toks[k].text))
              ++k;
            ok = k > 0 && k <= 2 && OnlySpaces(toks[k - 1].end, begin) &&
                 OnlySpaces(gap, toks[0].begin);
          }
          if (ok) {
            qual = q;
            qual_idx = i - 1;
          }
        }
      }
      // Or on the right: "the Secretary General of NATO", "the president of France".
      if (qual == nullptr && last + 1 < cands_.size() && !used_[last + 1]) {
        auto toks = scan::TokensAfter(text_, end, 1);
        const Candidate& n = cands_[last + 1];
        if (!toks.empty() && scan::EqualsIgnoreCase(toks[0].text, "of") &&
            OnlySpaces(toks[0].end, n.begin) && OnlySpaces(end, toks[0].begin)) {
          if (const AliasTarget* q = Qualifier(n)) {
            qual = q;
            qual_idx = last + 1;
          }
        }
      }

      std::vector<std::string> actors;
      std::string rule = "role:" + role.role;
      if (qual != nullptr) {
        actors = ActorsOf(*qual);
        begin = std::min(begin, cands_[qual_idx].begin);
        end = std::max(end, cands_[qual_idx].end);
        rule = "role:" + role.role + "+" + qual->alias;
      }
      const size_t after = std::max(last, qual_idx == SIZE_MAX ? last : qual_idx) + 1;
      // "the former German chancellor", "a French deputy foreign minister".
      if (qual != nullptr && !non_holder) {
        auto w = PrevWord(begin);
        if (w && OnlySpaces(w->end, begin) && sets_.non_holder_modifiers.Contains(w->text))
          non_holder = true;
        for (const auto& t : scan::TokensAfter(text_, cands_[qual_idx].end, 3))
          if (t.end <= cands_[i].begin && sets_.non_holder_modifiers.Contains(t.text))
            non_holder = true;
      }

      // A person right after: "French President Emmanuel Macron", "spokesman Dmitry Peskov".
      if (NextIs(after, AliasKind::kPerson, end)) {
        const Candidate& pc = cands_[after];
        const Person& person = kb_.people()[pc.Find(AliasKind::kPerson)->index];
        Mention m = Make(begin, pc.end, "person", "role+person:" + role.role);
        FillPerson(person, &m);
        if (!actors.empty() && (m.actors.empty() || m.actors != actors)) {
          // The text says whose official this is; trust it over a missing/other KB role.
          if (m.actors.empty()) m.actors = actors;
        }
        if (m.role.empty() || non_holder) m.role = role_text;
        out_.push_back(std::move(m));
        MarkUsed(i, last);
        if (qual_idx != SIZE_MAX) used_[qual_idx] = true;
        used_[after] = true;
        continue;
      }
      if (auto name = UnknownNameAfter(end, after); name && (qual != nullptr || IsTitleRole(role))) {
        Mention m = Make(begin, name->second, "person",
                         "role+name:" + role.role);
        m.person = Surface(name->first, name->second);
        m.actors = actors;
        m.role = role_text;
        RememberUnknown(m.person, m.actors, m.role);
        out_.push_back(std::move(m));
        MarkUsed(i, last);
        if (qual_idx != SIZE_MAX) used_[qual_idx] = true;
        continue;
      }
      if (qual == nullptr) {
        // A bare role noun: "the chancellor" is resolved by coreference later.
        if (role.role != "official" && !non_holder) {
          auto before = scan::TokensBefore(text_, cands_[i].begin, 1);
          if (!before.empty() && scan::EqualsIgnoreCase(before[0].text, "the"))
            bare_roles_.push_back({cands_[i].begin, cands_[last].end, role.role});
        }
        continue;  // left for the apposition rule; not a mention by itself
      }
      Mention m = Make(begin, end, "role", rule);
      m.actors = actors;
      m.role = role_text;
      if (role.role != "official" && !non_holder && !date_.empty() && actors.size() == 1) {
        auto holders = kb_.HoldersOf(actors[0], role.role, date_);
        if (holders.size() == 1) {
          m.person = holders[0]->name;
          m.rule += "+holder";
          // The holder's own title ("prime minister" for "PM").
          if (const RoleTerm* t = kb_.RoleOn(*holders[0], date_); t && !t->title.empty())
            m.role = t->title;
        }
      }
      out_.push_back(std::move(m));
      MarkUsed(i, last);
      used_[qual_idx] = true;
    }
  }

  // Roles that work as a title before a bare name ("President X", "Chancellor X").
  static bool IsTitleRole(const RoleDef& role) { return role.role != "official"; }

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
  Reading ReadMetonym(const Candidate& c, std::string* why) const {
    // "Warsaw Pact", "Washington Post", "Paris Agreement": part of a longer proper name.
    if (auto next = scan::TokensAfter(text_, c.end, 1);
        !next.empty() && IsCapitalizedWord(next[0]) && OnlySpaces(c.end, next[0].begin) &&
        !CoveredByCandidate(next[0])) {
      *why = "metonym:part-of-name";
      return Reading::kPlace;
    }
    auto before = scan::TokensBefore(text_, c.begin, 2);
    // "US Embassy Kyiv": after a capitalised word that is no actor, inside a longer name.
    if (!before.empty() && IsCapitalizedWord(before[0]) && OnlySpaces(before[0].end, c.begin) &&
        !CoveredByCandidate(before[0]) && !IsSentenceStart(before[0].begin) &&
        !sets_.place_prepositions.Contains(before[0].text) &&
        !sets_.actor_prepositions.Contains(before[0].text)) {
      *why = "metonym:part-of-name";
      return Reading::kPlace;
    }
    if (!before.empty() && before[0].word && sets_.place_prepositions.Contains(before[0].text)) {
      *why = "metonym:place:" + scan::Lower(before[0].text);
      return Reading::kPlace;
    }
    // "the summit in the Lithuanian capital Vilnius" is rare; "in central Kyiv" is not.
    if (before.size() == 2 && before[1].word && scan::OneOf(before[1].text, {"in", "at", "near"}) &&
        before[0].word && scan::IsLowerAt(before[0].text, 0)) {
      *why = "metonym:place:" + scan::Lower(before[1].text);
      return Reading::kPlace;
    }
    size_t after = c.end;
    if (size_t poss = scan::PossessiveAt(text_, after)) {
      auto next = scan::TokensAfter(text_, after + poss, 3);
      for (const auto& t : next) {
        if (!t.word) break;
        if (sets_.position_nouns.Contains(t.text)) {
          *why = "metonym:possessive:" + scan::Lower(t.text);
          return Reading::kActor;
        }
      }
      *why = "metonym:possessive";
      return Reading::kActor;  // "Moscow's" is almost always the government's
    }
    auto next = scan::TokensAfter(text_, after, 8);
    for (size_t k = 0; k < next.size(); ++k) {
      const Token& t = next[k];
      if (!t.word) {
        // "Moscow, in turn, said", Moscow “has a greater margin”
        if (t.text == "," || t.text == "\u201C" || t.text == "\"" || t.text == "\u2018")
          continue;
        break;
      }
      if (sets_.political_verbs.Contains(t.text)) {
        *why = "metonym:subject:" + scan::Lower(t.text);
        return Reading::kActor;
      }
      // A past-tense verb not in the list: "Kyiv severed diplomatic relations".
      if (t.text.size() > 4 && t.text.substr(t.text.size() - 2) == "ed" &&
          scan::IsLowerAt(t.text, 0)) {
        *why = "metonym:subject-ed:" + scan::Lower(t.text);
        return Reading::kActor;
      }
      if (!sets_.auxiliaries.Contains(t.text)) break;
    }
    // "weapons sent to Kiev": the recipient of a political verb.
    if (before.size() == 2 && before[0].word && scan::EqualsIgnoreCase(before[0].text, "to") &&
        before[1].word && sets_.political_verbs.Contains(before[1].text)) {
      *why = "metonym:recipient:" + scan::Lower(before[1].text);
      return Reading::kActor;
    }
    if (!before.empty() && before[0].word &&
        (sets_.actor_prepositions.Contains(before[0].text) ||
         sets_.political_verbs.Contains(before[0].text))) {
      *why = "metonym:object:" + scan::Lower(before[0].text);
      return Reading::kActor;
    }
    *why = "metonym:undecided";
    return Reading::kUndecided;
  }

  void ReadMetonyms() {
    std::vector<std::pair<size_t, Reading>> readings;
    for (size_t i = 0; i < cands_.size(); ++i) {
      const Candidate& c = cands_[i];
      if (used_[i]) continue;
      const AliasTarget* t = c.Find(AliasKind::kMetonym);
      if (t == nullptr || c.Find(AliasKind::kName) || c.Find(AliasKind::kPerson)) continue;
      std::string why;
      const Reading r = ReadMetonym(c, &why);
      readings.emplace_back(i, r);
      metonym_rule_[i] = why;
    }
    // Coordination: "supported by Berlin and Paris", "Berlin and Paris said": an
    // undecided metonym takes the reading of the one it is coordinated with.
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t k = 0; k < readings.size(); ++k) {
        if (readings[k].second != Reading::kUndecided) continue;
        for (size_t o : {k - 1, k + 1}) {
          if (o >= readings.size() || readings[o].second == Reading::kUndecided) continue;
          const Candidate& a = cands_[readings[std::min(k, o)].first];
          const Candidate& b = cands_[readings[std::max(k, o)].first];
          auto between = scan::TokensAfter(text_, a.end, 3);
          bool coordinated = false;
          for (const auto& t : between) {
            if (t.begin >= b.begin) break;
            if (t.text == "," || scan::EqualsIgnoreCase(t.text, "and") ||
                scan::EqualsIgnoreCase(t.text, "or"))
              coordinated = true;
            else {
              coordinated = false;
              break;
            }
          }
          if (!coordinated) continue;
          readings[k].second = readings[o].second;
          metonym_rule_[readings[k].first] = "metonym:coordinated";
          break;
        }
      }
    }
    for (const auto& [i, r] : readings) {
      const Candidate& c = cands_[i];
      used_[i] = true;
      if (r == Reading::kPlace) continue;  // a place, not an actor: not reported
      const AliasTarget* t = c.Find(AliasKind::kMetonym);
      Mention m = Make(c.begin, c.end, "metonym", metonym_rule_[i] + ":" + t->alias);
      m.actors = ActorsOf(*t);
      m.ambiguous = r == Reading::kUndecided;
      out_.push_back(std::move(m));
    }
  }

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

  void ReadAmbiguousNames() {
    for (size_t i = 0; i < cands_.size(); ++i) {
      if (used_[i]) continue;
      const Candidate& c = cands_[i];
      const AliasTarget* t = c.Find(AliasKind::kName);
      if (t == nullptr) continue;
      const Actor& a = kb_.actors()[t->index];
      const Disambiguation* d = DisambiguationFor(a, Surface(c.begin, c.end));
      if (!a.ambiguous && d == nullptr) continue;
      used_[i] = true;
      Mention m = Make(c.begin, c.end, a.kind, "");
      m.actors = ActorsOf(*t);
      if (d == nullptr) {
        m.rule = "ambiguous:no-cue:" + t->alias;
        m.ambiguous = true;
        out_.push_back(std::move(m));
        continue;
      }
      // Local cues first: "Atlanta, Georgia", "Georgia's governor", "Michael Jordan".
      auto before = scan::TokensBefore(text_, c.begin, 2);
      std::vector<Token> before_words;
      for (const auto& b : before) {
        if (b.text == "," && before_words.empty()) continue;
        if (!b.word) break;
        before_words.push_back(b);
        break;
      }
      size_t after_pos = c.end + scan::PossessiveAt(text_, c.end);
      auto after = scan::TokensAfter(text_, after_pos, 3);
      bool other = false;
      std::string why;
      for (const auto& cue : d->other_before)
        if (!before_words.empty() && before_words[0].text == cue) {
          other = true;
          why = "before:" + cue;
        }
      for (const auto& cue : d->other_after)
        if (!other && MatchesWords(after, cue)) {
          other = true;
          why = "after:" + cue;
        }
      if (!other && d->personal_name) {
        // A capitalised neighbour in the same phrase that is not itself an actor name:
        // part of a person's name ("Jordan Peterson", "Michael Jordan").
        const bool prev_cap = !before.empty() && IsCapitalizedWord(before[0]) &&
                              OnlySpaces(before[0].end, c.begin) && !CoveredByCandidate(before[0]) &&
                              !IsSentenceStart(before[0].begin);
        const bool next_cap = !after.empty() && after_pos == c.end && IsCapitalizedWord(after[0]) &&
                              OnlySpaces(c.end, after[0].begin) && !CoveredByCandidate(after[0]);
        if (prev_cap || next_cap) {
          other = true;
          why = "personal-name";
        }
      }
      if (other) continue;  // the other reading: not an actor
      auto cached = context_counts_.find(d);
      if (cached == context_counts_.end())
        cached = context_counts_
                     .emplace(d, std::make_pair(CountInText(d->other_context),
                                                CountInText(d->actor_context)))
                     .first;
      const auto [against, for_actor] = cached->second;
      if (against > for_actor) continue;
      if (for_actor > against) {
        m.rule = "ambiguous:context:" + t->alias;
      } else {
        m.rule = "ambiguous:no-cue:" + t->alias;
        m.ambiguous = true;
      }
      out_.push_back(std::move(m));
    }
  }

  bool CoveredByCandidate(const Token& t) const {
    for (const auto& c : cands_)
      if (c.begin < t.end && t.begin < c.end) return true;
    return false;
  }

  bool IsSentenceStart(size_t pos) const {
    auto b = scan::TokensBefore(text_, pos, 1);
    return b.empty() || b[0].text == "." || b[0].text == "!" || b[0].text == "?" ||
           b[0].text == "\u201C" || b[0].text == "\"" || b[0].text == ":";
  }

  void EmitSimple() {
    for (size_t i = 0; i < cands_.size(); ++i) {
      if (used_[i]) continue;
      const Candidate& c = cands_[i];
      if (const AliasTarget* t = c.Find(AliasKind::kPerson)) {
        const Person& p = kb_.people()[t->index];
        Mention m = Make(c.begin, c.end, "person", "alias:" + t->alias);
        FillPerson(p, &m);
        out_.push_back(std::move(m));
        continue;
      }
      if (const AliasTarget* t = c.Find(AliasKind::kName)) {
        const Actor& a = kb_.actors()[t->index];
        Mention m = Make(c.begin, c.end, a.kind, "alias:" + t->alias);
        m.actors = ActorsOf(*t);
        out_.push_back(std::move(m));
        continue;
      }
      if (const AliasTarget* t = c.Find(AliasKind::kGroup)) {
        const Group& g = kb_.groups()[t->index];
        Mention m = Make(c.begin, c.end, "group", "group:" + t->alias);
        m.actors = ActorsOf(*t);
        m.group = g.code;
        out_.push_back(std::move(m));
        continue;
      }
      if (const AliasTarget* t = c.Find(AliasKind::kAdjective)) {
        Mention m = Make(c.begin, c.end, "adjective", "adjective:" + t->alias);
        m.actors = ActorsOf(*t);
        out_.push_back(std::move(m));
        continue;
      }
      if (const AliasTarget* t = c.Find(AliasKind::kDemonym)) {
        Mention m = Make(c.begin, c.end, "demonym", "demonym:" + t->alias);
        m.actors = ActorsOf(*t);
        out_.push_back(std::move(m));
        continue;
      }
      if (const AliasTarget* t = c.Find(AliasKind::kPair)) {
        pairs_.push_back({c.begin, c.end, t->alias});
        continue;
      }
      if (const AliasTarget* t = c.Find(AliasKind::kDictionary)) {
        const DictionaryEntry& e = kb_.dictionary()[t->index];
        const std::string code = kb_.CodeOn(e, date_);
        Mention m = Make(c.begin, c.end, "", e.format + ":" + (code.empty() ? "-" : code));
        const std::string actor = kb_.ActorForCameo(code);
        if (!actor.empty()) m.actors = {actor};
        if (e.LooksLikePerson()) {
          m.kind = "person";
          m.person = scan::TitleCase(e.phrases.front());
        } else if (const Actor* a = actor.empty() ? nullptr : kb_.FindActor(actor);
                   a != nullptr && code == a->code) {
          m.kind = a->kind;
        } else {
          m.kind = "dictionary";
        }
        out_.push_back(std::move(m));
        continue;
      }
    }
  }

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

  bool Overlaps(size_t b, size_t e) const {
    for (const auto& m : out_)
      if (m.begin < e && b < m.end) return true;
    return false;
  }

  const Mention* MentionAt(size_t b, size_t e) const {
    for (const auto& m : out_)
      if (m.begin == b && m.end == e) return &m;
    return nullptr;
  }

  // The state a paragraph is about: the nearest preceding mention with one actor in
  // the same paragraph, else the nearest following one, else the article's main actor.
  std::vector<std::string> ContextActor(size_t pos, std::string* why) const {
    Span para{0, text_.size()};
    for (const auto& p : Paragraphs())
      if (p.begin <= pos && pos < p.end) para = p;
    const Mention* best = nullptr;
    for (const auto& m : out_) {
      if (m.actors.size() != 1 || m.begin < para.begin || m.end > pos) continue;
      const Actor* a = kb_.FindActor(m.actors[0]);
      if (a == nullptr || a->kind != "state") continue;
      best = &m;
    }
    if (best == nullptr) {
      for (const auto& m : out_) {
        if (m.actors.size() != 1 || m.begin < pos || m.end > para.end) continue;
        const Actor* a = kb_.FindActor(m.actors[0]);
        if (a == nullptr || a->kind != "state") continue;
        best = &m;
        break;
      }
    }
    if (best != nullptr) {
      *why = "apposition:context:" + best->surface;
      return best->actors;
    }
    const std::string main = MainState();
    if (!main.empty()) {
      *why = "apposition:main-state";
      return {main};
    }
    return {};
  }

  const std::vector<Span>& Paragraphs() const {
    if (!paragraphs_) paragraphs_ = SplitParagraphs(text_);
    return *paragraphs_;
  }

  std::string MainState() const {
    std::map<std::string, int> count;
    for (const auto& m : out_) {
      if (m.actors.size() != 1 || m.ambiguous) continue;
      const Actor* a = kb_.FindActor(m.actors[0]);
      if (a != nullptr && a->kind == "state") ++count[m.actors[0]];
    }
    std::string best;
    int n = 0;
    for (const auto& [code, c] : count)
      if (c > n) {
        best = code;
        n = c;
      }
    return best;
  }

  // "Steffen Hebestreit, a spokesman for Scholz", "Mykola Kobrinets, Head of the ...
  // Department at the Ministry of Foreign Affairs": a name (known without a role on the
  // date, or unknown) followed by an official-sounding apposition takes the actor the
  // apposition names (first mention inside it) or, when it names none, the state of the
  // paragraph (ContextActor).
  void Appositions() {
    // "Deputy Prime Minister Alexander Novak" with no state word: the paragraph's state.
    for (auto& m : out_) {
      if (!m.actors.empty() || m.rule.rfind("role+name:", 0) != 0) continue;
      std::string why;
      m.actors = ContextActor(m.begin, &why);
      if (!m.actors.empty()) m.rule += "+" + why.substr(why.find(':') + 1);
    }
    size_t pos = 0;
    std::vector<Mention> added;
    while ((pos = text_.find(", ", pos)) != std::string_view::npos) {
      const size_t comma = pos;
      pos += 2;
      // The name before the comma (cheap test first: a capitalised word right before it).
      if (auto last = scan::TokensBefore(text_, comma, 1);
          last.empty() || last[0].end != comma || !IsCapitalizedWord(last[0]))
        continue;
      auto before = scan::TokensBefore(text_, comma, 4);
      size_t n = 0;
      while (n < before.size() && n < 3 && IsCapitalizedWord(before[n]) &&
             (n == 0 ? before[n].end == comma : OnlySpaces(before[n].end, before[n - 1].begin)))
        ++n;
      if (n < 2) continue;
      // "Mr Kobrinets, ...": the honorific is not part of the name.
      size_t first = n - 1;
      if (sets_.honorifics.Contains(before[first].text)) --first;
      const size_t name_b = before[first].begin, name_e = comma;
      const Mention* known = MentionAt(name_b, name_e);
      if (known == nullptr && Overlaps(name_b, name_e)) continue;
      if (known != nullptr && (known->kind != "person" || !known->actors.empty())) continue;
      // The apposition after it: official-sounding within its first words.
      auto after = scan::TokensAfter(text_, comma + 1, 14);
      size_t k = 0;
      if (k < after.size() && after[k].word &&
          scan::OneOf(after[k].text, {"a", "an", "the", "its", "his", "her"}))
        ++k;
      bool official = false;
      std::string head;
      for (size_t j = k; j < after.size() && j < k + 4; ++j) {
        if (!after[j].word) break;
        if (sets_.apposition_heads.Contains(after[j].text) || IsRoleNoun(after[j].text)) {
          official = true;
          head = scan::Lower(after[j].text);
          break;
        }
      }
      if (!official) continue;
      size_t app_end = comma + 1;
      for (const auto& t : after) {
        if (!t.word && (t.text == "," || t.text == "." || t.text == ";" || t.text == ":")) break;
        app_end = t.end;
      }
      std::vector<std::string> actors;
      std::string rule;
      for (const auto& m : out_) {
        if (m.begin <= comma || m.begin >= app_end || m.actors.empty()) continue;
        actors = m.actors;
        rule = "apposition:" + head + ":" + m.surface;
        break;
      }
      if (actors.empty()) actors = ContextActor(name_b, &rule);
      if (actors.empty()) continue;
      Mention m = Make(name_b, name_e, "person", rule);
      m.person = known ? known->person : Surface(name_b, name_e);
      m.actors = actors;
      m.role = head;
      if (known) {
        for (auto& o : out_)
          if (o.begin == name_b && o.end == name_e) o = m;
      } else {
        added.push_back(m);
      }
      RememberUnknown(m.person, m.actors, m.role);
    }
    MergeAdded(&added);
  }

  bool IsRoleNoun(std::string_view w) const { return sets_.role_nouns.Contains(w); }

  // ---- coreference ---------------------------------------------------------------------

  void Coreference() {
    std::vector<Mention> added;
    // Surnames of people named in full earlier in the article ("Macron" after "Emmanuel
    // Macron", "Kobrinets" after the apposition), where no alias already matched.
    std::map<std::string, const Mention*> first_full;
    for (const auto& m : out_) {
      if (m.person.empty() || m.person.find(';') != std::string::npos) continue;
      const size_t sp = m.person.rfind(' ');
      if (sp == std::string::npos) continue;
      const std::string surname = m.person.substr(sp + 1);
      if (surname.size() < 3) continue;
      if (!first_full.count(surname)) first_full[surname] = &m;
    }
    for (const auto& [surname, first] : first_full) {
      size_t pos = first->end;
      while ((pos = text_.find(surname, pos)) != std::string_view::npos) {
        const size_t e = pos + surname.size();
        if (!scan::IsWordCharBefore(text_, pos) && !scan::IsWordCharAt(text_, e) &&
            !Overlaps(pos, e) &&
            std::none_of(added.begin(), added.end(),
                         [&](const Mention& a) { return a.begin < e && pos < a.end; })) {
          Mention m = Make(pos, e, "person", "coref:surname");
          m.person = first->person;
          m.actors = first->actors;
          m.role = first->role;
          added.push_back(std::move(m));
        }
        pos = e;
      }
    }
    MergeAdded(&added);

    // "the chancellor": the nearest preceding person holding that role, else the holder
    // of that role in the article's main state.
    for (const auto& br : bare_roles_) {
      const Mention* best = nullptr;
      for (const auto& m : out_) {
        if (m.end > br.begin) break;
        if (m.person.empty()) continue;
        const Person* p = kb_.FindPerson(m.person);
        if (p != nullptr && RoleIdOf(*p) == br.role) best = &m;
      }
      Mention m = Make(br.begin, br.end, "role", "");
      if (best != nullptr) {
        m.person = best->person;
        m.actors = best->actors;
        m.role = best->role;
        m.rule = "coref:role:" + br.role;
      } else {
        const std::string main = MainState();
        if (main.empty() || date_.empty()) continue;
        auto holders = kb_.HoldersOf(main, br.role, date_);
        if (holders.size() != 1) continue;
        FillPerson(*holders[0], &m);
        m.rule = "coref:role-main-state:" + br.role;
      }
      if (!Overlaps(m.begin, m.end)) added.push_back(std::move(m));
    }
    MergeAdded(&added);

    // "the two leaders": the two most recent distinct people.
    for (const auto& pr : pairs_) {
      std::vector<const Mention*> people;
      for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
        if (it->end > pr.begin || it->person.empty()) continue;
        if (std::any_of(people.begin(), people.end(),
                        [&](const Mention* q) { return q->person == it->person; }))
          continue;
        people.push_back(&*it);
        if (people.size() == 2) break;
      }
      if (people.size() < 2) continue;
      Mention m = Make(pr.begin, pr.end, "persons", "coref:pair:" + pr.phrase);
      m.person = people[1]->person + "; " + people[0]->person;
      for (const Mention* q : {people[1], people[0]})
        for (const auto& a : q->actors)
          if (std::find(m.actors.begin(), m.actors.end(), a) == m.actors.end())
            m.actors.push_back(a);
      added.push_back(std::move(m));
    }
    MergeAdded(&added);

    // Pronouns at the start of a clause: the nearest person before them in the paragraph.
    if (ctx_.pronouns.empty()) return;
    for (const auto& para : Paragraphs()) {
      bool has_person = false;
      for (const auto& m : out_)
        if (m.begin >= para.begin && m.end <= para.end && !m.person.empty()) has_person = true;
      if (!has_person) continue;
      for (size_t i = para.begin; i < para.end; ++i) {
        const char ch = text_[i];
        if (ch != 'h' && ch != 'H' && ch != 's' && ch != 'S') continue;
        if (scan::IsWordCharBefore(text_, i)) continue;
        size_t e = i;
        while (e < para.end && ((text_[e] | 0x20) >= 'a' && (text_[e] | 0x20) <= 'z')) ++e;
        if (scan::IsWordCharAt(text_, e)) continue;
        const std::string_view word = text_.substr(i, e - i);
        i = e;
        if (!sets_.pronouns.Contains(word)) continue;
        Token t;
        t.begin = e - word.size();
        t.end = e;
        t.text = word;
        t.word = true;
        auto prev = scan::TokensBefore(text_, t.begin, 1);
        const bool clause_start =
            prev.empty() || prev[0].end <= para.begin || (!prev[0].word && prev[0].text != "'") ||
            scan::OneOf(prev[0].text, {"and", "but", "that", "as", "while", "when"});
        if (!clause_start) continue;
        const Mention* best = nullptr;
        for (const auto& m : out_) {
          if (m.end > t.begin) break;
          if (m.begin < para.begin || m.person.empty() || m.kind == "persons") continue;
          best = &m;
        }
        if (best == nullptr) continue;
        Mention m = Make(t.begin, t.end, "pronoun", "coref:pronoun");
        m.person = best->person;
        m.actors = best->actors;
        m.role = best->role;
        added.push_back(std::move(m));
      }
    }
    MergeAdded(&added);
  }

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
  struct Pair {
    size_t begin, end;
    std::string phrase;
  };

  const KnowledgeBase& kb_;
  const ContextWords& ctx_;
  const ContextSets& sets_;
  std::string_view text_;
  std::string date_;
  std::vector<Candidate> cands_;
  std::vector<bool> used_;
  std::unordered_map<size_t, std::string> metonym_rule_;
  std::map<const Disambiguation*, std::pair<size_t, size_t>> context_counts_;
  std::vector<BareRole> bare_roles_;
  std::vector<Pair> pairs_;
  std::vector<Unknown> unknowns_;
  std::vector<Mention> out_;
  mutable std::optional<std::vector<Span>> paragraphs_;
};

}  // namespace

std::vector<Mention> ResolveMentions(const KnowledgeBase& kb, const ContextSets& sets,
                                     std::string_view text, std::string_view date,
                                     std::vector<Candidate> candidates) {
  return Resolver(kb, sets, text, date, std::move(candidates)).Run();
}

}  // namespace faultline
