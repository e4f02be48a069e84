#include "test_paths.h"

#include <sys/wait.h>

#include <cstdio>
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

std::string RunFaultline(const std::string& args, int* rc, bool with_stderr) {
  std::string out;
  std::string cmd(1, '\'');
  cmd += Binary();
  cmd += "' ";
  cmd += args;
  cmd += with_stderr ? " 2>&1" : " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) {
    *rc = -1;
    return out;
  }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  *rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

}  // namespace faultline::testing
