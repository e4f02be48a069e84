// The names behind codes (map/names.h) read from the knowledge base (shipped, plus extra
// actor files) and a codebook, for the command line and the Python module alike.
#pragma once

#include <string>
#include <vector>

#include "map/names.h"
#include "util/status.h"

namespace faultline::map {

// `codebook` empty: the shipped security codebook. Errors name the file and the problem.
Result<Names> LoadNames(const std::string& codebook, const std::vector<std::string>& actor_files);

}  // namespace faultline::map
