// `faultline map`: statements (from documents, --db, or --statements JSONL) -> the map,
// written as text, JSON, CSV, GraphML or HTML.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/analysis.h"
#include "cli/commands.h"
#include "cli/names.h"
#include "cli/story_origins.h"
#include "dna/dna_csv.h"
#include "map/compare.h"
#include "map/map.h"
#include "map/statement_jsonl.h"
#include "report/csv_report.h"
#include "report/graphml_report.h"
#include "report/html_report.h"
#include "report/json_report.h"
#include "report/question_report.h"
#include "report/text_report.h"

namespace faultline::cli {
namespace {

struct MapArgs {
  InputOptions inputs;
  AnalysisOptions analysis;
  std::vector<std::string> statement_files;
  std::string from, to, window = "month", outlet, issue, actor, format = "text", output;
  std::string normalization = "jaccard", ties = "net", network, csv_table, by = "actor";
  std::vector<std::string> compare;  // two periods
  StoryOriginOptions stories;
  double min_confidence = 0;
  bool weight_by_confidence = false;
  size_t max_html_actors = report::HtmlOptions::kDefaultMaxActors;
};

// Reads statements from --statements files and from documents; false if any input failed.
// The documents also go to the stories that give independent origins.
bool LoadStatements(const MapArgs& a, std::vector<Statement>* out, StoryOriginCollector* stories) {
  bool ok = true;
  for (const auto& f : a.statement_files) {
    std::vector<Status> errors;
    Status st = map::ReadStatementsFile(f, out, &errors);
    if (!st.ok()) {
      std::cerr << st.ToString() << "\n";
      ok = false;
    }
    for (const auto& e : errors) std::cerr << e.ToString() << "\n";
    if (!errors.empty()) ok = false;
  }
  if (!a.inputs.paths.empty() || !a.inputs.db.empty()) {
    AnalysisOptions analysis = a.analysis;
    analysis.on_document = stories->Hook();
    analysis.on_document_without_text = stories->HookWithoutText();
    ok = CollectStatements(a.inputs, analysis, out) && ok;
  }
  return ok;
}

bool WriteTo(const std::string& path, const std::function<void(std::ostream&)>& write) {
  std::ofstream f(path, std::ios::binary);
  if (!f) {
    std::cerr << path << ": cannot open for writing\n";
    return false;
  }
  write(f);
  f.flush();
  if (!f) {
    std::cerr << path << ": write failed\n";
    return false;
  }
  return true;
}

std::string WithoutSuffix(const std::string& path, const std::string& suffix) {
  if (path.size() > suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
    return path.substr(0, path.size() - suffix.size());
  return path;
}

// The arguments that name the input, for the `faultline why` commands the text prints.
std::vector<std::string> WhyInputs(const MapArgs& a) {
  std::vector<std::string> w = a.inputs.paths;
  if (!a.inputs.db.empty()) w.insert(w.end(), {"--db", a.inputs.db});
  for (const auto& f : a.statement_files) w.insert(w.end(), {"--statements", f});
  if (!a.inputs.meta.empty()) w.insert(w.end(), {"--meta", a.inputs.meta});
  if (!a.analysis.codebook.empty()) w.insert(w.end(), {"--codebook", a.analysis.codebook});
  for (const auto& f : a.analysis.actor_files) w.insert(w.end(), {"--actors", f});
  return w;
}

bool Emit(const MapArgs& a, const std::function<void(std::ostream&)>& write) {
  if (a.output.empty() || a.output == "-") {
    write(std::cout);
    return true;
  }
  return WriteTo(a.output, write);
}

report::TextOptions TextOptionsFor(const MapArgs& a) {
  report::TextOptions t;
  t.colour = a.output.empty() && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
  t.why_inputs = WhyInputs(a);
  return t;
}

// `--compare P1 P2`: the two periods side by side, as text or JSON.
bool WriteComparison(const MapArgs& a, const std::vector<Statement>& statements, const map::MapOptions& opt,
                     const map::OriginOf& origin_of, const map::Names& names) {
  map::Comparison c = map::Compare(statements, opt, a.compare[0], a.compare[1], origin_of);
  c.before.names = names;
  c.after.names = names;
  if (a.format == "json")
    return Emit(a, [&](std::ostream& o) { o << report::ComparisonToJson(c).dump(2, ' ', false,
                                                                                nlohmann::json::error_handler_t::replace) << "\n"; });
  return Emit(a, [&](std::ostream& o) { report::WriteComparisonText(c, TextOptionsFor(a), o); });
}

int Run(const MapArgs& a) {
  map::MapOptions opt;
  if (a.statement_files.empty() && a.inputs.paths.empty() && a.inputs.db.empty()) {
    std::cerr << "faultline map: give PATH..., --db FILE or --statements FILE\n";
    return 2;
  }
  if (!a.from.empty() && !map::IsDateBound(a.from)) {
    std::cerr << "faultline map: --from must be YYYY, YYYY-MM or YYYY-MM-DD, not \"" << a.from << "\"\n";
    return 2;
  }
  if (!a.to.empty() && !map::IsDateBound(a.to)) {
    std::cerr << "faultline map: --to must be YYYY, YYYY-MM or YYYY-MM-DD, not \"" << a.to << "\"\n";
    return 2;
  }
  if (!map::ParseWindow(a.window, &opt.window)) {
    std::cerr << "faultline map: --window must be month, quarter or year\n";
    return 2;
  }
  if (!map::ParseNormalization(a.normalization, &opt.normalization)) {
    std::cerr << "faultline map: --normalization must be none, average, jaccard or cosine\n";
    return 2;
  }
  if (!map::ParseTieBasis(a.ties, &opt.basis)) {
    std::cerr << "faultline map: --ties must be net or any\n";
    return 2;
  }
  // No --network: -o BASE writes one graph per file (R and Python igraph and Gephi read
  // only a file's first graph); standard output gets the two-mode graph.
  report::GraphmlNetworks networks = report::GraphmlNetworks::kTwoMode;
  if (!a.network.empty() && !report::ParseGraphmlNetworks(a.network, &networks)) {
    std::cerr << "faultline map: --network must be all, twomode, congruence or conflict\n";
    return 2;
  }
  if (!a.csv_table.empty() && a.csv_table != "statements" && a.csv_table != "matrix") {
    std::cerr << "faultline map: --csv-table must be statements or matrix\n";
    return 2;
  }
  if (a.by != "actor" && a.by != "person") {
    std::cerr << "faultline map: --by must be actor or person\n";
    return 2;
  }
  if (!a.compare.empty()) {
    std::string f, t;
    for (const auto& p : a.compare)
      if (!map::ParsePeriod(p, &f, &t)) {
        std::cerr << "faultline map: --compare takes two periods FROM..TO (YYYY[-MM[-DD]] each, or one "
                     "bound for a whole month or year), not \"" << p << "\"\n";
        return 2;
      }
    if (a.format != "text" && a.format != "json") {
      std::cerr << "faultline map: --compare writes text or json\n";
      return 2;
    }
  }
  opt.from = a.from;
  opt.to = a.to;
  opt.outlet = a.outlet;
  opt.issue = a.issue;
  opt.actor = a.actor;
  opt.min_confidence = a.min_confidence;
  opt.weight_by_confidence = a.weight_by_confidence;

  StoryOriginCollector stories;
  if (!stories.Start(a.stories, a.inputs.db)) return 1;
  std::vector<Statement> statements;
  bool inputs_ok = LoadStatements(a, &statements, &stories);
  map::Names names;
  if (!LoadNamesFor("map", a.analysis, statements, &names)) inputs_ok = false;
  if (a.by == "person") map::AttributeToPeople(&statements, &names);
  if (!ResolveFilter("map", "actor", names.actor_choices, &opt.actor, std::cerr) ||
      !ResolveFilter("map", "issue", names.issue_choices, &opt.issue, std::cerr) ||
      !ResolveFilter("map", "outlet", OutletChoices(statements), &opt.outlet, std::cerr))
    return 2;
  map::OriginOf origins;
  if (!stories.Finish(&origins)) return 1;
  if (!a.compare.empty()) {
    const bool written = WriteComparison(a, statements, opt, std::move(origins), names);
    return inputs_ok && written ? 0 : 1;
  }
  map::Map m = map::BuildMap(std::move(statements), opt, std::move(origins));
  m.names = std::move(names);

  bool written = true;
  auto emit = [&](const std::function<void(std::ostream&)>& write) { written = Emit(a, write) && written; };
  if (a.format == "text") {
    const report::TextOptions t = TextOptionsFor(a);
    if (!opt.actor.empty()) emit([&](std::ostream& o) { report::WriteActorText(m, t, o); });
    else emit([&](std::ostream& o) { report::WriteText(m, t, o); });
  } else if (a.format == "json") {
    emit([&](std::ostream& o) { report::WriteJson(m, o); });
  } else if (a.format == "graphml") {
    if (a.network.empty() && !a.output.empty() && a.output != "-") {
      const std::string base = WithoutSuffix(a.output, ".graphml");
      for (auto [which, name] : {std::pair{report::GraphmlNetworks::kTwoMode, ".twomode.graphml"},
                                 std::pair{report::GraphmlNetworks::kCongruence, ".congruence.graphml"},
                                 std::pair{report::GraphmlNetworks::kConflict, ".conflict.graphml"}})
        // Captured by value: clang 14 cannot capture a structured binding (C++20 allows it).
        written = WriteTo(base + name, [&, which = which](std::ostream& o) { report::WriteGraphml(m, which, o); }) &&
                  written;
    } else {
      emit([&](std::ostream& o) { report::WriteGraphml(m, networks, o); });
    }
  } else if (a.format == "html") {
    report::HtmlOptions ho;
    ho.max_actors = a.max_html_actors;
    emit([&](std::ostream& o) { report::WriteHtml(m, ho, o); });
  } else if (a.format == "csv") {
    auto table = [&](const std::string& which) -> std::function<void(std::ostream&)> {
      if (which == "matrix") return [&](std::ostream& o) { report::WriteMatrixCsv(m, o); };
      return [&](std::ostream& o) { report::WriteStatementsCsv(m, o); };
    };
    if (a.output.empty() || a.output == "-" || !a.csv_table.empty()) {
      emit(table(a.csv_table.empty() ? "statements" : a.csv_table));
    } else {
      // -o base (or base.csv) -> base.statements.csv and base.matrix.csv
      const std::string base = WithoutSuffix(a.output, ".csv");
      written = WriteTo(base + ".statements.csv", table("statements")) && written;
      written = WriteTo(base + ".matrix.csv", table("matrix")) && written;
    }
  } else if (a.format == "dna-csv") {
    emit([&](std::ostream& o) { dna::WriteEventCsv(m.statements, o); });
  } else {
    std::cerr << "faultline map: --format must be text, json, csv, dna-csv, graphml or html\n";
    return 2;
  }
  return inputs_ok && written ? 0 : 1;
}

}  // namespace

void RegisterMap(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<MapArgs>();
  CLI::App* cmd = app.add_subcommand(
      "map",
      "Map who stands where: per issue (most divided first) the actors for and against, shifts\n"
      "between time windows, camps of actors who agree, and what each outlet reports.\n"
      "Examples:\n"
      "  faultline map corpus/ --meta corpus.meta.jsonl\n"
      "  faultline map --statements statements.jsonl --window quarter --format html -o map.html\n"
      "  faultline map --statements coded.dna --format dna-csv -o events.csv\n"
      "  faultline map --db news.db --from 2022-03 --to 2022-03 --issue talks\n"
      "  faultline map corpus/ --actor Poland\n"
      "  faultline map corpus/ --compare 2022-01..2022-06 2022-07..2022-12\n"
      "  faultline map corpus/ --by person --actor Scholz\n"
      "An unknown --actor, --issue or --outlet is an error listing the closest valid values;\n"
      "`faultline issues` and `faultline actors --lookup NAME` list them.");
  AddInputOptions(cmd, &args->inputs);
  AddAnalysisOptions(cmd, &args->analysis);
  AddStoryOriginOptions(cmd, &args->stories);
  cmd->add_option("--statements", args->statement_files,
                  "statements: JSONL (as `faultline statements --format jsonl` writes it), a DNA "
                  "database (.dna) or DNA's statement CSV; '-' for "
                  "stdin; repeat for more files)")
      ->allow_extra_args(false);  // one file per --statements, so PATH... stays positional
  cmd->add_option("--from", args->from, "keep statements dated on or after YYYY[-MM[-DD]]");
  cmd->add_option("--to", args->to, "keep statements dated on or before YYYY[-MM[-DD]]");
  cmd->add_option("--window", args->window, "time window for shifts: month (default), quarter, year");
  cmd->add_option("--outlet", args->outlet, "keep only statements from this outlet (its name, any case)");
  cmd->add_option("--issue", args->issue, "keep only this issue (id or label: sanctions, \"Sanctions on Russia\")");
  cmd->add_option("--actor", args->actor,
                  "keep only this actor (code or name: POL, Poland): its stance on every issue and its "
                  "course over time");
  cmd->add_option("--compare", args->compare,
                  "two periods side by side, FROM..TO each (2022-01..2022-06 2022-07..2022-12): per "
                  "issue who moved, who appeared, who fell silent (text or json)")
      ->expected(2)
      ->allow_extra_args(false);
  cmd->add_option("--by", args->by,
                  "actor (default) or person: statements that name the person who spoke count for "
                  "that person (Olaf Scholz) rather than the state (DEU)");
  cmd->add_option("--min-confidence", args->min_confidence,
                  "keep only statements of at least this confidence, 0..1 (docs/statements.md, Confidence)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--weight-by-confidence", args->weight_by_confidence,
                "a document's vote on an actor's net stance weighs its statement's confidence instead of 1");
  cmd->add_option("--max-html-actors", args->max_html_actors,
                  "--format html: show the N actors with the most statements (default 300; 0: all); "
                  "the page says how many it leaves out");
  cmd->add_option("--format", args->format,
                  "text (default), json, csv, dna-csv (DNA's event list: the statements kept, with "
                  "document title, author and offsets), graphml, html");
  cmd->add_option("-o,--output", args->output, "write to FILE instead of standard output");
  cmd->add_option("--normalization", args->normalization,
                  "congruence/conflict tie normalisation as in DNA: jaccard (default; docs/map.md says why), "
                  "none, average, cosine");
  cmd->add_option("--ties", args->ties,
                  "what ties actors in the congruence/conflict networks and camps: net (default; each "
                  "actor's net stance per issue) or any (every stance it took, DNA's own array)");
  cmd->add_option("--network", args->network,
                  "graphml: twomode, congruence, conflict, or all (three graphs in one file); by "
                  "default -o BASE writes one graph per file, BASE.twomode.graphml, "
                  "BASE.congruence.graphml and BASE.conflict.graphml, and standard output gets twomode");
  cmd->add_option("--csv-table", args->csv_table,
                  "csv: write only this table (statements or matrix); default with -o BASE: both, "
                  "as BASE.statements.csv and BASE.matrix.csv");
  cmd->callback([args, exit_code] { *exit_code = Run(*args); });
}

}  // namespace faultline::cli
