// Documents -> actor mentions -> statements, shared by `statements`, `evaluate`, `map`
// and `why`. The knowledge base, recognizer, codebook and cue lexicon are loaded once;
// each document is then a pure function of them, run on a small pool of threads.
// Stored documents (--db) go through the statement cache (store/statement_cache.h).
#include "cli/analysis.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "cli/config_checks.h"
#include "corrections/apply.h"
#include "ingest/sidecar.h"
#include "statements/analyzer.h"
#include "store/statement_cache.h"
#include "store/store.h"
#include "util/work_pool.h"

namespace faultline::cli {
namespace {

unsigned Threads(const AnalysisOptions& analysis) {
  // --explain prints each document's trace as it goes: one thread keeps them apart.
  return analysis.explain ? 1u : std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
}

AnalyzerConfig ConfigOf(const AnalysisOptions& analysis) {
  return AnalyzerConfig{analysis.codebook, analysis.actor_files};
}

// Each document gets `max_seconds` of its worker's CPU time (0: no limit); one that uses
// it up is an error naming it, and the run goes on with the others.
ExtractFunction ExtractWith(std::shared_ptr<const Analyzer> analyzer, bool explain, double max_seconds) {
  return [analyzer = std::move(analyzer), explain, max_seconds](const Document& doc)
             -> Result<std::vector<Statement>> {
    ExtractionStats stats;
    stats.trace = explain;
    Result<std::vector<Statement>> statements = analyzer->AnalyzeWithin(doc, max_seconds, &stats);
    if (explain) std::cerr << "# " << doc.file << "\n" << stats.trace_text;
    return statements;
  };
}

// Documents read from PATH...: every one extracted.
bool CollectFromPaths(const InputOptions& inputs, const AnalysisOptions& analysis,
                      std::vector<Statement>* out) {
  auto analyzer = Analyzer::Load(ConfigOf(analysis));
  if (!analyzer.ok()) {
    std::cerr << analyzer.status().ToString() << "\n";
    return false;
  }
  const ExtractFunction extract = ExtractWith(std::make_shared<const Analyzer>(std::move(analyzer).value()),
                                              analysis.explain, inputs.budget.max_seconds);
  // Results are put back in input order so output does not depend on scheduling.
  using Job = std::pair<size_t, Document>;
  using Done = std::pair<size_t, Result<std::vector<Statement>>>;
  std::vector<std::vector<Statement>> results;
  bool analysed = true;  // no document ran out of its time budget
  auto keep = [&](Done&& d) {
    if (!d.second.ok()) {
      std::cerr << d.second.status().ToString() << "\n";
      analysed = false;
      return;
    }
    results[d.first] = std::move(d.second).value();
  };
  // The reading thread only reads: the language is detected on the workers.
  WorkPool<Job, Done> pool(Threads(analysis), [&](Job& job) {
    CompleteLanguage(&job.second);
    return Done{job.first, extract(job.second)};
  });
  const bool ok = ForEachInputDocument(inputs, [&](Document&& doc) {
    if (analysis.on_document) analysis.on_document(doc);
    results.emplace_back();
    pool.Submit(Job{results.size() - 1, std::move(doc)});
    pool.Collect(keep);
  }, nullptr, /*detect_language=*/false);
  pool.Finish(keep);
  for (auto& r : results)
    for (auto& s : r) out->push_back(std::move(s));
  return ok && analysed;
}

// The corrections stored in `store`, applied to *statements; one line on stderr when
// there are any. False if they could not be read.
bool ApplyStoredCorrections(const Store& store, const std::string& db, std::vector<Statement>* statements) {
  Result<std::vector<Correction>> corrections = store.Corrections();
  if (!corrections.ok()) {
    std::cerr << corrections.status().ToString() << "\n";
    return false;
  }
  if (corrections->empty()) return true;
  CorrectedStatements applied = ApplyCorrections(std::move(*statements), *corrections);
  *statements = std::move(applied.statements);
  size_t moot = 0, reinstated = 0;
  for (CorrectionOutcome o : applied.outcomes) {
    moot += o == CorrectionOutcome::kMoot;
    reinstated += o == CorrectionOutcome::kReinstated;
  }
  std::fprintf(stderr, "%s: %zu corrections applied (%zu reinstated a statement the extraction no longer gives, "
               "%zu rejected one it no longer gives; --machine-only leaves them out)\n",
               db.c_str(), corrections->size(), reinstated, moot);
  return true;
}

// Documents stored in --db: statements from the cache where it holds them for this
// setup, the rest extracted and cached.
bool CollectFromStore(const InputOptions& inputs, const AnalysisOptions& analysis,
                      std::vector<Statement>* out) {
  bool ok = true;
  auto report = [&](const Status& s) {
    std::cerr << (s.is_warning() ? "warning: " : "") << s.ToString() << "\n";
    ok = ok && s.is_warning();  // a warning (an unparsed date) costs no data
  };
  std::optional<Sidecar> sidecar;
  if (!inputs.meta.empty()) {
    Result<Sidecar> loaded = Sidecar::Load(inputs.meta, report);
    if (!loaded.ok()) {
      report(loaded.status());
      return false;  // without the metadata asked for, dates and outlets would be wrong
    }
    sidecar = std::move(loaded).value();
  }
  Result<std::string> fingerprint = AnalysisFingerprint(ConfigOf(analysis));
  if (!fingerprint.ok()) {
    report(fingerprint.status());
    return false;
  }
  StoreOptions so;
  so.create_if_missing = false;
  Result<std::unique_ptr<Store>> store = Store::Open(inputs.db, so);
  if (!store.ok()) {
    report(store.status());
    return false;
  }

  StatementCacheOptions co;
  co.fingerprint = *fingerprint;
  co.refresh = analysis.refresh || analysis.explain;  // a trace needs the extraction run
  co.threads = Threads(analysis);
  co.load = [&]() -> Result<ExtractFunction> {
    auto analyzer = Analyzer::Load(ConfigOf(analysis));
    if (!analyzer.ok()) return analyzer.status();
    return ExtractWith(std::make_shared<const Analyzer>(std::move(analyzer).value()), analysis.explain,
                       inputs.budget.max_seconds);
  };
  co.prepare = [&](Document* d) {
    if (sidecar) sidecar->Apply(d);
  };
  co.visit = analysis.on_document;
  co.visit_without_text = analysis.on_document_without_text;
  // A statement that cannot be cached is still output: a warning, not a failure.
  co.warn = [&](const Status& s) { std::cerr << "warning: " << s.ToString() << "\n"; };
  co.error = report;  // a document over its time budget: reported, skipped, the run fails at the end
  StatementCacheStats stats;
  Status s = CollectStoredStatements(**store, co, out, &stats);
  if (!s.ok()) report(s);

  // One line: how much came from the cache; a warning when extracted statements could
  // not be cached, since the next run will extract them again.
  std::string uncached;
  if (stats.extracted > 0 && !(*store)->has_statement_cache())
    uncached = ", not cached: the database predates the statement cache and is read-only";
  else if (stats.extracted > 0 && (*store)->read_only())
    uncached = ", not cached: the database is read-only";
  else if (stats.cache_errors > 0)
    uncached = ", " + std::to_string(stats.cache_errors) + " could not be cached";
  std::fprintf(stderr, "%s%s: statements of %llu documents: %llu from the cache, %llu extracted%s\n",
               uncached.empty() ? "" : "warning: ", inputs.db.c_str(),
               static_cast<unsigned long long>(stats.documents),
               static_cast<unsigned long long>(stats.from_cache),
               static_cast<unsigned long long>(stats.extracted), uncached.c_str());
  if (!analysis.machine_only && !ApplyStoredCorrections(**store, inputs.db, out)) ok = false;
  return ok;
}

}  // namespace

void AddAnalysisOptions(CLI::App* cmd, AnalysisOptions* options) {
  cmd->add_option("--codebook", options->codebook, "issue codebook (YAML; default data/codebooks/security.yaml)")
      ->check(CodebookFile());
  cmd->add_option("--actors", options->actor_files, "extra actor files (YAML, PETRARCH, TABARI)")
      ->check(ActorFile());
  cmd->add_flag("--explain", options->explain,
                "print each candidate sentence's tokens, actors, clauses, cues and decisions on stderr");
  cmd->add_flag("--refresh", options->refresh,
                "with --db: extract every document again instead of reading the statements cached "
                "in the database, and cache the new ones");
  cmd->add_flag("--machine-only", options->machine_only,
                "with --db: the statements as extracted, without the corrections people stored "
                "(faultline serve)");
}

bool CollectStatements(const InputOptions& inputs, const AnalysisOptions& analysis,
                       std::vector<Statement>* out) {
  if (!inputs.db.empty()) return CollectFromStore(inputs, analysis, out);
  return CollectFromPaths(inputs, analysis, out);
}

}  // namespace faultline::cli
