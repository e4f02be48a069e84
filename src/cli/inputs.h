// The document inputs every reading command shares: PATH... (files, directories, "-")
// or --db FILE, plus --meta sidecar and the size limit. Owned by the ingest stage.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ingest/document.h"
#include "ingest/document_budget.h"
#include "util/ordered_pool.h"

namespace faultline::cli {

struct InputOptions {
  std::vector<std::string> paths;
  std::string db;              // read stored documents instead of paths
  std::string meta;            // sidecar JSONL/CSV of metadata keyed by file name, id or URL
  double max_file_mb = 256;    // larger files are refused with an error
  double max_html_mb = 32;     // larger HTML pages too (the HTML parser's memory)
  DocumentBudget budget;       // larger documents are reported and skipped
  const bool* stop = nullptr;  // set by the command, not an option: see ReadOptions::stop
};

// Adds PATH... (positional), --meta, --max-file-mb and, when `allow_db`, --db.
void AddInputOptions(CLI::App* cmd, InputOptions* options, bool allow_db = true);

// A usage error (for exit status 2) when the options name no input at all; commands
// check it before ForEachInputDocument.
bool HasInput(const InputOptions& options);

// Calls `on_doc` for every document the options name, in input order. Problems are
// reported on stderr, one line each naming the file; returns false if there was any.
bool ForEachInputDocument(const InputOptions& options,
                          const std::function<void(Document&&)>& on_doc);

// What a run read, for summaries.
struct InputStats {
  uint64_t files = 0;
  uint64_t bytes = 0;      // as stored on disk (compressed)
  uint64_t documents = 0;
  uint64_t errors = 0;     // problems reported on stderr that cost data (the run fails)
  uint64_t warnings = 0;   // problems that cost none (a date left unparsed): reported, not a failure
};

// The same, filling `*stats`.
bool ForEachInputDocument(const InputOptions& options,
                          const std::function<void(Document&&)>& on_doc, InputStats* stats);
// The same; with `detect_language` false the reader leaves a document's language empty when
// the input gives none, for the caller to fill off the reading thread (CompleteLanguage).
bool ForEachInputDocument(const InputOptions& options,
                          const std::function<void(Document&&)>& on_doc, InputStats* stats,
                          bool detect_language);

// Fills doc->language from the text (CLD2) when the input gave none. Thread-safe.
void CompleteLanguage(Document* doc);

// Threads for per-document work: one per core.
unsigned WorkerThreads();

// ForEachInputDocument on every core: the reading thread only reads; language detection
// and `work` run on WorkerThreads() threads; `sink` gets the results on this thread in
// input order, so output is the same as with one thread.
template <typename Out>
bool ForEachInputDocumentParallel(const InputOptions& options, const std::function<Out(Document&)>& work,
                                  std::function<void(Out&&)> sink, InputStats* stats = nullptr) {
  const bool detect = options.db.empty();  // stored documents keep the language stored with them
  OrderedPool<Document, Out> pool(
      WorkerThreads(),
      [&work, detect](Document& d) {
        if (detect) CompleteLanguage(&d);
        return work(d);
      },
      std::move(sink));
  const bool ok = ForEachInputDocument(
      options, [&pool](Document&& d) { pool.Submit(std::move(d)); }, stats, /*detect_language=*/false);
  pool.Finish();
  return ok;
}

}  // namespace faultline::cli
