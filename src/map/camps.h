// Camps: communities of actors in the congruence network (igraph's multilevel/Louvain).
#pragma once

#include <vector>

#include "map/map.h"

namespace faultline::map {

// Partitions `networks.actors` into camps: multilevel modularity optimisation (Blondel
// et al. 2008, igraph_community_multilevel) on the positive net ties (congruence minus
// conflict); then no camp may hold a pair whose net tie is negative (the weakest member of
// such a pair leaves), and local moves that respect this raise the signed modularity of
// Gomez, Jensen and Arenas (2009) until none does (docs/map.md).
// `modularity` is that signed modularity. Deterministic: igraph's RNG is seeded with a
// fixed value and actors are visited in order. igraph's default RNG and error handler are
// process-wide, so FindCamps serialises its igraph calls behind one lock: safe from any
// thread. `cells` and `issue_order` give each camp's stance profile.
Camps FindCamps(const Networks& networks, const std::vector<Cell>& cells,
                const std::vector<std::string>& issue_order);

}  // namespace faultline::map
