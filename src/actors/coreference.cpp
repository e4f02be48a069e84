// Appositions and coreference (see resolver.h): unknown names with an official-sounding
// apposition, surnames after full names, "the chancellor", "the two leaders", pronouns.
#include "actors/resolver.h"
#include "actors/person_links.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace faultline::actors_internal {

bool TitleFits(std::string_view noun, std::string_view title) {
  if (title.empty()) return true;
  auto words = [](std::string_view s) {
    std::vector<std::string> out;
    std::string w;
    auto flush = [&] {
      if (w == "defence") w = "defense";
      if (!w.empty() && w != "of" && w != "the" && w != "for" && w != "and" && w != "to")
        out.push_back(w);
      w.clear();
    };
    for (char c : s) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80) || c == '\'') {
        w += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      } else {
        flush();
      }
    }
    flush();
    return out;
  };
  const auto t = words(title);
  const auto n = words(noun);
  if (n.empty()) return false;
  for (const auto& w : n)
    if (std::find(t.begin(), t.end(), w) == t.end()) return false;
  return true;
}

namespace {

// The first of `ms` (sorted by begin) that begins at or after `pos`.
size_t FirstFrom(const std::vector<Mention>& ms, size_t pos) {
  return static_cast<size_t>(
      std::lower_bound(ms.begin(), ms.end(), pos, [](const Mention& m, size_t p) { return m.begin < p; }) -
      ms.begin());
}

}  // namespace

bool Resolver::IsStateMention(const Mention& m) const {
  if (m.actors.size() != 1) return false;
  const Actor* a = kb_.FindActor(m.actors[0]);
  return a != nullptr && a->kind == "state";
}

std::vector<std::string> Resolver::ContextActor(size_t pos, std::string* why,
                                                ContextCursor* c) const {
  // The paragraph holding pos (paragraphs are disjoint, in order), and only the mentions
  // beginning inside it: a scan of every paragraph and mention per call made a long
  // article with many appositions quadratic.
  const std::vector<Span>& paras = Paragraphs();
  Span para{0, text_.size()};
  auto after = std::upper_bound(paras.begin(), paras.end(), pos,
                                [](size_t x, const Span& s) { return x < s.begin; });
  if (after != paras.begin() && pos < std::prev(after)->end) para = *std::prev(after);
  const Mention* best = LastStateBefore(pos, FirstFrom(out_, para.begin), c);
  if (best == nullptr) best = FirstStateFrom(pos, para, c);
  // (No fallback to the article's main state: both callers take only a state named in
  // the paragraph.)
  if (best == nullptr) return {};
  *why = "apposition:context:" + best->surface;
  return best->actors;
}

const Mention* Resolver::LastStateBefore(size_t pos, size_t para_first, ContextCursor* c) const {
  // Links from each mention back to the last state before it, built as the queries move
  // on: the mentions beginning before `pos` have their actors for good (see
  // ContextCursor). A scan from the paragraph's start per query made a long paragraph
  // with an official in each sentence quadratic.
  const size_t first_from = FirstFrom(out_, pos);
  for (size_t k = c->prev_state.size() - 1; k < first_from; ++k)
    c->prev_state.push_back(IsStateMention(out_[k]) ? k : c->prev_state[k]);
  size_t i = c->prev_state[first_from];
  // Mentions still running at `pos` are stepped over one by one.
  while (i != ContextCursor::kNone && i >= para_first && out_[i].end > pos) i = c->prev_state[i];
  return i != ContextCursor::kNone && i >= para_first ? &out_[i] : nullptr;
}

const Mention* Resolver::FirstStateFrom(size_t pos, const Span& para, ContextCursor* c) const {
  auto fits = [&](const Mention& m) { return m.end <= para.end && IsStateMention(m); };
  size_t i = FirstFrom(out_, pos);
  // The mentions beginning at `pos` may have been given an actor since the last query;
  // the ones after them have not, so what an earlier query found holds no state there
  // still holds none.
  for (; i < out_.size() && out_[i].begin == pos && out_[i].begin < para.end; ++i)
    if (fits(out_[i])) return &out_[i];
  if (c->clear_para.begin != para.begin || c->clear_para.end != para.end) {
    c->clear_para = para;
    c->clear_until = 0;
  }
  for (i = std::max(i, c->clear_until); i < out_.size() && out_[i].begin < para.end; ++i)
    if (fits(out_[i])) break;
  c->clear_until = i;
  return i < out_.size() && out_[i].begin < para.end ? &out_[i] : nullptr;
}

