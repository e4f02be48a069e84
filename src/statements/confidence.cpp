#include "statements/confidence.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdio>
#include <sstream>

#include "util/data_path.h"

namespace faultline {
namespace {

// "subject/cue" -> ("subject", "cue"); a rule without '/' is all holder.
std::pair<std::string, std::string> Halves(const std::string& rule) {
  const size_t slash = rule.find('/');
  if (slash == std::string::npos) return {rule, std::string()};
  return {rule.substr(0, slash), rule.substr(slash + 1)};
}

void AddTo(RuleCount* c, const RuleCount& d) {
  c->correct += d.correct;
  c->total += d.total;
}

}  // namespace

std::string ConfidenceTable::DefaultPath() { return DataFile("statements/confidence.yaml"); }

Result<ConfidenceTable> ConfidenceTable::Load(const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return Status::Error("cannot open confidence table", path);
  } catch (const YAML::Exception& e) {
    return Status::Error(std::string("not a valid YAML confidence table: ") + e.what(), path, e.mark.line + 1);
  }
  ConfidenceTable t;
  if (!root.IsMap() || !root["rules"] || !root["rules"].IsMap())
    return Status::Error("a confidence table needs a map under 'rules'", path);
  try {
    if (root["smoothing"]) t.smoothing_ = root["smoothing"].as<double>();
    if (t.smoothing_ <= 0) return Status::Error("'smoothing' must be above 0", path);
    for (const auto& kv : root["rules"]) {
      const int line = kv.second.Mark().line + 1;
      const YAML::Node& v = kv.second;
      if (!v.IsMap() || !v["correct"] || !v["total"])
        return Status::Error("a rule needs 'correct' and 'total'", path, line);
      RuleCount c{v["correct"].as<int>(), v["total"].as<int>()};
      if (c.correct < 0 || c.total < c.correct)
        return Status::Error("a rule needs 0 <= correct <= total", path, line);
      t.rules_[kv.first.as<std::string>()] = c;
    }
  } catch (const YAML::Exception& e) {
    return Status::Error(std::string("a count is not a number: ") + e.what(), path, e.mark.line + 1);
  }
  t.Recount();
  return t;
}

void ConfidenceTable::Add(const std::string& rule, bool correct) {
  RuleCount& c = rules_[rule];
  ++c.total;
  if (correct) ++c.correct;
  Recount();
}

void ConfidenceTable::Recount() {
  holders_.clear();
  stances_.clear();
  all_ = RuleCount{};
  for (const auto& [rule, c] : rules_) {
    auto [h, s] = Halves(rule);
    AddTo(&holders_[h], c);
    AddTo(&stances_[s], c);
    AddTo(&all_, c);
  }
}

double ConfidenceTable::Smoothed(const RuleCount& c, double prior) const {
  return (c.correct + smoothing_ * prior) / (c.total + smoothing_);
}

double ConfidenceTable::Of(const std::string& rule) const {
  if (all_.total == 0) return 1;
  // Laplace's rule of succession for all rules: never exactly 0 or 1.
  const double p0 = (all_.correct + 1.0) / (all_.total + 2.0);
  auto [h, s] = Halves(rule);
  auto at = [](const std::map<std::string, RuleCount>& m, const std::string& k) {
    auto it = m.find(k);
    return it == m.end() ? RuleCount{} : it->second;
  };
  const double ph = Smoothed(at(holders_, h), p0);
  const double ps = Smoothed(at(stances_, s), p0);
  // Three decimals: what the output shows is what a filter compares.
  return std::round(Smoothed(at(rules_, rule), (ph + ps) / 2) * 1000) / 1000;
}

std::string ConfidenceTable::ToYaml(const std::string& header) const {
  std::ostringstream out;
  std::istringstream lines(header);
  for (std::string line; std::getline(lines, line);) out << "# " << line << "\n";
  out << "smoothing: " << smoothing_ << "\n";
  out << "# all rules: " << all_.correct << " of " << all_.total << " right\n";
  out << "rules:\n";
  for (const auto& [rule, c] : rules_) {
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.3f", Of(rule));
    out << "  \"" << rule << "\": {correct: " << c.correct << ", total: " << c.total << "}  # confidence "
        << conf << "\n";
  }
  return out.str();
}

void AssignConfidence(const ConfidenceTable& table, std::vector<Statement>* statements) {
  for (auto& s : *statements) s.confidence = table.Of(s.rule);
}

}  // namespace faultline
