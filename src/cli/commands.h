// Each subcommand lives in its own file and registers itself on the app. A command's
// callback stores its exit status in *exit_code: 0 success, 1 some input failed
// (reported on stderr, the rest processed), 2 usage error.
#pragma once

#include <CLI/CLI.hpp>

namespace faultline::cli {

void RegisterExtract(CLI::App& app, int* exit_code);     // extract_command.cpp
void RegisterIngest(CLI::App& app, int* exit_code);      // ingest_command.cpp
void RegisterCorpus(CLI::App& app, int* exit_code);      // corpus_command.cpp
void RegisterActors(CLI::App& app, int* exit_code);      // actors_command.cpp
void RegisterStatements(CLI::App& app, int* exit_code);  // statements_command.cpp
void RegisterEvaluate(CLI::App& app, int* exit_code);    // evaluate_command.cpp
void RegisterMap(CLI::App& app, int* exit_code);         // map_command.cpp
void RegisterWhy(CLI::App& app, int* exit_code);         // why_command.cpp
void RegisterParse(CLI::App& app, int* exit_code);           // parse_command.cpp
void RegisterTrainSyntax(CLI::App& app, int* exit_code);     // train_syntax_command.cpp
void RegisterEvaluateSyntax(CLI::App& app, int* exit_code);  // evaluate_syntax_command.cpp
void RegisterClusterWords(CLI::App& app, int* exit_code);    // cluster_words_command.cpp
void RegisterPruneSyntax(CLI::App& app, int* exit_code);     // prune_syntax_command.cpp
void RegisterCodebook(CLI::App& app, int* exit_code);    // codebook_command.cpp
void RegisterExport(CLI::App& app, int* exit_code);      // export_command.cpp
void RegisterServe(CLI::App& app, int* exit_code);       // serve_command.cpp
void RegisterStories(CLI::App& app, int* exit_code);     // stories_command.cpp
void RegisterIssues(CLI::App& app, int* exit_code);      // issues_command.cpp

}  // namespace faultline::cli
