// `faultline export --corrections --db FILE [-o FILE] [--with-rejected]`: the corrections
// people stored (through `faultline serve`) as gold JSONL in the format of the shared
// gold files, so that a team's corrections become an evaluation set for `evaluate`.
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "corrections/gold_export.h"
#include "store/store.h"

namespace faultline::cli {
namespace {

struct ExportArgs {
  std::string db, output;
  bool corrections = false;
  bool with_rejected = false;
};

int Run(const ExportArgs& a) {
  if (!a.corrections) {
    std::cerr << "faultline export: say what to export (--corrections)\n";
    return 2;
  }
  StoreOptions so;
  so.create_if_missing = false;
  so.read_only = true;
  Result<std::unique_ptr<Store>> store = Store::Open(a.db, so);
  if (!store.ok()) {
    std::cerr << store.status().ToString() << "\n";
    return 1;
  }
  Result<std::vector<Correction>> corrections = (*store)->Corrections();
  if (!corrections.ok()) {
    std::cerr << corrections.status().ToString() << "\n";
    return 1;
  }
  const std::vector<Judgement> judgements = FinalJudgements(*corrections);
  size_t lines = 0;
  if (a.output.empty() || a.output == "-") {
    lines = WriteGoldJsonl(judgements, a.with_rejected, std::cout);
  } else {
    std::ofstream out(a.output, std::ios::binary);
    if (!out) {
      std::cerr << a.output << ": cannot open for writing\n";
      return 1;
    }
    lines = WriteGoldJsonl(judgements, a.with_rejected, out);
    out.flush();
    if (!out) {
      std::cerr << a.output << ": write failed\n";
      return 1;
    }
  }
  std::cerr << a.db << ": " << corrections->size() << " corrections, " << lines << " statements exported\n";
  return 0;
}

}  // namespace

void RegisterExport(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Export what people added to a database. --corrections: their confirmations, changes and\n"
      "additions as gold JSONL (doc, actor, issue, stance, evidence, and who, when, judgement),\n"
      "the format of the shared gold files, to score the machine with `faultline evaluate`.\n"
      "Examples:\n"
      "  faultline export --corrections --db news.db -o team.jsonl\n"
      "  faultline evaluate team.jsonl --db news.db --scope gold-docs\n"
      "  faultline export --corrections --with-rejected --db news.db -o judged.jsonl\n"
      "  faultline evaluate judged.jsonl --db news.db --scope judged");
  cmd->add_option("--db", args->db, "the database (read only)")->required();
  cmd->add_flag("--corrections", args->corrections, "export the corrections as gold JSONL");
  cmd->add_flag("--with-rejected", args->with_rejected,
                "also write the statements people rejected, marked \"judgement\": \"rejected\" "
                "(for `evaluate --scope judged`; gold/score.py would read them as gold)");
  cmd->add_option("-o,--output", args->output, "write to FILE instead of standard output");
  cmd->callback([args, exit_code] { *exit_code = Run(*args); });
}

}  // namespace faultline::cli
