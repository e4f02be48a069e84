// `faultline statements PATH...|--db FILE [--codebook FILE] [--actors FILE] [--format jsonl|text]
// [--refresh]`: the position statements of every document — actor, issue, stance, evidence —
// with the cue and rule that produced each, who reports it, and where it is in the text.
// With --db they come from the database's statement cache where it holds them (analysis.h).
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/analysis.h"
#include "cli/commands.h"
#include "cli/inputs.h"

namespace faultline::cli {
namespace {

struct StatementsOptions {
  InputOptions inputs;
  AnalysisOptions analysis;
  std::string format = "jsonl";
};

nlohmann::json ToJson(const Statement& s) {
  nlohmann::json j;
  j["doc"] = s.doc;
  j["actor"] = s.actor;
  j["issue"] = s.issue;
  j["stance"] = s.stance;
  j["evidence"] = s.evidence;
  if (!s.person.empty()) j["person"] = s.person;
  j["cue"] = s.cue;
  j["rule"] = s.rule;
  j["source"] = s.source;
  j["date"] = s.date;
  j["outlet"] = s.outlet;
  j["begin"] = s.begin;
  j["end"] = s.end;
  return j;
}

int Run(const StatementsOptions& o) {
  std::vector<Statement> statements;
  const bool ok = CollectStatements(o.inputs, o.analysis, &statements);
  const bool text = o.format == "text";
  std::string current;
  for (const auto& s : statements) {
    if (!text) {
      std::cout << ToJson(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      continue;
    }
    if (s.doc != current) {
      current = s.doc;
      std::cout << "# " << s.doc << (s.date.empty() ? "" : "  " + s.date) << (s.outlet.empty() ? "" : "  " + s.outlet)
                << "\n";
    }
    std::cout << "  " << s.actor << (s.stance > 0 ? " + " : " - ") << s.issue << "  [" << s.cue << "]";
    if (!s.person.empty()) std::cout << "  (" << s.person << ")";
    if (!s.source.empty() && s.source != s.outlet) std::cout << "  via " << s.source;
    std::cout << "\n      \"" << s.evidence << "\"\n";
  }
  return ok ? 0 : 1;
}

}  // namespace

void RegisterStatements(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<StatementsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "statements", "position statements: who is for or against what, with the sentence that says so");
  AddInputOptions(cmd, &opts->inputs);
  AddAnalysisOptions(cmd, &opts->analysis);
  cmd->add_option("--format", opts->format, "jsonl (default) or text")->check(CLI::IsMember({"jsonl", "text"}));
  cmd->callback([opts, exit_code] {
    if (opts->inputs.paths.empty() && opts->inputs.db.empty()) {
      std::cerr << "faultline statements: give PATH... or --db FILE\n";
      *exit_code = 2;
      return;
    }
    *exit_code = Run(*opts);
  });
}

}  // namespace faultline::cli
