// `faultline train-syntax TREEBANK.conllu... -o MODEL [--clusters FILE] [--tokenizer FILE]
// [--dev GOLD.conllu] [--seed N] [--threads N] [--*-epochs N] [--folds N] [--prune-* W]`: trains the
// tagger, lemmatiser and parser of the syntax stage on Universal Dependencies treebanks
// and writes one model file (docs/syntax.md says how the shipped one was made).
#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "util/data_path.h"
#include "syntax/conllu.h"
#include "syntax/evaluation.h"
#include "syntax/trainer.h"

namespace faultline::cli {
namespace {

struct TrainSyntaxOptions {
  syntax::TrainOptions train;
  std::string output;
  std::vector<std::string> dev;
};

// Scores `model` on gold files with their own tokens, as evaluate-syntax does.
void ReportDev(const syntax::Model& model, const std::vector<std::string>& files, bool* ok) {
  for (const auto& f : files) {
    std::vector<Status> problems;
    auto gold = syntax::ReadConlluFile(f, &problems);
    for (const auto& p : problems) std::cerr << "faultline train-syntax: " << p.ToString() << "\n";
    if (!gold.ok()) {
      std::cerr << "faultline train-syntax: " << gold.status().ToString() << "\n";
      *ok = false;
      continue;
    }
    syntax::SyntaxScores scores;
    for (const auto& g : *gold) {
      syntax::ParsedSentence s = g.parse;
      model.Annotate(&s);
      scores.Add(g.parse, s);
    }
    std::cerr << f << ": " << scores.Summary() << "\n";
  }
}

int Run(TrainSyntaxOptions& o) {
  o.train.log = [](const std::string& line) { std::cerr << "train-syntax: " << line << "\n"; };
  std::vector<Status> problems;
  const auto start = std::chrono::steady_clock::now();
  auto parts = syntax::TrainModel(o.train, &problems);
  for (const auto& p : problems) std::cerr << "faultline train-syntax: " << p.ToString() << "\n";
  if (!parts.ok()) {
    std::cerr << "faultline train-syntax: " << parts.status().ToString() << "\n";
    return 1;
  }
  const syntax::Model model(std::move(*parts));
  if (Status s = model.Save(o.output); !s.ok()) {
    std::cerr << "faultline train-syntax: " << s.ToString() << "\n";
    return 1;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "train-syntax: wrote " << o.output << " after " << static_cast<int>(secs) << " s\n"
            << model.provenance();
  bool ok = problems.empty();
  ReportDev(model, o.dev, &ok);
  return ok ? 0 : 1;
}

}  // namespace

void RegisterTrainSyntax(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<TrainSyntaxOptions>();
  opts->train.tokenizer_rules = DataFile("syntax/tokenizer.yaml");
  CLI::App* cmd = app.add_subcommand(
      "train-syntax",
      "Train the syntax model (tokeniser lists, tagger, lemmatiser, features, parser, labeller)\n"
      "on Universal Dependencies treebanks (CoNLL-U, gzip or not), deterministically.\n"
      "Examples:\n"
      "  faultline train-syntax ../shared/ud/ewt/en_ewt-ud-train.conllu.gz -o my.model \\\n"
      "      --clusters data/syntax/clusters.tsv --dev ../shared/ud/ewt/en_ewt-ud-dev.conllu.gz\n"
      "  bash scripts/train-syntax.sh      # the shipped model, as docs/syntax.md describes");
  cmd->add_option("treebank", opts->train.train_files, "training CoNLL-U files")->required()->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", opts->output, "model file to write")->required();
  cmd->add_option("--clusters", opts->train.clusters, "word-class table (bits<TAB>word<TAB>count)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--tokenizer", opts->train.tokenizer_rules, "tokeniser lists (YAML)")->capture_default_str()
      ->check(CLI::ExistingFile);
  cmd->add_option("--dev", opts->dev, "gold CoNLL-U files to score the new model on")->check(CLI::ExistingFile);
  cmd->add_option("--seed", opts->train.seed, "random seed (same seed, same model)")->capture_default_str();
  cmd->add_option("--threads", opts->train.threads, "training threads")->capture_default_str();
  cmd->add_option("--folds", opts->train.jackknife_folds, "jackknife folds for the parser's tags (0: gold tags)")->capture_default_str();
  cmd->add_option("--tagger-epochs", opts->train.tagger.epochs, "")->capture_default_str();
  cmd->add_option("--parser-epochs", opts->train.parser.epochs, "")->capture_default_str();
  cmd->add_option("--labeler-epochs", opts->train.labeler.epochs, "")->capture_default_str();
  cmd->add_option("--prune-tagger", opts->train.prune.tagger, "drop tagger weights below this (prune-syntax --tagger)")
      ->capture_default_str();
  cmd->add_option("--prune-parser", opts->train.prune.parser, "drop parser features below this (prune-syntax --parser)")
      ->capture_default_str();
  cmd->add_option("--prune-labeler", opts->train.prune.labeler,
                  "drop labeller weights below this (prune-syntax --labeler)")
      ->capture_default_str();
  cmd->callback([opts, exit_code] { *exit_code = Run(*opts); });
}

}  // namespace faultline::cli
