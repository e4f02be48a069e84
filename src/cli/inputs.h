// The document inputs every reading command shares: PATH... (files, directories, "-")
// or --db FILE, plus --meta sidecar and the size limit. Owned by the ingest stage.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ingest/document.h"

namespace faultline::cli {

struct InputOptions {
  std::vector<std::string> paths;
  std::string db;              // read stored documents instead of paths
  std::string meta;            // sidecar JSONL/CSV of metadata keyed by file name, id or URL
  double max_file_mb = 256;    // larger files are refused with an error
};

// Adds PATH... (positional), --meta, --max-file-mb and, when `allow_db`, --db.
void AddInputOptions(CLI::App* cmd, InputOptions* options, bool allow_db = true);

// Calls `on_doc` for every document the options name, in input order. Problems are
// reported on stderr, one line each naming the file; returns false if there was any.
bool ForEachInputDocument(const InputOptions& options,
                          const std::function<void(Document&&)>& on_doc);

// What a run read, for summaries.
struct InputStats {
  uint64_t files = 0;
  uint64_t bytes = 0;      // as stored on disk (compressed)
  uint64_t documents = 0;
  uint64_t errors = 0;     // lines reported on stderr
};

// The same, filling `*stats`.
bool ForEachInputDocument(const InputOptions& options,
                          const std::function<void(Document&&)>& on_doc, InputStats* stats);

}  // namespace faultline::cli
