// DNA's statement CSV, both ways.
//
// Writing: the event list DNA exports (network type "eventlist", CSV): semicolon-separated,
// one statement a row — "statement ID";"time";"document ID";"document title";"author";
// "source";"section";"type";"text", then the variables of DNA Statement (person,
// organization, concept, agreement) — with two more columns, "start";"stop", the evidence's
// offsets in the document (UTF-16 code units, as DNA counts them). Text fields are quoted
// and, as DNA does, hold ',' for ';' and "'" for '"', so that R's read.csv2 and rDNA-era
// scripts read the file unchanged.
//
// Reading: that layout, and the comma-separated variant with snake_case names
// (statement_id, document_title, ...) that sqlite3 or R scripts make from a .dna.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "dna/dna_database.h"
#include "statements/statement.h"
#include "util/status.h"

namespace faultline::dna {

// Writes the statements in their order; document IDs number distinct documents (by doc
// name) from 1, statement IDs the rows.
void WriteEventCsv(const std::vector<Statement>& statements, std::ostream& out);

// Reads `path`: good rows to *out, one error per bad row (named path:line) to *errors. The
// header must name the actor, issue and stance variables of `options`; an error otherwise.
Status ReadEventCsv(const std::string& path, const ReadOptions& options, std::vector<Statement>* out,
                    std::vector<Status>* errors);

// Whether the first line of `path` looks like such a header (it names the stance variable
// and "concept" or the issue variable, separated by ';' or ',').
bool LooksLikeEventCsv(const std::string& path, const ReadOptions& options = {});

}  // namespace faultline::dna
