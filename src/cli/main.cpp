// faultline: who stands where, on which issue, since when, and according to whom.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "util/terminal.h"

int main(int argc, char** argv) {
  CLI::App app{
      "faultline reads news coverage and maps who stands where on which issue, since when,\n"
      "according to whom, and where coalitions split.\n\n"
      "Examples:\n"
      "  faultline map examples/\n"
      "  faultline extract page.html --format text\n"
      "  faultline ingest corpus/ --db news.db && faultline map --db news.db --format html -o map.html",
      "faultline"};
  app.set_version_flag("--version", FAULTLINE_VERSION);
  app.require_subcommand(1);
  int exit_code = 0;
  faultline::cli::RegisterExtract(app, &exit_code);
  faultline::cli::RegisterIngest(app, &exit_code);
  faultline::cli::RegisterCorpus(app, &exit_code);
  faultline::cli::RegisterActors(app, &exit_code);
  faultline::cli::RegisterStatements(app, &exit_code);
  faultline::cli::RegisterEvaluate(app, &exit_code);
  faultline::cli::RegisterMap(app, &exit_code);
  faultline::cli::RegisterWhy(app, &exit_code);
  faultline::cli::RegisterIssues(app, &exit_code);
  faultline::cli::RegisterParse(app, &exit_code);
  faultline::cli::RegisterTrainSyntax(app, &exit_code);
  faultline::cli::RegisterEvaluateSyntax(app, &exit_code);
  faultline::cli::RegisterClusterWords(app, &exit_code);
  faultline::cli::RegisterPruneSyntax(app, &exit_code);
  faultline::cli::RegisterCodebook(app, &exit_code);
  faultline::cli::RegisterExport(app, &exit_code);
  faultline::cli::RegisterServe(app, &exit_code);
  faultline::cli::RegisterStories(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;  // usage errors exit 2
  } catch (const std::exception& e) {
    // A backstop: loaders turn bad input into errors naming file and line; anything that
    // still throws is reported in one line (escaped) instead of an abort.
    std::cerr << "faultline: " << faultline::EscapeForTerminal(e.what()) << "\n";
    return 2;
  }
  return exit_code;
}
