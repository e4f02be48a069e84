// Placeholder registration for `faultline map`; the stage's owner replaces this file.
#include <iostream>

#include "cli/commands.h"

namespace faultline::cli {

void RegisterMap(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("map", "(under construction)");
  cmd->callback([exit_code] {
    std::cerr << "faultline map: not built yet\n";
    *exit_code = 2;
  });
}

}  // namespace faultline::cli
