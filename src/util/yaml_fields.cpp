#include "util/yaml_fields.h"

#include <sys/stat.h>

namespace faultline::yaml {
namespace {

const char* ShapeOf(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Null: return "empty";
    default: return "a value";
  }
}

Status Wrong(const YAML::Node& n, const char* key, const std::string& path, const std::string& want) {
  std::string got = ShapeOf(n);
  if (n.IsScalar()) got = std::string("\"").append(n.Scalar()).append("\"");
  // Built by append: g++ 12 warns (-Wrestrict, a false positive) on "literal" + std::string&&.
  return Status::Error(std::string("'").append(key).append("' must be ").append(want).append(", not ").append(got),
                       path, LineOf(n));
}

// A scalar converted to T, or an error naming the key.
template <typename T>
Status Get(const YAML::Node& map, const char* key, const std::string& path, const std::string& want, T* out) {
  if (!map.IsMap()) return Status::Ok();
  const YAML::Node n = map[key];
  if (!n) return Status::Ok();
  if (!n.IsScalar()) return Wrong(n, key, path, want);
  T v;
  if (!YAML::convert<T>::decode(n, v)) return Wrong(n, key, path, want);
  *out = v;
  return Status::Ok();
}

}  // namespace

int LineOf(const YAML::Node& node) {
  const YAML::Mark m = node.Mark();
  return m.is_null() ? 0 : m.line + 1;
}

Status LoadFile(const std::string& path, const char* what, YAML::Node* root) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return Status::Error(std::string("cannot open ") + what, path);
  if (S_ISDIR(st.st_mode)) return Status::Error(std::string("is a directory, not a ") + what + " file", path);
  if (!S_ISREG(st.st_mode)) return Status::Error(std::string("not a regular file (a ") + what + " file is expected)", path);
  try {
    *root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return Status::Error(std::string("cannot open ") + what, path);
  } catch (const YAML::Exception& e) {
    return Status::Error(std::string("not a valid YAML ") + what + ": " + e.msg, path,
                         e.mark.is_null() ? 0 : e.mark.line + 1);
  }
  return Status::Ok();
}

Status GetString(const YAML::Node& map, const char* key, const std::string& path, std::string* out) {
  return Get(map, key, path, "a string", out);
}

Status GetBool(const YAML::Node& map, const char* key, const std::string& path, bool* out) {
  return Get(map, key, path, "true or false", out);
}

Status GetInt(const YAML::Node& map, const char* key, const std::string& path, int* out) {
  return Get(map, key, path, "a whole number", out);
}

Status GetDouble(const YAML::Node& map, const char* key, const std::string& path, double* out) {
  return Get(map, key, path, "a number", out);
}

Status GetStringList(const YAML::Node& map, const char* key, const std::string& path,
                     std::vector<std::string>* out) {
  if (!map.IsMap()) return Status::Ok();
  const YAML::Node n = map[key];
  if (!n) return Status::Ok();
  if (n.IsScalar()) {
    out->push_back(n.Scalar());
    return Status::Ok();
  }
  if (!n.IsSequence()) return Wrong(n, key, path, "a string or a list of strings");
  for (const auto& x : n)
    if (!x.IsScalar()) return Wrong(x, key, path, "a list of strings");
  for (const auto& x : n) out->push_back(x.Scalar());
  return Status::Ok();
}

}  // namespace faultline::yaml
