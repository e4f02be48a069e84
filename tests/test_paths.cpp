#include "test_paths.h"

#include <cstdlib>
#include <filesystem>

namespace faultline::testing {

std::string SourceDir() { return FAULTLINE_SOURCE_DIR; }
std::string Binary() { return FAULTLINE_BINARY; }

std::string SharedDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("FAULTLINE_SHARED"); env != nullptr && *env != '\0')
    return fs::is_directory(env) ? std::string(env) : std::string();
  fs::path p = fs::path(FAULTLINE_SOURCE_DIR).parent_path() / "shared";
  return fs::is_directory(p / "gold") ? p.string() : std::string();
}

}  // namespace faultline::testing
