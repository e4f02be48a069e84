// How `ingest` writes: each document together with what goes with it (its story entry)
// or not at all, a batch per transaction, and counts that say only what committed.
//
// A kill -9 loses at most the open batch, whole: its documents and their story entries
// alike, so running the same ingest again stores exactly what is missing. A write that
// fails (a full disk, an I/O error) stops the run: the writer commits what it can,
// names once what was not stored, and takes no more documents.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace faultline {

struct IngestCounts {
  int64_t added = 0, exact = 0, near = 0;
};

class IngestWriter {
 public:
  // Called after a document was added as an original (not a duplicate) under `id`, inside
  // the same transaction; an error undoes the document too.
  using AfterAdd = std::function<Status(const Document& doc, const std::string& id)>;
  // Gets the one line that says why the run stopped and what was not stored.
  using Report = std::function<void(const std::string& line)>;

  // `store` must outlive the writer.
  IngestWriter(Store* store, AfterAdd after_add, Report report);

  // Stores `doc` (keys from KeysOf). Does nothing once stopped.
  void Write(const Document& doc, const DocumentKeys& keys);
  // Commits the open batch; false if the run stopped (now or before).
  bool Finish();

  // Called after each commit (the figures of what goes with the documents, such as their
  // stories, can be taken then, so that they too count only what committed).
  void set_on_commit(std::function<void()> on_commit) { on_commit_ = std::move(on_commit); }

  bool stopped() const { return stopped_; }
  // What committed: the summary's figures.
  const IngestCounts& committed() const { return committed_; }

 private:
  void Committed();
  void Stop(const Status& why, const std::string& at);

  Store* store_;
  AfterAdd after_add_;
  Report report_;
  std::function<void()> on_commit_;
  IngestCounts committed_, pending_;
  std::vector<std::string> pending_names_;  // the open batch's documents, named if it is lost
  bool stopped_ = false;
};

}  // namespace faultline
