// Corrections as an evaluation set: the statements people vouched for, one JSON object a
// line in the format of the shared gold files (doc, actor, issue, stance, evidence), so
// that `faultline evaluate` and gold/score.py score the machine against them.
#pragma once

#include <cstddef>
#include <ostream>
#include <vector>

#include "corrections/correction.h"

namespace faultline {

// Where people left each statement after all their corrections, oldest first.
struct Judgement {
  Statement statement;
  bool positive = true;        // confirmed, changed to, or added; false: rejected or changed away
  const Correction* last = nullptr;  // the correction that decided it
};

// Replays the corrections on their own (no extraction needed): a statement's judgement
// is its last correction's. Statements in order of their first correction.
std::vector<Judgement> FinalJudgements(const std::vector<Correction>& corrections);

// One line per judgement: positives always; rejected ones only with `with_rejected`,
// marked "judgement": "rejected" (gold/score.py would read them as gold, `faultline
// evaluate` does not). Besides the gold fields each line has begin, end, judgement
// (confirmed, changed, added, rejected), who, at, note and correction (the id).
// Returns the number of lines written.
size_t WriteGoldJsonl(const std::vector<Judgement>& judgements, bool with_rejected, std::ostream& out);

}  // namespace faultline
