// Placeholder registration for `faultline why`; the stage's owner replaces this file.
#include <iostream>

#include "cli/commands.h"

namespace faultline::cli {

void RegisterWhy(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("why", "(under construction)");
  cmd->callback([exit_code] {
    std::cerr << "faultline why: not built yet\n";
    *exit_code = 2;
  });
}

}  // namespace faultline::cli
