// Placeholder registration for `faultline statements`; the stage's owner replaces this file.
#include <iostream>

#include "cli/commands.h"

namespace faultline::cli {

void RegisterStatements(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("statements", "(under construction)");
  cmd->callback([exit_code] {
    std::cerr << "faultline statements: not built yet\n";
    *exit_code = 2;
  });
}

}  // namespace faultline::cli
