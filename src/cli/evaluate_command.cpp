// Placeholder registration for `faultline evaluate`; the stage's owner replaces this file.
#include <iostream>

#include "cli/commands.h"

namespace faultline::cli {

void RegisterEvaluate(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("evaluate", "(under construction)");
  cmd->callback([exit_code] {
    std::cerr << "faultline evaluate: not built yet\n";
    *exit_code = 2;
  });
}

}  // namespace faultline::cli
