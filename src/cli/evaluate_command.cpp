// `faultline evaluate GOLD PATH... [--meta FILE] [--codebook FILE] [--actors FILE]`:
// runs the statement stage over the inputs (or reads the statements of --statements FILE)
// and scores it against the gold file exactly as shared/gold/score.py does (unique (doc,
// actor, issue, stance) triples, micro-averaged); prints the errors (FP/FN with evidence)
// and ends with `F1 x.xxx`. The gold and --statements may be JSONL, a DNA database or
// DNA's statement CSV: a coder's corrected .dna is the gold of the machine's.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/analysis.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "dna/dna_csv.h"
#include "dna/dna_database.h"
#include "map/statement_jsonl.h"
#include "statements/confidence.h"
#include "statements/evaluation.h"

namespace faultline::cli {
namespace {

struct EvaluateOptions {
  std::string gold;
  std::vector<std::string> statement_files;  // the system's statements, instead of extracting
  InputOptions inputs;
  AnalysisOptions analysis;
  bool quiet = false;
  std::string scope = "all";
  std::string calibrate;  // write the confidence table of this gold here
  double min_confidence = 0;
};

// Counts, per rule, the statements in scope the gold holds, and writes the table.
bool WriteCalibration(const EvaluateOptions& o, const std::set<StatementKey>& gold,
                      const std::set<StatementKey>& system, const std::map<StatementKey, const Statement*>& by_key) {
  ConfidenceTable table;
  for (const auto& k : system) table.Add(by_key.at(k)->rule, gold.count(k) > 0);
  std::ofstream out(o.calibrate);
  out << table.ToYaml(
      "The confidence of a statement is the precision of its rule on hand-coded gold, smoothed\n"
      "towards its holder and stance halves (statements/confidence.h, docs/statements.md).\n"
      "Written by: faultline evaluate --calibrate " + o.calibrate + " " + o.gold + " ...\n"
      "Counts are statements of each rule (unique doc, actor, issue, stance) and how many the gold holds.");
  out.close();
  if (!out) {
    std::cerr << "faultline evaluate: cannot write " << o.calibrate << "\n";
    return false;
  }
  std::cerr << "wrote " << table.rules().size() << " rules to " << o.calibrate << "\n";
  return true;
}

std::string Fixed(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

// Reads statement files (JSONL, .dna or DNA's CSV) as `map --statements` does, each
// problem on stderr. False when a file could not be read or had bad lines.
bool ReadStatementFiles(const std::vector<std::string>& files, std::vector<Statement>* out) {
  bool ok = true;
  for (const auto& f : files) {
    std::vector<Status> errors;
    const Status st = map::ReadStatementsFile(f, out, &errors);
    if (!st.ok()) {
      std::cerr << "faultline evaluate: " << st.ToString() << "\n";
      ok = false;
    }
    for (const auto& e : errors) std::cerr << "faultline evaluate: " << e.ToString() << "\n";
    if (!errors.empty()) ok = false;
  }
  return ok;
}

// A gold file in JSONL (with judgements) is read by LoadGold; a DNA database or DNA's
// statement CSV (hand-coded in DNA) holds no judgements: its statements are the gold.
Result<GoldStatements> LoadAnyGold(const std::string& path) {
  if (!dna::LooksLikeSqlite(path) && !dna::LooksLikeEventCsv(path)) return LoadGold(path);
  std::vector<Statement> statements;
  std::vector<Status> skipped;  // statements DNA holds half-coded: left out, said once each
  const Status st = map::ReadStatementsFile(path, &statements, &skipped);
  if (!st.ok()) return st;
  for (const auto& e : skipped) std::cerr << "warning: " << e.ToString() << "\n";
  GoldStatements g;
  for (const Statement& s : statements) {
    const StatementKey k = KeyOf(s);
    g.docs.insert(std::get<0>(k));
    if (s.stance != 1 && s.stance != -1) continue;
    g.keys.insert(k);
    g.evidence.emplace(k, s.evidence);
  }
  return g;
}

int Run(const EvaluateOptions& o) {
  auto gold = LoadAnyGold(o.gold);
  if (!gold.ok()) {
    std::cerr << "faultline evaluate: " << gold.status().ToString() << "\n";
    return 2;
  }
  EvaluationScope scope;
  if (!ParseEvaluationScope(o.scope, &scope)) {
    std::cerr << "faultline evaluate: --scope must be all, gold-docs or judged\n";
    return 2;
  }
  if (scope == EvaluationScope::kJudged && gold->rejected.empty())
    std::cerr << "warning: " << o.gold << ": no rejected statements (export with --with-rejected), so "
              << "--scope judged counts only statements people vouched for and precision says little\n";
  std::vector<Statement> statements;
  AnalysisOptions analysis = o.analysis;
  analysis.machine_only = true;  // the machine is scored, not the machine plus its corrections
  const bool ok = o.statement_files.empty() ? CollectStatements(o.inputs, analysis, &statements)
                                            : ReadStatementFiles(o.statement_files, &statements);
  std::set<StatementKey> all;
  std::map<StatementKey, const Statement*> by_key;
  for (const auto& s : statements) {
    if (s.confidence < o.min_confidence) continue;
    StatementKey k = KeyOf(s);
    all.insert(k);
    by_key.emplace(k, &s);
  }
  const std::set<StatementKey> system = InScope(*gold, all, scope);
  const Score score = ScoreStatements(gold->keys, system);
  if (!o.calibrate.empty() && !WriteCalibration(o, gold->keys, system, by_key)) return 2;
  if (!o.quiet) {
    for (const auto& k : score.false_positives) {
      const Statement* s = by_key[k];
      std::cout << "FP " << std::get<0>(k) << " " << std::get<1>(k) << " " << std::get<2>(k) << " " << std::get<3>(k)
                << "\t[" << s->rule << ": " << s->cue << "] " << s->evidence << "\n";
    }
    for (const auto& k : score.false_negatives) {
      auto it = gold->evidence.find(k);
      std::cout << "FN " << std::get<0>(k) << " " << std::get<1>(k) << " " << std::get<2>(k) << " " << std::get<3>(k)
                << "\t" << (it == gold->evidence.end() ? "" : it->second) << "\n";
    }
  }
  std::cout << "gold=" << score.gold << " system=" << score.system << " tp=" << score.tp << " fp=" << score.fp
            << " fn=" << score.fn << "\n";
  std::cout << "precision " << Fixed(score.precision) << "  recall " << Fixed(score.recall) << "\n";
  std::cout << "F1 " << Fixed(score.f1) << "\n";
  return ok ? 0 : 1;
}

}  // namespace

void RegisterEvaluate(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<EvaluateOptions>();
  CLI::App* cmd = app.add_subcommand("evaluate", "score statements against a gold file (precision, recall, F1)");
  cmd->add_option("gold", opts->gold,
                  "gold statements: JSONL (doc, actor, issue, stance), a DNA database (.dna) or DNA's "
                  "statement CSV")
      ->required();
  AddInputOptions(cmd, &opts->inputs);
  cmd->add_option("--statements", opts->statement_files,
                  "score these statements instead of extracting them from PATH: JSONL (as `faultline "
                  "statements --format jsonl` writes it), a DNA database (.dna) or DNA's statement CSV")
      ->allow_extra_args(false);  // one file per --statements, so PATH... stays positional
  AddAnalysisOptions(cmd, &opts->analysis);
  cmd->add_flag("--quiet", opts->quiet, "print the scores only, not the errors");
  cmd->add_option("--scope", opts->scope,
                  "which statements count: all (default, as score.py), gold-docs (only documents the "
                  "gold names: for corrections of part of a database), judged (only statements people "
                  "judged: export --corrections --with-rejected)");
  cmd->add_option("--calibrate", opts->calibrate,
                  "write the confidence table (per-rule precision on this gold) to FILE; the shipped one "
                  "is data/statements/confidence.yaml, calibrated on gold/dev");
  cmd->add_option("--min-confidence", opts->min_confidence,
                  "score only statements of at least this confidence (0..1)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->callback([opts, exit_code] {
    const bool inputs = !opts->inputs.paths.empty() || !opts->inputs.db.empty();
    if (inputs == !opts->statement_files.empty()) {
      std::cerr << "faultline evaluate: give PATH..., --db FILE or --statements FILE (one of them)\n";
      *exit_code = 2;
      return;
    }
    *exit_code = Run(*opts);
  });
}

}  // namespace faultline::cli
