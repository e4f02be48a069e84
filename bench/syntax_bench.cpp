// Syntax stage throughput (one thread): the sentences of real news articles
// (../shared/gold/dev, else the shipped examples) tokenised, tagged, lemmatised and
// parsed by the shipped model; also each step alone, and the model's load time.
// Figures and machine: bench/README-syntax.md.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "syntax/model.h"
#include "text/segment.h"

namespace {

namespace fs = std::filesystem;
using faultline::syntax::Model;

struct Corpus {
  std::vector<std::string> texts;
  std::vector<std::vector<faultline::Span>> sentences;
  size_t count = 0;
};

const Corpus& LoadCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    const fs::path src = FAULTLINE_SOURCE_DIR;
    fs::path dir = src.parent_path() / "shared/gold/dev";
    if (!fs::is_directory(dir)) dir = src / "examples";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      c.texts.push_back(ss.str());
      c.sentences.push_back(faultline::SplitSentences(c.texts.back()));
      c.count += c.sentences.back().size();
    }
    return c;
  }();
  return corpus;
}

// The shipped model, or $FAULTLINE_BENCH_MODEL: so that two models (a pruned one and
// its original) can be timed alternately by the same binary.
std::string ModelPath() {
  const char* other = std::getenv("FAULTLINE_BENCH_MODEL");
  return other != nullptr && *other != '\0' ? other : std::string(FAULTLINE_SOURCE_DIR) + "/data/syntax/en.model";
}

const Model* Shipped() {
  static const std::shared_ptr<const Model> model = [] {
    auto m = Model::Load(ModelPath());
    return m.ok() ? *m : nullptr;
  }();
  return model.get();
}

void BM_LoadModel(benchmark::State& state) {
  for (auto _ : state) {
    auto m = Model::Load(ModelPath());
    if (!m.ok()) {
      state.SkipWithError(m.status().reason().c_str());
      return;
    }
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

// Tokenise, tag, lemmatise, parse and label every sentence.
void BM_ParseNews(benchmark::State& state) {
  const Corpus& c = LoadCorpus();
  const Model* model = Shipped();
  if (model == nullptr) {
    state.SkipWithError(("cannot load " + ModelPath()).c_str());
    return;
  }
  size_t sentences = 0, tokens = 0;
  for (auto _ : state) {
    for (size_t d = 0; d < c.texts.size(); ++d)
      for (const auto& sp : c.sentences[d]) {
        auto s = model->Parse(c.texts[d], static_cast<uint32_t>(sp.begin), static_cast<uint32_t>(sp.end));
        tokens += s.tokens.size();
        ++sentences;
        benchmark::DoNotOptimize(s);
      }
  }
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["tokens/sentence"] = static_cast<double>(tokens) / std::max<size_t>(sentences, 1);
}
BENCHMARK(BM_ParseNews)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

// The steps alone, on the same sentences.
enum class Step { kTokenize, kDescribe, kTag, kParse, kLabel };

void BM_Step(benchmark::State& state, Step step) {
  const Corpus& c = LoadCorpus();
  const Model* model = Shipped();
  if (model == nullptr) {
    state.SkipWithError(("cannot load " + ModelPath()).c_str());
    return;
  }
  using namespace faultline::syntax;
  const ModelParts& p = model->parts();
  const Tokenizer tokenizer(p.tokenizer_rules);
  // Inputs of each step, prepared outside the timed loop.
  std::vector<std::vector<WordInfo>> words;
  std::vector<std::vector<int>> tags;
  std::vector<LabelerSentence> trees;
  for (size_t d = 0; d < c.texts.size(); ++d)
    for (const auto& sp : c.sentences[d]) {
      std::vector<WordInfo> w;
      for (const auto& t : tokenizer.Tokenize(c.texts[d], sp.begin, sp.end))
        w.push_back(DescribeWord(std::string_view(c.texts[d]).substr(t.begin, t.size()), p.clusters));
      std::vector<int> tg;
      p.tagger.Tag(w, &tg);
      LabelerSentence ls;
      ls.words = w;
      ls.tags = tg;
      for (int t : tg) ls.upos.push_back(p.tagger.UposOf(t));
      p.parser.Parse(w, tg, &ls.heads);
      words.push_back(std::move(w));
      tags.push_back(std::move(tg));
      trees.push_back(std::move(ls));
    }
  size_t sentences = 0;
  for (auto _ : state) {
    size_t k = 0;
    for (size_t d = 0; d < c.texts.size(); ++d)
      for (const auto& sp : c.sentences[d]) {
        switch (step) {
          case Step::kTokenize:
            benchmark::DoNotOptimize(tokenizer.Tokenize(c.texts[d], sp.begin, sp.end));
            break;
          case Step::kDescribe:
            for (const auto& t : tokenizer.Tokenize(c.texts[d], sp.begin, sp.end))
              benchmark::DoNotOptimize(DescribeWord(std::string_view(c.texts[d]).substr(t.begin, t.size()), p.clusters));
            break;
          case Step::kTag: {
            std::vector<int> out;
            p.tagger.Tag(words[k], &out);
            benchmark::DoNotOptimize(out);
            break;
          }
          case Step::kParse: {
            std::vector<int> heads;
            p.parser.Parse(words[k], tags[k], &heads);
            benchmark::DoNotOptimize(heads);
            break;
          }
          case Step::kLabel: {
            std::vector<int> labels;
            p.labeler.Label(trees[k], &labels);
            benchmark::DoNotOptimize(labels);
            break;
          }
        }
        ++k;
        ++sentences;
      }
  }
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_Step, tokenize, Step::kTokenize)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_Step, describe_words, Step::kDescribe)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_Step, tag, Step::kTag)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_Step, parse, Step::kParse)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_Step, label, Step::kLabel)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

}  // namespace

BENCHMARK_MAIN();
