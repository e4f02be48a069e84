// Documents -> actor mentions -> statements, shared by `statements`, `evaluate`, `map`
// and `why`. The knowledge base, recognizer, codebook and cue lexicon are loaded once;
// each document is then a pure function of them, run on a small pool of threads.
#include "cli/analysis.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "actors/knowledge_base.h"
#include "actors/recognizer.h"
#include "statements/extractor.h"

namespace faultline::cli {

void AddAnalysisOptions(CLI::App* cmd, AnalysisOptions* options) {
  cmd->add_option("--codebook", options->codebook, "issue codebook (YAML; default data/codebooks/security.yaml)");
  cmd->add_option("--actors", options->actor_files, "extra actor files (YAML, PETRARCH, TABARI)");
  cmd->add_flag("--explain", options->explain,
                "print each candidate sentence's tokens, actors, clauses, cues and decisions on stderr");
}

bool CollectStatements(const InputOptions& inputs, const AnalysisOptions& analysis,
                       std::vector<Statement>* out) {
  auto recognizer = BuildRecognizer(analysis.actor_files);
  if (!recognizer.ok()) {
    std::cerr << recognizer.status().ToString() << "\n";
    return false;
  }
  auto extractor = StatementExtractor::Create(analysis.codebook);
  if (!extractor.ok()) {
    std::cerr << extractor.status().ToString() << "\n";
    return false;
  }

  // Documents are read in order on this thread and analysed by workers; results are put
  // back in input order so output does not depend on scheduling.
  const unsigned workers =
      analysis.explain ? 1u : std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  std::mutex mu;
  std::condition_variable cv_work, cv_space;
  std::deque<std::pair<size_t, Document>> queue;
  std::vector<std::vector<Statement>> results;
  bool done = false;
  auto worker = [&] {
    for (;;) {
      std::pair<size_t, Document> item;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv_work.wait(lock, [&] { return done || !queue.empty(); });
        if (queue.empty()) return;
        item = std::move(queue.front());
        queue.pop_front();
        cv_space.notify_one();
      }
      const auto mentions = recognizer->Recognize(item.second);
      ExtractionStats stats;
      stats.trace = analysis.explain;
      auto statements = extractor->Extract(item.second, mentions, &stats);
      if (analysis.explain) std::cerr << "# " << item.second.file << "\n" << stats.trace_text;
      std::lock_guard<std::mutex> lock(mu);
      if (results.size() <= item.first) results.resize(item.first + 1);
      results[item.first] = std::move(statements);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned i = 0; i < workers; ++i) pool.emplace_back(worker);
  size_t next = 0;
  const bool ok = ForEachInputDocument(inputs, [&](Document&& doc) {
    std::unique_lock<std::mutex> lock(mu);
    cv_space.wait(lock, [&] { return queue.size() < 4 * workers; });
    queue.emplace_back(next++, std::move(doc));
    cv_work.notify_one();
  });
  {
    std::lock_guard<std::mutex> lock(mu);
    done = true;
  }
  cv_work.notify_all();
  for (auto& t : pool) t.join();
  for (auto& r : results)
    for (auto& s : r) out->push_back(std::move(s));
  return ok;
}

}  // namespace faultline::cli
