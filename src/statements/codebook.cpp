#include "statements/codebook.h"

#include <yaml-cpp/yaml.h>

#include <set>

#include "util/data_path.h"

namespace faultline {
namespace {

Status StringList(const YAML::Node& node, const char* key, std::vector<std::string>* out) {
  const YAML::Node n = node[key];
  if (!n) return Status::Ok();
  if (n.IsScalar()) {
    out->push_back(n.as<std::string>());
    return Status::Ok();
  }
  if (!n.IsSequence()) return Status::Error(std::string("'") + key + "' must be a list of strings");
  for (const auto& x : n) {
    if (!x.IsScalar()) return Status::Error(std::string("'") + key + "' must be a list of strings");
    out->push_back(x.as<std::string>());
  }
  return Status::Ok();
}

}  // namespace

std::string Codebook::DefaultPath() { return DataFile("codebooks/security.yaml"); }

int Codebook::FindIssue(const std::string& id) const {
  for (size_t i = 0; i < issues_.size(); ++i)
    if (issues_[i].id == id) return static_cast<int>(i);
  return -1;
}

Result<Codebook> Codebook::Load(const std::string& path, const IrregularForms& irregular) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return Status::Error("cannot open codebook", path);
  } catch (const YAML::Exception& e) {
    return Status::Error(std::string("not a valid YAML codebook: ") + e.what(), path, e.mark.line + 1);
  }
  Codebook cb;
  if (!root.IsMap() || !root["issues"] || !root["issues"].IsSequence())
    return Status::Error("a codebook needs a list under 'issues'", path);
  cb.name_ = root["name"] ? root["name"].as<std::string>() : path;
  std::set<std::string> seen;
  for (const auto& node : root["issues"]) {
    const int line = node.Mark().line + 1;
    auto fail = [&](const std::string& why) { return Status::Error(why, path, line); };
    if (!node.IsMap() || !node["id"]) return fail("an issue needs an 'id'");
    Issue issue;
    issue.id = node["id"].as<std::string>();
    if (!seen.insert(issue.id).second) return fail("duplicate issue id '" + issue.id + "'");
    if (node["label"]) issue.label = node["label"].as<std::string>();
    if (node["proposition"]) issue.proposition = node["proposition"].as<std::string>();
    Status s = StringList(node, "when_actor", &issue.when_actor);
    if (s.ok()) s = StringList(node, "unless_actor", &issue.unless_actor);
    if (s.ok()) s = StringList(node, "target_actor", &issue.target_actor);
    if (s.ok()) s = StringList(node, "not_followed_by", &issue.not_followed_by);
    if (s.ok()) s = StringList(node, "not_preceded_by", &issue.not_preceded_by);
    if (!s.ok()) return fail(s.reason());
    if (node["held_by_modifier"]) issue.held_by_modifier = node["held_by_modifier"].as<bool>();
    if (node["actor_scope"]) {
      const std::string scope = node["actor_scope"].as<std::string>();
      if (scope != "clause" && scope != "sentence" && scope != "context")
        return fail("actor_scope must be 'clause', 'sentence' or 'context'");
      issue.scope = scope == "context" ? 2 : scope == "sentence" ? 1 : 0;
    }
    const int idx = static_cast<int>(cb.issues_.size());
    cb.issues_.push_back(issue);

    auto add_terms = [&](const char* key, Inflect inflect, int polarity) -> Status {
      std::vector<std::string> list;
      Status st = StringList(node, key, &list);
      if (!st.ok()) return st;
      for (const auto& t : list) {
        const int payload = static_cast<int>(cb.term_entries_.size());
        st = cb.terms_.Add(t, inflect, payload, irregular);
        if (!st.ok()) return st;
        cb.term_entries_.push_back(IssueTerm{idx, polarity, -1, t, inflect == Inflect::kVerb});
      }
      return Status::Ok();
    };
    s = add_terms("terms", Inflect::kNounPlural, 1);
    if (s.ok()) s = add_terms("verb_terms", Inflect::kVerb, 1);
    if (s.ok()) s = add_terms("against_terms", Inflect::kNounPlural, -1);
    if (s.ok()) s = add_terms("against_verb_terms", Inflect::kVerb, -1);
    if (!s.ok()) return fail(s.reason());
    if (cb.term_entries_.empty() || cb.term_entries_.back().issue != idx)
      return fail("issue '" + issue.id + "' has no terms");

    if (const YAML::Node acts = node["acts"]) {
      if (!acts.IsSequence()) return fail("'acts' must be a list");
      for (const auto& a : acts) {
        if (!a.IsMap()) return fail("an act needs 'verbs' or 'nouns'");
        int stance = a["stance"] ? a["stance"].as<int>() : 1;
        if (stance != 1 && stance != -1) return fail("an act's stance must be 1 or -1");
        std::vector<std::string> verbs, nouns, objects;
        s = StringList(a, "verbs", &verbs);
        if (s.ok()) s = StringList(a, "nouns", &nouns);
        if (s.ok()) s = StringList(a, "objects", &objects);
        if (!s.ok()) return fail(s.reason());
        if (verbs.empty() && nouns.empty()) return fail("an act needs 'verbs' or 'nouns'");
        const int act_index = static_cast<int>(cb.act_entries_.size());
        // One act entry per act; several patterns share its payload.
        cb.act_entries_.push_back(IssueAct{idx, stance, verbs.empty() ? nouns.front() : verbs.front()});
        for (const auto& v : verbs)
          if (Status st = cb.acts_.Add(v, Inflect::kVerb, act_index, irregular); !st.ok()) return fail(st.reason());
        for (const auto& n : nouns)
          if (Status st = cb.acts_.Add(n, Inflect::kNone, act_index, irregular); !st.ok()) return fail(st.reason());
        for (const auto& o : objects) {
          const int payload = static_cast<int>(cb.term_entries_.size());
          if (Status st = cb.terms_.Add(o, Inflect::kNounPlural, payload, irregular); !st.ok())
            return fail(st.reason());
          cb.term_entries_.push_back(IssueTerm{idx, 1, act_index, o});
        }
      }
    }
  }
  if (cb.issues_.empty()) return Status::Error("the codebook has no issues", path);
  return cb;
}

}  // namespace faultline
