#include "serve/workspace.h"

#include <algorithm>
#include <cctype>

#include "map/load_names.h"
#include "statements/analyzer.h"
#include "statements/extractor.h"
#include "store/statement_cache.h"
#include "stories/origin_collector.h"

namespace faultline::serve {
namespace {

WorkspaceError Error(int status, std::string message) { return WorkspaceError{status, std::move(message)}; }

// An actor code as the knowledge base writes them: letters, digits, '-', '_', '.'.
bool IsActorCode(const std::string& s) {
  if (s.empty() || s.size() > 40) return false;
  for (unsigned char c : s)
    if (!std::isalnum(c) && c != '-' && c != '_' && c != '.') return false;
  return true;
}

// A name or note from a request: bounded, without control characters (they would reach
// terminals through `export`).
bool IsPlainText(const std::string& s, size_t max) {
  if (s.size() > max) return false;
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

bool IsUtf8Boundary(const std::string& text, size_t i) {
  return i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
}

// An OriginCollector started on a thread of its own (loading the stories data and reading
// the stored stories, through a connection of its own) while the caller reads the
// statement cache; the first document handed to it waits for the start.
class StartingOrigins {
 public:
  explicit StartingOrigins(std::function<Status(stories::OriginCollector*)> start)
      : started_(std::async(std::launch::async, [this, start = std::move(start)] { return start(&collector_); })) {}
  // Waits for the start; what it returned.
  Status Wait() {
    if (started_.valid()) status_ = started_.get();
    return status_;
  }
  // The collector once started; null when the start failed (Wait says why).
  stories::OriginCollector* Get() { return Wait().ok() ? &collector_ : nullptr; }

 private:
  stories::OriginCollector collector_;
  Status status_;
  std::future<Status> started_;  // declared last: destroyed, so waited for, first
};

}  // namespace

Result<std::unique_ptr<Workspace>> Workspace::Open(WorkspaceOptions options) {
  std::unique_ptr<Workspace> w(new Workspace(std::move(options)));
  StoreOptions so;
  so.create_if_missing = false;  // a mistyped --db is an error, not a new empty corpus
  so.read_only = w->options_.read_only;
  Result<std::unique_ptr<Store>> store = Store::Open(w->options_.db, so);
  if (!store.ok()) return store.status();
  w->writer_ = std::move(store).value();
  w->read_only_ = w->writer_->read_only();
  Result<Codebook> codebook =
      Codebook::Load(w->options_.codebook.empty() ? Codebook::DefaultPath() : w->options_.codebook);
  if (!codebook.ok()) return codebook.status();
  w->codebook_ = std::move(codebook).value();
  // Names beside codes, as `faultline map` prints them; the same files the extraction reads.
  w->names_loading_ = std::async(std::launch::async, [codebook = w->options_.codebook,
                                                      actors = w->options_.actor_files] {
    return map::LoadNames(codebook, actors);
  });
  return w;
}

Status Workspace::StartOrigins(stories::OriginCollector* collector) const {
  Result<std::unique_ptr<Store>> reader = TakeReader();
  if (!reader.ok()) return reader.status();
  // With a --meta sidecar the documents are not as stored, nor is the stored result.
  Status s = collector->Start(options_.outlet_files, reader->get(), /*stored_results=*/!options_.prepare);
  ReturnReader(std::move(reader).value());
  return s;
}

Status Workspace::AwaitNames() {
  if (names_) return Status::Ok();
  Result<map::Names> names = names_loading_.get();
  if (!names.ok()) return names.status();
  names_ = std::make_shared<const map::Names>(std::move(names).value());
  return Status::Ok();
}

Workspace::~Workspace() {
  if (reloader_.joinable()) reloader_.join();
  if (names_loading_.valid()) names_loading_.wait();  // a server stopped while starting
}

bool Workspace::StartReload() {
  bool expected = false;
  if (!reloading_.compare_exchange_strong(expected, true)) return false;
  if (reloader_.joinable()) reloader_.join();  // the previous reload, finished
  reloader_ = std::thread([this] {
    Status s = Load();
    if (!s.ok() && options_.warn) options_.warn(s);
    reloading_ = false;
  });
  return true;
}

Status Workspace::Load() {
  std::lock_guard<std::mutex> lock(write_mu_);
  // A reload that fails leaves the statements served as they were.
  auto fail = [&](const Status& s) {
    std::lock_guard<std::mutex> l(snapshot_mu_);
    if (snapshot_) {
      state_message_ = "reloading failed: " + s.ToString();
    } else {
      state_ = "failed";
      state_message_ = s.ToString();
    }
    return s;
  };
  AnalyzerConfig config{options_.codebook, options_.actor_files};
  Result<std::string> fingerprint = AnalysisFingerprint(config);
  if (!fingerprint.ok()) return fail(fingerprint.status());
  StatementCacheOptions co;
  co.fingerprint = *fingerprint;
  co.threads = std::max(1u, options_.threads);
  // Statements name documents as the extraction does; the API links them to stored ids.
  auto ids = std::make_shared<Snapshot::DocumentIds>();
  // The stories of the documents, as `map --db` finds them: stored ones read back.
  std::optional<StartingOrigins> origins;
  if (options_.stories) origins.emplace([this](stories::OriginCollector* c) { return StartOrigins(c); });
  co.prepare = [this, ids](Document* d) {
    if (options_.prepare) options_.prepare(d);
    ids->emplace(StatementDocName(*d), d->id);
  };
  // Documents come without their text; stored stories need none, so only documents
  // without one (or with stale sources) have it read for them.
  if (options_.stories) {
    co.visit = [&origins](const Document& d) {
      if (stories::OriginCollector* c = origins->Get()) c->Add(d);
    };
    // A collector that failed to start takes every document: its failure ends the load.
    co.visit_without_text = [&origins](const Document& d) {
      stories::OriginCollector* c = origins->Get();
      return c == nullptr || c->AddWithoutText(d);
    };
  }
  co.warn = options_.warn;
  co.load = [config, max_seconds = options_.max_doc_seconds]() -> Result<ExtractFunction> {
    auto analyzer = Analyzer::Load(config);
    if (!analyzer.ok()) return analyzer.status();
    auto shared = std::make_shared<const Analyzer>(std::move(analyzer).value());
    return ExtractFunction([shared, max_seconds](const Document& d) { return shared->AnalyzeWithin(d, max_seconds); });
  };
  StatementCacheStats stats;
  std::vector<Statement> machine;
  Status s = CollectStoredStatements(*writer_, co, &machine, &stats);
  if (!s.ok()) return fail(s);
  if (origins) {
    Status started = origins->Wait();
    if (!started.ok()) return fail(started);
  }
  Result<std::vector<Correction>> corrections = writer_->Corrections();
  if (!corrections.ok()) return fail(corrections.status());
  Status named = AwaitNames();
  if (!named.ok()) return fail(named);
  map::OriginOf origin_of;
  if (origins) {
    // The stored profiles are read (through this connection) only if some document had
    // no stored story and is clustered against them.
    Result<map::OriginOf> o = origins->Get()->Finish(writer_.get());
    if (!o.ok()) return fail(o.status());
    origin_of = std::move(o).value();
  }
  machine_ = std::move(machine);
  corrections_ = std::move(corrections).value();
  doc_ids_ = ids;
  origin_of_ = std::move(origin_of);
  std::string summary = std::to_string(stats.documents) + " documents, " + std::to_string(stats.from_cache) +
                        " from the statement cache, " + std::to_string(stats.extracted) + " extracted; " +
                        std::to_string(machine_.size()) + " statements, " + std::to_string(corrections_.size()) +
                        " corrections";
  // Whether the stories were read as `ingest` stored them or computed (docs/serve.md).
  if (origins && origins->Get()->uses_stored_results()) summary += "; origins from the stored stories' result";
  std::shared_ptr<const Snapshot> previous = Current();
  auto snap = std::make_shared<const Snapshot>(machine_, corrections_, previous ? previous->generation() + 1 : 1,
                                               doc_ids_, origin_of_, names_);
  std::lock_guard<std::mutex> l(snapshot_mu_);
  snapshot_ = std::move(snap);
  load_summary_ = std::move(summary);
  state_ = "ready";
  state_message_.clear();
  return Status::Ok();
}

std::shared_ptr<const Snapshot> Workspace::Current() const {
  std::lock_guard<std::mutex> l(snapshot_mu_);
  return snapshot_;
}

std::string Workspace::State(std::string* message) const {
  std::lock_guard<std::mutex> l(snapshot_mu_);
  if (message) *message = state_message_;
  return state_;
}

std::string Workspace::LoadSummary() const {
  std::lock_guard<std::mutex> lock(snapshot_mu_);
  return load_summary_;
}

std::variant<Statement, WorkspaceError> Workspace::NewStatement(const CorrectionRequest& r) const {
  Result<Document> doc = GetDocument(r.doc);
  if (!doc.ok()) return Error(404, "no stored document with id \"" + r.doc + "\"");
  const std::string& text = doc->text;
  if (r.begin >= r.end || r.end > text.size() || !IsUtf8Boundary(text, r.begin) || !IsUtf8Boundary(text, r.end))
    return Error(400, "begin and end must mark a span of the document's text (0 <= begin < end <= " +
                          std::to_string(text.size()) + ", on character boundaries)");
  if (r.end - r.begin > 4000) return Error(400, "the evidence is longer than 4000 bytes: select one sentence");
  // Named, dated and placed as the extraction would have: StatementDocName, and the
  // document's date and outlet after the sidecar.
  Statement s;
  s.doc = StatementDocName(*doc);
  s.begin = r.begin;
  s.end = r.end;
  s.evidence = text.substr(r.begin, r.end - r.begin);
  s.rule = kManualRule;
  s.source = doc->outlet;
  s.date = doc->date;
  s.outlet = doc->outlet;
  return s;
}

std::variant<Statement, WorkspaceError> Workspace::Resolve(const CorrectionRequest& r, const Snapshot& snap) const {
  Statement s;
  if (r.action == CorrectionAction::kAdd) {
    auto made = NewStatement(r);
    if (auto* e = std::get_if<WorkspaceError>(&made)) return *e;
    s = std::get<Statement>(made);
  } else {
    const Statement* found = snap.Find(r.target);
    // Confirming a statement people took out puts it back ("Put back" in the page).
    Statement taken_out;
    if (found == nullptr && r.action == CorrectionAction::kConfirm) {
      auto it = snap.corrected().rejected.find(r.target);
      if (it != snap.corrected().rejected.end()) {
        taken_out = snap.RejectedStatement(it->first, it->second);
        found = &taken_out;
      }
    }
    if (found == nullptr)
      return Error(409, "no such statement in the current map (it may have been corrected meanwhile): reload");
    s = *found;
    if (r.action == CorrectionAction::kConfirm || r.action == CorrectionAction::kReject) return s;
  }
  if (!r.actor.empty()) s.actor = r.actor;
  if (!r.issue.empty()) s.issue = r.issue;
  if (r.stance != 0) s.stance = r.stance;
  if (!IsActorCode(s.actor)) return Error(400, "actor must be a code such as FRA or NATO, not \"" + s.actor + "\"");
  if (codebook_ && codebook_->FindIssue(s.issue) < 0)
    return Error(400, "unknown issue \"" + s.issue + "\" (not in the codebook " + codebook_->name() + ")");
  if (s.stance != 1 && s.stance != -1) return Error(400, "stance must be 1 or -1");
  if (r.action == CorrectionAction::kChange && RefOf(s) == r.target)
    return Error(400, "a change must give another actor, issue or stance");
  if (r.action == CorrectionAction::kChange && snap.Find(RefOf(s)) != nullptr)
    return Error(409, "that statement exists already: reject this one instead");
  return s;
}

std::variant<Correction, WorkspaceError> Workspace::Correct(const CorrectionRequest& r) {
  if (read_only_) return Error(403, "the server is read-only (--read-only, or the database cannot be written)");
  if (r.who.empty()) return Error(400, "say who makes the correction (who, or start the server with --user)");
  if (!IsPlainText(r.who, 100)) return Error(400, "who must be at most 100 characters, without control characters");
  if (!IsPlainText(r.note, 1000)) return Error(400, "note must be at most 1000 characters on one line");
  // A reload holds the writer for as long as it extracts: say so rather than keep the
  // request waiting.
  if (reloading_) return Error(503, "the database is being reloaded: try again in a moment");
  std::lock_guard<std::mutex> lock(write_mu_);
  std::shared_ptr<const Snapshot> snap = Current();
  if (!snap) return Error(503, "the statements are still being loaded");
  auto resolved = Resolve(r, *snap);
  if (auto* e = std::get_if<WorkspaceError>(&resolved)) return *e;
  Correction c;
  c.action = r.action;
  if (r.action != CorrectionAction::kAdd) c.target = r.target;
  c.statement = std::get<Statement>(resolved);
  c.who = r.who;
  c.note = r.note;
  Result<Correction> stored = writer_->AddCorrection(c);
  if (!stored.ok()) return Error(500, stored.status().ToString());
  corrections_.push_back(*stored);
  auto next = std::make_shared<const Snapshot>(machine_, corrections_, snap->generation() + 1, doc_ids_, origin_of_,
                                                    names_);
  {
    std::lock_guard<std::mutex> l(snapshot_mu_);
    snapshot_ = std::move(next);
  }
  return std::move(stored).value();
}

Result<std::unique_ptr<Store>> Workspace::TakeReader() const {
  {
    std::lock_guard<std::mutex> l(readers_mu_);
    if (!readers_.empty()) {
      std::unique_ptr<Store> reader = std::move(readers_.back());
      readers_.pop_back();
      return reader;
    }
  }
  StoreOptions so;
  so.create_if_missing = false;
  so.read_only = true;
  return Store::Open(options_.db, so);
}

void Workspace::ReturnReader(std::unique_ptr<Store> reader) const {
  std::lock_guard<std::mutex> l(readers_mu_);
  readers_.push_back(std::move(reader));
}

Result<Document> Workspace::GetDocument(const std::string& id) const {
  Result<std::unique_ptr<Store>> reader = TakeReader();
  if (!reader.ok()) return reader.status();
  Result<Document> doc = (*reader)->GetDocument(id);
  ReturnReader(std::move(reader).value());
  if (doc.ok() && options_.prepare) options_.prepare(&*doc);
  return doc;
}

}  // namespace faultline::serve
