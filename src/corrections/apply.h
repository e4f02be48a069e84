// Applying corrections to the statements an extraction produced. Corrections are applied
// in the order they were made, each to the statements as the earlier ones left them, so a
// reject followed by a confirm of the same statement puts it back, and a statement added
// by hand can itself be rejected later.
//
// When the extraction no longer produces a corrected statement (a new release, a changed
// codebook): a rejection has nothing left to remove and is "moot"; a confirmation or a
// change says what a person read in the article, so its statement is put back
// ("reinstated"). A statement is found by its StatementRef; if none matches exactly, a
// statement of the same document, actor, issue and stance whose evidence span overlaps
// the corrected one's is taken (a new release that cuts the sentence differently).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "corrections/correction.h"
#include "statements/statement.h"

namespace faultline {

// What became of one correction when it was applied.
enum class CorrectionOutcome {
  kApplied,     // its statement was there and was confirmed, removed or changed
  kReinstated,  // confirm or change of a statement the extraction no longer gives: put back
  kMoot,        // reject of a statement the extraction no longer gives: nothing to do
  kAdded,       // add: a new statement
  kDuplicate,   // add of a statement that is already there (now confirmed)
};
const char* CorrectionOutcomeName(CorrectionOutcome o);

// The last correction that touched a statement still in the result.
struct ReviewMark {
  CorrectionAction action = CorrectionAction::kConfirm;
  int64_t correction = 0;  // Correction::id
  std::string who;
  std::string at;
};

struct CorrectedStatements {
  // The statements after every correction: the extraction's, in their order, with each
  // document's added or reinstated statements right after its own (documents the
  // extraction gave nothing for at the end, in the order of their first correction).
  std::vector<Statement> statements;
  // Statements a person confirmed, changed or added, by reference.
  std::unordered_map<StatementRef, ReviewMark, StatementRefHash> marks;
  // Statements removed by a rejection (or a change away from them), by reference, with
  // the correction that removed them: the evidence view still shows them, struck out.
  std::unordered_map<StatementRef, ReviewMark, StatementRefHash> rejected;
  // One per correction, in the order given.
  std::vector<CorrectionOutcome> outcomes;

  const ReviewMark* MarkOf(const Statement& s) const;
};

// `corrections` in the order they were made (increasing id).
CorrectedStatements ApplyCorrections(std::vector<Statement> machine,
                                     const std::vector<Correction>& corrections);

}  // namespace faultline
