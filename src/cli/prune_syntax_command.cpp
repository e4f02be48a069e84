// `faultline prune-syntax MODEL -o OUTPUT [--tagger W] [--parser W] [--labeler W]`:
// rewrites a trained syntax model without its least weighty features, so that its
// tables are smaller and scoring misses the cache less, without retraining. The
// result is byte for byte what `train-syntax` with the same `--prune-*` options writes.
#include <iostream>

#include "cli/commands.h"
#include "syntax/model.h"
#include "syntax/trainer.h"

namespace faultline::cli {
namespace {

struct PruneSyntaxOptions {
  std::string input;
  std::string output;
  syntax::PruneOptions prune;
};

void Report(const char* part, const syntax::LinearModel& before, const syntax::LinearModel& after) {
  std::cerr << "prune-syntax: " << part << " " << before.features() << " -> " << after.features() << " features, "
            << before.weights() << " -> " << after.weights() << " weights\n";
}

int Run(const PruneSyntaxOptions& o) {
  if (!o.prune.any()) {
    std::cerr << "faultline prune-syntax: no threshold given (--tagger, --parser or --labeler above 0)\n";
    return 2;
  }
  auto model = syntax::Model::Load(o.input);
  if (!model.ok()) {
    std::cerr << "faultline prune-syntax: " << model.status().ToString() << "\n";
    return 1;
  }
  syntax::ModelParts parts = (*model)->parts();
  syntax::PruneModel(o.prune, &parts);
  const syntax::ModelParts& old = (*model)->parts();
  Report("tagger", old.tagger.model(), parts.tagger.model());
  Report("parser", old.parser.model(), parts.parser.model());
  Report("labeller", old.labeler.model(), parts.labeler.model());
  const syntax::Model pruned(std::move(parts));
  if (Status s = pruned.Save(o.output); !s.ok()) {
    std::cerr << "faultline prune-syntax: " << s.ToString() << "\n";
    return 1;
  }
  std::cerr << "prune-syntax: wrote " << o.output << "\n" << pruned.provenance();
  return 0;
}

}  // namespace

void RegisterPruneSyntax(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<PruneSyntaxOptions>();
  CLI::App* cmd = app.add_subcommand(
      "prune-syntax",
      "Rewrite a syntax model without the features whose weights are all below a threshold\n"
      "(smaller tables, faster parsing); the same as `train-syntax --prune-*` without retraining.\n"
      "Example:\n"
      "  faultline prune-syntax data/syntax/en.model -o pruned.model --parser 0.5 --tagger 0.1 --labeler 0.1");
  cmd->add_option("model", opts->input, "model file to read")->required()->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", opts->output, "model file to write")->required();
  cmd->add_option("--tagger", opts->prune.tagger, "drop tagger weights below this magnitude")->capture_default_str();
  cmd->add_option("--parser", opts->prune.parser, "drop parser features whose weights are all below this")
      ->capture_default_str();
  cmd->add_option("--labeler", opts->prune.labeler, "drop labeller weights below this magnitude")
      ->capture_default_str();
  cmd->callback([opts, exit_code] { *exit_code = Run(*opts); });
}

}  // namespace faultline::cli
