// `faultline why ACTOR ISSUE`: every statement behind one cell of the map.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/analysis.h"
#include "cli/commands.h"
#include "cli/names.h"
#include "cli/story_origins.h"
#include "map/map.h"
#include "map/statement_jsonl.h"
#include "report/json_report.h"
#include "report/text_report.h"

namespace faultline::cli {
namespace {

struct WhyArgs {
  std::string actor, issue;
  InputOptions inputs;
  AnalysisOptions analysis;
  std::vector<std::string> statement_files;
  std::string from, to, outlet, format = "text", by = "actor";
  StoryOriginOptions stories;
};

int Run(const WhyArgs& a) {
  if (a.statement_files.empty() && a.inputs.paths.empty() && a.inputs.db.empty()) {
    std::cerr << "faultline why: give PATH..., --db FILE or --statements FILE\n";
    return 2;
  }
  for (const std::string* b : {&a.from, &a.to})
    if (!b->empty() && !map::IsDateBound(*b)) {
      std::cerr << "faultline why: --from/--to must be YYYY, YYYY-MM or YYYY-MM-DD, not \"" << *b << "\"\n";
      return 2;
    }
  if (a.by != "actor" && a.by != "person") {
    std::cerr << "faultline why: --by must be actor or person\n";
    return 2;
  }
  if (a.format != "text" && a.format != "json") {
    std::cerr << "faultline why: --format must be text or json\n";
    return 2;
  }
  StoryOriginCollector stories;
  if (!stories.Start(a.stories, a.inputs.db)) return 1;
  bool ok = true;
  std::vector<Statement> statements;
  for (const auto& f : a.statement_files) {
    std::vector<Status> errors;
    Status st = map::ReadStatementsFile(f, &statements, &errors);
    if (!st.ok()) { std::cerr << st.ToString() << "\n"; ok = false; }
    for (const auto& e : errors) std::cerr << e.ToString() << "\n";
    if (!errors.empty()) ok = false;
  }
  if (!a.inputs.paths.empty() || !a.inputs.db.empty()) {
    AnalysisOptions analysis = a.analysis;
    analysis.on_document = stories.Hook();
    analysis.on_document_without_text = stories.HookWithoutText();
    ok = CollectStatements(a.inputs, analysis, &statements) && ok;
  }
  map::MapOptions opt;
  opt.from = a.from;
  opt.to = a.to;
  opt.outlet = a.outlet;
  opt.actor = a.actor;
  opt.issue = a.issue;
  map::Names names;
  if (!LoadNamesFor("why", a.analysis, statements, &names)) ok = false;
  if (a.by == "person") map::AttributeToPeople(&statements, &names);
  if (!ResolveFilter("why", "actor", names.actor_choices, &opt.actor, std::cerr) ||
      !ResolveFilter("why", "issue", names.issue_choices, &opt.issue, std::cerr) ||
      !ResolveFilter("why", "outlet", OutletChoices(statements), &opt.outlet, std::cerr))
    return 2;
  // Only this cell's statements are needed: drop the rest before aggregating.
  std::vector<Statement> cell;
  for (auto& s : statements)
    if (s.actor == opt.actor && s.issue == opt.issue) cell.push_back(std::move(s));
  map::OriginOf origins;
  if (!stories.Finish(&origins)) return 1;
  map::Map m = map::BuildMap(std::move(cell), opt, std::move(origins));
  m.names = std::move(names);
  if (a.format == "json") {
    report::WriteWhyJson(m, opt.actor, opt.issue, std::cout);
  } else {
    report::TextOptions t;
    t.colour = isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
    report::WriteWhyText(m, opt.actor, opt.issue, t, std::cout);
  }
  return ok ? 0 : 1;
}

}  // namespace

void RegisterWhy(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<WhyArgs>();
  CLI::App* cmd = app.add_subcommand(
      "why",
      "List every statement behind one cell of the map: sentence, outlet, date, who reports it,\n"
      "the rule and cue that coded it, and the document.\n"
      "Examples:\n"
      "  faultline why GBR talks corpus/ --meta corpus.meta.jsonl\n"
      "  faultline why FRA arms --statements statements.jsonl --format json\n"
      "  faultline why Poland sanctions corpus/\n"
      "An unknown actor, issue or --outlet is an error listing the closest valid values.");
  cmd->add_option("actor", args->actor, "actor code or name (FRA, France, NATO, CEE)")->required();
  cmd->add_option("issue", args->issue, "issue id or label (talks, \"Talks with Russia\")")->required();
  AddInputOptions(cmd, &args->inputs);
  AddAnalysisOptions(cmd, &args->analysis);
  AddStoryOriginOptions(cmd, &args->stories);
  cmd->add_option("--statements", args->statement_files,
                  "statements: JSONL (as `faultline statements --format jsonl` writes it), a DNA database "
                  "(.dna) or DNA's statement CSV; '-' for stdin (JSONL)")
      ->allow_extra_args(false);  // one file per --statements, so PATH... stays positional
  cmd->add_option("--from", args->from, "keep statements dated on or after YYYY[-MM[-DD]]");
  cmd->add_option("--to", args->to, "keep statements dated on or before YYYY[-MM[-DD]]");
  cmd->add_option("--outlet", args->outlet, "keep only statements from this outlet");
  cmd->add_option("--format", args->format, "text (default) or json");
  cmd->add_option("--by", args->by,
                  "actor (default) or person: ACTOR is then a person who spoke (\"Olaf Scholz\") and only "
                  "the statements that name them count");
  cmd->callback([args, exit_code] { *exit_code = Run(*args); });
}

}  // namespace faultline::cli
