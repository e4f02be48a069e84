// KnowledgeBase: the actors faultline knows (states, organisations, groups, people
// and the roles they hold on which dates), the words that signal how a name is used
// (political verbs, place prepositions...) and the imported event-coding dictionaries.
// Loaded from our YAML (data/kb/*.yaml, data/actors/*.yaml; format in KB_FORMAT.md /
// docs/actors.md) and from PETRARCH or TABARI actor dictionaries. A value type: build
// it with AddFile/LoadDefault, then share it read-only (the recognizer holds a
// shared_ptr<const KnowledgeBase>).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/status.h"

namespace faultline {

// A state, an organisation or a body of an organisation.
struct Actor {
  std::string code;                     // FRA, NATO, EU
  std::string kind = "state";           // state | org | body
  std::string parent;                   // bodies: the org they act for
  std::vector<std::string> names;       // matched case-sensitively as written (+ALL CAPS)
  std::vector<std::string> historical;  // older spellings, matched like names
  std::vector<std::string> adjectives;  // "French officials"
  std::vector<std::string> demonyms;    // "the Russians"
  std::vector<std::string> metonyms;    // seats of government: actors only when acting
  std::string capital;                  // also a metonym
  bool ambiguous = false;               // the name has common other readings
  std::string source;                   // file:line it was first defined at
};

// A named group of actors: fixed membership (expanded) or vague (kept as one code).
struct Group {
  std::string code;
  std::vector<std::string> names;
  std::vector<std::string> members;
  bool vague = false;
  std::string source;
};

// A role id and the nouns that name it in text ("chancellor" -> head-of-government).
struct RoleDef {
  std::string role;
  std::vector<std::string> nouns;  // lower case; matched case-insensitively
};

// One term of office. Dates are ISO YYYY-MM-DD; `from` inclusive, `to` exclusive,
// either may be empty (open).
struct RoleTerm {
  std::string actor;
  std::string role;
  std::string title;
  std::string from;
  std::string to;
  bool ValidOn(std::string_view date) const;  // date must be a full ISO date
};

struct Person {
  std::string name;                  // canonical full name
  std::vector<std::string> aliases;  // surnames, other spellings
  std::string actor;                 // standing affiliation when no role applies
  std::vector<RoleTerm> roles;
  std::string source;
};

// A code from an imported dictionary with its PETRARCH/TABARI date restriction.
struct DatedCode {
  std::string code;  // CAMEO code as written: FRAGOV, IGOUNO
  std::string from;  // ISO, inclusive; empty = open
  std::string to;    // ISO, inclusive (PETRARCH restrictions are "or equal"); empty = open
  bool default_code = false;  // no restriction: applies when no dated code does
};

// An actor entry of a PETRARCH or TABARI dictionary: phrases (primary + synonyms)
// sharing a list of codes.
struct DictionaryEntry {
  std::vector<std::string> phrases;  // as in the file, '_' turned to ' ' (upper case)
  std::vector<bool> stems;           // per phrase: TABARI stem (no final '_'): prefix match
  std::vector<DatedCode> codes;
  std::string format;                // "petrarch" | "tabari"
  std::string source;                // file:line
  bool HasDates() const;
  // The agent code of an agents-dictionary entry ("~GOV", "~GOVFRM", "NGO~"), or empty for
  // an actor entry. Agents name a kind of actor; a state before or after them completes
  // the code (actors/agents.cpp).
  std::string AgentCode() const;
  // A person (CountryInfo leaders, IGO heads): dated codes and none of them a bare
  // three-letter state code (UKRAINE has [UKR >911221]; KARZAI has [AFGGOV >011222]).
  bool LooksLikePerson() const;
};

// Words that decide how a name is read in context (data/actors/context.yaml).
struct ContextWords {
  std::vector<std::string> political_verbs;      // "said", "warned": a metonym acts
  std::vector<std::string> auxiliaries;          // "has", "is", "will": skipped before a verb
  std::vector<std::string> place_prepositions;   // "in", "at": a metonym is a place
  std::vector<std::string> actor_prepositions;   // "with", "by": a metonym is an actor
  std::vector<std::string> motion_words;         // "back", "trip": "back to Washington" is a place
  std::vector<std::string> place_nouns;          // "heart", "mayor": "the heart of Baghdad"
  std::vector<std::string> position_nouns;       // "demands", "position": X's position
  std::vector<std::string> apposition_heads;     // "head", "director": official-sounding
  std::vector<std::string> honorifics;           // "Mr", "Ms", "President" before a name
  std::vector<std::string> titles;               // "Secretary", "Ambassador": before a surname
  std::vector<std::string> person_institutions;  // "administration": "the Obama administration"
  std::vector<std::string> pronouns;             // he, she, his, her
  std::vector<std::string> pair_phrases;         // "the two leaders"
  std::vector<std::string> compound_prefixes;    // "pro", "anti": pro-Russian is not RUS
  std::vector<std::string> legislator_heads;     // "lawmakers": "U.S. lawmakers" are not USA
  std::vector<std::string> person_body_heads;    // "campaign": "the Trump campaign" is not USA
  std::vector<std::string> role_modifiers;       // "senior", "top": "a senior French official"
  std::vector<std::string> non_holder_modifiers; // "former", "deputy": not the holder
  std::vector<std::string> past_modifiers;       // "former", "then": an office no longer held
  std::vector<std::string> not_name_words;       // "Monday", "University": no person's name
  std::vector<std::string> name_suffixes;        // "Jr", "III": end a person's name
  std::vector<std::string> role_body_words;      // "Senate", "opposition": a role not the state's
  std::vector<std::string> name_stopwords;       // "of", "the": lower-case inside a name
};

// Per ambiguous name: the cues that choose between the actor and its other reading.
struct Disambiguation {
  std::string actor;                        // GEO
  std::string name;                         // Georgia (empty: every name of the actor)
  std::string other;                        // what else it means ("US state")
  std::vector<std::string> other_before;    // word(s) right before -> other reading
  std::vector<std::string> other_after;     // word(s) right after -> other reading
  std::vector<std::string> other_context;   // anywhere in the article -> other reading
  std::vector<std::string> actor_context;   // anywhere in the article -> the actor
  bool personal_name = false;               // a capitalised neighbour makes it a person's name
};

// Phrases that stand for an organisation named elsewhere in the article: "the alliance"
// and "the allies" in a story about NATO, "the bloc" after the EU. The mention takes the
// actor of the nearest preceding mention of one of `actors` (else the first following);
// with none in the article the phrase is not an actor.
struct Reference {
  std::vector<std::string> phrases;     // matched case-sensitively as written (+capitalised, ALL CAPS)
  std::vector<std::string> actors;      // the organisations it can stand for
  std::vector<std::string> not_before;  // a word right before it makes it something else ("our allies")
  std::vector<std::string> not_after;   // word(s) right after it do too ("allies of Putin")
};

// A government's own website: there, a bare role ("the President", "THE PRESIDENT:", "the
// Vice President") is that actor's office holder, not the last foreign president named.
// `host` matches the URL's host exactly or as a suffix at a label boundary
// ("whitehouse.gov" matches "www.whitehouse.gov").
struct OfficialSite {
  std::string host;   // lower case: whitehouse.gov, bidenwhitehouse.archives.gov, kremlin.ru
  std::string actor;  // USA, RUS, NATO
};

class KnowledgeBase {
 public:
  KnowledgeBase() = default;

