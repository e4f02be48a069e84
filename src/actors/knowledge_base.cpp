#include "actors/knowledge_base.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "actors/event_file_kind.h"
#include "actors/kb_readers.h"
#include "util/data_path.h"

namespace faultline {

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

bool RoleTerm::ValidOn(std::string_view date) const {
  if (!IsIsoDate(date)) return false;
  if (!from.empty() && date < std::string_view(from)) return false;
  if (!to.empty() && date >= std::string_view(to)) return false;
  return true;
}

bool DictionaryEntry::HasDates() const {
  for (const auto& c : codes)
    if (!c.default_code) return true;
  return false;
}

bool DictionaryEntry::LooksLikePerson() const {
  if (!HasDates()) return false;
  for (const auto& c : codes)
    if (c.code.size() == 3) return false;
  return true;
}

std::string KnowledgeBase::SiteActor(std::string_view url) const {
  if (official_sites_.empty() || url.empty()) return {};
  size_t b = url.find("://");
  b = b == std::string_view::npos ? 0 : b + 3;
  size_t e = url.find_first_of("/?#:", b);
  if (e == std::string_view::npos) e = url.size();
  std::string host(url.substr(b, e - b));
  if (const size_t at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
  for (auto& c : host)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  while (!host.empty() && host.back() == '.') host.pop_back();
  for (const auto& s : official_sites_) {
    const std::string& h = s.host;
    if (host == h) return s.actor;
    if (host.size() > h.size() && host.compare(host.size() - h.size(), h.size(), h) == 0 &&
        host[host.size() - h.size() - 1] == '.')
      return s.actor;
  }
  return {};
}

Result<KnowledgeBase> KnowledgeBase::LoadDefault(bool with_kb) {
  namespace fs = std::filesystem;
  KnowledgeBase kb;
  Result<std::string> data = DataDir();
  if (!data.ok()) return data.status();
  const fs::path root = *data;
  for (const char* sub : {"kb", "actors"}) {
    if (!with_kb && std::string(sub) == "kb") continue;
    const fs::path dir = root / sub;
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) {
      const auto ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      Status s = kb.AddFile(f.string());
      if (!s.ok()) return s;
    }
  }
  return kb;
}

Status KnowledgeBase::AddFile(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return Status::Error("cannot open knowledge-base file", path);
  if (S_ISDIR(st.st_mode)) return Status::Error("is a directory, not an actor file", path);
  if (!S_ISREG(st.st_mode)) return Status::Error("not a regular file (an actor file is expected)", path);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("cannot open knowledge-base file", path);
  std::stringstream ss;
  ss << in.rdbuf();
  return AddText(ss.str(), path);
}

Status KnowledgeBase::AddText(const std::string& text, const std::string& name) {
  Status s;
  const DictionaryFormat format = SniffFormat(text, name);
  if (format == DictionaryFormat::kYaml) {
    s = KbYamlReader(this, name).Read(text);
  } else {
    // Verbs, discards, code lists and TABARI's options and project files look like
    // dictionaries but name no actors: loading one would change nothing, silently. Say what
    // the file is instead.
    const EventFileKind kind = ClassifyEventFile(text);
    if (kind != EventFileKind::kActors && kind != EventFileKind::kAgents)
      return Status::Error("this is " + DescribeEventFileKind(kind) +
                               "; --actors takes actor dictionaries (YAML, PETRARCH or TABARI actors and agents)",
                           name);
    s = KbDictionaryReader(this, name, format).Read(text);
  }
  if (s.ok()) files_.push_back(name);
  return s;
}

Actor& KnowledgeBase::ActorSlot(const std::string& code) {
  auto it = actor_index_.find(code);
  if (it != actor_index_.end()) return actors_[it->second];
  actor_index_.emplace(code, actors_.size());
  actors_.emplace_back();
  actors_.back().code = code;
  return actors_.back();
}

Person& KnowledgeBase::PersonSlot(const std::string& name) {
  auto it = person_index_.find(name);
  if (it != person_index_.end()) return people_[it->second];
  person_index_.emplace(name, people_.size());
  people_.emplace_back();
  people_.back().name = name;
  return people_.back();
}

const Actor* KnowledgeBase::FindActor(std::string_view code) const {
  auto it = actor_index_.find(std::string(code));
  return it == actor_index_.end() ? nullptr : &actors_[it->second];
}

const Group* KnowledgeBase::FindGroup(std::string_view code) const {
  auto it = group_index_.find(std::string(code));
  return it == group_index_.end() ? nullptr : &groups_[it->second];
}

const Person* KnowledgeBase::FindPerson(std::string_view name) const {
  auto it = person_index_.find(std::string(name));
  return it == person_index_.end() ? nullptr : &people_[it->second];
}

const RoleDef* KnowledgeBase::FindRole(std::string_view role) const {
  for (const auto& r : roles_)
    if (r.role == role) return &r;
  return nullptr;
}

const RoleTerm* KnowledgeBase::RoleOn(const Person& person, std::string_view date) const {
  for (const auto& t : person.roles)
    if (t.ValidOn(date)) return &t;
  return nullptr;
}

std::vector<const Person*> KnowledgeBase::HoldersOf(std::string_view actor, std::string_view role,
                                                    std::string_view date) const {
  std::vector<const Person*> out;
  for (const auto& p : people_) {
    for (const auto& t : p.roles) {
      if (t.actor == actor && t.role == role && t.ValidOn(date)) {
        out.push_back(&p);
        break;
      }
    }
  }
  return out;
}

std::string KnowledgeBase::ActorForCameo(std::string_view cameo) const {
  // The longest prefix listed in the CAMEO table wins (IGOEUREEC before IGO).
  for (size_t n = cameo.size(); n >= 3; --n) {
    auto it = cameo_.find(cameo.substr(0, n));
    if (it != cameo_.end()) return it->second;
  }
  // Otherwise a state's own ISO alpha-3 code leads the CAMEO code: FRAGOV -> FRA.
  if (cameo.size() >= 3) {
    const Actor* a = FindActor(cameo.substr(0, 3));
    if (a != nullptr && a->kind == "state") return a->code;
  }
  return {};
}

std::string KnowledgeBase::CameoFor(std::string_view actor) const {
  const Actor* a = FindActor(actor);
  if (a != nullptr && a->kind == "state") return a->code;
  std::string best;
  for (const auto& [code, target] : cameo_)
    if (target == actor && code.size() > best.size()) best = code;
  return best;
}

std::string CombineAgent(std::string_view cameo, std::string_view agent) {
  const size_t tilde = agent.find('~');
  if (cameo.empty() || tilde == std::string_view::npos) return {};
  std::string out(agent.substr(0, tilde));
  out += cameo;
  out += agent.substr(tilde + 1);
  return out;
}

std::string DictionaryEntry::AgentCode() const {
  for (const auto& c : codes)
    if (c.code.find('~') != std::string::npos) return c.code;
  return {};
}

namespace {

bool CodeHolds(const DatedCode& c, std::string_view date) {
  if (!c.from.empty() && date < std::string_view(c.from)) return false;
  if (!c.to.empty() && date > std::string_view(c.to)) return false;
  return true;
}

}  // namespace

std::string KnowledgeBase::CodeOn(const DictionaryEntry& entry, std::string_view date) const {
  std::string fallback;
  for (const auto& c : entry.codes)
    if (c.default_code) fallback = c.code;  // the last default given wins, as in PETRARCH
  if (IsIsoDate(date)) {
    for (const auto& c : entry.codes)
      if (!c.default_code && CodeHolds(c, date)) return c.code;
    return fallback;
  }
  if (!fallback.empty()) return fallback;
  // No date: the entry's codes all point at one actor, whatever the date, or nothing.
  std::string only;
  for (const auto& c : entry.codes) {
    const std::string a = ActorForCameo(c.code);
    if (a.empty()) continue;
    if (!only.empty() && ActorForCameo(only) != a) return {};
    only = c.code;
  }
  return only;
}

}  // namespace faultline
