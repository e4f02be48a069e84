#include "corrections/apply.h"

#include <limits>
#include <utility>

namespace faultline {
namespace {

constexpr size_t kNone = std::numeric_limits<size_t>::max();

// The statements while corrections are being applied: removal only flags, so positions
// stay valid; lookups see live statements only.
class Working {
 public:
  explicit Working(std::vector<Statement> machine) : statements_(std::move(machine)) {
    machine_count_ = statements_.size();
    removed_.assign(statements_.size(), false);
    for (size_t i = 0; i < statements_.size(); ++i) Index(i);
  }

  // The live statement `ref` names: the same reference, else one of the same document,
  // actor, issue and stance whose evidence overlaps.
  size_t Find(const StatementRef& ref) const {
    if (auto it = exact_.find(ref); it != exact_.end()) return it->second;
    auto it = by_triple_.find(TripleKey(ref));
    if (it == by_triple_.end()) return kNone;
    for (size_t i : it->second) {
      const Statement& s = statements_[i];
      if (!removed_[i] && s.begin < ref.end && ref.begin < s.end) return i;
    }
    return kNone;
  }

  const Statement& at(size_t i) const { return statements_[i]; }

  void Remove(size_t i) {
    removed_[i] = true;
    auto it = exact_.find(RefOf(statements_[i]));
    if (it != exact_.end() && it->second == i) exact_.erase(it);
  }

  size_t Add(Statement s) {
    statements_.push_back(std::move(s));
    removed_.push_back(false);
    const size_t i = statements_.size() - 1;
    Index(i);
    added_order_.push_back(i);
    return i;
  }

  // The live statements: the extraction's in order, each document's additions after its
  // own statements, additions to other documents last.
  std::vector<Statement> Take() {
    std::unordered_map<std::string, std::vector<size_t>> added_by_doc;
    std::vector<std::string> doc_order;
    for (size_t i : added_order_) {
      if (removed_[i]) continue;
      auto& list = added_by_doc[statements_[i].doc];
      if (list.empty()) doc_order.push_back(statements_[i].doc);
      list.push_back(i);
    }
    std::vector<Statement> out;
    out.reserve(statements_.size());
    auto flush = [&](const std::string& doc) {
      auto it = added_by_doc.find(doc);
      if (it == added_by_doc.end()) return;
      for (size_t i : it->second) out.push_back(std::move(statements_[i]));
      added_by_doc.erase(it);
    };
    // Statements of a document are contiguous: its additions go after its last one.
    std::string doc;
    for (size_t i = 0; i < machine_count_; ++i) {
      if (statements_[i].doc != doc) {
        flush(doc);
        doc = statements_[i].doc;
      }
      if (!removed_[i]) out.push_back(std::move(statements_[i]));
    }
    flush(doc);
    for (const std::string& doc : doc_order) flush(doc);
    return out;
  }

 private:
  static std::string TripleKey(const StatementRef& r) {
    return r.doc + '\0' + r.actor + '\0' + r.issue + '\0' + std::to_string(r.stance);
  }
  void Index(size_t i) {
    StatementRef r = RefOf(statements_[i]);
    exact_.emplace(r, i);  // the first of identical statements stands for them
    by_triple_[TripleKey(r)].push_back(i);
  }

  std::vector<Statement> statements_;
  std::vector<bool> removed_;
  size_t machine_count_ = 0;
  std::vector<size_t> added_order_;
  std::unordered_map<StatementRef, size_t, StatementRefHash> exact_;
  std::unordered_map<std::string, std::vector<size_t>> by_triple_;
};

ReviewMark MarkFor(const Correction& c) { return ReviewMark{c.action, c.id, c.who, c.at}; }

}  // namespace

const char* CorrectionOutcomeName(CorrectionOutcome o) {
  switch (o) {
    case CorrectionOutcome::kApplied: return "applied";
    case CorrectionOutcome::kReinstated: return "reinstated";
    case CorrectionOutcome::kMoot: return "moot";
    case CorrectionOutcome::kAdded: return "added";
    case CorrectionOutcome::kDuplicate: return "duplicate";
  }
  return "applied";
}

const ReviewMark* CorrectedStatements::MarkOf(const Statement& s) const {
  auto it = marks.find(RefOf(s));
  return it == marks.end() ? nullptr : &it->second;
}

CorrectedStatements ApplyCorrections(std::vector<Statement> machine,
                                     const std::vector<Correction>& corrections) {
  CorrectedStatements out;
  Working w(std::move(machine));
  auto remove = [&](size_t i, const Correction& c) {
    StatementRef r = RefOf(w.at(i));
    w.Remove(i);
    out.marks.erase(r);
    out.rejected[r] = MarkFor(c);
  };
  // Puts `s` in (unless it is there already) and marks it with `c`; true if added.
  auto keep = [&](const Statement& s, const Correction& c) {
    size_t i = w.Find(RefOf(s));
    bool added = i == kNone;
    if (added) i = w.Add(s);
    StatementRef r = RefOf(w.at(i));
    out.rejected.erase(r);
    out.marks[r] = MarkFor(c);
    return added;
  };
  for (const Correction& c : corrections) {
    CorrectionOutcome outcome = CorrectionOutcome::kApplied;
    switch (c.action) {
      case CorrectionAction::kReject: {
        size_t i = w.Find(c.target);
        if (i == kNone) outcome = CorrectionOutcome::kMoot;
        else remove(i, c);
        break;
      }
      case CorrectionAction::kConfirm:
        if (keep(c.statement, c)) outcome = CorrectionOutcome::kReinstated;
        break;
      case CorrectionAction::kChange: {
        size_t i = w.Find(c.target);
        if (i == kNone) outcome = CorrectionOutcome::kReinstated;
        else remove(i, c);
        keep(c.statement, c);
        break;
      }
      case CorrectionAction::kAdd:
        outcome = keep(c.statement, c) ? CorrectionOutcome::kAdded : CorrectionOutcome::kDuplicate;
        break;
    }
    out.outcomes.push_back(outcome);
  }
  out.statements = w.Take();
  return out;
}

}  // namespace faultline
