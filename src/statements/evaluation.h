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
  // Lines marked "judgement": "rejected" (`faultline export --corrections --with-rejected`):
  // statements a person judged wrong. Not gold; they widen the judged scope.
  std::set<StatementKey> rejected;
  std::set<std::string> docs;  // every document a line names
};

// Reads a JSONL gold (or system) file; lines need doc, actor, issue and stance; stances
// other than 1/-1 are skipped; `doc` is reduced to its file name.
Result<GoldStatements> LoadGold(const std::string& path);

// Which system statements a score counts.
//   kAll:       every one (gold/score.py without --docs);
//   kGoldDocs:  those of documents the gold file names (score.py --docs): for a gold file
//               that covers part of a corpus, such as people's corrections of a database;
//   kJudged:    those whose (doc, actor, issue, stance) a person judged, right or wrong:
//               precision over the statements people checked, recall over those they vouched for.
enum class EvaluationScope { kAll, kGoldDocs, kJudged };
bool ParseEvaluationScope(const std::string& name, EvaluationScope* out);
std::set<StatementKey> InScope(const GoldStatements& gold, const std::set<StatementKey>& system,
                               EvaluationScope scope);

StatementKey KeyOf(const Statement& s);

struct Score {
  size_t gold = 0, system = 0, tp = 0, fp = 0, fn = 0;
  double precision = 0, recall = 0, f1 = 0;
  std::vector<StatementKey> false_positives, false_negatives;  // sorted
};

Score ScoreStatements(const std::set<StatementKey>& gold, const std::set<StatementKey>& system);

}  // namespace faultline
