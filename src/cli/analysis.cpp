// Placeholder until the statements stage lands: finds no statements.
#include "cli/analysis.h"

namespace faultline::cli {

void AddAnalysisOptions(CLI::App* cmd, AnalysisOptions* options) {
  cmd->add_option("--codebook", options->codebook, "issue codebook (YAML)");
  cmd->add_option("--actors", options->actor_files, "extra actor files (YAML, PETRARCH, TABARI)");
}

bool CollectStatements(const InputOptions& inputs, const AnalysisOptions& analysis,
                       std::vector<Statement>* out) {
  return ForEachInputDocument(inputs, [](Document&&) {});
}

}  // namespace faultline::cli
