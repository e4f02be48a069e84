// Reads our knowledge-base YAML (KB_FORMAT.md). yaml-cpp reports problems by throwing;
// every exception is caught here and turned into a Status naming the file and line.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "actors/kb_readers.h"
#include "util/ascii.h"

namespace faultline {

namespace {

// yaml-cpp marks are 0-based; editors count from 1.
int64_t LineOf(const YAML::Node& n) { return n.Mark().line >= 0 ? n.Mark().line + 1 : 0; }

struct Problem {
  std::string reason;
  int64_t line;
};

std::string Scalar(const YAML::Node& entry, const char* key, bool required = false) {
  const YAML::Node v = entry[key];
  if (!v || v.IsNull()) {
    if (required) throw Problem{std::string("missing '") + key + "'", LineOf(entry)};
    return {};
  }
  if (!v.IsScalar()) throw Problem{std::string("'") + key + "' must be a single value", LineOf(v)};
  return v.Scalar();
}

bool Bool(const YAML::Node& entry, const char* key) {
  const YAML::Node v = entry[key];
  if (!v || v.IsNull()) return false;
  if (!v.IsScalar()) throw Problem{std::string("'") + key + "' must be true or false", LineOf(v)};
  const std::string s = v.Scalar();
  if (s == "true" || s == "yes") return true;
  if (s == "false" || s == "no") return false;
  throw Problem{std::string("'") + key + "' must be true or false, not '" + s + "'", LineOf(v)};
}

std::vector<std::string> List(const YAML::Node& entry, const char* key) {
  std::vector<std::string> out;
  const YAML::Node v = entry[key];
  if (!v || v.IsNull()) return out;
  if (v.IsScalar()) {
    out.push_back(v.Scalar());
    return out;
  }
  if (!v.IsSequence()) throw Problem{std::string("'") + key + "' must be a list", LineOf(v)};
  for (const auto& item : v) {
    if (!item.IsScalar())
      throw Problem{std::string("'") + key + "' must list plain strings", LineOf(item)};
    if (!item.Scalar().empty()) out.push_back(item.Scalar());
  }
  return out;
}

void Append(std::vector<std::string>* to, const std::vector<std::string>& more) {
  for (const auto& s : more)
    if (std::find(to->begin(), to->end(), s) == to->end()) to->push_back(s);
}

std::string Date(const YAML::Node& entry, const char* key) {
  std::string d = Scalar(entry, key);
  if (!d.empty() && !IsIsoDate(d))
    throw Problem{std::string("'") + key + "' must be an ISO date YYYY-MM-DD, not '" + d + "'",
                  LineOf(entry[key])};
  return d;
}

void ExpectSequence(const YAML::Node& n, const char* key) {
  if (!n.IsSequence())
    throw Problem{std::string("top-level '") + key + "' must be a list of entries", LineOf(n)};
}

void ExpectMap(const YAML::Node& n, const char* what) {
  if (!n.IsMap()) throw Problem{std::string(what) + " must be a map of fields", LineOf(n)};
  // yaml-cpp keeps the first of two equal keys and says nothing: an entry missing its
  // "- name:" line would silently lose its fields to the entry above.
  std::set<std::string> keys;
  for (const auto& kv : n)
    if (kv.first.IsScalar() && !keys.insert(kv.first.Scalar()).second)
      throw Problem{std::string(what) + " has '" + kv.first.Scalar() + "' twice",
                    LineOf(kv.first)};
}

// One term of a person's "roles" list.
RoleTerm ReadKbRoleTerm(const YAML::Node& r) {
  ExpectMap(r, "a role term");
  RoleTerm t;
  t.actor = Scalar(r, "actor", true);
  t.role = Scalar(r, "role", true);
  t.title = Scalar(r, "title");
  t.from = Date(r, "from");
  t.to = Date(r, "to");
  if (!t.from.empty() && !t.to.empty() && t.to < t.from) throw Problem{"'to' is before 'from'", LineOf(r)};
  return t;
}

}  // namespace

Status KbYamlReader::Read(const std::string& text) {
  try {
    const YAML::Node root = YAML::Load(text);
    if (!root || root.IsNull()) return Status::Ok();  // an empty file adds nothing
    if (!root.IsMap())
      return Status::Error("a knowledge-base file must be a map of top-level keys", file_,
                           LineOf(root));
    static const std::set<std::string> kIgnored = {"meta", "version", "notes", "sources"};
    for (const auto& kv : root) {
      const std::string key = kv.first.Scalar();
      const YAML::Node& body = kv.second;
      if (key == "actors") {
        ReadActors(body);
      } else if (key == "groups") {
        ReadGroups(body);
      } else if (key == "roles") {
        ReadRoles(body);
      } else if (key == "people") {
        ReadPeople(body);
      } else if (key == "context") {
        ReadContext(body);
      } else if (key == "disambiguation") {
        ReadDisambiguations(body);
      } else if (key == "references") {
        ReadReferences(body);
      } else if (key == "official_sites") {
        ReadOfficialSites(body);
      } else if (key == "cameo") {
        ReadCameo(body);
      } else if (kIgnored.count(key) == 0) {
        return Status::Error("unknown top-level key '" + key +
                                 "' (expected actors, groups, roles, people, context, "
                                 "disambiguation, references, official_sites or cameo)",
                             file_, LineOf(kv.first));
      }
    }
  } catch (const Problem& p) {
    return Status::Error(p.reason, file_, p.line);
  } catch (const YAML::Exception& e) {
    return Status::Error("YAML: " + e.msg, file_, e.mark.line >= 0 ? e.mark.line + 1 : 0);
  }
  return Status::Ok();
}

// Actors merge by code: a later entry adds names and replaces the kind, parent or capital
// it gives.
void KbYamlReader::ReadActors(const YAML::Node& body) {
  KnowledgeBase& kb = *kb_;
  ExpectSequence(body, "actors");
  for (const auto& e : body) {
    ExpectMap(e, "an actor");
    const std::string code = Scalar(e, "code", true);
    Actor& a = kb.ActorSlot(code);
    if (a.source.empty()) a.source = Where(LineOf(e));
    if (auto k = Scalar(e, "kind"); !k.empty()) {
      if (k != "state" && k != "org" && k != "body")
        throw Problem{"kind must be state, org or body, not '" + k + "'", LineOf(e["kind"])};
      a.kind = k;
    }
    if (auto p = Scalar(e, "parent"); !p.empty()) a.parent = p;
    if (auto c = Scalar(e, "capital"); !c.empty()) a.capital = c;
    Append(&a.names, List(e, "names"));
    Append(&a.historical, List(e, "historical"));
    Append(&a.adjectives, List(e, "adjectives"));
    Append(&a.demonyms, List(e, "demonyms"));
    Append(&a.metonyms, List(e, "metonyms"));
    a.ambiguous = a.ambiguous || Bool(e, "ambiguous");
  }
}

// Groups merge by code like actors; a group names its members unless it is vague.
void KbYamlReader::ReadGroups(const YAML::Node& body) {
  KnowledgeBase& kb = *kb_;
  ExpectSequence(body, "groups");
  for (const auto& e : body) {
    ExpectMap(e, "a group");
    const std::string code = Scalar(e, "code", true);
    auto it = kb.group_index_.find(code);
    if (it == kb.group_index_.end()) {
      it = kb.group_index_.emplace(code, kb.groups_.size()).first;
      kb.groups_.emplace_back();
      kb.groups_.back().code = code;
      kb.groups_.back().source = Where(LineOf(e));
    }
    Group& g = kb.groups_[it->second];
    Append(&g.names, List(e, "names"));
    Append(&g.members, List(e, "members"));
    g.vague = g.vague || Bool(e, "vague");
    if (!g.vague && g.members.empty())
      throw Problem{"group '" + code + "' needs members or vague: true", LineOf(e)};
  }
}

// Roles merge by name: a later entry adds nouns.
void KbYamlReader::ReadRoles(const YAML::Node& body) {
  KnowledgeBase& kb = *kb_;
  ExpectSequence(body, "roles");
  for (const auto& e : body) {
    ExpectMap(e, "a role");
    const std::string role = Scalar(e, "role", true);
    auto it = std::find_if(kb.roles_.begin(), kb.roles_.end(),
                           [&](const RoleDef& r) { return r.role == role; });
    if (it == kb.roles_.end()) {
      kb.roles_.push_back(RoleDef{role, {}});
      it = kb.roles_.end() - 1;
    }
    Append(&it->nouns, List(e, "nouns"));
  }
}

// People merge by name; their role terms accumulate.
void KbYamlReader::ReadPeople(const YAML::Node& body) {
  KnowledgeBase& kb = *kb_;
  ExpectSequence(body, "people");
  for (const auto& e : body) {
    ExpectMap(e, "a person");
    Person& p = kb.PersonSlot(Scalar(e, "name", true));
    if (p.source.empty()) p.source = Where(LineOf(e));
    Append(&p.aliases, List(e, "aliases"));
    if (auto a = Scalar(e, "actor"); !a.empty()) p.actor = a;
    if (const YAML::Node roles = e["roles"]; roles && !roles.IsNull()) {
      if (!roles.IsSequence()) throw Problem{"'roles' must be a list", LineOf(roles)};
      for (const auto& r : roles) p.roles.push_back(ReadKbRoleTerm(r));
    }
  }
}

// The context word lists, each added to what earlier files gave.
void KbYamlReader::ReadContext(const YAML::Node& body) {
  ExpectMap(body, "'context'");
  ContextWords& c = kb_->context_;
  Append(&c.political_verbs, List(body, "political_verbs"));
  Append(&c.auxiliaries, List(body, "auxiliaries"));
  Append(&c.place_prepositions, List(body, "place_prepositions"));
  Append(&c.actor_prepositions, List(body, "actor_prepositions"));
  Append(&c.motion_words, List(body, "motion_words"));
  Append(&c.place_nouns, List(body, "place_nouns"));
  Append(&c.position_nouns, List(body, "position_nouns"));
  Append(&c.apposition_heads, List(body, "apposition_heads"));
  Append(&c.honorifics, List(body, "honorifics"));
  Append(&c.titles, List(body, "titles"));
  Append(&c.person_institutions, List(body, "person_institutions"));
  Append(&c.pronouns, List(body, "pronouns"));
  Append(&c.pair_phrases, List(body, "pair_phrases"));
  Append(&c.compound_prefixes, List(body, "compound_prefixes"));
  Append(&c.legislator_heads, List(body, "legislator_heads"));
  Append(&c.person_body_heads, List(body, "person_body_heads"));
  Append(&c.role_modifiers, List(body, "role_modifiers"));
  Append(&c.name_stopwords, List(body, "name_stopwords"));
  Append(&c.not_name_words, List(body, "not_name_words"));
  Append(&c.non_holder_modifiers, List(body, "non_holder_modifiers"));
  Append(&c.past_modifiers, List(body, "past_modifiers"));
  Append(&c.name_suffixes, List(body, "name_suffixes"));
  Append(&c.role_body_words, List(body, "role_body_words"));
}

void KbYamlReader::ReadDisambiguations(const YAML::Node& body) {
  ExpectSequence(body, "disambiguation");
  for (const auto& e : body) {
    ExpectMap(e, "a disambiguation entry");
    Disambiguation d;
    d.actor = Scalar(e, "actor", true);
    d.name = Scalar(e, "name");
    d.other = Scalar(e, "other");
    d.other_before = List(e, "other_before");
    d.other_after = List(e, "other_after");
    d.other_context = List(e, "other_context");
    d.actor_context = List(e, "actor_context");
    d.personal_name = Bool(e, "personal_name");
    kb_->disambiguations_.push_back(std::move(d));
  }
}

void KbYamlReader::ReadReferences(const YAML::Node& body) {
  ExpectSequence(body, "references");
  for (const auto& e : body) {
    ExpectMap(e, "a references entry");
    Reference r;
    r.phrases = List(e, "phrases");
    r.actors = List(e, "actors");
    if (r.phrases.empty() || r.actors.empty())
      throw Problem{"a references entry needs phrases and actors", LineOf(e)};
    r.not_before = List(e, "not_before");
    r.not_after = List(e, "not_after");
    kb_->references_.push_back(std::move(r));
  }
}

// Hosts are stored lower-case (ASCII).
void KbYamlReader::ReadOfficialSites(const YAML::Node& body) {
  ExpectSequence(body, "official_sites");
  for (const auto& e : body) {
    ExpectMap(e, "an official_sites entry");
    OfficialSite site;
    site.host = Scalar(e, "host", true);
    site.actor = Scalar(e, "actor", true);
    site.host = AsciiLower(site.host);
    kb_->official_sites_.push_back(std::move(site));
  }
}

// CAMEO code -> actor code; a later mapping of a code replaces an earlier one.
void KbYamlReader::ReadCameo(const YAML::Node& body) {
  ExpectMap(body, "'cameo'");
  for (const auto& kv : body) {
    if (!kv.second.IsScalar())
      throw Problem{"cameo entries map a CAMEO code to one actor code", LineOf(kv.second)};
    kb_->cameo_[kv.first.Scalar()] = kv.second.Scalar();
  }
}

}  // namespace faultline