std::string Resolver::MainState() const {
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

void Resolver::RoleNamesFromContext() {
  // "Deputy Prime Minister Alexander Novak" with no state word: the paragraph's state.
  // The states found are given after the loop: a guess is no context for the next one
  // ("President <Name> ... Ambassador <Name>" would pass a wrong guess on).
  ContextCursor cursor;
  std::vector<std::pair<size_t, std::string>> found;  // out_ index, the why
  std::vector<std::vector<std::string>> actors_found;
  for (size_t i = 0; i < out_.size(); ++i) {
    const Mention& m = out_[i];
    if (!m.actors.empty() || m.rule.rfind("role+name:", 0) != 0) continue;
    // "Senate Majority Leader <Name>", "former President <Name>": a legislature's or
    // party's office is no state's, a past one no longer is.
    if (m.rule.find("+body:") != std::string::npos || m.rule.find("+past") != std::string::npos)
      continue;
    std::string why;
    auto actors = ContextActor(m.begin, &why, &cursor);
    // Only a state named in the same paragraph; the article's main state is too weak a
    // guess for a named person ("leader Jeremy Corbyn" in a story about the US).
    if (actors.empty() || why.rfind("apposition:context:", 0) != 0) continue;
    found.emplace_back(i, why.substr(why.find(':') + 1));
    actors_found.push_back(std::move(actors));
  }
  for (size_t k = 0; k < found.size(); ++k) {
    Mention& m = out_[found[k].first];
    m.actors = std::move(actors_found[k]);
    m.rule += "+" + found[k].second;
  }
}

std::optional<Resolver::AppositionName> Resolver::NameBeforeComma(size_t comma) const {
  // Cheap test first: a capitalised word right before the comma.
  if (auto last = scan::TokensBefore(text_, comma, 1);
      last.empty() || last[0].end != comma || !IsCapitalizedWord(last[0]))
    return std::nullopt;
  auto before = scan::TokensBefore(text_, comma, 4);
  size_t n = 0;
  while (n < before.size() && n < 3 && IsNameWord(before[n]) &&
         (n == 0 ? before[n].end == comma : OnlySpaces(before[n].end, before[n - 1].begin)))
    ++n;
  // "Mr Kobrinets, ...": one word after an honorific is a name too (the honorific is
  // not part of it).
  const bool honorific = n == 1 && before.size() > 1 &&
                         sets_.honorifics.Contains(before[1].text) &&
                         OnlySpaces(before[1].end, before[0].begin);
  if (n < 2 && !honorific) return std::nullopt;
  AppositionName name{before[n - 1].begin, comma, nullptr};
  name.known = MentionAt(name.begin, name.end);
  if (name.known == nullptr && Overlaps(name.begin, name.end)) return std::nullopt;
  // A matched alias read as something else (a place: "in New Delhi, ...") is no name.
  if (name.known == nullptr && CoveredByCandidate(Token{name.begin, name.end, {}, true}))
    return std::nullopt;
  if (name.known != nullptr && (name.known->kind != "person" || !name.known->actors.empty()))
    return std::nullopt;
  // "the First Lady, the Vice President": a name after an article is no person's name.
  if (name.known == nullptr && n >= 2) {
    auto det = scan::TokensBefore(text_, name.begin, 1);
    if (!det.empty() && det[0].word && OnlySpaces(det[0].end, name.begin) &&
        scan::OneOf(det[0].text, {"the", "a", "an"}))
      return std::nullopt;
  }
  return name;
}

std::optional<Resolver::AppositionHead> Resolver::OfficialAppositionAfter(size_t comma) const {
  auto after = scan::TokensAfter(text_, comma + 1, 16);
  // "Ben Rhodes, who is the deputy national security adviser": read past "who is".
  if (after.size() > 2 && scan::EqualsIgnoreCase(after[0].text, "who") &&
      scan::OneOf(after[1].text, {"is", "was", "serves", "served", "became"})) {
    after.erase(after.begin(), after.begin() + 2);
    if (!after.empty() && after[0].word && scan::EqualsIgnoreCase(after[0].text, "as"))
      after.erase(after.begin());
  }
  // A list or a clause, not an apposition: "Mike Pyle, together with the Finance
  // Minister of ...", "Sergii Marchenko, and the Director-General ...", "Q John, ...".
  if (!after.empty() && after[0].word &&
      scan::OneOf(after[0].text, {"and", "or", "but", "together", "with", "along", "alongside",
                                  "plus", "as", "who", "which", "whom", "whose"}))
    return std::nullopt;
  // Official-sounding within its first words (after an article or a possessive).
  size_t k = 0;
  if (k < after.size() && after[k].word &&
      scan::OneOf(after[k].text, {"a", "an", "the", "its", "his", "her"}))
    ++k;
  AppositionHead h;
  bool official = false;
  for (size_t j = k; j < after.size() && j < k + 4; ++j) {
    if (!after[j].word) break;
    if (sets_.past_modifiers.Contains(after[j].text)) h.past = true;
    if (sets_.apposition_heads.Contains(after[j].text) || IsRoleNoun(after[j].text)) {
      official = true;
      h.head = scan::Lower(after[j].text);
      h.head_pos = after[j].begin;
      break;
    }
  }
  if (!official) return std::nullopt;
  // A plural head is no apposition to one name: "On Nord Stream, German officials said".
  if (h.head.size() > 3 && h.head.back() == 's' &&
      (sets_.apposition_heads.Contains(h.head.substr(0, h.head.size() - 1)) ||
       IsRoleNoun(h.head.substr(0, h.head.size() - 1))))
    return std::nullopt;
  // The apposition ends at a punctuation mark or where a relative clause or a verb
  // phrase begins ("Fethullah Gulen, a cleric whom Turkish President ... blames").
  h.end = comma + 1;
  for (const auto& t : after) {
    if (!t.word && (t.text == "," || t.text == "." || t.text == ";" || t.text == ":")) break;
    if (t.word && scan::OneOf(t.text, {"who", "whom", "which", "that", "whose", "where",
                                       "when", "and", "but", "said", "says", "told"}))
      break;
    if (t.word && IsRoleNoun(t.text)) h.role_noun = true;
    h.end = t.end;
  }
  return h;
}

std::vector<std::string> Resolver::EmployerNamedIn(size_t comma, const AppositionHead& h,
                                                   std::string* rule,
                                                   std::vector<std::string>* topics) const {
  for (size_t i = FirstFrom(out_, comma + 1); i < out_.size() && out_[i].begin < h.end; ++i) {
    const Mention& m = out_[i];
    if (m.actors.empty()) continue;
    // A topic or a destination, not the employer: "the minister responsible for
    // Russia", "ambassador to Ukraine", "an adviser on Russia", "ties to Russian ...".
    auto prev = scan::TokensBefore(text_, m.begin, 2);
    if (!prev.empty() && prev[0].word &&
        (scan::OneOf(prev[0].text, {"to", "into", "on", "about", "against", "with", "over",
                                    "toward", "towards", "across"}) ||
         (prev.size() > 1 && scan::EqualsIgnoreCase(prev[0].text, "for") &&
          scan::OneOf(prev[1].text, {"responsible", "charge"})))) {
      topics->insert(topics->end(), m.actors.begin(), m.actors.end());
      continue;
    }
    // Another person's title: "a cleric whom Turkish President Erdogan blames".
    if (m.kind == "person" && m.begin <= h.head_pos && h.head_pos < m.end) continue;
    *rule = "apposition:" + h.head + ":" + m.surface;
    return m.actors;
  }
  return {};
}

std::vector<std::string> Resolver::ActorsOfApposition(const AppositionName& name, size_t comma,
                                                      const AppositionHead& h, std::string* rule,
                                                      ContextCursor* cursor) const {
  std::vector<std::string> topics;
  std::vector<std::string> actors = EmployerNamedIn(comma, h, rule, &topics);
  if (!actors.empty()) return actors;
  if (name.known != nullptr) {
    // A person the KB knows, out of office on the date: "Jack Lew, the former treasury
    // secretary" held no office that day (no actor); "Jack Lew, the treasury secretary"
    // in an article dated outside his KB term is still his own state's official, not
    // the state the paragraph last named.
    if (h.past) return {};
    const Person* p = kb_.FindPerson(name.known->person);
    std::string own = p == nullptr ? std::string() : ActsFor(p->actor);
    if (own.empty() && p != nullptr) own = SoleActor(*p);
    if (!own.empty()) {
      *rule = "apposition:" + h.head + ":person";
      return {own};
    }
    if (p != nullptr && !p->roles.empty())
      return {};  // several states over a career: the paragraph cannot tell which
  }
  // The apposition names no actor: the state of the paragraph, only for an office of
  // the KB's roles ("Head of the ... Department at the Ministry of Foreign Affairs"),
  // never for a chairman, a director or a professor, and never the article's main
  // state alone (a think tank's scholar in a story about Russia is not Russia's).
  if (!h.role_noun) return {};
  actors = ContextActor(name.begin, rule, cursor);
  if (rule->rfind("apposition:context:", 0) != 0) return {};
  // Not the state the apposition names as the portfolio ("the minister responsible
  // for Russia" after "the Russian ambassador").
  if (actors.size() == 1 && std::find(topics.begin(), topics.end(), actors[0]) != topics.end())
    return {};
  return actors;
}

void Resolver::Appositions() {
  RoleNamesFromContext();
  size_t pos = 0;
  std::vector<Mention> added;
  ContextCursor cursor;
  while ((pos = text_.find(", ", pos)) != std::string_view::npos) {
    if (SpentEvery("actor recognition (appositions)")) return;
    const size_t comma = pos;
    pos += 2;
    const auto name = NameBeforeComma(comma);
    if (!name) continue;
    const auto head = OfficialAppositionAfter(comma);
    if (!head) continue;
    std::string rule;
    std::vector<std::string> actors = ActorsOfApposition(*name, comma, *head, &rule, &cursor);
    if (actors.empty()) continue;
    Mention m = Make(name->begin, name->end, "person", rule);
    m.person = name->known ? name->known->person : Surface(name->begin, name->end);
    m.actors = actors;
    m.role = head->head;
    if (name->known) {
      for (size_t i = FirstFrom(out_, name->begin); i < out_.size() && out_[i].begin == name->begin; ++i)
        if (out_[i].end == name->end) out_[i] = m;
    } else {
      added.push_back(m);
    }
    RememberUnknown(m.person, m.actors, m.role);
  }
  MergeAdded(&added);
}

const Person* Resolver::HolderBySurname(std::string_view surname, const std::string& role,
                                        const std::vector<std::string>& actors) const {
  if (date_.empty() || surname.size() < 3) return nullptr;
  const Person* found = nullptr;
  for (const auto& p : kb_.people()) {
    if (Surname(p) != surname) continue;
    const RoleTerm* t = kb_.RoleOn(p, date_);
    if (t == nullptr) continue;
    bool fits = role.empty() || t->role == role;
    if (!fits) {
      // Someone holding several offices that day: any of them may be the one named.
      for (const auto& r : p.roles)
        if (r.role == role && r.ValidOn(date_)) fits = true;
    }
    if (!fits) continue;
    if (!actors.empty()) {
      bool ok = false;
      for (const auto& r : p.roles)
        if (r.ValidOn(date_) && (role.empty() || r.role == role) &&
            std::find(actors.begin(), actors.end(), ActsFor(r.actor)) != actors.end())
          ok = true;
      if (!ok) continue;
    }
    if (found != nullptr && found != &p) return nullptr;  // two of that name in office
    found = &p;
  }
  return found;
}

bool Resolver::OtherFullNameWith(std::string_view surname, const Person& p) const {
  const size_t sp = p.name.rfind(' ');
  const std::string_view first =
      sp == std::string::npos ? std::string_view() : std::string_view(p.name).substr(0, sp);
  size_t pos = 0;
  while ((pos = text_.find(surname, pos)) != std::string_view::npos) {
    const size_t e = pos + surname.size();
    if (!scan::IsWordCharBefore(text_, pos) && !scan::IsWordCharAt(text_, e)) {
      auto before = scan::TokensBefore(text_, pos, 1);
      if (!before.empty() && OnlySpaces(before[0].end, pos) && IsNameWord(before[0]) &&
          !sets_.honorifics.Contains(before[0].text) && !sets_.titles.Contains(before[0].text) &&
          !IsRoleNoun(before[0].text) && !IsSentenceStart(before[0].begin) &&
          (first.empty() || first.size() < before[0].text.size() ||
           first.substr(first.size() - before[0].text.size()) != before[0].text))
        return true;
    }
    pos = e;
  }
  return false;
}

namespace {

// "Putin's", "Russia’s": a word token ending in a possessive.
bool EndsPossessive(std::string_view w) {
  for (std::string_view suffix : {"'s", "'S", "\u2019s", "\u2019S"})
    if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix) return true;
  return false;
}

// `cue` (one or more words) matches the tokens at the start of `toks`, ignoring case.
bool StartsWithWords(const std::vector<scan::Token>& toks, std::string_view cue) {
  size_t k = 0, pos = 0;
  while (pos < cue.size()) {
    size_t sp = cue.find(' ', pos);
    if (sp == std::string_view::npos) sp = cue.size();
    if (k >= toks.size() || !scan::EqualsIgnoreCase(toks[k].text, cue.substr(pos, sp - pos)))
      return false;
    ++k;
    pos = sp + 1;
  }
  return k > 0;
}

// The organisation a kind of reference ("the alliance") stands for at each of its uses,
// asked in text order: the actor of the nearest preceding mention naming one of the
// reference's actors, else of the first following one. Two cursors that only move
// forward over the mentions (sorted by begin), where a scan from the start per use made
// a long article repeating "the alliance" quadratic.
class RefOrganisation {
 public:
  // For a use at [begin, end); uses must come in text order (they do: the candidates
  // they were read from are sorted and disjoint).
  std::string At(const std::vector<Mention>& ms, const Reference& ref, size_t begin, size_t end) {
    for (; before_next_ < ms.size() && ms[before_next_].begin < begin; ++before_next_)
      if (const std::string* a = ActorOf(ms[before_next_], ref)) before_ = *a;
    if (!before_.empty()) return before_;
    after_ = std::max(after_, FirstFrom(ms, end));
    while (after_ < ms.size() && ActorOf(ms[after_], ref) == nullptr) ++after_;
    return after_ < ms.size() ? *ActorOf(ms[after_], ref) : std::string();
  }

 private:
  // The first of the mention's actors that the reference can stand for, or null.
  static const std::string* ActorOf(const Mention& m, const Reference& ref) {
    for (const auto& a : m.actors)
      if (std::find(ref.actors.begin(), ref.actors.end(), a) != ref.actors.end()) return &a;
    return nullptr;
  }

  size_t before_next_ = 0;  // the mentions before it begin before the last use
  std::string before_;      // the actor of the last of them naming one, or empty
  size_t after_ = 0;        // no mention in [first after the last use, after_) names one
};

}  // namespace

