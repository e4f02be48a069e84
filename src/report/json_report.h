// The whole map as JSON (structure documented in docs/map.md).
#pragma once

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "map/map.h"

namespace faultline::report {

// Statements are referred to by `id`, their 1-based position in "statements"; the
// "statements" array itself is left out unless `with_statements`.
nlohmann::json MapToJson(const map::Map& m, bool with_statements = true);

// A statement as JSON (the statement JSONL field names, plus "id" when id > 0).
nlohmann::json StatementToJson(const Statement& s, size_t id);

void WriteJson(const map::Map& m, std::ostream& out);

// `faultline why --format json`: the cell and every statement behind it.
void WriteWhyJson(const map::Map& m, const std::string& actor, const std::string& issue,
                  std::ostream& out);

}  // namespace faultline::report
