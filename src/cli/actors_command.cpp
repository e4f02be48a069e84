// Placeholder registration for `faultline actors`; the stage's owner replaces this file.
#include <iostream>

#include "cli/commands.h"

namespace faultline::cli {

void RegisterActors(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("actors", "(under construction)");
  cmd->callback([exit_code] {
    std::cerr << "faultline actors: not built yet\n";
    *exit_code = 2;
  });
}

}  // namespace faultline::cli
