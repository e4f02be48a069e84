// Placeholder registration for `faultline extract`; the stage's owner replaces this file.
#include <iostream>

#include "cli/commands.h"

namespace faultline::cli {

void RegisterExtract(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("extract", "(under construction)");
  cmd->callback([exit_code] {
    std::cerr << "faultline extract: not built yet\n";
    *exit_code = 2;
  });
}

}  // namespace faultline::cli
