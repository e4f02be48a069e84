// Placeholder until the ingest stage lands: reads plain UTF-8 text files only.
#include "cli/inputs.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace faultline::cli {

void AddInputOptions(CLI::App* cmd, InputOptions* options, bool allow_db) {
  cmd->add_option("paths", options->paths, "files or directories to read ('-' for stdin)");
  cmd->add_option("--meta", options->meta, "sidecar metadata (JSONL or CSV)");
  cmd->add_option("--max-file-mb", options->max_file_mb, "refuse files larger than this");
  if (allow_db) cmd->add_option("--db", options->db, "read documents stored by `faultline ingest`");
}

bool ForEachInputDocument(const InputOptions& options,
                          const std::function<void(Document&&)>& on_doc) {
  namespace fs = std::filesystem;
  bool ok = true;
  for (const auto& p : options.paths) {
    std::vector<fs::path> files;
    if (fs::is_directory(p)) {
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file()) files.push_back(e.path());
      std::sort(files.begin(), files.end());
    } else {
      files.push_back(p);
    }
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      if (!in) {
        std::cerr << f.string() << ": cannot open\n";
        ok = false;
        continue;
      }
      std::stringstream ss;
      ss << in.rdbuf();
      Document d;
      d.file = f.string();
      d.id = f.stem().string();
      d.text = ss.str();
      on_doc(std::move(d));
    }
  }
  return ok;
}

}  // namespace faultline::cli
