// Sentence segmentation throughput: the floor under every per-sentence stage.
#include <benchmark/benchmark.h>

#include <string>

#include "text/segment.h"

static void BM_SplitSentences(benchmark::State& state) {
  std::string text;
  for (int i = 0; i < 200; ++i)
    text += "NATO allies are split on talks with Mr. Putin. Germany and France favor diplomacy, "
            "while Poland says it would be a mistake.\n\n";
  size_t sentences = 0;
  for (auto _ : state) sentences += faultline::SplitSentences(text).size();
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SplitSentences);
BENCHMARK_MAIN();
