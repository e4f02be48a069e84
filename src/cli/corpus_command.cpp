// Placeholder registration for `faultline corpus`; the stage's owner replaces this file.
#include <iostream>

#include "cli/commands.h"

namespace faultline::cli {

void RegisterCorpus(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("corpus", "(under construction)");
  cmd->callback([exit_code] {
    std::cerr << "faultline corpus: not built yet\n";
    *exit_code = 2;
  });
}

}  // namespace faultline::cli
