// `faultline issues [--codebook FILE]`: what can be asked for with --issue and `why`:
// each issue's id, label and the proposition a +1 stance supports.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "report/escape.h"
#include "statements/codebook.h"

namespace faultline::cli {
namespace {

struct IssuesArgs {
  std::string codebook;
  std::string format = "text";
};

int Run(const IssuesArgs& a) {
  const std::string path = a.codebook.empty() ? Codebook::DefaultPath() : a.codebook;
  Result<Codebook> codebook = Codebook::Load(path);
  if (!codebook.ok()) {
    std::cerr << "faultline issues: " << codebook.status().ToString() << "\n";
    return 1;
  }
  if (a.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const Issue& is : codebook->issues())
      out.push_back({{"issue", is.id}, {"label", is.label}, {"proposition", is.proposition}});
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  size_t width = 5;
  for (const Issue& is : codebook->issues()) width = std::max(width, report::DisplayWidth(is.id));
  std::cout << "codebook " << report::OneLine(codebook->name(), 60) << " (" << report::OneLine(path, 200) << "), "
            << codebook->issues().size() << " issues; a +1 stance supports the proposition\n\n";
  for (const Issue& is : codebook->issues()) {
    std::string id = report::OneLine(is.id, 40);
    std::cout << "  " << id << std::string(width + 2 - std::min(width + 1, report::DisplayWidth(id)), ' ')
              << report::OneLine(is.label, 80) << "\n"
              << std::string(width + 4, ' ') << report::OneLine(is.proposition, 400) << "\n";
  }
  return 0;
}

}  // namespace

void RegisterIssues(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<IssuesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "issues",
      "List the issues of a codebook: the id to give --issue and `why` (the label works too),\n"
      "the label, and the proposition a +1 stance supports.\n"
      "Examples:\n"
      "  faultline issues\n"
      "  faultline issues --codebook data/codebooks/migration.yaml --format json");
  cmd->add_option("--codebook", args->codebook, "issue codebook (YAML; default data/codebooks/security.yaml)");
  cmd->add_option("--format", args->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([args, exit_code] { *exit_code = Run(*args); });
}

}  // namespace faultline::cli
