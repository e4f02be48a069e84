// Throughput of actor recognition with the full knowledge base plus the Phoenix
// dictionaries (tens of thousands of literal patterns): MB/s and mentions/s over real
// articles from ../shared/corpora (synthetic text when absent). Figures: bench/README-actors.md.
//
//   build/bench/actors_bench [--benchmark_filter=...]
//   FAULTLINE_BENCH_MB=20 limits the corpus sample (default 16 MB of article text).
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "actors/knowledge_base.h"
#include "actors/recognizer.h"

namespace {

using faultline::ActorRecognizer;
using faultline::Document;
using faultline::KnowledgeBase;

std::string SharedDir() {
  if (const char* e = std::getenv("FAULTLINE_SHARED")) return e;
  return std::string(FAULTLINE_SOURCE_DIR) + "/../shared";
}

faultline::Result<KnowledgeBase> FullKb(bool with_dictionaries = true) {
  auto kb = KnowledgeBase::LoadDefault();
  if (!kb.ok() || !with_dictionaries) return kb;
  const std::string dir = SharedDir() + "/eventcoding/phoenix/";
  for (const char* f : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                        "Phoenix.MilNonState.actors.txt"}) {
    if (!std::filesystem::exists(dir + f)) continue;
    auto s = kb->AddFile(dir + f);
    if (!s.ok()) return s;
  }
  return kb;
}

std::vector<Document> Corpus() {
  size_t limit = 16u << 20;
  if (const char* e = std::getenv("FAULTLINE_BENCH_MB")) limit = std::strtoul(e, nullptr, 10) << 20;
  std::vector<Document> docs;
  size_t total = 0;
  const std::string path = SharedDir() + "/corpora/allsides-intl/articles.jsonl.gz";
  if (gzFile f = gzopen(path.c_str(), "rb")) {
    std::string line;
    char buf[1 << 16];
    while (total < limit && gzgets(f, buf, sizeof buf) != nullptr) {
      line += buf;
      if (line.empty() || line.back() != '\n') continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      line.clear();
      if (j.is_discarded()) continue;
      Document d;
      d.text = j.value("content_original", "");
      d.date = j.value("date", "");
      total += d.text.size();
      docs.push_back(std::move(d));
    }
    gzclose(f);
  }
  if (docs.empty()) {
    // Synthetic news-like text when ../shared is absent.
    const std::string para =
        "French President Emmanuel Macron and German Chancellor Olaf Scholz told Vladimir "
        "Putin on Monday that Moscow's demands were unacceptable, a senior French official "
        "said. The talks in Istanbul ended without progress, and Kyiv said it would not "
        "accept neutrality. NATO Secretary General Jens Stoltenberg met the Baltic states. ";
    while (total < limit) {
      Document d;
      d.date = "2022-03-28";
      for (int i = 0; i < 12; ++i) d.text += para + "\n\n";
      total += d.text.size();
      docs.push_back(std::move(d));
    }
  }
  return docs;
}

struct Fixture {
  std::unique_ptr<ActorRecognizer> recognizer;
  std::vector<Document> docs;
  size_t bytes = 0;
};

Fixture& Shared(bool with_dictionaries) {
  static Fixture* fixtures[2] = {nullptr, nullptr};
  Fixture*& f = fixtures[with_dictionaries ? 1 : 0];
  if (f == nullptr) f = [&] {
    auto* fx = new Fixture;
    auto kb = FullKb(with_dictionaries);
    if (!kb.ok()) return fx;
    auto r = ActorRecognizer::Build(std::make_shared<const KnowledgeBase>(std::move(kb.value())));
    if (!r.ok()) return fx;
    fx->recognizer = std::make_unique<ActorRecognizer>(std::move(r.value()));
    fx->docs = Corpus();
    for (const auto& d : fx->docs) fx->bytes += d.text.size();
    return fx;
  }();
  return *f;
}

void BM_Build(benchmark::State& state) {
  for (auto _ : state) {
    auto kb = FullKb();
    if (!kb.ok()) {
      state.SkipWithError(kb.status().ToString().c_str());
      return;
    }
    auto r = ActorRecognizer::Build(std::make_shared<const KnowledgeBase>(std::move(kb.value())));
    if (!r.ok()) {
      state.SkipWithError(r.status().ToString().c_str());
      return;
    }
    state.counters["patterns"] = static_cast<double>(r->pattern_count());
    state.counters["dictionary_entries"] = static_cast<double>(r->kb().dictionary().size());
  }
}
BENCHMARK(BM_Build)->Unit(benchmark::kMillisecond)->Iterations(1);

// state.range(0): 1 = with the Phoenix dictionaries, 0 = our knowledge base only.
void BM_Recognize(benchmark::State& state) {
  Fixture& fx = Shared(state.range(0) == 1);
  if (!fx.recognizer) {
    state.SkipWithError("knowledge base did not load");
    return;
  }
  // Each thread takes every n-th document: threads share one recognizer.
  size_t mentions = 0, bytes = 0;
  for (auto _ : state) {
    for (size_t i = state.thread_index(); i < fx.docs.size(); i += state.threads()) {
      auto ms = fx.recognizer->Recognize(fx.docs[i]);
      mentions += ms.size();
      bytes += fx.docs[i].text.size();
      benchmark::DoNotOptimize(ms.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["mentions/s"] =
      benchmark::Counter(static_cast<double>(mentions), benchmark::Counter::kIsRate);
  state.counters["docs"] = static_cast<double>(fx.docs.size());
}
BENCHMARK(BM_Recognize)->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(2)->Threads(1)->UseRealTime();
BENCHMARK(BM_Recognize)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(2)->Threads(1)->UseRealTime();
BENCHMARK(BM_Recognize)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(2)->Threads(2)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
