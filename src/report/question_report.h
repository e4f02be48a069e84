// Writers for the questions an analyst asks of a map besides the whole picture: one
// actor across every issue (`map --actor`), and two periods side by side (`map --compare`).
#pragma once

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "map/compare.h"
#include "map/map.h"
#include "report/text_report.h"

namespace faultline::report {

// `m` is a map filtered to one actor (MapOptions::actor): its stance on every issue it
// spoke on (most divided issues first) with its course over time and the evidence in date
// order, its shifts, and the people who spoke for it.
void WriteActorText(const map::Map& m, const TextOptions& options, std::ostream& out);

// Per issue: the balance in each period, then who moved, appeared, fell silent, held.
void WriteComparisonText(const map::Comparison& c, const TextOptions& options, std::ostream& out);
// {"first", "second", "issues": [{"issue", "label", "before": {split, for, against},
//  "after": {...}, "changes": [{"kind", "actor", "actor_name", "before", "after", ...}]}]}
nlohmann::json ComparisonToJson(const map::Comparison& c);

}  // namespace faultline::report
