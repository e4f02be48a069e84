#include "util/data_path.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

// Set by CMake on this file only (so that changing the install prefix recompiles one file):
//   FAULTLINE_SOURCE_DATA_DIR  <source>/data
//   FAULTLINE_BUILD_DIR        the build tree
//   FAULTLINE_INSTALL_DATA_DIR <prefix>/share/faultline, absolute
//   FAULTLINE_DATA_FROM_BIN    share/faultline relative to <prefix>/bin
//   FAULTLINE_DATA_FROM_PYTHON share/faultline relative to the Python package directory
#if !defined(FAULTLINE_SOURCE_DATA_DIR) || !defined(FAULTLINE_BUILD_DIR) ||        \
    !defined(FAULTLINE_INSTALL_DATA_DIR) || !defined(FAULTLINE_DATA_FROM_BIN) || \
    !defined(FAULTLINE_DATA_FROM_PYTHON)
#error "data_path.cpp needs the install layout from CMake"
#endif

namespace faultline {
namespace {

namespace fs = std::filesystem;

struct Binary {
  fs::path path;          // canonical path of the executable or shared object holding this code
  bool shared_object = false;
};

// The file this code was loaded from: the executable, or the Python extension module
// when faultline runs inside an interpreter. /proc/self/exe names the executable;
// dladdr names the object that holds a given function.
Binary ThisBinary() {
  std::error_code ec;
  Binary b;
  const fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (!ec) b.path = exe;
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&DataSearchPath), &info) != 0 && info.dli_fname != nullptr &&
      info.dli_fname[0] == '/') {
    const fs::path object = fs::canonical(info.dli_fname, ec);
    if (!ec && (b.path.empty() || !fs::equivalent(object, b.path, ec))) {
      b.path = object;
      b.shared_object = true;
    }
  }
  return b;
}

bool InsideDir(const fs::path& file, const fs::path& dir) {
  std::error_code ec;
  const fs::path d = fs::weakly_canonical(dir, ec);
  if (ec || d.empty()) return false;
  const auto mismatch = std::mismatch(d.begin(), d.end(), file.begin(), file.end());
  return mismatch.first == d.end();
}

}  // namespace

std::vector<DataCandidate> DataSearchPath() {
  std::vector<DataCandidate> out;
  if (const char* env = std::getenv("FAULTLINE_DATA"); env != nullptr && *env != '\0') {
    out.push_back({env, "FAULTLINE_DATA"});
    return out;  // an explicit choice: never fall back to other data behind the user's back
  }
  const Binary self = ThisBinary();
  const bool in_build_tree = !self.path.empty() && InsideDir(self.path, FAULTLINE_BUILD_DIR);
  if (!in_build_tree) {
    if (!self.path.empty()) {
      const char* rel = self.shared_object ? FAULTLINE_DATA_FROM_PYTHON : FAULTLINE_DATA_FROM_BIN;
      out.push_back({(self.path.parent_path() / rel).lexically_normal().string(),
                     "install prefix, relative to " + self.path.string()});
    }
    out.push_back({FAULTLINE_INSTALL_DATA_DIR, "install prefix"});
  }
  out.push_back({FAULTLINE_SOURCE_DATA_DIR, "source tree"});
  return out;
}

Result<std::string> DataDir() {
  const std::vector<DataCandidate> candidates = DataSearchPath();
  std::string looked;
  for (const auto& c : candidates) {
    std::error_code ec;
    if (fs::is_directory(c.path, ec)) return c.path;
    looked += (looked.empty() ? "" : ", ") + c.path + " (" + c.origin + ")";
  }
  return Status::Error("faultline's data directory not found; looked in " + looked +
                       "; set FAULTLINE_DATA to a copy of it");
}

std::string DataFile(std::string_view relative) {
  Result<std::string> dir = DataDir();
  const fs::path base = dir.ok() ? fs::path(*dir) : fs::path(DataSearchPath().front().path);
  return (base / relative).string();
}

}  // namespace faultline
