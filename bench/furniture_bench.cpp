// Throughput of the text-dump cleaner and the date normaliser, which run on every
// plain-text document. Input: the txt files of examples/ (dumps with planted furniture),
// concatenated per iteration; no ../shared needed.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/dates.h"
#include "ingest/furniture.h"

namespace {

std::vector<std::string> ExampleDumps() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(std::string(FAULTLINE_SOURCE_DIR) + "/examples")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

void BM_CleanTextDump(benchmark::State& state) {
  const auto& rules = faultline::DefaultFurnitureRules();
  if (!rules.ok()) {
    state.SkipWithError(rules.status().ToString().c_str());
    return;
  }
  const std::vector<std::string> docs = ExampleDumps();
  size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& d : docs) {
      faultline::CleanedText c = faultline::CleanTextDump(d, rules.value());
      benchmark::DoNotOptimize(c.text.data());
      bytes += d.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
}
BENCHMARK(BM_CleanTextDump);

void BM_LoadFurnitureRules(benchmark::State& state) {
  for (auto _ : state) {
    auto r = faultline::FurnitureRules::LoadDir(std::string(FAULTLINE_SOURCE_DIR) + "/data/furniture");
    benchmark::DoNotOptimize(r.ok());
  }
}
BENCHMARK(BM_LoadFurnitureRules)->Unit(benchmark::kMillisecond);

void BM_NormalizeDate(benchmark::State& state) {
  const std::vector<std::string> inputs = {
      "2022-03-29T10:00:00Z", "Tue, 29 Mar 2022 10:00:00 GMT", "29.03.2022", "03/29/2022",
      "Friday, March 31, 2023", "Mar. 28, 2022", "25 February, 01:21 AM", "March 2022",
      "NATO flag - Sputnik International, 1920, 29.03.2022", "no date in this line at all"};
  for (auto _ : state) {
    for (const std::string& s : inputs) benchmark::DoNotOptimize(faultline::NormalizeDate(s));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * inputs.size()));
}
BENCHMARK(BM_NormalizeDate);

}  // namespace

BENCHMARK_MAIN();