void Resolver::References() {
  if (refs_.empty()) return;
  std::vector<Mention> added;
  std::map<uint32_t, RefOrganisation> organisation;  // by reference (kb_.references())
  for (const auto& r : refs_) {
    const Reference& ref = kb_.references()[r.index];
    // The word before: "our allies", "Putin's allies", "23 Allies", "Baltic Allies" are
    // not the organisation as a whole.
    if (auto before = scan::TokensBefore(text_, r.begin, 1); !before.empty()) {
      const Token& b = before[0];
      if (b.text == "'" || b.text == "\u2019") continue;  // "the Baltics' allies"
      if (b.word) {
        if (scan::InList(b.text, ref.not_before) || EndsPossessive(b.text)) continue;
        if (b.text[0] >= '0' && b.text[0] <= '9') continue;
        if (IsCapitalizedWord(b) && !sets_.not_name_words.Contains(b.text))
          continue;  // a qualifier: "NATO Allies", "Baltic Allies", "European Allies"
      }
    }
    // The words after: "allies of Putin", "Allies and partners", "the Alliance for ...",
    // "the Alliance Party".
    auto after = scan::TokensAfter(text_, r.end, 3);
    if (std::any_of(ref.not_after.begin(), ref.not_after.end(),
                    [&](const std::string& cue) { return StartsWithWords(after, cue); }))
      continue;
    if (!after.empty() && IsCapitalizedWord(after[0]) && !IsSentenceStart(after[0].begin))
      continue;  // a longer name, or a name in apposition ("the bloc Ukraine ...")
    // The organisation: the nearest preceding mention of one of ref.actors, else the
    // first following one; none in the article, no actor.
    const std::string actor = organisation[r.index].At(out_, ref, r.begin, r.end);
    if (actor.empty()) continue;
    const Actor* a = kb_.FindActor(actor);
    Mention m = Make(r.begin, r.end, a != nullptr ? a->kind : "org", "coref:org:" + r.alias);
    m.actors = {actor};
    added.push_back(std::move(m));
  }
  MergeAdded(&added);
}