  // Every kb/*.yaml then actors/*.yaml under the data directory (util/data_path.h:
  // $FAULTLINE_DATA, the install prefix, the source tree). `with_kb` false loads only
  // actors/ (context words, CAMEO table), for users who bring their whole actor list
  // themselves.
  static Result<KnowledgeBase> LoadDefault(bool with_kb = true);

  // Adds one file: our YAML (.yaml/.yml), or a PETRARCH or TABARI actor dictionary
  // (sniffed from its content). Later files extend earlier ones: an actor or person
  // defined again gets the new names and roles added.
  Status AddFile(const std::string& path);
  // The same from text in memory; `name` is used in error messages and to sniff.
  Status AddText(const std::string& text, const std::string& name);

  // Lookups. Pointers stay valid until the next Add*.
  const Actor* FindActor(std::string_view code) const;
  const Group* FindGroup(std::string_view code) const;
  const Person* FindPerson(std::string_view name) const;
  const RoleDef* FindRole(std::string_view role) const;
  // The role `person` holds on `date` (full ISO), the first listed if several; null if none.
  const RoleTerm* RoleOn(const Person& person, std::string_view date) const;
  // The people holding `role` for `actor` on `date`.
  std::vector<const Person*> HoldersOf(std::string_view actor, std::string_view role,
                                       std::string_view date) const;
  // The actor code a CAMEO code stands for ("FRAGOV" -> FRA, "IGOUNO" -> UN), or empty.
  std::string ActorForCameo(std::string_view cameo) const;
  // The CAMEO code of one of our actors: a state's own alpha-3 code (CAMEO uses ISO
  // 3166-1), else the longest code the CAMEO table maps to it (NATO -> IGOWSTNAT), else empty.
  std::string CameoFor(std::string_view actor) const;
  // The code an imported entry stands for on `date` (PETRARCH semantics: the first dated
  // restriction that holds, else the default code); empty date: the default code, or the
  // single actor every code maps to.
  std::string CodeOn(const DictionaryEntry& entry, std::string_view date) const;

