// Confidence of a statement: the precision its rule had on hand-coded gold, smoothed.
//
// The table counts, per rule ("subject/cue"), how many statements the rule produced on a
// gold set and how many of them the gold holds (data/statements/confidence.yaml, written
// by `faultline evaluate --calibrate`). A rule seen often gets its own precision; a rule
// seen rarely is pulled towards the precision of its holder half and its stance half
// (each itself pulled towards the precision of all rules): with n statements of which c
// were right, p = (c + k * prior) / (n + k), k pseudo-counts of the prior. A rule never
// seen gets the prior of its halves, so a new rule starts at what its parts earned.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "statements/statement.h"
#include "util/status.h"

namespace faultline {

struct RuleCount {
  int correct = 0;  // statements of the rule the gold holds
  int total = 0;    // statements of the rule
};

class ConfidenceTable {
 public:
  // An empty table (uncalibrated) gives every statement 1, which leaves maps as they were.
  ConfidenceTable() = default;

  // data/statements/confidence.yaml in the data directory.
  static std::string DefaultPath();
  // Reads a table; errors name the file and the line.
  static Result<ConfidenceTable> Load(const std::string& path);

  // Counts one statement of `rule`, right (`correct`) or not.
  void Add(const std::string& rule, bool correct);
  // The confidence of a statement made by `rule`, in [0,1].
  double Of(const std::string& rule) const;
  bool empty() const { return all_.total == 0; }

  // The table as YAML, `header` (lines without '#') written as comments first.
  std::string ToYaml(const std::string& header) const;
  const std::map<std::string, RuleCount>& rules() const { return rules_; }
  double smoothing() const { return smoothing_; }

 private:
  void Recount();
  double Smoothed(const RuleCount& c, double prior) const;

  std::map<std::string, RuleCount> rules_;    // by full rule name
  std::map<std::string, RuleCount> holders_;  // by holder half ("subject")
  std::map<std::string, RuleCount> stances_;  // by stance half ("cue")
  RuleCount all_;
  double smoothing_ = 4;  // pseudo-counts given to the prior
};

// Sets each statement's confidence from `table`.
void AssignConfidence(const ConfidenceTable& table, std::vector<Statement>* statements);

}  // namespace faultline
