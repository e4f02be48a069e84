#include "statements/evaluation.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace faultline {

StatementKey KeyOf(const Statement& s) {
  return {std::filesystem::path(s.doc).filename().string(), s.actor, s.issue, s.stance};
}

Result<GoldStatements> LoadGold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::Error("cannot open gold file", path);
  GoldStatements g;
  std::string line;
  int64_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("doc") || !j.contains("actor") || !j.contains("issue") ||
        !j.contains("stance"))
      return Status::Error("not a statement (needs doc, actor, issue, stance)", path, n);
    int stance = 0;
    if (j["stance"].is_number_integer()) stance = j["stance"].get<int>();
    else if (j["stance"].is_string()) stance = std::atoi(j["stance"].get<std::string>().c_str());
    else return Status::Error("stance is not an integer", path, n);
    auto str = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
    std::string doc = std::filesystem::path(str(j["doc"])).filename().string();
    g.docs.insert(doc);
    if (stance != 1 && stance != -1) continue;
    StatementKey k{doc, str(j["actor"]), str(j["issue"]), stance};
    if (j.contains("judgement") && j["judgement"] == "rejected") {
      g.rejected.insert(k);
      continue;
    }
    g.keys.insert(k);
    if (j.contains("evidence") && j["evidence"].is_string() && !g.evidence.count(k))
      g.evidence[k] = j["evidence"].get<std::string>();
  }
  return g;
}

bool ParseEvaluationScope(const std::string& name, EvaluationScope* out) {
  if (name == "all") *out = EvaluationScope::kAll;
  else if (name == "gold-docs") *out = EvaluationScope::kGoldDocs;
  else if (name == "judged") *out = EvaluationScope::kJudged;
  else return false;
  return true;
}

std::set<StatementKey> InScope(const GoldStatements& gold, const std::set<StatementKey>& system,
                               EvaluationScope scope) {
  if (scope == EvaluationScope::kAll) return system;
  std::set<StatementKey> out;
  for (const StatementKey& k : system) {
    bool keep = scope == EvaluationScope::kGoldDocs ? gold.docs.count(std::get<0>(k)) > 0
                                                    : gold.keys.count(k) > 0 || gold.rejected.count(k) > 0;
    if (keep) out.insert(k);
  }
  return out;
}

Score ScoreStatements(const std::set<StatementKey>& gold, const std::set<StatementKey>& system) {
  Score s;
  s.gold = gold.size();
  s.system = system.size();
  std::set_difference(system.begin(), system.end(), gold.begin(), gold.end(), std::back_inserter(s.false_positives));
  std::set_difference(gold.begin(), gold.end(), system.begin(), system.end(), std::back_inserter(s.false_negatives));
  s.fp = s.false_positives.size();
  s.fn = s.false_negatives.size();
  s.tp = s.system - s.fp;
  s.precision = s.tp + s.fp ? static_cast<double>(s.tp) / (s.tp + s.fp) : 0.0;
  s.recall = s.tp + s.fn ? static_cast<double>(s.tp) / (s.tp + s.fn) : 0.0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
  return s;
}

}  // namespace faultline
