// `faultline stories --score-pairs`: the story score of text pairs given as JSON Lines,
// {"id": ..., "text1": "...", "text2": "..."} with optional "title1", "title2",
// "date1", "date2", one object a line; one {"id": ..., "score": s} line out per pair,
// s in [0, 1] (1: the same story), so that the score can be checked against human
// ratings. `id` is echoed as given (any JSON value).
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "stories/model.h"
#include "util/status.h"

namespace faultline::stories {

struct PairsRun {
  size_t pairs = 0;             // scored
  std::vector<Status> errors;   // one per bad line, named name:line
};

// With `explain`, each output line also carries the signals and the parts of the score.
PairsRun ScorePairsJsonl(std::istream& in, const std::string& name, const StoryModel& model, bool explain,
                         std::ostream& out);

}  // namespace faultline::stories
