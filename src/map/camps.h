// Camps: communities of actors in the congruence network (igraph's multilevel/Louvain).
#pragma once

#include <vector>

#include "map/map.h"

namespace faultline::map {

// Partitions `networks.actors` by multilevel modularity optimisation (Blondel et al.
// 2008, igraph_community_multilevel) on the congruence weights. Actors without any
// congruence tie form camps of one. Deterministic: igraph's RNG is seeded with a fixed
// value before the call. igraph's default RNG and error handler are process-wide, so
// FindCamps serialises its igraph calls behind one lock: safe from any thread.
// `cells` and `issue_order` give each camp's stance profile.
Camps FindCamps(const Networks& networks, const std::vector<Cell>& cells,
                const std::vector<std::string>& issue_order);

}  // namespace faultline::map
