#include "cli/names.h"

#include <iostream>
#include <set>

#include "map/load_names.h"

namespace faultline::cli {

Result<map::Names> LoadNames(const AnalysisOptions& analysis) {
  return map::LoadNames(analysis.codebook, analysis.actor_files);
}

void AddStatementCodes(const std::vector<Statement>& statements, map::Names* names) {
  std::set<std::string> actors, issues;
  for (const Statement& s : statements) {
    actors.insert(s.actor);
    issues.insert(s.issue);
  }
  map::AddMissingChoices({actors.begin(), actors.end()}, &names->actor_choices);
  map::AddMissingChoices({issues.begin(), issues.end()}, &names->issue_choices);
}

bool LoadNamesFor(const std::string& command, const AnalysisOptions& analysis,
                  const std::vector<Statement>& statements, map::Names* out) {
  Result<map::Names> names = LoadNames(analysis);
  bool ok = names.ok();
  if (ok) *out = std::move(names).value();
  else std::cerr << "faultline " << command << ": names of codes: " << names.status().ToString() << "\n";
  AddStatementCodes(statements, out);
  return ok;
}

bool ResolveFilter(const std::string& command, const std::string& what, const std::vector<map::Choice>& choices,
                   std::string* value, std::ostream& err) {
  if (value->empty()) return true;
  Result<std::string> r = map::ResolveChoice(what, *value, choices);
  if (!r.ok()) {
    err << "faultline " << command << ": " << r.status().reason() << "\n";
    return false;
  }
  *value = *r;
  return true;
}

std::vector<map::Choice> OutletChoices(const std::vector<Statement>& statements) {
  std::set<std::string> outlets;
  for (const Statement& s : statements)
    if (!s.outlet.empty()) outlets.insert(s.outlet);
  return map::PlainChoices({outlets.begin(), outlets.end()});
}

}  // namespace faultline::cli
