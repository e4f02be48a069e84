#include "cli/names.h"

#include <iostream>
#include <set>

#include "actors/knowledge_base.h"
#include "statements/codebook.h"

namespace faultline::cli {

Result<map::Names> LoadNames(const AnalysisOptions& analysis) {
  Result<KnowledgeBase> kb = KnowledgeBase::LoadDefault();
  if (!kb.ok()) return kb.status();
  for (const auto& f : analysis.actor_files) {
    Status s = kb->AddFile(f);
    if (!s.ok()) return s;
  }
  const std::string codebook_path = analysis.codebook.empty() ? Codebook::DefaultPath() : analysis.codebook;
  Result<Codebook> codebook = Codebook::Load(codebook_path);
  if (!codebook.ok()) return codebook.status();

  map::Names names;
  for (const Actor& a : kb->actors()) {
    const std::string name = a.names.empty() ? a.code : a.names.front();
    names.actors[a.code] = name;
    map::Choice c{a.code, name, a.names};
    for (const auto* more : {&a.historical, &a.adjectives, &a.demonyms})
      c.aliases.insert(c.aliases.end(), more->begin(), more->end());
    names.actor_choices.push_back(std::move(c));
  }
  for (const Group& g : kb->groups()) {
    if (names.actors.count(g.code)) continue;
    const std::string name = g.names.empty() ? g.code : g.names.front();
    names.actors[g.code] = name;
    names.actor_choices.push_back(map::Choice{g.code, name, g.names});
  }
  for (const Issue& is : codebook->issues()) {
    names.issues[is.id] = map::IssueText{is.label, is.proposition};
    names.issue_choices.push_back(map::Choice{is.id, is.label, {}});
  }
  return names;
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
