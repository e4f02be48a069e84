// Building the map from many statements: synthetic statements (generated here, seeded)
// shaped like a large news corpus: 200 actors, 15 issues, 40 outlets, 5 statements per
// document, dates over three years, actors whose positions drift and sometimes flip.
// Run: build/bench/map_bench --benchmark_filter=BuildMap  (figures in bench/README-map.md)
#include <benchmark/benchmark.h>

#include <cstdio>
#include <random>
#include <sstream>

#include "map/map.h"
#include "report/json_report.h"
#include "report/text_report.h"

namespace {

using faultline::Statement;

std::vector<Statement> Synthetic(size_t n) {
  std::mt19937_64 rng(42);
  const int kActors = 200, kIssues = 15, kOutlets = 40;
  std::vector<std::string> actors, issues, outlets;
  for (int i = 0; i < kActors; ++i) actors.push_back("A" + std::to_string(i));
  for (int i = 0; i < kIssues; ++i) issues.push_back("issue-" + std::to_string(i));
  for (int i = 0; i < kOutlets; ++i) outlets.push_back("Outlet " + std::to_string(i));
  // Each actor leans on each issue; about one in ten flips halfway through.
  std::vector<double> lean(kActors * kIssues);
  std::vector<bool> flips(kActors * kIssues);
  std::uniform_real_distribution<double> u(0, 1);
  for (size_t k = 0; k < lean.size(); ++k) {
    lean[k] = u(rng) * 2 - 1;
    flips[k] = u(rng) < 0.1;
  }
  std::vector<Statement> out;
  out.reserve(n);
  char date[16];
  for (size_t i = 0; i < n; ++i) {
    size_t doc = i / 5;
    std::mt19937_64 drng(doc);
    int outlet = static_cast<int>(drng() % kOutlets);
    int day = static_cast<int>(drng() % (3 * 365));
    int year = 2021 + day / 365, month = (day % 365) / 31 + 1, dom = (day % 31) + 1;
    if (month > 12) month = 12;
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, dom > 28 ? 28 : dom);
    // Skewed actor choice: a few actors appear in most coverage.
    int a = static_cast<int>(std::min<double>(kActors - 1, std::floor(std::pow(u(rng), 2.0) * kActors)));
    int is = static_cast<int>(rng() % kIssues);
    double l = lean[a * kIssues + is];
    if (flips[a * kIssues + is] && day > 365 * 3 / 2) l = -l;
    Statement s;
    s.doc = "doc" + std::to_string(doc) + ".html";
    s.actor = actors[a];
    s.issue = issues[is];
    s.stance = u(rng) < (l + 1) / 2 ? 1 : -1;
    s.evidence = "Officials of " + s.actor + " said on " + date + " that they had views on " + s.issue +
                 ", according to people familiar with the matter.";
    s.begin = 100;
    s.end = 100 + s.evidence.size();
    s.cue = "said";
    s.rule = "cue:say";
    s.source = outlets[outlet];
    s.outlet = outlets[outlet];
    s.date = i % 97 == 0 ? std::string("--") + (date + 5) : std::string(date);  // ~1% without a year
    out.push_back(std::move(s));
  }
  return out;
}

void BM_BuildMap(benchmark::State& state) {
  const std::vector<Statement> all = Synthetic(static_cast<size_t>(state.range(0)));
  size_t cells = 0, shifts = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Statement> copy = all;  // BuildMap takes its statements by value
    state.ResumeTiming();
    faultline::map::Map m = faultline::map::BuildMap(std::move(copy), faultline::map::MapOptions{});
    cells = m.cells.size();
    shifts = m.shifts.size();
    benchmark::DoNotOptimize(m);
  }
  state.counters["cells"] = static_cast<double>(cells);
  state.counters["shifts"] = static_cast<double>(shifts);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BuildMap)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(2);

void BM_WriteText(benchmark::State& state) {
  faultline::map::Map m = faultline::map::BuildMap(Synthetic(static_cast<size_t>(state.range(0))), {});
  for (auto _ : state) {
    std::ostringstream out;
    faultline::report::WriteText(m, faultline::report::TextOptions{}, out);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_WriteText)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_WriteJson(benchmark::State& state) {
  faultline::map::Map m = faultline::map::BuildMap(Synthetic(static_cast<size_t>(state.range(0))), {});
  for (auto _ : state) {
    std::ostringstream out;
    faultline::report::WriteJson(m, out);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_WriteJson)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
