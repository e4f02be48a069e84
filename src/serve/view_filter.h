// What a view shows: the map's filters (period, outlet, issue, window) plus an actor,
// read from a request's query parameters, checked, and put in a canonical form that
// keys the caches and makes shareable URLs compare equal.
#pragma once

#include <functional>
#include <string>

#include "map/map.h"
#include "statements/statement.h"
#include "util/status.h"

namespace faultline::serve {

struct ViewFilter {
  map::MapOptions map;  // from, to, window, outlet, issue, min_confidence, weight_by_confidence
  std::string actor;    // keep only this actor's statements (empty: all)

  // Canonical "from=..&to=..": equal for equal filters, whatever order they came in.
  std::string Key() const;
  // True when `s` passes the actor filter (the map options are applied by BuildMap).
  bool KeepsActor(const Statement& s) const { return actor.empty() || s.actor == actor; }
};

// Reads from, to, window, outlet, issue, actor, min_confidence (0..1) and weight
// (confidence: votes weigh their statements' confidence) through `param` (the value of a query
// parameter, empty when absent). Errors name the parameter and the value.
Result<ViewFilter> ParseViewFilter(const std::function<std::string(const std::string&)>& param);

}  // namespace faultline::serve
