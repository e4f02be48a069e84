#include "ingest/input_walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <utility>

namespace faultline {
namespace {

namespace fs = std::filesystem;
using DirKey = std::pair<dev_t, ino_t>;

// A page saved by a browser ("Save page as... complete") is "X.html" beside a folder
// "X_files" of its images, scripts and styles: the page is read, the assets skipped
// without a word (they are no articles). Only a "_files" folder with its page beside it.
void SkipSavedPageAssets(std::vector<std::string>* names) {
  const std::set<std::string> present(names->begin(), names->end());
  auto assets = [&](const std::string& name) {
    const std::string suffix = "_files";
    if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      return false;
    const std::string page = name.substr(0, name.size() - suffix.size());
    return present.count(page + ".html") || present.count(page + ".htm");
  };
  names->erase(std::remove_if(names->begin(), names->end(), assets), names->end());
}

class Walker {
 public:
  Walker(const std::function<void(const std::string&)>& on_file, const ErrorSink& on_error)
      : on_file_(on_file), on_error_(on_error) {}

  void Walk(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      struct stat lst;
      if (::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode))
        on_error_(Status::Error("broken symbolic link", path));
      else
        on_error_(Status::Error("no such file or directory", path));
      return;
    }
    if (!S_ISDIR(st.st_mode)) {
      on_file_(path);
      return;
    }
    DirKey key{st.st_dev, st.st_ino};
    if (ancestors_.count(key)) {
      on_error_(Status::Error("symbolic link loop (leads back to a directory being read), not followed",
                              path));
      return;
    }
    std::vector<std::string> names;
    std::error_code ec;
    fs::directory_iterator it(path, ec);
    if (ec) {
      on_error_(Status::Error("cannot read directory: " + ec.message(), path));
      return;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      std::string name = it->path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      names.push_back(name);
    }
    if (ec) on_error_(Status::Error("error while listing directory: " + ec.message(), path));
    std::sort(names.begin(), names.end());
    SkipSavedPageAssets(&names);
    ancestors_.insert(key);
    std::string prefix = path;
    if (prefix.empty() || prefix.back() != '/') prefix += '/';
    for (const auto& name : names) Walk(prefix + name);
    ancestors_.erase(key);
  }

 private:
  const std::function<void(const std::string&)>& on_file_;
  const ErrorSink& on_error_;
  std::set<DirKey> ancestors_;  // directories on the current descent: a repeat is a loop
};

}  // namespace

void WalkInputs(const std::vector<std::string>& paths,
                const std::function<void(const std::string& file)>& on_file,
                const ErrorSink& on_error) {
  Walker walker(on_file, on_error);
  for (const auto& p : paths) {
    if (p == "-") {
      on_file(p);
      continue;
    }
    walker.Walk(p);
  }
}

}  // namespace faultline