namespace {

// For each ending of a person's name in `ms` that starts with a capital letter after its
// first byte ("Macron" of "Emmanuel Macron", "Cron" of "Jo MacCron"), the first begin of
// a mention of such a person. The keys view the mentions' strings.
std::unordered_map<std::string_view, size_t> FirstBeginByNameEnding(const std::vector<Mention>& ms) {
  std::unordered_map<std::string_view, size_t> first;
  for (const Mention& m : ms)
    for (size_t j = 1; j < m.person.size(); ++j) {
      if (!scan::IsUpperAt(m.person, j)) continue;
      auto [it, fresh] = first.emplace(std::string_view(m.person).substr(j), m.begin);
      if (!fresh) it->second = std::min(it->second, m.begin);
    }
  return first;
}

}  // namespace

void Resolver::TitledSurnames() {
  if (date_.empty()) return;
  std::vector<Mention> added;
  std::map<std::string, bool, std::less<>> clash;  // surname -> someone else has it
  // ending of a person's name -> first mention (out_ does not change in this loop)
  std::optional<std::unordered_map<std::string_view, size_t>> first_by_ending;
  std::map<std::string, const Person*, std::less<>> holders;  // surname -> HolderBySurname
  std::map<std::string, bool> actor_named;  // actor -> some mention names it
  std::map<size_t, size_t> taken;           // spans added, disjoint, by begin
  for (const auto* list : {&ctx_.honorifics, &ctx_.titles}) {
    for (const auto& w : *list) {
      if (w.empty() || !scan::IsUpperAt(w, 0)) continue;
      size_t pos = 0;
      while ((pos = text_.find(w, pos)) != std::string_view::npos) {
        if (SpentEvery("actor recognition (titled surnames)")) return;
        const size_t b = pos, e = pos + w.size();
        pos = e;
        if (scan::IsWordCharBefore(text_, b) || scan::IsWordCharAt(text_, e)) continue;
        auto toks = scan::TokensAfter(text_, e, 3);
        size_t k = 0;
        if (k < toks.size() && toks[k].text == "." && toks[k].begin == e) ++k;  // "Mr."
        // The surname may be a common word ("Mrs May"): only the KB decides below.
        if (k >= toks.size() || !IsCapitalizedWord(toks[k]) || !scan::IsLowerAt(toks[k].text, 1))
          continue;
        const Token& sur = toks[k];
        if (!OnlySpaces(k > 0 ? toks[k - 1].end : e, sur.begin) || sur.begin == e) continue;
        if (k + 1 < toks.size() && IsNameWord(toks[k + 1]) &&
            OnlySpaces(sur.end, toks[k + 1].begin))
          continue;  // a full name follows ("Mr. Ron Johnson"): not a bare surname
        if (Overlaps(sur.begin, sur.end) || CoveredByCandidate(sur)) continue;
        // A person of that surname already named in full: the surname rule reads it.
        // (What depends only on the surname or the actor is worked out once per document:
        // per occurrence, a scan of every mention made a long article quadratic.)
        // (The names' endings are indexed once, on first use: a scan of every mention per
        // new surname made an article with a different "Mr X" in each sentence quadratic.)
        if (!first_by_ending) first_by_ending = FirstBeginByNameEnding(out_);
        if (auto full = first_by_ending->find(sur.text);
            full != first_by_ending->end() && full->second < sur.begin)
          continue;
        auto holder = holders.find(sur.text);
        if (holder == holders.end())
          holder = holders.emplace(std::string(sur.text), HolderBySurname(sur.text, "", {})).first;
        const Person* p = holder->second;
        if (p == nullptr) continue;
        Mention m = Make(sur.begin, sur.end, "person", "coref:title-surname:" + w);
        FillPerson(*p, &m);
        if (m.actors.empty()) continue;
        // Only where the article names the person's state or organisation elsewhere and
        // nobody else of that surname: "Mr. Johnson" in a story about Britain.
        auto named = actor_named.find(m.actors[0]);
        if (named == actor_named.end())
          named = actor_named
                      .emplace(m.actors[0], std::any_of(out_.begin(), out_.end(), [&](const Mention& o) {
                        return std::find(o.actors.begin(), o.actors.end(), m.actors[0]) != o.actors.end();
                      }))
                      .first;
        if (!named->second) continue;
        auto c = clash.find(sur.text);
        if (c == clash.end())
          c = clash.emplace(std::string(sur.text), OtherFullNameWith(sur.text, *p)).first;
        if (c->second) continue;
        auto next = taken.lower_bound(m.end);
        if (next == taken.begin() || std::prev(next)->second <= m.begin) {
          taken.emplace(m.begin, m.end);
          added.push_back(std::move(m));
        }
      }
    }
  }
  MergeAdded(&added);
}

