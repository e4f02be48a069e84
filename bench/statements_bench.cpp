// Statement stage throughput (sentences per second, one thread), excluding reading and
// actor recognition: documents are read and their mentions found once, outside the timed
// loop. Uses ../shared/gold/dev and ../shared/seeds when present, else the shipped
// examples. Figures and machine: bench/README-statements.md.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "actors/knowledge_base.h"
#include "actors/recognizer.h"
#include "statements/extractor.h"

namespace {

struct Corpus {
  std::vector<faultline::Document> docs;
  std::vector<std::vector<faultline::Mention>> mentions;
};

const Corpus& LoadCorpus() {
  static const Corpus corpus = [] {
    namespace fs = std::filesystem;
    Corpus c;
    const fs::path src = FAULTLINE_SOURCE_DIR;
    std::vector<fs::path> dirs = {src.parent_path() / "shared/gold/dev", src.parent_path() / "shared/seeds"};
    if (!fs::is_directory(dirs[0])) dirs = {src / "tests/data/migration/articles"};
    for (const auto& d : dirs) {
      if (!fs::is_directory(d)) continue;
      for (const auto& e : fs::directory_iterator(d)) {
        std::ifstream in(e.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        faultline::Document doc;
        doc.file = e.path().string();
        doc.id = e.path().stem().string();
        doc.text = ss.str();
        c.docs.push_back(std::move(doc));
      }
    }
    auto kb = faultline::KnowledgeBase::LoadDefault();
    if (!kb.ok()) return c;
    auto rec = faultline::ActorRecognizer::Build(std::make_shared<const faultline::KnowledgeBase>(std::move(kb).value()));
    if (!rec.ok()) return c;
    for (const auto& d : c.docs) c.mentions.push_back(rec->Recognize(d));
    return c;
  }();
  return corpus;
}

void BM_ExtractStatements(benchmark::State& state) {
  const Corpus& c = LoadCorpus();
  auto ex = faultline::StatementExtractor::Create();
  if (!ex.ok() || c.mentions.size() != c.docs.size()) {
    state.SkipWithError("cannot load the codebook, cue lexicon or knowledge base");
    return;
  }
  size_t sentences = 0, statements = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < c.docs.size(); ++i) {
      faultline::ExtractionStats stats;
      statements += ex->Extract(c.docs[i], c.mentions[i], &stats).size();
      sentences += stats.sentences;
    }
  }
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["docs"] = static_cast<double>(c.docs.size());
  state.counters["statements/iter"] =
      static_cast<double>(statements) / static_cast<double>(std::max<int64_t>(1, state.iterations()));
}
BENCHMARK(BM_ExtractStatements)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
