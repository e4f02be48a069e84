// First-stage context rules (see resolver.h): compound modifiers are dropped first
// ("pro-Russian"), then roles are composed with the state word before them and the person
// after them ("French President Emmanuel Macron"), then metonyms and ambiguous names are read
// in context, then the plain readings are emitted; appositions and coreference
// (coreference.cpp) use what came before.
#include "actors/resolver.h"

namespace faultline {
namespace actors_internal {

std::vector<Mention> Resolver::Run() {
  // Each stage is linear in the document; the budget is checked between them and, inside
  // the longer ones, every kCheckEvery items. Once it is spent no mention is kept.
  struct Stage {
    const char* name;
    void (Resolver::*run)();
  };
  static constexpr Stage kFirst[] = {
      {"actor recognition (compounds)", &Resolver::DropCompounds},
      {"actor recognition (legislators)", &Resolver::DropBodyMembers},
      {"actor recognition (roles)", &Resolver::ComposeRoles},
      {"actor recognition (metonyms)", &Resolver::ReadMetonyms},
      {"actor recognition (ambiguous names)", &Resolver::ReadAmbiguousNames},
      {"actor recognition (names)", &Resolver::EmitSimple}};
  static constexpr Stage kSecond[] = {
      {"actor recognition (appositions)", &Resolver::Appositions},
      {"actor recognition (references)", &Resolver::References},  // these three keep out_ sorted (MergeAdded)
      {"actor recognition (titled surnames)", &Resolver::TitledSurnames},
      {"coreference", &Resolver::Coreference},
      {"actor recognition (agents)", &Resolver::AttachAgents}};
  auto run = [this](const Stage& st) {
    if (!SpentIn(st.name)) (this->*st.run)();
    return !Spent();
  };
  for (const Stage& st : kFirst)
    if (!run(st)) return {};
  std::stable_sort(out_.begin(), out_.end(),
                   [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  for (const Stage& st : kSecond)
    if (!run(st)) return {};
  // sorted once, then a binary search per mention: a document full of "U.S. lawmakers"
  // stays linear in its mentions
  std::sort(body_member_spans_.begin(), body_member_spans_.end());
  if (!body_member_spans_.empty())
    std::erase_if(out_, [this](const Mention& m) {
      return std::binary_search(body_member_spans_.begin(), body_member_spans_.end(), std::make_pair(m.begin, m.end));
    });
  return std::move(out_);
}

void Resolver::DropCompounds() {
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

void Resolver::DropBodyMembers() {
  for (auto& c : cands_) {
    // After a state word a capitalised word no candidate covers may stand between: "U.S.
    // House lawmakers", "U.S. Republican senators" (not after a person: in a headline
    // "Biden Heeded Republicans' Plea" the capitals are title case).
    const bool person = c.Find(AliasKind::kPerson) != nullptr;
    auto next = scan::TokensAfter(text_, c.end, 2);
    size_t k = 0, from = c.end;
    if (!person && next.size() == 2 && IsCapitalizedWord(next[0]) && OnlySpaces(from, next[0].begin) &&
        !CoveredByCandidate(next[0]) && !sets_.legislator_heads.Contains(next[0].text)) {
      from = next[0].end;
      k = 1;
    }
    if (k >= next.size() || !next[k].word || !OnlySpaces(from, next[k].begin)) continue;
    const bool member = sets_.legislator_heads.Contains(next[k].text);
    const bool campaign = person && sets_.person_body_heads.Contains(next[k].text);
    if (!member && !campaign) continue;
    c.targets.clear();
    body_member_spans_.emplace_back(c.begin, c.end);
  }
}

bool Resolver::IsInitialAt(const std::vector<Token>& toks, size_t k) {
  if (k + 1 >= toks.size() || !toks[k].word || toks[k + 1].text != "." ||
      toks[k + 1].begin != toks[k].end)
    return false;
  // One capital letter, or several joined by full stops ("H.W").
  const std::string_view t = toks[k].text;
  for (size_t i = 0; i < t.size(); ++i) {
    const bool letter = i % 2 == 0;
    if (letter ? !(t[i] >= 'A' && t[i] <= 'Z') : t[i] != '.') return false;
  }
  return t.size() % 2 == 1;
}

size_t Resolver::SuffixEnd(const std::vector<Token>& toks, size_t k, size_t end) const {
  if (k < toks.size() && toks[k].text == "," && toks[k].begin == end) ++k;  // "Doe, Jr."
  if (k >= toks.size() || !toks[k].word || !sets_.name_suffixes.Contains(toks[k].text) ||
      !OnlySpaces(k > 0 ? toks[k - 1].end : end, toks[k].begin))
    return end;
  if (k + 1 < toks.size() && toks[k + 1].text == "." && toks[k + 1].begin == toks[k].end)
    return toks[k + 1].end;
  return toks[k].end;
}

std::optional<Resolver::UnknownName> Resolver::UnknownNameAfter(size_t pos,
                                                                size_t next_cand) const {
  auto toks = scan::TokensAfter(text_, pos, 12);
  size_t k = 0, words = 0, prev_end = pos, end = pos;
  // Name words and initials; an initial counts only with a name word after it.
  while (k < toks.size() && words < 3 && OnlySpaces(prev_end, toks[k].begin)) {
    if (IsInitialAt(toks, k)) {
      prev_end = toks[k + 1].end;
      k += 2;
      continue;
    }
    if (!IsNameWord(toks[k]) || (words >= 2 && sets_.name_suffixes.Contains(toks[k].text))) break;
    ++words;
    prev_end = end = toks[k].end;
    ++k;
  }
  if (words < 2) return std::nullopt;
  // The suffix is looked for right after the last name word (a trailing initial is no
  // part of the name).
  while (k > 0 && toks[k - 1].begin >= end) --k;
  UnknownName name{toks[0].begin, end, SuffixEnd(toks, k, end)};
  if (next_cand < cands_.size() && cands_[next_cand].begin < name.mention_end) return std::nullopt;
  return name;
}

void Resolver::ComposeRoles() {
  for (size_t i = 0; i < cands_.size(); ++i) {
    if (SpentEvery("actor recognition (roles)")) return;
    if (used_[i] || !cands_[i].Find(AliasKind::kRole)) continue;
    RoleRun r = StartRoleRun(i);
    FindRoleQualifier(&r);
    if (r.qual == nullptr && ComposePersonInstitution(r)) continue;
    ApplyRoleQualifier(&r);
    if (r.qual == nullptr) r.body = BodyWordBefore(r.begin);
    // The most specific reading first: a known person, a known surname, an unknown name.
    if (ComposeRolePerson(r) || ComposeRoleSurname(r) || ComposeRoleUnknownName(r)) continue;
    if (r.qual == nullptr) {
      NoteBareRole(r);
      continue;  // left for the apposition rule; not a mention by itself
    }
    EmitQualifiedRole(r);
  }
}

Resolver::RoleRun Resolver::StartRoleRun(size_t i) const {
  RoleRun r;
  r.i = i;
  // Extend over consecutive role nouns: "Foreign Ministry spokeswoman".
  r.last = i;
  while (r.last + 1 < cands_.size() && cands_[r.last + 1].Find(AliasKind::kRole) &&
         !used_[r.last + 1] && OnlySpaces(cands_[r.last].end, cands_[r.last + 1].begin))
    ++r.last;
  const AliasTarget& head = *cands_[r.last].Find(AliasKind::kRole);
  r.role = &kb_.roles()[head.index];
  r.begin = cands_[i].begin;
  r.end = cands_[r.last].end;
  // "Deputy Prime Minister", "the former president": not the role's holder.
  size_t role_begin = cands_[i].begin;
  if (auto w = PrevWord(role_begin);
      w && OnlySpaces(w->end, role_begin) && sets_.non_holder_modifiers.Contains(w->text)) {
    r.non_holder = true;
    role_begin = w->begin;
    if (r.begin > role_begin) r.begin = role_begin;
  }
  r.role_text = scan::Lower(Surface(role_begin, cands_[r.last].end));
  return r;
}

void Resolver::FindRoleQualifier(RoleRun* r) const {
  const size_t i = r->i, last = r->last;
  // Qualifier on the left: "German Chancellor", "Russia's foreign minister",
  // "a senior French official", "the Kremlin spokesman".
  if (i > 0 && !used_[i - 1]) {
    const Candidate& p = cands_[i - 1];
    if (const AliasTarget* q = Qualifier(p)) {
      size_t gap = p.end;
      gap += scan::PossessiveAt(text_, gap);
      bool ok = OnlySpaces(gap, r->begin);
      if (!ok) {
        auto toks = scan::TokensAfter(text_, gap, 3);
        size_t k = 0;
        while (k < toks.size() && toks[k].end <= r->begin && toks[k].word &&
               sets_.role_modifiers.Contains(toks[k].text))
          ++k;
        ok = k > 0 && k <= 2 && OnlySpaces(toks[k - 1].end, r->begin) &&
             OnlySpaces(gap, toks[0].begin);
      }
      if (ok) {
        r->qual = q;
        r->qual_idx = i - 1;
      }
    }
  }
  // Or on the right: "the Secretary General of NATO", "the president of France".
  if (r->qual == nullptr && last + 1 < cands_.size() && !used_[last + 1]) {
    auto toks = scan::TokensAfter(text_, r->end, 1);
    const Candidate& n = cands_[last + 1];
    if (!toks.empty() && scan::EqualsIgnoreCase(toks[0].text, "of") &&
        OnlySpaces(toks[0].end, n.begin) && OnlySpaces(r->end, toks[0].begin)) {
      if (const AliasTarget* q = Qualifier(n)) {
        r->qual = q;
        r->qual_idx = last + 1;
      }
    }
  }
}

// Or a person: "the Obama administration", "Merkel's government" stand for the
// person's state even after the person left office (context.person_institutions).
// Returns whether it made the mention.
bool Resolver::ComposePersonInstitution(const RoleRun& r) {
  const size_t i = r.i;
  if (!(i > 0 && !used_[i - 1] && cands_[i - 1].Find(AliasKind::kPerson) &&
        sets_.person_institutions.Contains(scan::Lower(Surface(cands_[i].begin, cands_[i].end)))))
    return false;
  const Candidate& p = cands_[i - 1];
  size_t gap = p.end + scan::PossessiveAt(text_, p.end);
  // "the Biden-Harris administration": a second surname joined by a hyphen.
  if (gap == p.end && gap < text_.size() && text_[gap] == '-') {
    auto joined = scan::TokensAfter(text_, gap + 1, 1);
    if (!joined.empty() && joined[0].begin == gap + 1 && IsCapitalizedWord(joined[0]))
      gap = joined[0].end;
  }
  if (!(OnlySpaces(gap, r.begin) && gap < r.begin)) return false;
  const Person& person = kb_.people()[p.Find(AliasKind::kPerson)->index];
  const RoleTerm* t = date_.empty() ? nullptr : kb_.RoleOn(person, date_);
  std::string actor = t ? ActsFor(t->actor) : ActsFor(person.actor);
  if (actor.empty()) actor = SoleActor(person);
  if (actor.empty()) return false;
  Mention m = Make(p.begin, r.end, "role", "role:" + r.role->role + "+person:" +
                                               p.Find(AliasKind::kPerson)->alias);
  m.actors = {actor};
  m.role = r.role_text;
  // In office, the person stays visible to "the president" and pronouns.
  if (t != nullptr) m.person = person.name;
  out_.push_back(std::move(m));
  MarkUsed(i - 1, r.last);
  return true;
}

// The qualifier's actors and span join the role's; a modifier before either makes the
// mention a non-holder.
void Resolver::ApplyRoleQualifier(RoleRun* r) const {
  if (r->qual != nullptr) {
    r->actors = ActorsOf(*r->qual);
    r->begin = std::min(r->begin, cands_[r->qual_idx].begin);
    r->end = std::max(r->end, cands_[r->qual_idx].end);
  }
  r->after = std::max(r->last, r->qual_idx == SIZE_MAX ? r->last : r->qual_idx) + 1;
  // "the former German chancellor", "a French deputy foreign minister".
  if (r->qual != nullptr && !r->non_holder) {
    auto w = PrevWord(r->begin);
    if (w && OnlySpaces(w->end, r->begin) && sets_.non_holder_modifiers.Contains(w->text))
      r->non_holder = true;
    for (const auto& t : scan::TokensAfter(text_, cands_[r->qual_idx].end, 3))
      if (t.end <= cands_[r->i].begin && sets_.non_holder_modifiers.Contains(t.text))
        r->non_holder = true;
  }
}

std::string Resolver::BodyWordBefore(size_t pos) const {
  // Nearest first, over adjacent words that can be part of such a title: capitalised
  // words ("Senate Majority"), body words in lower case ("the opposition leader") and
  // role modifiers ("Labour deputy leader"); a state's or person's name ends the title.
  size_t end = pos;
  for (const auto& t : scan::TokensBefore(text_, pos, 4)) {
    // A word of a name the KB knows is no body's ("White House", "Soviet Union").
    if (!t.word || !OnlySpaces(t.end, end) || CoveredByCandidate(t)) break;
    if (sets_.role_body_words.Contains(t.text)) return std::string(t.text);
    if (!IsCapitalizedWord(t) && !sets_.role_modifiers.Contains(t.text)) break;
    end = t.begin;
  }
  return {};
}

// A person right after: "French President Emmanuel Macron", "spokesman Dmitry Peskov".
bool Resolver::ComposeRolePerson(const RoleRun& r) {
  // "Secretary of State John Q. Public" where the KB's alias is "Public": the given names
  // in between are the person's own.
  size_t from = r.end;
  if (r.after < cands_.size() && !used_[r.after] && cands_[r.after].Find(AliasKind::kPerson))
    from = GivenNamesEnd(r.end, cands_[r.after],
                         kb_.people()[cands_[r.after].Find(AliasKind::kPerson)->index]);
  if (!NextIs(r.after, AliasKind::kPerson, from)) return false;
  const Candidate& pc = cands_[r.after];
  const Person& person = kb_.people()[pc.Find(AliasKind::kPerson)->index];
  Mention m = Make(r.begin, pc.end, "person", "role+person:" + r.role->role);
  FillPerson(person, &m);
  if (!r.actors.empty() && (m.actors.empty() || m.actors != r.actors)) {
    // The text says whose official this is; trust it over a missing/other KB role.
    if (m.actors.empty()) m.actors = r.actors;
  }
  if (m.role.empty() || r.non_holder) m.role = r.role_text;
  out_.push_back(std::move(m));
  MarkRoleUsed(r);
  used_[r.after] = true;
  return true;
}

size_t Resolver::GivenNamesEnd(size_t pos, const Candidate& c, const Person& person) const {
  if (OnlySpaces(pos, c.begin)) return pos;
  // Each word one of the canonical name's ("John" of "John Public"), or an initial.
  auto is_own = [&](std::string_view w) {
    size_t at = 0;
    while ((at = person.name.find(w, at)) != std::string::npos) {
      const size_t e = at + w.size();
      if ((at == 0 || person.name[at - 1] == ' ') && (e == person.name.size() || person.name[e] == ' '))
        return true;
      at = e;
    }
    return false;
  };
  auto toks = scan::TokensAfter(text_, pos, 6);
  size_t k = 0, end = pos;
  while (k < toks.size() && toks[k].end <= c.begin && OnlySpaces(end, toks[k].begin)) {
    if (IsInitialAt(toks, k)) {
      end = toks[k + 1].end;
      k += 2;
    } else if (IsNameWord(toks[k]) && is_own(toks[k].text)) {
      end = toks[k].end;
      ++k;
    } else {
      break;
    }
  }
  return OnlySpaces(end, c.begin) ? end : pos;
}

// "Prime Minister Johnson", "Vice President Harris": a surname the KB does not list
// as an alias (shared or a common word) after the role its bearer holds on the date.
bool Resolver::ComposeRoleSurname(const RoleRun& r) {
  if (!(r.role->role != "official" && !r.non_holder && !date_.empty())) return false;
  auto toks = scan::TokensAfter(text_, r.end, 2);
  if (!toks.empty() && IsNameWord(toks[0]) && OnlySpaces(r.end, toks[0].begin) &&
      (r.after >= cands_.size() || cands_[r.after].begin >= toks[0].end) &&
      !(toks.size() > 1 && IsNameWord(toks[1]) && OnlySpaces(toks[0].end, toks[1].begin))) {
    if (const Person* p = HolderBySurname(toks[0].text, r.role->role, r.actors)) {
      Mention m = Make(r.begin, toks[0].end, "person", "role+surname:" + r.role->role);
      FillPerson(*p, &m);
      out_.push_back(std::move(m));
      MarkRoleUsed(r);
      return true;
    }
  }
  return false;
}

// "spokesman Dmitry Peskov" when the KB lacks Peskov: a name of its own.
bool Resolver::ComposeRoleUnknownName(const RoleRun& r) {
  auto name = r.role->role == "official" ? std::nullopt : UnknownNameAfter(r.end, r.after);
  if (!name) return false;
  // "Senate Majority Leader <Name>": the body's office, no state's; "former President
  // <Name>": an office no longer held (RoleNamesFromContext leaves both with no state).
  std::string rule = "role+name:" + r.role->role;
  if (!r.body.empty()) rule += "+body:" + r.body;
  if (auto first = scan::TokensAfter(text_, r.begin, 1);
      r.qual == nullptr && r.non_holder && !first.empty() && sets_.past_modifiers.Contains(first[0].text))
    rule += "+past";
  Mention m = Make(r.begin, name->mention_end, "person", std::move(rule));
  m.person = Surface(name->begin, name->end);
  m.actors = r.actors;
  m.role = r.role_text;
  RememberUnknown(m.person, m.actors, m.role);
  out_.push_back(std::move(m));
  MarkRoleUsed(r);
  return true;
}

// An unqualified role is no mention by itself; what later rules need of it is noted.
void Resolver::NoteBareRole(const RoleRun& r) {
  const size_t i = r.i, last = r.last;
  // "the administration", "the government": the last one the article qualified.
  if (r.role->role == "official" && i == last &&
      sets_.person_institutions.Contains(Surface(cands_[i].begin, cands_[i].end))) {
    auto before = scan::TokensBefore(text_, cands_[i].begin, 1);
    auto next = scan::TokensAfter(text_, cands_[last].end, 1);
    const bool of_other = !next.empty() && scan::EqualsIgnoreCase(next[0].text, "of");
    if (!of_other && !before.empty() && scan::OneOf(before[0].text, {"the", "this"}))
      bare_institutions_.push_back({cands_[i].begin, cands_[i].end,
                                    scan::Lower(Surface(cands_[i].begin, cands_[i].end))});
  }
  // A bare role noun: "the chancellor" is resolved by coreference later.
  if (r.role->role != "official" && !r.non_holder) {
    auto before = scan::TokensBefore(text_, cands_[i].begin, 1);
    auto next = scan::TokensAfter(text_, cands_[last].end, 1);
    // "the president of the company": some other institution's officer.
    const bool of_other = !next.empty() && scan::EqualsIgnoreCase(next[0].text, "of");
    if (!of_other && !before.empty() && scan::EqualsIgnoreCase(before[0].text, "the"))
      bare_roles_.push_back({cands_[i].begin, cands_[last].end, r.role->role});
  }
}

// A qualified role with no name after it: "the German chancellor", with the one holder
// on the date when the KB knows exactly one.
void Resolver::EmitQualifiedRole(const RoleRun& r) {
  const RoleDef& role = *r.role;
  Mention m = Make(r.begin, r.end, "role", "role:" + role.role + "+" + r.qual->alias);
  m.actors = r.actors;
  m.role = r.role_text;
  if (role.role != "official" && !r.non_holder && !date_.empty() && r.actors.size() == 1) {
    // A body's officers are listed under the body ("the Commission president": EC).
    std::vector<const Person*> holders;
    if (r.qual->kind != AliasKind::kGroup && r.qual->kind != AliasKind::kDictionary)
      holders = kb_.HoldersOf(kb_.actors()[r.qual->index].code, role.role, date_);
    if (holders.empty()) holders = kb_.HoldersOf(r.actors[0], role.role, date_);
    if (holders.size() == 1) {
      m.person = holders[0]->name;
      m.rule += "+holder";
      // The holder's own title ("prime minister" for "PM").
      if (const RoleTerm* t = kb_.RoleOn(*holders[0], date_); t && !t->title.empty())
        m.role = t->title;
    }
  }
  out_.push_back(std::move(m));
  MarkRoleUsed(r);
}

Resolver::Reading Resolver::ReadMetonym(const Candidate& c, std::string* why) const {
  // "Warsaw Pact", "Washington Post", "Paris Agreement": part of a longer proper name.
  if (auto next = scan::TokensAfter(text_, c.end, 1);
      !next.empty() && IsCapitalizedWord(next[0]) && OnlySpaces(c.end, next[0].begin) &&
      !CoveredByCandidate(next[0])) {
    *why = "metonym:part-of-name";
    return Reading::kPlace;
  }
  auto before = scan::TokensBefore(text_, c.begin, 2);
  // A dateline: "WASHINGTON — The president ...", "MOSCOW (Reuters) -" at a paragraph start.
  if (before.empty() || (before.size() == 1 && !before[0].word)) {
    auto next = scan::TokensAfter(text_, c.end, 1);
    if (!next.empty() && !next[0].word &&
        scan::OneOf(next[0].text, {"\u2014", "\u2013", "-", "(", ",", ":"})) {
      bool caps = true;
      for (size_t k = c.begin; k < c.end; ++k)
        if (text_[k] >= 'a' && text_[k] <= 'z') caps = false;
      if (caps) {
        *why = "metonym:place:dateline";
        return Reading::kPlace;
      }
    }
  }
  // "back to Washington", "a trip to the White House"; "the heart of Baghdad".
  if (before.size() == 2 && before[0].word && before[1].word) {
    if (scan::OneOf(before[0].text, {"to", "from", "for"}) &&
        sets_.motion_words.Contains(before[1].text)) {
      *why = "metonym:place:" + scan::Lower(before[1].text) + "-" + scan::Lower(before[0].text);
      return Reading::kPlace;
    }
    if (scan::OneOf(before[0].text, {"of"}) && sets_.place_nouns.Contains(before[1].text)) {
      *why = "metonym:place:" + scan::Lower(before[1].text) + "-of";
      return Reading::kPlace;
    }
  }
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
    if (t.text.size() >= 4 && t.text.substr(t.text.size() - 2) == "ed" &&
        scan::IsLowerAt(t.text, 0)) {
      *why = "metonym:subject-ed:" + scan::Lower(t.text);
      return Reading::kActor;
    }
    if (!sets_.auxiliaries.Contains(t.text)) break;
  }
  // "weapons sent to Kiev": the recipient of a political verb.
  if (before.size() == 2 && before[0].word && scan::EqualsIgnoreCase(before[0].text, "to") &&
      before[1].word &&
      (sets_.political_verbs.Contains(before[1].text) ||
       (before[1].text.size() > 4 && before[1].text.substr(before[1].text.size() - 2) == "ed"))) {
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

void Resolver::ReadMetonyms() {
  std::vector<std::pair<size_t, Reading>> readings;
  for (size_t i = 0; i < cands_.size(); ++i) {
    if (SpentEvery("actor recognition (metonyms)")) return;
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

void Resolver::ReadAmbiguousNames() {
  for (size_t i = 0; i < cands_.size(); ++i) {
    if (SpentEvery("actor recognition (ambiguous names)")) return;
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

void Resolver::EmitSimple() {
  for (size_t i = 0; i < cands_.size(); ++i) {
    if (SpentEvery("actor recognition (names)")) return;
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
    if (const AliasTarget* t = c.Find(AliasKind::kReference)) {
      refs_.push_back({c.begin, c.end, t->index, t->alias});
      continue;
    }
    if (const AliasTarget* t = c.Find(AliasKind::kDictionary)) {
      const DictionaryEntry& e = kb_.dictionary()[t->index];
      const std::string code = kb_.CodeOn(e, date_);
      Mention m = Make(c.begin, c.end, "", e.format + ":" + (code.empty() ? "-" : code));
      const std::string actor = kb_.ActorForCameo(code);
      if (!actor.empty()) {
        m.actors = {actor};
        m.cameo = code;
      }
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

}  // namespace actors_internal

std::vector<Mention> ResolveMentions(const KnowledgeBase& kb, const ContextSets& sets,
                                     std::string_view text, std::string_view date,
                                     std::vector<Candidate> candidates,
                                     std::string_view site_actor,
                                     std::vector<Candidate> agents, Deadline* deadline) {
  return actors_internal::Resolver(kb, sets, text, date, std::move(candidates), site_actor,
                                   std::move(agents), deadline)
      .Run();
}

}  // namespace faultline
