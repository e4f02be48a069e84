#include "stories/config.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "util/hash.h"

#include "util/data_path.h"

namespace faultline::stories {
namespace {

// Reads `key` under `node` into *out when present; a value of the wrong type is an
// error naming the key and its line.
template <typename T>
Status Read(const YAML::Node& node, const char* key, T* out, const std::string& path) {
  const YAML::Node n = node[key];
  if (!n) return Status::Ok();
  try {
    *out = n.as<T>();
  } catch (const YAML::Exception&) {
    return Status::Error(std::string("'") + key + "' has the wrong type", path, n.Mark().line + 1);
  }
  return Status::Ok();
}

}  // namespace

std::string StoryConfig::DefaultPath() { return DataFile("stories/similarity.yaml"); }

Result<StoryConfig> StoryConfig::Load(const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return Status::Error("cannot open the story settings", path);
  } catch (const YAML::Exception& e) {
    return Status::Error(std::string("not valid YAML: ") + e.what(), path, e.mark.line + 1);
  }
  if (!root.IsMap()) return Status::Error("story settings must be a YAML map", path);
  StoryConfig c;
  {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    c.fingerprint = FieldHasher().Add(bytes.str()).Hex();
  }
  const YAML::Node stop = root["stopwords"];
  if (stop) {
    if (!stop.IsSequence()) return Status::Error("'stopwords' must be a list", path, stop.Mark().line + 1);
    for (const auto& w : stop) {
      if (!w.IsScalar()) return Status::Error("'stopwords' must list words", path, w.Mark().line + 1);
      c.terms.stopwords.Intern(w.Scalar());
    }
  }
  Status s;
  auto read = [&](const YAML::Node& n, const char* key, auto* out) {
    if (s.ok() && n) s = Read(n, key, out, path);
  };
  const YAML::Node profile = root["profile"];
  read(profile, "min_length", &c.terms.min_length);
  read(profile, "max_terms", &c.max_terms);
  read(profile, "max_names", &c.max_names);
  read(profile, "max_numbers", &c.max_numbers);
  read(profile, "lead_words", &c.lead_words);
  read(profile, "index_terms", &c.index_terms);
  read(profile, "min_shared_index_terms", &c.min_shared_index_terms);
  read(profile, "max_candidates", &c.max_candidates);
  read(profile, "max_postings", &c.max_postings);
  const YAML::Node w = root["weights"];
  read(w, "intercept", &c.weights.intercept);
  read(w, "text", &c.weights.text);
  read(w, "lead", &c.weights.lead);
  read(w, "names", &c.weights.names);
  read(w, "numbers", &c.weights.numbers);
  const YAML::Node adj = root["adjustments"];
  read(adj, "near_copy", &c.near_copy);
  read(adj, "near_copy_score", &c.near_copy_score);
  read(adj, "grace_days", &c.grace_days);
  read(adj, "penalty_per_doubling", &c.penalty_per_doubling);
  read(adj, "max_time_penalty", &c.max_time_penalty);
  read(adj, "short_words", &c.short_words);
  read(adj, "prior", &c.prior);
  const YAML::Node cl = root["clustering"];
  read(cl, "threshold", &c.threshold);
  read(cl, "same_origin_bonus", &c.same_origin_bonus);
  read(cl, "window_days", &c.window_days);
  if (!s.ok()) return s;
  if (c.max_terms == 0 || c.index_terms == 0 || c.index_terms > c.max_terms)
    return Status::Error("profile: index_terms must be between 1 and max_terms", path);
  if (c.max_candidates == 0 || c.max_postings == 0)
    return Status::Error("profile: max_candidates and max_postings must be at least 1", path);
  if (c.threshold <= 0 || c.threshold > 1) return Status::Error("clustering: threshold must be in (0, 1]", path);
  if (c.window_days < 0) return Status::Error("clustering: window_days must be >= 0", path);
  return c;
}

}  // namespace faultline::stories
