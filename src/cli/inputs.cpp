// Glue between the command line and the ingest library: PATH... go through
// DocumentReader, --db through the Store; --meta applies to both.
#include "cli/inputs.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "cli/config_checks.h"
#include "cli/progress.h"
#include "ingest/language.h"
#include "ingest/read_documents.h"
#include "ingest/sidecar.h"
#include "store/store.h"

namespace faultline::cli {

void AddInputOptions(CLI::App* cmd, InputOptions* options, bool allow_db) {
  CLI::Option* paths =
      cmd->add_option("paths", options->paths,
                      "files or directories to read ('-' for stdin): text, HTML, JSONL/JSON, "
                      "WARC, any of them gzip-compressed");
  cmd->add_option("--meta", options->meta,
                  "sidecar metadata (JSONL or CSV) keyed by file name, id or url; its date, "
                  "outlet, url, title, author override the documents'")
      ->check(MetadataFile());
  cmd->add_option("--max-file-mb", options->max_file_mb,
                  "refuse files larger than this many MB (default 256)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-html-mb", options->max_html_mb,
                  "refuse HTML pages larger than this many MB before parsing (default 32)")
      ->check(CLI::PositiveNumber);
  cmd->add_option_function<double>(
         "--max-doc-mb",
         [options](double mb) { options->budget.max_text_bytes = static_cast<uint64_t>(mb * 1024 * 1024); },
         "skip (and report) documents with more text than this many MB (default 16; 0: no limit)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-doc-sentences", options->budget.max_sentences,
                  "skip (and report) documents with more sentences than this (default 100000; 0: no limit)");
  cmd->add_option("--max-doc-seconds", options->budget.max_seconds,
                  "skip (and report) documents whose analysis (actor recognition, coreference, "
                  "statements) takes more CPU seconds than this (statements, map, why, evaluate; "
                  "default 60; 0: no limit)")
      ->check(CLI::NonNegativeNumber);
  if (allow_db) {
    CLI::Option* db = cmd->add_option(
        "--db", options->db, "read the documents stored by `faultline ingest` (duplicates left out)");
    db->excludes(paths);
  }
}

bool HasInput(const InputOptions& options) {
  return !options.paths.empty() || !options.db.empty();
}

bool ForEachInputDocument(const InputOptions& options,
                          const std::function<void(Document&&)>& on_doc) {
  return ForEachInputDocument(options, on_doc, nullptr);
}

bool ForEachInputDocument(const InputOptions& options,
                          const std::function<void(Document&&)>& on_doc, InputStats* stats) {
  return ForEachInputDocument(options, on_doc, stats, /*detect_language=*/true);
}

void CompleteLanguage(Document* doc) {
  if (doc->language.empty()) doc->language = DetectLanguage(doc->text);
}

unsigned WorkerThreads() { return std::max(1u, std::thread::hardware_concurrency()); }

bool ForEachInputDocument(const InputOptions& options,
                          const std::function<void(Document&&)>& on_doc, InputStats* stats,
                          bool detect_language) {
  InputStats local;
  InputStats& st = stats ? *stats : local;
  Progress progress;
  bool ok = true;
  // Warnings (a date left unparsed, the document kept) are printed but do not fail the
  // run; a line at the end counts them, since they scroll by on a big corpus.
  auto report = [&](const Status& s) {
    progress.Clear();
    if (s.is_warning()) {
      std::cerr << "warning: " << s.ToString() << "\n";
      ++st.warnings;
      return;
    }
    std::cerr << s.ToString() << "\n";
    ok = false;
    ++st.errors;
  };
  struct WarningSummary {
    const InputStats& st;
    ~WarningSummary() {
      if (st.warnings > 0)
        std::cerr << "faultline: " << st.warnings << (st.warnings == 1 ? " warning" : " warnings")
                  << " (the documents concerned were read)" << (st.errors > 0 ? ", " : "")
                  << (st.errors > 0 ? std::to_string(st.errors) + " errors" : std::string()) << "\n";
    }
  } summary{st};

  std::optional<Sidecar> sidecar;
  if (!options.meta.empty()) {
    Result<Sidecar> loaded = Sidecar::Load(options.meta, report);
    if (!loaded.ok()) {
      report(loaded.status());
      return false;  // without the metadata asked for, dates and outlets would be wrong
    }
    sidecar = std::move(loaded).value();
  }
  const DocumentReader* reader_for_progress = nullptr;
  auto deliver = [&](Document&& d) {
    if (Status over = CheckDocumentBudget(d, options.budget); !over.ok()) {
      report(over);
      return;
    }
    ++st.documents;
    if (sidecar) sidecar->Apply(&d);
    on_doc(std::move(d));
    if (reader_for_progress)
      progress.Update(reader_for_progress->files(), reader_for_progress->bytes(),
                      reader_for_progress->documents());
  };

  if (!options.db.empty()) {
    StoreOptions so;
    so.create_if_missing = false;
    Result<std::unique_ptr<Store>> store = Store::Open(options.db, so);
    if (!store.ok()) {
      report(store.status());
      return false;
    }
    Status s = (*store)->ForEachDocument(deliver);
    if (!s.ok()) report(s);
    return ok;
  }
  if (options.paths.empty()) {
    report(Status::Error("no input: give PATH... (or '-' for stdin) or --db FILE"));
    return false;
  }

  ReadOptions ro;
  ro.max_file_bytes = static_cast<uint64_t>(options.max_file_mb * 1024 * 1024);
  ro.max_html_bytes = static_cast<uint64_t>(options.max_html_mb * 1024 * 1024);
  ro.detect_language = detect_language;
  ro.stop = options.stop;
  DocumentReader reader(ro, deliver, report);
  reader_for_progress = &reader;
  reader.set_on_file([&](const FileRead&) {
    progress.Update(reader.files(), reader.bytes(), reader.documents());
  });
  reader.ReadPaths(options.paths);
  progress.Clear();
  st.files = reader.files();
  st.bytes = reader.bytes();
  return ok;
}

}  // namespace faultline::cli
