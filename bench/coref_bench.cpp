// Actor recognition on one long generated document, at 1, 4 and 8 MB: coreference must
// stay linear in the document's length (issue 12: an 8 MB document repeating one surname
// took more than 30 s when each occurrence rescanned the mentions made so far). The
// time per MB should be about the same at every size (figures in docs/security.md).
//
//   build/bench/coref_bench [--benchmark_filter=shape:1]
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "actors/knowledge_base.h"
#include "actors/recognizer.h"

namespace {

using faultline::ActorRecognizer;
using faultline::Document;

const ActorRecognizer* Recognizer() {
  static const std::unique_ptr<ActorRecognizer> r = []() -> std::unique_ptr<ActorRecognizer> {
    auto built = faultline::BuildRecognizer({});
    if (!built.ok()) return nullptr;
    return std::make_unique<ActorRecognizer>(std::move(built).value());
  }();
  return r.get();
}

// A made-up surname for each i: "Kbov", "Kcov", ...
std::string Surname(size_t i) {
  std::string w = "K";
  for (size_t k = i + 1; k > 0; k /= 26) w += static_cast<char>('a' + k % 26);
  return w + "ov";
}

// `mb` megabytes of text after an opening that names the person in full. `shape` 0: one
// paragraph repeating the surname (the probe); 1: short paragraphs that also use
// pronouns, a bare role ("the president"), a title with the surname and an apposition,
// so every coreference rule runs on every paragraph; 2: "the two leaders" after only one
// person (the search for a second one goes back to the opening); 3: "the alliance" and
// "the allies" after the organisation; 4: a new person in every paragraph, named in full
// with an apposition (each surname is looked for in the rest of the text); 5: one
// paragraph with a new "Mr X" in every sentence; 6 and 7: one paragraph where every
// sentence has a new official whose state is the paragraph's ("Deputy Prime Minister
// Pierre X", "Pierre X, the deputy minister").
Document Generate(size_t mb, int shape) {
  Document d;
  d.date = "2022-03-30";
  d.text = "French President Emmanuel Macron spoke in Paris on Wednesday.\n\n";
  const size_t limit = mb << 20;
  d.text.reserve(limit + 256);
  for (size_t i = 0; d.text.size() < limit; ++i) {
    if (shape == 0) {
      d.text += i % 2 ? "Macron said so again. " : "Then Macron left. ";
    } else if (shape == 1) {
      d.text += i % 2 ? "Macron said so again. He left, and the president smiled.\n\n"
                      : "Mr Macron spoke. Pierre Durand, a French minister, agreed with him.\n\n";
    } else if (shape == 2) {
      d.text += "Macron spoke. The two leaders agreed.\n\n";
    } else if (shape == 3) {
      d.text += "NATO met in Brussels. The alliance agreed, and the allies smiled.\n\n";
    } else if (shape == 4) {
      d.text += "Pierre " + Surname(i) + ", a French minister, spoke.\n\n";
    } else if (shape == 5) {
      d.text += "Mr " + Surname(i) + " said Washington and the White House would go to Jordan. ";
    } else if (shape == 6) {
      d.text += "Russia said Deputy Prime Minister Pierre " + Surname(i) + " would go. ";
    } else {
      d.text += "Russia said Pierre " + Surname(i) + ", the deputy minister, would go. ";
    }
  }
  return d;
}

void BM_LongDocument(benchmark::State& state) {
  const ActorRecognizer* r = Recognizer();
  if (r == nullptr) {
    state.SkipWithError("the shipped knowledge base did not load");
    return;
  }
  const Document d = Generate(static_cast<size_t>(state.range(0)), static_cast<int>(state.range(1)));
  size_t mentions = 0;
  for (auto _ : state) {
    auto ms = r->Recognize(d);
    mentions = ms.size();
    benchmark::DoNotOptimize(ms.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * d.text.size()));
  state.counters["mentions"] = static_cast<double>(mentions);
}
// {MB, shape}: the seconds should grow like the MB.
BENCHMARK(BM_LongDocument)
    ->ArgNames({"mb", "shape"})
    ->ArgsProduct({{1, 4, 8}, {0, 1, 2, 3, 4, 5, 6, 7}})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
