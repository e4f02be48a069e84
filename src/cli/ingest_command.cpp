// Placeholder registration for `faultline ingest`; the stage's owner replaces this file.
#include <iostream>

#include "cli/commands.h"

namespace faultline::cli {

void RegisterIngest(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("ingest", "(under construction)");
  cmd->callback([exit_code] {
    std::cerr << "faultline ingest: not built yet\n";
    *exit_code = 2;
  });
}

}  // namespace faultline::cli