namespace {

// Fills `at` (keyed by words that are each one run of letters and digits) with where each
// key occurs in `text` as a whole word, in text order: one pass over the text for all
// of them.
void FindWholeWords(std::string_view text, std::unordered_map<std::string_view, std::vector<size_t>>* at) {
  if (at->empty()) return;
  for (size_t p = 0; p < text.size();) {
    const size_t e = scan::WordEnd(text, p);
    if (e == p) {
      ++p;
      continue;
    }
    // [p, e) is a whole word: nothing of a word right after it, nor right before (p is
    // where the run of the previous non-word bytes ended).
    if (!scan::IsWordCharBefore(text, p))
      if (auto it = at->find(text.substr(p, e - p)); it != at->end()) it->second.push_back(p);
    p = e;
  }
}

}  // namespace

void Resolver::Coreference() {
  for (void (Resolver::*rule)() :
       {&Resolver::Surnames, &Resolver::BareRoles, &Resolver::BareInstitutions, &Resolver::PairPhrases,
        &Resolver::Pronouns}) {
    if (SpentIn("coreference")) return;
    (this->*rule)();
  }
}

void Resolver::Surnames() {
  std::vector<Mention> added;
  // Surnames of people named in full earlier in the article ("Macron" after "Emmanuel
  // Macron", "Kobrinets" after the apposition), where no alias already matched.
  std::map<std::string, const Mention*> first_full;
  for (const auto& m : out_) {
    if (m.person.empty() || m.person.find(';') != std::string::npos) continue;
    const size_t sp = m.person.rfind(' ');
    if (sp == std::string::npos) continue;
    const std::string surname = m.person.substr(sp + 1);
    // Not a month or weekday ("May" after "Theresa May").
    if (surname.size() < 3 || sets_.not_name_words.Contains(surname)) continue;
    if (!first_full.count(surname)) first_full[surname] = &m;
  }
  // Where the surnames of one word occur, found in one pass over the text: a search of
  // the whole text per surname made a long article naming many people quadratic (issue
  // 12). The others ("Smith-Jones", "O'Brien") are searched for one by one.
  std::unordered_map<std::string_view, std::vector<size_t>> one_word;
  for (const auto& [surname, first] : first_full)
    if (scan::WordEnd(surname, 0) == surname.size()) one_word[surname];
  FindWholeWords(text_, &one_word);
  // The spans added so far, disjoint, by begin: only the one starting last before an
  // occurrence's end can overlap it (a scan of `added` per occurrence was quadratic).
  std::map<size_t, size_t> taken;
  auto take = [&](size_t pos, size_t e, const Mention& first) {
    if (!scan::IsWordCharBefore(text_, pos) && !scan::IsWordCharAt(text_, e) && !Overlaps(pos, e)) {
      auto next = taken.lower_bound(e);
      if (next != taken.begin() && std::prev(next)->second > pos) return;
      taken.emplace(pos, e);
      Mention m = Make(pos, e, "person", "coref:surname");
      m.person = first.person;
      m.actors = first.actors;
      m.role = first.role;
      added.push_back(std::move(m));
    }
  };
  for (const auto& [surname, first] : first_full) {
    if (SpentEvery("coreference")) return;
    if (auto it = one_word.find(surname); it != one_word.end()) {
      // A whole word cannot hide inside an earlier match of itself, so these are the
      // occurrences the search below would visit.
      const std::vector<size_t>& at = it->second;
      for (auto p = std::lower_bound(at.begin(), at.end(), first->end); p != at.end(); ++p)
        take(*p, *p + surname.size(), *first);
      continue;
    }
    size_t pos = first->end;
    while ((pos = text_.find(surname, pos)) != std::string_view::npos) {
      take(pos, pos + surname.size(), *first);
      pos += surname.size();
    }
  }
  MergeAdded(&added);
}

