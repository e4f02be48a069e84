// Statements as JSON Lines, one object a line with Statement's field names, as
// `faultline statements --format jsonl` writes them. Lets `map` and `why` run on
// exported or hand-coded statements without re-reading articles.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "statements/statement.h"
#include "util/status.h"

namespace faultline::map {

// Parses one line. `actor`, `issue` and `stance` (1 or -1; "+1"/"-1" strings and DNA's
// boolean agreement true/false are accepted too) are required; other fields are optional.
Result<Statement> ParseStatementJson(const std::string& line);

// Reads every line of `in` (blank lines skipped), appending good statements to *out and
// one error per bad line (named `name`:line) to *errors. Returns the number appended.
size_t ReadStatementsJsonl(std::istream& in, const std::string& name, std::vector<Statement>* out,
                           std::vector<Status>* errors);

// Opens `path` ("-" for stdin) and reads it as above; an error when it cannot be opened.
// A DNA database (.dna, by its SQLite header) or DNA's statement CSV (by its header line)
// is read as such (dna/dna_database.h, dna/dna_csv.h).
Status ReadStatementsFile(const std::string& path, std::vector<Statement>* out,
                          std::vector<Status>* errors);

}  // namespace faultline::map
