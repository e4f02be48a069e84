// GraphML for Gephi, visone, igraph, networkx: the two-mode actor-issue network and the
// one-mode congruence and conflict networks (DNA's definitions, the map's normalisation).
#pragma once

#include <ostream>
#include <string>

#include "map/map.h"

namespace faultline::report {

enum class GraphmlNetworks { kAll, kTwoMode, kCongruence, kConflict };

// "all", "twomode", "congruence", "conflict".
bool ParseGraphmlNetworks(const std::string& name, GraphmlNetworks* out);

// One <graphml> document; kAll puts the three networks in it as three <graph>
// elements (two-mode first: tools that read only one graph show that one).
void WriteGraphml(const map::Map& m, GraphmlNetworks which, std::ostream& out);

}  // namespace faultline::report