  const std::vector<Actor>& actors() const { return actors_; }
  const std::vector<Group>& groups() const { return groups_; }
  const std::vector<RoleDef>& roles() const { return roles_; }
  const std::vector<Person>& people() const { return people_; }
  const std::vector<DictionaryEntry>& dictionary() const { return dictionary_; }
  const std::vector<Disambiguation>& disambiguations() const { return disambiguations_; }
  const std::vector<Reference>& references() const { return references_; }
  const std::vector<OfficialSite>& official_sites() const { return official_sites_; }
  // The actor whose official site `url` (or a bare host) is, or empty: the first
  // `official_sites` entry whose host is the URL's host or a suffix of it at a dot.
  std::string SiteActor(std::string_view url) const;
  const ContextWords& context() const { return context_; }
  const std::vector<std::string>& files() const { return files_; }

 private:
  friend class KbYamlReader;
  friend class KbDictionaryReader;

  Actor& ActorSlot(const std::string& code);
  Person& PersonSlot(const std::string& name);

  std::vector<Actor> actors_;
  std::vector<Group> groups_;
  std::vector<RoleDef> roles_;
  std::vector<Person> people_;
  std::vector<DictionaryEntry> dictionary_;
  std::vector<Disambiguation> disambiguations_;
  std::vector<Reference> references_;
  std::vector<OfficialSite> official_sites_;
  ContextWords context_;
  std::map<std::string, std::string, std::less<>> cameo_;  // CAMEO prefix -> actor code
  std::unordered_map<std::string, size_t> actor_index_;
  std::unordered_map<std::string, size_t> group_index_;
  std::unordered_map<std::string, size_t> person_index_;
  std::vector<std::string> files_;
};

// An actor's CAMEO code completed by an agent code: ("EGY", "~GOV") -> "EGYGOV",
// ("EGY", "NGO~") -> "NGOEGY". Empty when either is empty.
std::string CombineAgent(std::string_view cameo, std::string_view agent);

// True for a full ISO date "YYYY-MM-DD".
bool IsIsoDate(std::string_view s);

}  // namespace faultline
