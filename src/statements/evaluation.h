// Scoring statements against a gold file exactly as shared/gold/score.py does: unique
// (doc file name, actor, issue, stance) triples, micro-averaged precision, recall, F1.
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "statements/statement.h"
#include "util/status.h"

namespace faultline {

using StatementKey = std::tuple<std::string, std::string, std::string, int>;  // doc, actor, issue, stance

struct GoldStatements {
  std::set<StatementKey> keys;
  std::map<StatementKey, std::string> evidence;  // the first evidence given for each key
};

// Reads a JSONL gold (or system) file; lines need doc, actor, issue and stance; stances
// other than 1/-1 are skipped; `doc` is reduced to its file name.
Result<GoldStatements> LoadGold(const std::string& path);

StatementKey KeyOf(const Statement& s);

struct Score {
  size_t gold = 0, system = 0, tp = 0, fp = 0, fn = 0;
  double precision = 0, recall = 0, f1 = 0;
  std::vector<StatementKey> false_positives, false_negatives;  // sorted
};

Score ScoreStatements(const std::set<StatementKey>& gold, const std::set<StatementKey>& system);

}  // namespace faultline
