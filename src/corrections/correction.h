// Corrections: a person's judgement of one statement — confirm it, reject it, change its
// actor, issue or stance, or add a statement the machine missed. Corrections live in the
// store beside the documents (store.h), keep who made them and when, and are applied on
// top of whatever the extraction produces (apply.h), so they survive `--refresh` and new
// extraction releases. docs/serve.md describes the workflow.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "statements/statement.h"

namespace faultline {

enum class CorrectionAction { kConfirm, kReject, kChange, kAdd };

// "confirm", "reject", "change", "add".
const char* CorrectionActionName(CorrectionAction a);
bool ParseCorrectionAction(const std::string& name, CorrectionAction* out);

// What identifies a statement across re-extractions: its document, actor, issue, stance
// and the byte span of its evidence in the document text. The text of a stored document
// never changes, so the span stays valid as long as the extraction finds the same
// sentence; cue, rule, person and source are left out because a new release may
// explain the same statement differently.
struct StatementRef {
  std::string doc;
  std::string actor;
  std::string issue;
  int stance = 0;
  size_t begin = 0;
  size_t end = 0;

  bool operator==(const StatementRef&) const = default;
};

StatementRef RefOf(const Statement& s);

// A short stable id for a reference (16 hex digits of a hash over its fields), used by
// the web application to name statements in the page.
std::string RefId(const StatementRef& r);

struct StatementRefHash {
  size_t operator()(const StatementRef& r) const;
};

struct Correction {
  int64_t id = 0;  // assigned by the store; increasing, so it also orders corrections in time
  CorrectionAction action = CorrectionAction::kConfirm;
  // The statement judged (confirm, reject, change); empty for kAdd.
  StatementRef target;
  // The statement as it stands after the correction, complete (evidence, person, cue,
  // rule, source, date, outlet): for confirm and reject a copy of the target as it was
  // seen, for change the target with the new actor, issue or stance, for add the new
  // statement (rule "manual"). Kept whole so that a confirmed or changed statement can be
  // put back when a later extraction no longer produces it.
  Statement statement;
  std::string who;   // the person who made it
  std::string at;    // when, UTC ISO 8601 ("2024-05-02T09:14:03Z"); set by the store
  std::string note;  // an optional comment
};

// The rule name carried by statements a person added.
inline constexpr const char* kManualRule = "manual";

}  // namespace faultline
