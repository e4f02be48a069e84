#include "store/ingest_writer.h"

#include <utility>

namespace faultline {
namespace {

std::string NameOf(const Document& d) {
  if (d.file.empty()) return d.id;
  if (d.id.empty() || d.file.find(d.id) != std::string::npos) return d.file;
  return d.file + " (" + d.id + ")";
}

}  // namespace

IngestWriter::IngestWriter(Store* store, AfterAdd after_add, Report report)
    : store_(store), after_add_(std::move(after_add)), report_(std::move(report)) {}

void IngestWriter::Write(const Document& doc, const DocumentKeys& keys) {
  if (stopped_) return;
  Status s = store_->BeginGroup();
  if (!s.ok()) return Stop(s, NameOf(doc));
  Result<AddOutcome> r = store_->Add(doc, keys);
  if (r.ok() && r->kind == AddKind::kAdded && after_add_) s = after_add_(doc, r->id);
  if (!r.ok() || !s.ok()) {
    store_->AbortGroup();
    return Stop(r.ok() ? s : r.status(), NameOf(doc));
  }
  switch (r->kind) {
    case AddKind::kAdded: ++pending_.added; break;
    case AddKind::kExactDuplicate: ++pending_.exact; break;
    case AddKind::kNearDuplicate: ++pending_.near; break;
  }
  pending_names_.push_back(NameOf(doc));
  Result<bool> committed = store_->EndGroup();
  if (!committed.ok()) return Stop(committed.status(), NameOf(doc));
  if (*committed) Committed();
}

bool IngestWriter::Finish() {
  if (stopped_) return false;
  Status s = store_->Flush();
  if (!s.ok()) {
    Stop(s, "");
    return false;
  }
  Committed();
  return true;
}

void IngestWriter::Committed() {
  committed_.added += pending_.added;
  committed_.exact += pending_.exact;
  committed_.near += pending_.near;
  pending_ = {};
  pending_names_.clear();
  if (on_commit_) on_commit_();
}

void IngestWriter::Stop(const Status& why, const std::string& at) {
  stopped_ = true;
  // The documents before `at` may still commit (a busy or failing disk may take the
  // smaller write); if not, the whole open batch is lost and said so.
  std::string lost;
  if (store_->Flush().ok()) {
    Committed();
  } else {
    store_->Rollback();
    if (!pending_names_.empty()) {
      lost = ", the " + std::to_string(pending_names_.size()) + " document(s) of the open batch (" +
             pending_names_.front() +
             (pending_names_.size() > 1 ? " to " + pending_names_.back() : std::string()) + ")";
    }
    pending_ = {};
    pending_names_.clear();
  }
  const std::string what =
      at.empty() ? (lost.empty() ? std::string("nothing was lost") : "not stored: " + lost.substr(6))
                 : "stopped at " + at + ": it" + lost + " and every document after it were not stored";
  report_(why.ToString() + "; " + what +
          "; run the same ingest again once this is fixed (what is stored is skipped)");
}

}  // namespace faultline
