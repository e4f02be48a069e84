// Two periods of one corpus side by side (`faultline map --compare P1 P2`): the map of
// each, and per issue which actors changed side, which appeared, which fell silent and
// which held their ground.
#pragma once

#include <string>
#include <vector>

#include "map/map.h"

namespace faultline::map {

// A period as given on the command line: "2022-01..2022-06", "2022..2023", or one bound
// alone ("2022-03": that month). Each bound YYYY[-MM[-DD]]. False if it is not one.
bool ParsePeriod(const std::string& text, std::string* from, std::string* to);

enum class ChangeKind { kMoved, kAppeared, kSilent, kHeld };
const char* ChangeKindName(ChangeKind k);  // "moved", "appeared", "silent", "held"

// One actor on one issue across the two periods.
struct Change {
  ChangeKind kind = ChangeKind::kHeld;
  std::string actor;
  std::string issue;
  double before = 0, after = 0;  // net stances (0 where absent)
  int count_before = 0, count_after = 0;
};

struct Comparison {
  std::string first, second;  // the periods as given
  Map before, after;
  // Issues in the second period's order (most divided first), then those only in the first.
  std::vector<std::string> issues;
  // By issue (in `issues` order), then kind (moved, appeared, silent, held), then actor.
  std::vector<Change> changes;
};

// Builds the map of each period (`options` with its from/to replaced by the period's)
// and what changed between them. `first`/`second` must satisfy ParsePeriod.
Comparison Compare(const std::vector<Statement>& statements, const MapOptions& options, const std::string& first,
                   const std::string& second, const OriginOf& origin_of = {});

}  // namespace faultline::map
