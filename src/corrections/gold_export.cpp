#include "corrections/gold_export.h"

#include <unordered_map>

#include <nlohmann/json.hpp>

namespace faultline {

std::vector<Judgement> FinalJudgements(const std::vector<Correction>& corrections) {
  std::vector<Judgement> out;
  std::unordered_map<StatementRef, size_t, StatementRefHash> index;
  auto judge = [&](const Statement& s, bool positive, const Correction& c) {
    auto [it, fresh] = index.emplace(RefOf(s), out.size());
    if (fresh) out.push_back(Judgement{s, positive, &c});
    else out[it->second] = Judgement{s, positive, &c};
  };
  for (const Correction& c : corrections) {
    switch (c.action) {
      case CorrectionAction::kConfirm:
      case CorrectionAction::kAdd:
        judge(c.statement, true, c);
        break;
      case CorrectionAction::kReject:
        judge(c.statement, false, c);
        break;
      case CorrectionAction::kChange: {
        // The statement as it was is wrong: the target's key with the evidence kept.
        Statement before = c.statement;
        before.actor = c.target.actor;
        before.issue = c.target.issue;
        before.stance = c.target.stance;
        judge(before, false, c);
        judge(c.statement, true, c);
        break;
      }
    }
  }
  return out;
}

namespace {

const char* JudgementName(const Judgement& j) {
  if (!j.positive) return "rejected";
  switch (j.last->action) {
    case CorrectionAction::kChange: return "changed";
    case CorrectionAction::kAdd: return "added";
    default: return "confirmed";
  }
}

}  // namespace

size_t WriteGoldJsonl(const std::vector<Judgement>& judgements, bool with_rejected, std::ostream& out) {
  size_t n = 0;
  for (const Judgement& j : judgements) {
    if (!j.positive && !with_rejected) continue;
    const Statement& s = j.statement;
    // Keys in the gold files' order first; nlohmann's ordered_json keeps insertion order.
    nlohmann::ordered_json line;
    line["doc"] = s.doc;
    line["actor"] = s.actor;
    line["issue"] = s.issue;
    line["stance"] = s.stance;
    line["evidence"] = s.evidence;
    line["begin"] = s.begin;
    line["end"] = s.end;
    line["judgement"] = JudgementName(j);
    line["who"] = j.last->who;
    line["at"] = j.last->at;
    if (!j.last->note.empty()) line["note"] = j.last->note;
    line["correction"] = j.last->id;
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    ++n;
  }
  return n;
}

}  // namespace faultline
