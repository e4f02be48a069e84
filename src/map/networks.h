// DNA-style one-mode actor networks from the map's cells.
#pragma once

#include <vector>

#include "map/map.h"

namespace faultline::map {

// Builds the congruence and conflict networks over `actors` (sorted) from `cells`.
// DNA's array a[actor][issue][stance] is 0 or 1: with TieBasis::kAny 1 when the actor has
// at least one statement with that stance on the issue (DNA's duplicates = "acrossrange"),
// with kNet 1 for the sign of its net stance only; congruence(i, j) =
// sum over issues and stances of a_i * a_j, conflict(i, j) the same over opposite
// stances, each divided by DNA's normalisation term (see docs/map.md).
Networks BuildNetworks(const std::vector<std::string>& actors, const std::vector<Cell>& cells,
                       Normalization normalization, TieBasis basis);

}  // namespace faultline::map