void Resolver::BareRoles() {
  // "the chancellor": on a government's own site its office holder; else the nearest
  // preceding person holding that role (one whose title fits the noun first: "the
  // Taoiseach" is not the last prime minister named), else the holder of that role in the
  // article's main state.
  // Bare roles are visited in text order with one cursor over out_ (sorted by begin):
  // out_[0, next) are the mentions ending at or before the bare role, their people are
  // listed by role as the cursor passes them, and what depends only on the role and the
  // noun is remembered, where a scan of every mention per bare role was quadratic.
  std::vector<Mention> added;
  std::map<std::string, std::vector<const Person*>> seen_by_role;  // in text order
  struct Fitting {
    size_t checked = 0;               // of seen_by_role[role]
    const Person* last = nullptr;     // the last of those whose title fits the noun
    std::optional<const Person*> only;  // only_fitting(), once worked out
  };
  std::map<std::string, Fitting> fitting_by_key;  // role + '\n' + noun
  std::optional<std::string> main_state;
  size_t next = 0;
  for (const BareRole& br : InTextOrder(bare_roles_)) {
    if (SpentEvery("coreference")) return;
    for (; next < out_.size() && out_[next].end <= br.begin; ++next) {
      if (out_[next].person.empty()) continue;
      const Person* p = kb_.FindPerson(out_[next].person);
      if (p != nullptr) seen_by_role[RoleIdOf(*p)].push_back(p);
    }
    const std::string noun = scan::Lower(Surface(br.begin, br.end));
    // The person's title for this role on the date: fits the noun as written?
    auto fits = [&](const Person& p) {
      if (date_.empty()) return false;
      for (const auto& r : p.roles)
        if (r.role == br.role && r.ValidOn(date_) && TitleFits(noun, r.title)) return true;
      return false;
    };
    // The one person in the KB holding the role on the date under a title that fits
    // ("the Taoiseach", "the Secretary of Defense"), or null.
    Fitting& memo = fitting_by_key[br.role + '\n' + noun];
    auto only_fitting = [&]() -> const Person* {
      if (!memo.only) memo.only = OnlyFitting(br.role, noun);
      return *memo.only;
    };
    const Person* chosen = nullptr;
    std::string rule;
    if (!site_actor_.empty() && !date_.empty()) {
      auto holders = kb_.HoldersOf(site_actor_, br.role, date_);
      if (holders.size() == 1 && fits(*holders[0])) {
        chosen = holders[0];
        rule = "coref:role-site:" + br.role;
      }
    }
    if (chosen == nullptr) {
      const std::vector<const Person*>& holders_seen = seen_by_role[br.role];
      const Person* nearest = holders_seen.empty() ? nullptr : holders_seen.back();
      for (; memo.checked < holders_seen.size(); ++memo.checked)
        if (fits(*holders_seen[memo.checked])) memo.last = holders_seen[memo.checked];
      const Person* fitting = memo.last;
      if (fitting != nullptr) {
        chosen = fitting;
        rule = "coref:role:" + br.role;
      } else if (nearest != nullptr) {
        chosen = only_fitting();
        rule = "coref:role-title:" + br.role;
        if (chosen == nullptr) {
          chosen = nearest;
          rule = "coref:role:" + br.role;
        }
      } else if (!date_.empty()) {
        if (!main_state) main_state = MainState();  // out_ does not change in this loop
        const std::string& main = *main_state;
        auto holders = main.empty() ? std::vector<const Person*>{}
                                    : kb_.HoldersOf(main, br.role, date_);
        if (holders.size() == 1 && fits(*holders[0])) {
          chosen = holders[0];
          rule = "coref:role-main-state:" + br.role;
        } else if (const Person* p = only_fitting()) {
          chosen = p;
          rule = "coref:role-title:" + br.role;
        } else if (holders.size() == 1) {
          chosen = holders[0];
          rule = "coref:role-main-state:" + br.role;
        }
      }
    }
    if (chosen == nullptr) continue;
    Mention m = Make(br.begin, br.end, "role", rule);
    FillPerson(*chosen, &m);  // the title held that day
    if (!Overlaps(m.begin, m.end)) added.push_back(std::move(m));
  }
  MergeAdded(&added);
}

