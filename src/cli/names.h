// The names behind codes (map/names.h) for the commands that print a map: the knowledge
// base (shipped plus --actors files) for actors, the codebook for issues. Also resolves
// what a user typed as a filter (a name or a code) with a usage error listing the
// closest valid values.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/analysis.h"
#include "map/names.h"
#include "statements/statement.h"
#include "util/status.h"

namespace faultline::cli {

// Loads the names of the knowledge base and the codebook `analysis` names.
Result<map::Names> LoadNames(const AnalysisOptions& analysis);

// Adds the actor and issue codes of `statements` the names lack (statements from JSONL
// or DNA coded with other dictionaries), so they can be asked for.
void AddStatementCodes(const std::vector<Statement>& statements, map::Names* names);

// LoadNames then AddStatementCodes. When the knowledge base or codebook cannot be read,
// prints why on stderr, keeps only the statements' codes and returns false.
bool LoadNamesFor(const std::string& command, const AnalysisOptions& analysis,
                  const std::vector<Statement>& statements, map::Names* out);

// Resolves *value in place (empty: left alone). On failure prints
// "faultline COMMAND: unknown ..." on `err` and returns false (a usage error, exit 2).
bool ResolveFilter(const std::string& command, const std::string& what, const std::vector<map::Choice>& choices,
                   std::string* value, std::ostream& err);

// The distinct outlets of `statements`, as choices for --outlet.
std::vector<map::Choice> OutletChoices(const std::vector<Statement>& statements);

}  // namespace faultline::cli
