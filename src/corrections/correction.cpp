#include "corrections/correction.h"

#include "util/hash.h"

namespace faultline {

const char* CorrectionActionName(CorrectionAction a) {
  switch (a) {
    case CorrectionAction::kConfirm: return "confirm";
    case CorrectionAction::kReject: return "reject";
    case CorrectionAction::kChange: return "change";
    case CorrectionAction::kAdd: return "add";
  }
  return "confirm";
}

bool ParseCorrectionAction(const std::string& name, CorrectionAction* out) {
  for (CorrectionAction a : {CorrectionAction::kConfirm, CorrectionAction::kReject,
                             CorrectionAction::kChange, CorrectionAction::kAdd}) {
    if (name == CorrectionActionName(a)) {
      *out = a;
      return true;
    }
  }
  return false;
}

StatementRef RefOf(const Statement& s) {
  return StatementRef{s.doc, s.actor, s.issue, s.stance, s.begin, s.end};
}

namespace {
FieldHasher HashRef(const StatementRef& r) {
  FieldHasher h;
  h.Add(r.doc).Add(r.actor).Add(r.issue).Add(int64_t{r.stance});
  h.Add(static_cast<int64_t>(r.begin)).Add(static_cast<int64_t>(r.end));
  return h;
}
}  // namespace

std::string RefId(const StatementRef& r) { return HashRef(r).Hex().substr(0, 16); }

size_t StatementRefHash::operator()(const StatementRef& r) const {
  size_t h = std::hash<std::string>()(r.doc);
  auto mix = [&](size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
  mix(std::hash<std::string>()(r.actor));
  mix(std::hash<std::string>()(r.issue));
  mix(static_cast<size_t>(r.stance + 2));
  mix(r.begin);
  mix(r.end);
  return h;
}

}  // namespace faultline