const Person* Resolver::OnlyFitting(const std::string& role, const std::string& noun) const {
  if (date_.empty()) return nullptr;
  const Person* found = nullptr;
  for (const auto& p : kb_.people())
    for (const auto& r : p.roles)
      if (r.role == role && !r.title.empty() && r.ValidOn(date_) && TitleFits(noun, r.title)) {
        if (found != nullptr && found != &p) return nullptr;
        found = &p;
      }
  return found;
}

void Resolver::BareInstitutions() {
  // "the administration", "the government": the actor of the nearest preceding mention
  // whose role ends with the same noun ("the Trump administration", "the German government").
  // In text order, each noun with its own cursor over out_ (sorted by begin): out_[0,
  // next) end at or before the bare noun. (A scan per bare noun was quadratic.)
  std::vector<Mention> added;
  struct Cursor {
    size_t next = 0;
    const Mention* best = nullptr;
  };
  std::map<std::string, Cursor> by_noun;
  for (const BareRole& bi : InTextOrder(bare_institutions_)) {
    if (SpentEvery("coreference")) return;
    Cursor& c = by_noun[bi.role];
    for (; c.next < out_.size() && out_[c.next].end <= bi.begin; ++c.next) {
      const Mention& m = out_[c.next];
      if (m.actors.size() != 1 || m.role.size() < bi.role.size()) continue;
      if (scan::EqualsIgnoreCase(std::string_view(m.role).substr(m.role.size() - bi.role.size()),
                                 bi.role))
        c.best = &m;
    }
    const Mention* best = c.best;
    if (best == nullptr) continue;
    Mention m = Make(bi.begin, bi.end, "role", "coref:institution:" + bi.role);
    m.actors = best->actors;
    m.role = bi.role;
    if (!Overlaps(m.begin, m.end)) added.push_back(std::move(m));
  }
  MergeAdded(&added);
}

void Resolver::PairPhrases() {
  // "the two leaders": the two most recent distinct people ending before the phrase.
  if (pairs_.empty()) return;
  std::vector<Mention> added;
  const PersonLinks links(out_);  // out_ does not change in this loop
  for (const auto& pr : pairs_) {
    const auto [latest, earlier] = links.LastTwoBefore(pr.begin);
    if (earlier == nullptr) continue;
    Mention m = Make(pr.begin, pr.end, "persons", "coref:pair:" + pr.phrase);
    m.person = earlier->person + "; " + latest->person;
    for (const Mention* q : {earlier, latest})
      for (const auto& a : q->actors)
        if (std::find(m.actors.begin(), m.actors.end(), a) == m.actors.end())
          m.actors.push_back(a);
    added.push_back(std::move(m));
  }
  MergeAdded(&added);
}

namespace {

// How far back a quote's opening is looked for: a long quotation's speaker is usually named
// again nearer, and the bound keeps a hostile paragraph of quotes linear.
constexpr size_t kMaxQuoteBytes = 3000;

// "“I met Zelensky at the UN,” he said": a pronoun right after a closing quote names who
// spoke it, so its antecedent lies before the quote opened, not inside it. The offset of the
// opening quote, or npos when the pronoun at `pos` follows no closing quote in its paragraph.
size_t QuoteOpenedBefore(std::string_view text, size_t para_begin, size_t pos) {
  static constexpr std::string_view kOpen = "\u201C", kClose = "\u201D";
  size_t p = pos;
  while (p > para_begin && (text[p - 1] == ' ' || text[p - 1] == '\n')) --p;
  size_t quote_begin;
  if (p >= para_begin + kClose.size() && text.substr(p - kClose.size(), kClose.size()) == kClose)
    quote_begin = p - kClose.size();
  else if (p > para_begin + 1 && text[p - 1] == '"' && text[p - 2] != ' ')
    quote_begin = p - 1;
  else
    return std::string_view::npos;
  const size_t floor = std::max(para_begin, quote_begin > kMaxQuoteBytes ? quote_begin - kMaxQuoteBytes : 0);
  for (size_t i = quote_begin; i > floor; --i) {
    const size_t at = i - 1;
    if (text.substr(at, kOpen.size()) == kOpen) return at;
    if (text[at] == '"' && (at == para_begin || text[at - 1] == ' ' || text[at - 1] == '\n' || text[at - 1] == '('))
      return at;
  }
  return std::string_view::npos;
}

// Whether a sentence ends between `from` and `to`: ". ", "? " or "! " after a lowercase
// letter, a digit, a closing bracket or quote ("U.S. Secretary" does not end one).
bool SentenceEndsBetween(std::string_view text, size_t from, size_t to) {
  for (size_t i = from; i + 1 < to; ++i) {
    const char c = text[i];
    if (c != '.' && c != '?' && c != '!') continue;
    if (text[i + 1] != ' ' && text[i + 1] != '\n') continue;
    if (i == 0) continue;
    const unsigned char b = static_cast<unsigned char>(text[i - 1]);
    if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == ')' || b == '"' || b >= 0x80) return true;
  }
  return false;
}

