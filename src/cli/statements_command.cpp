// `faultline statements PATH...|--db FILE [--codebook FILE] [--actors FILE]
// [--format jsonl|text|dna-csv|dna] [-o FILE] [--refresh]`: the position statements of every
// document — actor, issue, stance, evidence — with the cue and rule that produced each, who
// reports it, and where it is in the text. With --db they come from the database's statement
// cache where it holds them (analysis.h). `--format dna -o FILE.dna` writes the documents and
// their statements as a DNA database for coders to correct (docs/dna.md).
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <unordered_map>

#include "cli/analysis.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "dna/dna_csv.h"
#include "dna/dna_database.h"
#include "statements/codebook.h"
#include "statements/extractor.h"

namespace faultline::cli {
namespace {

struct StatementsOptions {
  InputOptions inputs;
  AnalysisOptions analysis;
  std::string format = "jsonl";
  std::string output;
  std::string dna_password = "faultline";
};

nlohmann::json ToJson(const Statement& s) {
  nlohmann::json j;
  j["doc"] = s.doc;
  j["actor"] = s.actor;
  j["issue"] = s.issue;
  j["stance"] = s.stance;
  j["evidence"] = s.evidence;
  if (!s.person.empty()) j["person"] = s.person;
  if (!s.cameo.empty()) j["cameo"] = s.cameo;
  j["cue"] = s.cue;
  j["rule"] = s.rule;
  j["confidence"] = s.confidence;
  j["source"] = s.source;
  j["date"] = s.date;
  j["outlet"] = s.outlet;
  if (!s.title.empty()) j["title"] = s.title;
  if (!s.author.empty()) j["author"] = s.author;
  j["begin"] = s.begin;
  j["end"] = s.end;
  return j;
}

void WriteText(const std::vector<Statement>& statements, std::ostream& out) {
  std::string current;
  for (const auto& s : statements) {
    if (s.doc != current) {
      current = s.doc;
      out << "# " << s.doc << (s.date.empty() ? "" : "  " + s.date) << (s.outlet.empty() ? "" : "  " + s.outlet)
          << "\n";
    }
    out << "  " << s.actor << (s.cameo.empty() ? "" : " (" + s.cameo + ")") << (s.stance > 0 ? " + " : " - ") << s.issue << "  [" << s.cue << "]";
    if (!s.person.empty()) out << "  (" << s.person << ")";
    if (!s.source.empty() && s.source != s.outlet) out << "  via " << s.source;
    out << "\n      \"" << s.evidence << "\"\n";
  }
}

// The issues' propositions become DNA's concepts (the id goes to each concept's Alias).
std::map<std::string, std::string> Propositions(const std::string& codebook_path) {
  std::map<std::string, std::string> out;
  auto cb = Codebook::Load(codebook_path.empty() ? Codebook::DefaultPath() : codebook_path);
  if (!cb.ok()) return out;  // the extraction has reported it already
  for (const auto& issue : cb->issues()) out[issue.id] = issue.proposition.empty() ? issue.id : issue.proposition;
  return out;
}

// Every input document, with the statements extracted from it, into a new DNA database.
// The documents are read a second time (the statements come from the cache or the pool);
// statements go to the first document of their name.
bool WriteDna(const StatementsOptions& o, const std::vector<Statement>& statements) {
  dna::WriteOptions wo;
  wo.password = o.dna_password;
  wo.concepts = Propositions(o.analysis.codebook);
  auto writer = dna::Writer::Create(o.output, wo);
  if (!writer.ok()) {
    std::cerr << writer.status().ToString() << "\n";
    return false;
  }
  std::unordered_map<std::string, std::vector<Statement>> by_doc;
  for (const Statement& s : statements) by_doc[s.doc].push_back(s);
  bool ok = true;
  ForEachInputDocument(o.inputs, [&](Document&& doc) {
    if (!ok) return;
    auto it = by_doc.find(StatementDocName(doc));
    static const std::vector<Statement> kNone;
    Status s = (*writer)->AddDocument(doc, it == by_doc.end() ? kNone : it->second);
    if (it != by_doc.end()) by_doc.erase(it);
    if (!s.ok()) {
      std::cerr << s.ToString() << "\n";
      ok = false;
    }
  });
  if (Status s = (*writer)->Finish(); ok && !s.ok()) {
    std::cerr << s.ToString() << "\n";
    ok = false;
  }
  std::cerr << o.output << ": " << (*writer)->documents() << " documents, " << (*writer)->statements()
            << " statements for DNA (coders Admin and faultline)\n";
  return ok;
}

int Run(const StatementsOptions& o) {
  std::vector<Statement> statements;
  const bool ok = CollectStatements(o.inputs, o.analysis, &statements);
  if (o.format == "dna") return WriteDna(o, statements) && ok ? 0 : 1;
  std::ofstream file;
  if (!o.output.empty() && o.output != "-") {
    file.open(o.output, std::ios::binary);
    if (!file) {
      std::cerr << o.output << ": cannot open for writing\n";
      return 1;
    }
  }
  std::ostream& out = file.is_open() ? static_cast<std::ostream&>(file) : std::cout;
  if (o.format == "text") {
    WriteText(statements, out);
  } else if (o.format == "dna-csv") {
    dna::WriteEventCsv(statements, out);
  } else {
    for (const auto& s : statements)
      out << ToJson(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  out.flush();
  if (!out) {
    std::cerr << (o.output.empty() ? "standard output" : o.output) << ": write failed\n";
    return 1;
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
  cmd->add_option("--format", opts->format,
                  "jsonl (default), text, dna-csv (DNA's event list with title, author and offsets) "
                  "or dna (a DNA 3 database of the documents and statements, for hand correction; "
                  "needs -o FILE.dna)")
      ->check(CLI::IsMember({"jsonl", "text", "dna-csv", "dna"}));
  cmd->add_option("-o,--output", opts->output, "write to FILE instead of standard output");
  cmd->add_option("--dna-password", opts->dna_password,
                  "with --format dna: the password of the database's coders (default: faultline)");
  cmd->callback([opts, exit_code] {
    if (opts->inputs.paths.empty() && opts->inputs.db.empty()) {
      std::cerr << "faultline statements: give PATH... or --db FILE\n";
      *exit_code = 2;
      return;
    }
    if (opts->format == "dna" && (opts->output.empty() || opts->output == "-")) {
      std::cerr << "faultline statements: --format dna writes a database: give -o FILE.dna\n";
      *exit_code = 2;
      return;
    }
    *exit_code = Run(*opts);
  });
}

}  // namespace faultline::cli
