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
#include "cli/story_origins.h"
#include "dna/dna_csv.h"
#include "map/map.h"
#include "map/statement_jsonl.h"
#include "report/csv_report.h"
#include "report/graphml_report.h"
#include "report/html_report.h"
#include "report/json_report.h"
#include "report/text_report.h"

namespace faultline::cli {
namespace {

struct MapArgs {
  InputOptions inputs;
  AnalysisOptions analysis;
  std::vector<std::string> statement_files;
  std::string from, to, window = "month", outlet, issue, format = "text", output;
  std::string normalization = "none", ties = "net", network = "all", csv_table;
  StoryOriginOptions stories;
  double min_confidence = 0;
  bool weight_by_confidence = false;
};

// Reads statements from --statements files and from documents; false if any input failed.
// The documents also go to `on_document` (the stories that give independent origins).
bool LoadStatements(const MapArgs& a, std::vector<Statement>* out,
                    const std::function<void(const Document&)>& on_document) {
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
    analysis.on_document = on_document;
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
  report::GraphmlNetworks networks;
  if (!report::ParseGraphmlNetworks(a.network, &networks)) {
    std::cerr << "faultline map: --network must be all, twomode, congruence or conflict\n";
    return 2;
  }
  if (!a.csv_table.empty() && a.csv_table != "statements" && a.csv_table != "matrix") {
    std::cerr << "faultline map: --csv-table must be statements or matrix\n";
    return 2;
  }
  opt.from = a.from;
  opt.to = a.to;
  opt.outlet = a.outlet;
  opt.issue = a.issue;
  opt.min_confidence = a.min_confidence;
  opt.weight_by_confidence = a.weight_by_confidence;

  StoryOriginCollector stories;
  if (!stories.Start(a.stories, a.inputs.db)) return 1;
  std::vector<Statement> statements;
  bool inputs_ok = LoadStatements(a, &statements, stories.Hook());
  map::Map m = map::BuildMap(std::move(statements), opt, stories.Finish());

  bool written = true;
  auto emit = [&](const std::function<void(std::ostream&)>& write) {
    if (a.output.empty() || a.output == "-") write(std::cout);
    else written = WriteTo(a.output, write) && written;
  };
  if (a.format == "text") {
    report::TextOptions t;
    t.colour = a.output.empty() && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
    emit([&](std::ostream& o) { report::WriteText(m, t, o); });
  } else if (a.format == "json") {
    emit([&](std::ostream& o) { report::WriteJson(m, o); });
  } else if (a.format == "graphml") {
    emit([&](std::ostream& o) { report::WriteGraphml(m, networks, o); });
  } else if (a.format == "html") {
    emit([&](std::ostream& o) { report::WriteHtml(m, report::HtmlOptions{}, o); });
  } else if (a.format == "csv") {
    auto table = [&](const std::string& which) -> std::function<void(std::ostream&)> {
      if (which == "matrix") return [&](std::ostream& o) { report::WriteMatrixCsv(m, o); };
      return [&](std::ostream& o) { report::WriteStatementsCsv(m, o); };
    };
    if (a.output.empty() || a.output == "-" || !a.csv_table.empty()) {
      emit(table(a.csv_table.empty() ? "statements" : a.csv_table));
    } else {
      // -o base (or base.csv) -> base.statements.csv and base.matrix.csv
      std::string base = a.output;
      if (base.size() > 4 && base.compare(base.size() - 4, 4, ".csv") == 0) base.resize(base.size() - 4);
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
      "  faultline map --db news.db --from 2022-03 --to 2022-03 --issue talks");
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
  cmd->add_option("--outlet", args->outlet, "keep only statements from this outlet");
  cmd->add_option("--issue", args->issue, "keep only this issue");
  cmd->add_option("--min-confidence", args->min_confidence,
                  "keep only statements of at least this confidence, 0..1 (docs/statements.md, Confidence)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--weight-by-confidence", args->weight_by_confidence,
                "a document's vote on an actor's net stance weighs its statement's confidence instead of 1");
  cmd->add_option("--format", args->format,
                  "text (default), json, csv, dna-csv (DNA's event list: the statements kept, with "
                  "document title, author and offsets), graphml, html");
  cmd->add_option("-o,--output", args->output, "write to FILE instead of standard output");
  cmd->add_option("--normalization", args->normalization,
                  "congruence/conflict tie normalisation as in DNA: none (default), average, jaccard, cosine");
  cmd->add_option("--ties", args->ties,
                  "what ties actors in the congruence/conflict networks and camps: net (default; each "
                  "actor's net stance per issue) or any (every stance it took, DNA's own array)");
  cmd->add_option("--network", args->network,
                  "graphml: all (default; three graphs), twomode, congruence or conflict");
  cmd->add_option("--csv-table", args->csv_table,
                  "csv: write only this table (statements or matrix); default with -o BASE: both, "
                  "as BASE.statements.csv and BASE.matrix.csv");
  cmd->callback([args, exit_code] { *exit_code = Run(*args); });
}

}  // namespace faultline::cli