// A sentence-initial "He" continues the centre of the sentence before: its first person,
// usually its subject ("President Biden welcomed President Zelenskyy's openness to a just
// peace. He reaffirmed ..." is Biden), not the last person it named. A possessor is no
// subject ("Putin's spokesman Dmitry Peskov said ... He added" is Peskov). `persons` are
// the paragraph's person mentions before the pronoun, in text order.
const Mention* CentreOfLastSentence(std::string_view text, const std::vector<const Mention*>& persons) {
  if (persons.empty()) return nullptr;
  size_t first = persons.size() - 1;
  while (first > 0 && !SentenceEndsBetween(text, persons[first - 1]->end, persons[first]->begin)) --first;
  for (size_t k = first; k < persons.size(); ++k) {
    const std::string_view after = text.substr(persons[k]->end, 4);
    const bool possessive = after.substr(0, 2) == "'s" || after.substr(0, 4) == "\u2019s";
    if (!possessive) return persons[k];
  }
  return persons.back();
}

// "Michael Flynn, Mr. Trump's former adviser, resigned after he ...": a person named inside
// an insertion set off by commas right after another person describes that person, and a
// pronoun after the insertion continues the person it describes, not the one it names.
// Returns that person when `persons.back()` lies in such an insertion that has closed before
// `pronoun_at` within one sentence, else `persons.back()`.
constexpr size_t kMaxInsertionBytes = 120;  // "a former adviser to the president"; not a clause

const Mention* OutsideInsertion(std::string_view text, const std::vector<const Mention*>& persons,
                                size_t pronoun_at) {
  const Mention* last = persons.back();
  if (persons.size() < 2) return last;
  // the person right before `last`, with a comma right after it and no other person between;
  // "Scholz, Biden and Macron met, and he ..." is a list, not an insertion
  const Mention* head = persons[persons.size() - 2];
  if (head->end >= text.size() || text[head->end] != ',' || last->begin <= head->end + 1) return last;
  const std::string_view inside = text.substr(head->end + 1, last->begin - head->end - 1);
  const size_t close = text.find(',', last->end);
  // (the insertion is bounded by its commas and a length, not by SentenceEndsBetween,
  // which reads the "Mr. " of "Mr. Trump's adviser" as a sentence's end)
  const auto has_word = [inside](std::string_view w) {
    return inside.find(w) != std::string_view::npos;
  };
  const bool one_insertion = !has_word(",") && !has_word(" and ") && !has_word(" or ") &&  // not a list
                             close != std::string_view::npos && close < pronoun_at &&
                             close - head->end <= kMaxInsertionBytes &&
                             !SentenceEndsBetween(text, close, pronoun_at);
  return one_insertion ? head : last;
}

}  // namespace

void Resolver::Pronouns() {
  // Pronouns at the start of a clause: the nearest person before them in the paragraph.
  // Paragraphs and pronouns come in text order, so one cursor walks out_ (sorted by
  // begin) once: out_[0, next) are the mentions ending at or before the pronoun, and
  // `best` the last of them in the paragraph naming a person. (A scan of the mentions
  // per paragraph and per pronoun made a long article quadratic.)
  if (ctx_.pronouns.empty()) return;
  std::vector<Mention> added;
  size_t next = 0;
  for (const auto& para : Paragraphs()) {
    if (SpentEvery("coreference")) return;
    bool has_person = false;
    for (size_t k = FirstFrom(out_, para.begin); k < out_.size() && out_[k].begin < para.end; ++k)
      if (out_[k].end <= para.end && !out_[k].person.empty()) has_person = true;
    if (!has_person) continue;
    const Mention* best = nullptr;  // mentions passed in earlier paragraphs begin before this one
    std::vector<const Mention*> persons;  // this paragraph's, in text order, up to `best`
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
      for (; next < out_.size() && out_[next].end <= t.begin; ++next) {
        const Mention& m = out_[next];
        if (m.begin < para.begin || m.person.empty() || m.kind == "persons") continue;
        best = &m;
        persons.push_back(&m);
      }
      const Mention* antecedent = best;
      if (best != nullptr && IsSentenceStart(t.begin) && SentenceEndsBetween(text_, best->end, t.begin))
        antecedent = CentreOfLastSentence(text_, persons);
      else if (best != nullptr)
        antecedent = OutsideInsertion(text_, persons, t.begin);
      if (const size_t open = QuoteOpenedBefore(text_, para.begin, t.begin); open != std::string_view::npos) {
        // the last person named before the quote opened
        auto after = std::upper_bound(persons.begin(), persons.end(), open,
                                      [](size_t at, const Mention* m) { return at < m->end; });
        antecedent = after == persons.begin() ? nullptr : *(after - 1);
      }
      if (antecedent == nullptr) continue;
      Mention m = Make(t.begin, t.end, "pronoun", "coref:pronoun");
      m.person = antecedent->person;
      m.actors = antecedent->actors;
      m.role = antecedent->role;
      added.push_back(std::move(m));
    }
  }
  MergeAdded(&added);
}

}  // namespace faultline::actors_internal
