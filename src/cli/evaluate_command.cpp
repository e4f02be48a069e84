// `faultline evaluate GOLD.jsonl PATH... [--meta FILE] [--codebook FILE] [--actors FILE]`:
// runs the statement stage over the inputs and scores it against the gold file exactly
// as shared/gold/score.py does (unique (doc, actor, issue, stance) triples,
// micro-averaged); prints the errors (FP/FN with evidence) and ends with `F1 x.xxx`.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/analysis.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "statements/confidence.h"
#include "statements/evaluation.h"

namespace faultline::cli {
namespace {

struct EvaluateOptions {
  std::string gold;
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

int Run(const EvaluateOptions& o) {
  auto gold = LoadGold(o.gold);
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
  const bool ok = CollectStatements(o.inputs, analysis, &statements);
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
  cmd->add_option("gold", opts->gold, "gold statements (JSONL: doc, actor, issue, stance)")->required();
  AddInputOptions(cmd, &opts->inputs);
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
    if (opts->inputs.paths.empty() && opts->inputs.db.empty()) {
      std::cerr << "faultline evaluate: give PATH... or --db FILE\n";
      *exit_code = 2;
      return;
    }
    *exit_code = Run(*opts);
  });
}

}  // namespace faultline::cli
