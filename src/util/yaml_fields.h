// Typed values out of user-edited YAML (codebooks, knowledge bases, actor files, story
// settings) with errors that name the file, the line and the key, never yaml-cpp's
// exceptions: a list where a name belongs or "maybe" where a yes/no belongs is a
// mistake a user makes and must be told about in one line.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "util/status.h"

namespace faultline::yaml {

// Parses the YAML file at `path` into *root. `what` names the file's role ("codebook")
// in the errors: missing, a directory, not YAML (with the line of the mistake).
Status LoadFile(const std::string& path, const char* what, YAML::Node* root);

// The line (1-based) where `node` starts, 0 when unknown.
int LineOf(const YAML::Node& node);

// Each reads map[key] into *out when present and leaves *out alone when absent; a value of
// the wrong shape or type is an error naming `path`, the value's line and `key`.
Status GetString(const YAML::Node& map, const char* key, const std::string& path, std::string* out);
Status GetBool(const YAML::Node& map, const char* key, const std::string& path, bool* out);
Status GetInt(const YAML::Node& map, const char* key, const std::string& path, int* out);
Status GetDouble(const YAML::Node& map, const char* key, const std::string& path, double* out);
// A string or a list of strings, appended to *out.
Status GetStringList(const YAML::Node& map, const char* key, const std::string& path,
                     std::vector<std::string>* out);

}  // namespace faultline::yaml
