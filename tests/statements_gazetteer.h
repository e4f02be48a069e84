// Test helper: a plain gazetteer over data/kb/*.yaml that turns names, adjectives,
// metonyms, group names and people's names into Mentions, so the statement rules can be
// tested on whole articles without the actor recognizer (which resolves roles by date,
// coreference and ambiguity; this helper does none of that). Test-only.
#pragma once

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "actors/mention.h"

namespace faultline::testing {

class Gazetteer {
 public:
  explicit Gazetteer(const std::string& kb_dir) {
    for (const auto& e : std::filesystem::directory_iterator(kb_dir)) {
      if (e.path().extension() != ".yaml") continue;
      YAML::Node root = YAML::LoadFile(e.path().string());
      if (root["actors"])
        for (const auto& a : root["actors"]) {
          std::string code = a["code"].as<std::string>();
          std::string kind = a["kind"] ? a["kind"].as<std::string>() : "state";
          for (const char* key : {"names", "historical", "adjectives", "metonyms", "demonyms"})
            if (a[key])
              for (const auto& n : a[key]) Add(n.as<std::string>(), {code}, "", kind);
        }
      if (root["groups"])
        for (const auto& g : root["groups"]) {
          std::string code = g["code"].as<std::string>();
          std::vector<std::string> members;
          if (g["vague"] && g["vague"].as<bool>()) members = {code};
          else if (g["members"])
            for (const auto& m : g["members"]) members.push_back(m.as<std::string>());
          if (g["names"])
            for (const auto& n : g["names"]) Add(n.as<std::string>(), members, code, "group");
        }
      if (root["people"])
        for (const auto& p : root["people"]) {
          std::string actor;
          if (p["actor"]) actor = p["actor"].as<std::string>();
          if (p["roles"])
            for (const auto& r : p["roles"])
              if (r["actor"]) actor = r["actor"].as<std::string>();  // the latest role
          if (actor.empty()) continue;
          std::string name = p["name"].as<std::string>();
          Add(name, {actor}, "", "person", name);
          if (p["aliases"])
            for (const auto& a : p["aliases"]) Add(a.as<std::string>(), {actor}, "", "person", name);
        }
    }
  }

  std::vector<Mention> Find(const std::string& text) const {
    std::vector<Mention> out;
    size_t i = 0;
    while (i < text.size()) {
      if (i > 0 && IsWordByte(text[i - 1])) { ++i; continue; }
      const Entry* best = nullptr;
      auto it = by_first_.find(text[i]);
      if (it != by_first_.end())
        for (const Entry& e : it->second)
          if (text.compare(i, e.name.size(), e.name) == 0 &&
              (i + e.name.size() >= text.size() || !IsWordByte(text[i + e.name.size()])) &&
              (best == nullptr || e.name.size() > best->name.size()))
            best = &e;
      if (best == nullptr) { ++i; continue; }
      Mention m;
      m.begin = i;
      m.end = i + best->name.size();
      m.surface = best->name;
      m.actors = best->actors;
      m.group = best->group;
      m.person = best->person;
      m.kind = best->kind;
      m.rule = "gazetteer";
      out.push_back(m);
      i = m.end;
    }
    return out;
  }

 private:
  struct Entry {
    std::string name;
    std::vector<std::string> actors;
    std::string group, kind, person;
  };
  static bool IsWordByte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  void Add(const std::string& name, std::vector<std::string> actors, std::string group, std::string kind,
           std::string person = {}) {
    if (name.empty() || actors.empty()) return;
    by_first_[name[0]].push_back(Entry{name, std::move(actors), std::move(group), std::move(kind), std::move(person)});
  }
  std::map<char, std::vector<Entry>> by_first_;
};

}  // namespace faultline::testing
