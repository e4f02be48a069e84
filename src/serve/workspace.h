// The served database: its statements (from the statement cache, the rest extracted and
// cached, as `map --db` does), the corrections people store, and the current Snapshot.
// SQLite is used as one writer and many readers (WAL): one writable connection, behind a
// mutex, for the statement cache and corrections; read-only connections, one per request
// at a time, for documents.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "corrections/correction.h"
#include "ingest/document.h"
#include "serve/snapshot.h"
#include "statements/codebook.h"
#include "store/store.h"
#include "util/status.h"

namespace faultline::stories {
class OriginCollector;
}

namespace faultline::serve {

struct WorkspaceOptions {
  std::string db;
  std::string codebook;                  // empty: the shipped one
  std::vector<std::string> actor_files;  // as for `faultline map --actors`
  std::function<void(Document*)> prepare;  // the --meta sidecar, applied to every document
  bool read_only = false;  // never write: no corrections, no statement cache entries
  unsigned threads = 1;    // for extracting documents the cache does not hold
  // CPU seconds the analysis of one document may take (0: no limit); one over it is a
  // `warn` naming it, has no statements and is not cached.
  double max_doc_seconds = 60;
  std::function<void(const Status&)> warn;  // problems that do not stop the server
  // Independent origins from the stories (stored at ingest, the rest clustered on load),
  // so that relays of one report count once; false: each document its own origin.
  bool stories = true;
  std::vector<std::string> outlet_files;  // extra known-outlet lists, as `map --outlets`
};

// A correction as a request asks for it, before it is checked against the snapshot.
struct CorrectionRequest {
  CorrectionAction action = CorrectionAction::kConfirm;
  StatementRef target;       // confirm, reject, change: the statement as the page showed it
  std::string actor, issue;  // change: the new values (empty: unchanged); add: required
  int stance = 0;            // change: the new stance (0: unchanged); add: required
  std::string doc;           // add: the document
  size_t begin = 0, end = 0; // add: the evidence span in the document text
  std::string who, note;
};

// An error with the HTTP status it maps to.
struct WorkspaceError {
  int status = 400;
  std::string message;
};

class Workspace {
 public:
  // Opens the database (fast: nothing is read yet). Errors name the file.
  static Result<std::unique_ptr<Workspace>> Open(WorkspaceOptions options);
  ~Workspace();

  // Reads the statements and corrections and makes a snapshot of them. Documents whose
  // statements are not cached are extracted (and cached unless read-only), which can
  // take minutes on a new corpus; the server runs this on a thread of its own. Called
  // again, it reloads: documents ingested since are added, and the snapshot served until
  // then stays until the new one is ready (corrections wait meanwhile).
  Status Load();
  // Runs Load on a thread of its own (POST /api/v1/reload, SIGHUP); false when a reload
  // is already running.
  bool StartReload();
  bool reloading() const { return reloading_; }
  // Null until Load has finished.
  std::shared_ptr<const Snapshot> Current() const;
  // "loading", "ready" or "failed"; with the failure's message.
  std::string State(std::string* message = nullptr) const;

  // Checks the request against the current snapshot, stores the correction and makes a
  // new snapshot with it. Returns the stored correction.
  std::variant<Correction, WorkspaceError> Correct(const CorrectionRequest& request);

  // A stored document (through a read-only connection), with the --meta sidecar applied.
  Result<Document> GetDocument(const std::string& id) const;

  const Codebook* codebook() const { return codebook_ ? &*codebook_ : nullptr; }
  bool read_only() const { return read_only_; }
  const std::string& db() const { return options_.db; }
  // What Load found: documents, from the cache, extracted.
  std::string LoadSummary() const;

 private:
  explicit Workspace(WorkspaceOptions options) : options_(std::move(options)) {}
  std::variant<Statement, WorkspaceError> Resolve(const CorrectionRequest& r, const Snapshot& snap) const;
  std::variant<Statement, WorkspaceError> NewStatement(const CorrectionRequest& r) const;
  // A read-only connection from the pool (opened when none is idle), and back into it.
  Result<std::unique_ptr<Store>> TakeReader() const;
  void ReturnReader(std::unique_ptr<Store> reader) const;
  // The names, once they are loaded (the first Load waits for them).
  Status AwaitNames();
  // Starts the stories stage through a read-only connection (run while the statements load).
  Status StartOrigins(stories::OriginCollector* collector) const;

  WorkspaceOptions options_;
  bool read_only_ = false;
  std::optional<Codebook> codebook_;

  mutable std::mutex write_mu_;  // the writer connection, machine_ and corrections
  std::unique_ptr<Store> writer_;
  std::vector<Statement> machine_;
  std::vector<Correction> corrections_;
  std::shared_ptr<const Snapshot::DocumentIds> doc_ids_;
  map::OriginOf origin_of_;
  std::shared_ptr<const map::Names> names_;  // of the knowledge base and codebook, read once
  // The names are parsed (YAML) on a thread of their own from Open on, while the server
  // starts and the statements load: no answer needs them before the first snapshot.
  std::future<Result<map::Names>> names_loading_;

  std::atomic<bool> reloading_{false};
  std::thread reloader_;

  mutable std::mutex readers_mu_;
  mutable std::vector<std::unique_ptr<Store>> readers_;  // idle read-only connections

  mutable std::mutex snapshot_mu_;
  std::shared_ptr<const Snapshot> snapshot_;
  std::string state_ = "loading", state_message_, load_summary_;
};

}  // namespace faultline::serve
