// `faultline codebook from-dna FILE.dna [-o FILE.yaml] [--name NAME]`: a starting codebook
// from the concepts of a DNA database, one issue per concept (dna/dna_codebook.h).
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "dna/dna_codebook.h"
#include "dna/dna_database.h"

namespace faultline::cli {
namespace {

struct FromDnaOptions {
  std::string input;
  std::string output;
  std::string name;
  std::string statement_type = "DNA Statement";
  std::string concept_variable = "concept";
};

int RunFromDna(const FromDnaOptions& o) {
  dna::ReadOptions ro;
  ro.statement_type = o.statement_type;
  ro.issue = o.concept_variable;
  auto contents = dna::ReadDatabase(o.input, ro);
  if (!contents.ok()) {
    std::cerr << contents.status().ToString() << "\n";
    return 1;
  }
  auto words = dna::ConceptWords::Load(dna::ConceptWords::DefaultPath());
  if (!words.ok()) {
    std::cerr << words.status().ToString() << "\n";
    return 1;
  }
  if (contents->concepts.empty()) {
    std::cerr << o.input << ": no concepts to make issues of\n";
    return 1;
  }
  const std::string name = o.name.empty() ? std::filesystem::path(o.input).stem().string() : o.name;
  const std::string yaml =
      dna::CodebookYaml(*contents, *words, name, std::filesystem::path(o.input).filename().string());
  if (o.output.empty() || o.output == "-") {
    std::cout << yaml;
    return 0;
  }
  std::ofstream out(o.output, std::ios::binary);
  out << yaml;
  if (!out.flush()) {
    std::cerr << o.output << ": cannot write\n";
    return 1;
  }
  std::cerr << o.output << ": " << contents->concepts.size() << " issues from " << o.input << "\n";
  return 0;
}

}  // namespace

void RegisterCodebook(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("codebook", "make codebooks from other tools' data");
  cmd->require_subcommand(1);
  auto opts = std::make_shared<FromDnaOptions>();
  CLI::App* from_dna = cmd->add_subcommand(
      "from-dna",
      "a starting codebook from a DNA database's concepts: one issue per concept, its terms taken "
      "from the concept's subject and aliases\n\n"
      "Examples:\n"
      "  faultline codebook from-dna climate.dna -o data/codebooks/climate.yaml\n"
      "  faultline statements corpus/ --codebook data/codebooks/climate.yaml");
  from_dna->add_option("FILE", opts->input, "the DNA 3 database (.dna)")->required();
  from_dna->add_option("-o,--output", opts->output, "write the YAML to FILE instead of standard output");
  from_dna->add_option("--name", opts->name, "the codebook's name (default: the file's name)");
  from_dna->add_option("--statement-type", opts->statement_type, "DNA statement type (default: DNA Statement)");
  from_dna->add_option("--concept-variable", opts->concept_variable, "its concept variable (default: concept)");
  from_dna->callback([opts, exit_code] { *exit_code = RunFromDna(*opts); });
}

}  // namespace faultline::cli
