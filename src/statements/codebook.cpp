#include "statements/codebook.h"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <map>
#include <set>

#include "util/data_path.h"
#include "util/yaml_fields.h"

namespace faultline {

std::string Codebook::DefaultPath() { return DataFile("codebooks/security.yaml"); }

int Codebook::FindIssue(const std::string& id) const {
  for (size_t i = 0; i < issues_.size(); ++i)
    if (issues_[i].id == id) return static_cast<int>(i);
  return -1;
}

Result<Codebook> Codebook::Load(const std::string& path, const IrregularForms& irregular) {
  YAML::Node root;
  if (Status s = yaml::LoadFile(path, "codebook", &root); !s.ok()) return s;
  Codebook cb;
  if (!root.IsMap() || !root["issues"] || !root["issues"].IsSequence())
    return Status::Error("a codebook needs a list under 'issues'", path);
  cb.name_ = path;
  if (Status s = yaml::GetString(root, "name", path, &cb.name_); !s.ok()) return s;
  std::set<std::string> seen;
  std::map<std::string, std::string> generic_as;  // issue id -> the id its generic_as names
  for (const auto& node : root["issues"]) {
    const int line = node.Mark().line + 1;
    auto fail = [&](const std::string& why) { return Status::Error(why, path, line); };
    if (!node.IsMap() || !node["id"]) return fail("an issue needs an 'id'");
    Issue issue;
    Status s = yaml::GetString(node, "id", path, &issue.id);
    if (!s.ok()) return s;
    if (!seen.insert(issue.id).second) return fail("duplicate issue id '" + issue.id + "'");
    if (s.ok()) s = yaml::GetString(node, "label", path, &issue.label);
    if (s.ok()) s = yaml::GetString(node, "proposition", path, &issue.proposition);
    if (s.ok()) s = yaml::GetStringList(node, "when_actor", path, &issue.when_actor);
    if (s.ok()) s = yaml::GetStringList(node, "unless_actor", path, &issue.unless_actor);
    if (s.ok()) s = yaml::GetStringList(node, "target_actor", path, &issue.target_actor);
    if (s.ok()) s = yaml::GetStringList(node, "target_verbs", path, &issue.target_verbs);
    if (s.ok()) s = yaml::GetStringList(node, "buyer_words", path, &issue.buyer_words);
    if (s.ok()) s = yaml::GetStringList(node, "adversaries", path, &issue.adversaries);
    if (s.ok()) s = yaml::GetStringList(node, "holders", path, &issue.holders);
    if (s.ok()) s = yaml::GetStringList(node, "other_subjects", path, &issue.other_subjects);
    if (s.ok()) s = yaml::GetStringList(node, "other_bodies", path, &issue.other_bodies);
    if (s.ok()) s = yaml::GetInt(node, "other_debate_ratio", path, &issue.other_debate_ratio);
    if (s.ok()) s = yaml::GetStringList(node, "topic_words", path, &issue.topic_words);
    if (s.ok()) s = yaml::GetStringList(node, "document_actors", path, &issue.document_actors);
    if (s.ok()) s = yaml::GetStringList(node, "not_followed_by", path, &issue.not_followed_by);
    if (s.ok()) s = yaml::GetStringList(node, "not_preceded_by", path, &issue.not_preceded_by);
    if (s.ok()) s = yaml::GetStringList(node, "not_object_of", path, &issue.not_object_of);
    if (s.ok()) s = yaml::GetStringList(node, "other_topics", path, &issue.other_topics);
    if (s.ok()) s = yaml::GetBool(node, "held_by_modifier", path, &issue.held_by_modifier);
    if (s.ok()) s = yaml::GetStringList(node, "held_by_possessor", path, &issue.held_by_possessor);
    if (s.ok()) s = yaml::GetStringList(node, "participants_after", path, &issue.participants_after);
    if (s.ok()) s = yaml::GetStringList(node, "participants_include", path, &issue.participants_include);
    if (s.ok()) s = yaml::GetStringList(node, "partners_after", path, &issue.partners_after);
    if (s.ok()) s = yaml::GetStringList(node, "generic_as_words", path, &issue.generic_as_words);
    if (s.ok()) s = yaml::GetStringList(node, "kind_words", path, &issue.kind_words);
    if (s.ok()) s = yaml::GetString(node, "generic_as", path, &generic_as[issue.id]);
    if (!s.ok()) return s;
    if (node["actor_scope"]) {
      std::string scope;
      if (s = yaml::GetString(node, "actor_scope", path, &scope); !s.ok()) return s;
      if (scope != "clause" && scope != "sentence" && scope != "context")
        return fail("actor_scope must be 'clause', 'sentence' or 'context'");
      issue.scope = scope == "context" ? 2 : scope == "sentence" ? 1 : 0;
    }
    if (node["generic_terms"] && (generic_as[issue.id].empty() || issue.generic_as_words.empty()))
      return fail("'generic_terms' need 'generic_as' and 'generic_as_words'");
    for (auto* words : {&issue.topic_words, &issue.target_verbs, &issue.buyer_words, &issue.generic_as_words,
                        &issue.kind_words})
      for (auto& w : *words)
        for (auto& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (node["topic_terms"] && issue.topic_words.empty()) return fail("'topic_terms' need 'topic_words'");
    const int idx = static_cast<int>(cb.issues_.size());
    cb.issues_.push_back(issue);

    auto add_terms = [&](const char* key, Inflect inflect, int polarity, bool needs_topic = false,
                         bool generic = false) -> Status {
      std::vector<std::string> list;
      Status st = yaml::GetStringList(node, key, path, &list);
      if (!st.ok()) return st;
      for (const auto& t : list) {
        const int payload = static_cast<int>(cb.term_entries_.size());
        st = cb.terms_.Add(t, inflect, payload, irregular);
        if (!st.ok()) return st;
        cb.term_entries_.push_back(IssueTerm{idx, polarity, -1, t, inflect == Inflect::kVerb, needs_topic, generic});
      }
      return Status::Ok();
    };
    s = add_terms("terms", Inflect::kNounPlural, 1);
    if (s.ok()) s = add_terms("verb_terms", Inflect::kVerb, 1);
    if (s.ok()) s = add_terms("against_terms", Inflect::kNounPlural, -1);
    if (s.ok()) s = add_terms("against_verb_terms", Inflect::kVerb, -1);
    if (s.ok()) s = add_terms("topic_terms", Inflect::kNounPlural, 1, true);
    if (s.ok()) s = add_terms("generic_terms", Inflect::kNounPlural, 1, false, true);
    if (!s.ok()) return s.file().empty() ? fail(s.reason()) : s;
    if (cb.term_entries_.empty() || cb.term_entries_.back().issue != idx)
      return fail("issue '" + issue.id + "' has no terms");

    if (const YAML::Node acts = node["acts"]) {
      if (!acts.IsSequence()) return fail("'acts' must be a list");
      for (const auto& a : acts) {
        if (!a.IsMap()) return fail("an act needs 'verbs' or 'nouns'");
        int stance = 1;
        if (s = yaml::GetInt(a, "stance", path, &stance); !s.ok()) return s;
        if (stance != 1 && stance != -1) return fail("an act's stance must be 1 or -1");
        std::vector<std::string> verbs, nouns, objects;
        s = yaml::GetStringList(a, "verbs", path, &verbs);
        if (s.ok()) s = yaml::GetStringList(a, "nouns", path, &nouns);
        if (s.ok()) s = yaml::GetStringList(a, "objects", path, &objects);
        bool only_objects = false;
        if (s.ok()) s = yaml::GetBool(a, "only_objects", path, &only_objects);
        if (!s.ok()) return s;
        if (verbs.empty() && nouns.empty()) return fail("an act needs 'verbs' or 'nouns'");
        if (only_objects && objects.empty()) return fail("an act with 'only_objects' needs 'objects'");
        const int act_index = static_cast<int>(cb.act_entries_.size());
        // One act entry per act; several patterns share its payload.
        cb.act_entries_.push_back(
            IssueAct{idx, stance, verbs.empty() ? nouns.front() : verbs.front(), only_objects});
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
  // generic_as names an issue that may come later in the file
  for (Issue& issue : cb.issues_) {
    const std::string& to = generic_as[issue.id];
    if (to.empty()) continue;
    issue.generic_as = cb.FindIssue(to);
    if (issue.generic_as < 0 || to == issue.id)
      return Status::Error("issue '" + issue.id + "': generic_as '" + to + "' is no other issue", path);
  }
  return cb;
}

}  // namespace faultline
