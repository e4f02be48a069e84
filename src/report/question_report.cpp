#include "report/question_report.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "report/escape.h"
#include "report/text_format.h"

namespace faultline::report {
namespace {

using map::Cell;
using map::Map;
using namespace text;  // NOLINT: the small formatting vocabulary of every text writer

// "Olaf Scholz 4, Annalena Baerbock 2" for the people behind `ids`.
std::string People(const Map& m, const std::vector<size_t>& ids) {
  std::map<std::string, int> count;
  for (size_t i : ids)
    if (!m.statements[i].person.empty()) ++count[m.statements[i].person];
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [person, n] : count) ranked.emplace_back(-n, person);
  std::sort(ranked.begin(), ranked.end());
  std::string out;
  for (const auto& [n, person] : ranked) out += (out.empty() ? "" : ", ") + person + " " + std::to_string(-n);
  return out;
}

const map::IssueSummary* FindIssue(const Map& m, const std::string& issue) {
  for (const auto& is : m.issues)
    if (is.issue == issue) return &is;
  return nullptr;
}

std::string Balance(const map::IssueSummary* is) {
  if (is == nullptr) return "no statements";
  return "split " + Fixed(is->split, "%.2f") + ", for " + std::to_string(is->for_cells.size()) + " / against " +
         std::to_string(is->against_cells.size());
}

}  // namespace

void WriteActorText(const Map& m, const TextOptions& o, std::ostream& out) {
  Style st(o.colour);
  const size_t W = o.width;
  const std::string& actor = m.options.actor;
  out << st.Bold(OneLine(m.names.ActorWithName(actor), W - 40)) << ": "
      << Plural(m.statements.size(), "statement", "statements") << " on " << Plural(m.issues.size(), "issue", "issues")
      << ", " << DateSpan(m.first, m.last) << ", window " << map::WindowName(m.options.window) << "\n";
  if (m.statements.empty()) {
    out << "\nNo statements of " << OneLine(actor, 60) << " in the input (or the filters left none).\n";
    return;
  }
  std::vector<size_t> all(m.statements.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  const std::string people = People(m, all);
  if (!people.empty()) out << "  " << OneLine("spoken for by: " + people, W - 2) << "\n";

  out << "\n" << Rule(st, "ISSUES, most divided first; course over time per " +
                              std::string(map::WindowName(m.options.window)), W) << "\n";
  out << st.Dim(CellHeader()) << "\n";
  for (const Cell& c : m.cells) {
    const std::string label = m.names.IssueLabel(c.issue);
    out << "\n  " << st.Bold(OneLine(c.issue, 40));
    if (!label.empty()) out << " " << OneLine(label, 50);
    out << "\n";
    const std::string proposition = m.names.IssueProposition(c.issue);
    if (!proposition.empty()) out << "   " << st.Dim(OneLine("for: " + proposition, W - 3)) << "\n";
    WriteCellLine(m, c, W, st, out);
    const std::string by = People(m, c.statements);
    if (!by.empty()) out << std::string(27, ' ') << st.Dim(OneLine("by: " + by, W - 27)) << "\n";
    WriteEvidence(m, c.statements, 3, "      ", WhyCommand(m, c.actor, c.issue, "", o), W, st, out);
  }

  out << "\n" << Rule(st, "SHIFTS", W) << "\n";
  if (m.shifts.empty()) out << "  " << OneLine(actor, 40) << " did not change its net stance between windows.\n";
  for (const map::Shift& sh : m.shifts)
    out << "  " << OneLine(m.names.IssueWithLabel(sh.issue), 50) << ": " << sh.from.window << " "
        << st.ByStance(sh.from.stance, Signed(sh.from.stance)) << "  ->  " << sh.to.window << " "
        << st.ByStance(sh.to.stance, Signed(sh.to.stance)) << "\n";
}

void WriteComparisonText(const map::Comparison& c, const TextOptions& o, std::ostream& out) {
  Style st(o.colour);
  const size_t W = o.width;
  const Map& names_from = c.after;
  out << st.Bold("faultline map --compare") << ": " << OneLine(c.first, 30) << " ("
      << Plural(c.before.statements.size(), "statement", "statements") << ")  versus  " << OneLine(c.second, 30)
      << " (" << Plural(c.after.statements.size(), "statement", "statements") << ")\n";
  out << st.Dim("  moved: changed side (or to or from mixed); appeared: only in the second period; silent: only "
                "in the first") << "\n";
  if (c.issues.empty()) {
    out << "\nNo statements in either period.\n";
    return;
  }
  size_t k = 0;
  for (const std::string& issue : c.issues) {
    out << "\n" << Rule(st, OneLine(names_from.names.IssueWithLabel(issue), W - 8), W) << "\n";
    out << "  " << Pad(OneLine(c.first, 24), 25) << Balance(FindIssue(c.before, issue)) << "\n";
    out << "  " << Pad(OneLine(c.second, 24), 25) << Balance(FindIssue(c.after, issue)) << "\n";
    std::string held;
    for (; k < c.changes.size() && c.changes[k].issue == issue; ++k) {
      const map::Change& ch = c.changes[k];
      if (ch.kind == map::ChangeKind::kHeld) {
        held += (held.empty() ? "" : " ") + ch.actor + " " + Short(ch.after);
        continue;
      }
      std::string before = ch.count_before ? Signed(ch.before) + " (" + std::to_string(ch.count_before) + ")" : "-";
      std::string after = ch.count_after ? Signed(ch.after) + " (" + std::to_string(ch.count_after) + ")" : "-";
      out << "    " << Pad(map::ChangeKindName(ch.kind), 10)
          << Pad(OneLine(names_from.names.ActorWithName(ch.actor), 34), 35) << Pad(before, 13) << "->  "
          << st.ByStance(ch.after, after) << "\n";
    }
    if (!held.empty()) out << "    " << Pad("held", 10) << OneLine(held, W - 14) << "\n";
  }
}

nlohmann::json ComparisonToJson(const map::Comparison& c) {
  using nlohmann::json;
  auto balance = [](const map::Map& m, const std::string& issue) -> json {
    const map::IssueSummary* is = FindIssue(m, issue);
    if (is == nullptr) return nullptr;
    json pro = json::array(), con = json::array();
    for (size_t ci : is->for_cells) pro.push_back(m.cells[ci].actor);
    for (size_t ci : is->against_cells) con.push_back(m.cells[ci].actor);
    return {{"split", is->split}, {"count", is->count}, {"for", pro}, {"against", con}};
  };
  json issues = json::array();
  size_t k = 0;
  for (const std::string& issue : c.issues) {
    json changes = json::array();
    for (; k < c.changes.size() && c.changes[k].issue == issue; ++k) {
      const map::Change& ch = c.changes[k];
      changes.push_back({{"kind", map::ChangeKindName(ch.kind)}, {"actor", ch.actor},
                         {"actor_name", c.after.names.ActorName(ch.actor)},
                         {"before", ch.count_before ? json(ch.before) : json(nullptr)},
                         {"after", ch.count_after ? json(ch.after) : json(nullptr)},
                         {"count_before", ch.count_before}, {"count_after", ch.count_after}});
    }
    issues.push_back({{"issue", issue}, {"label", c.after.names.IssueLabel(issue)},
                      {"before", balance(c.before, issue)}, {"after", balance(c.after, issue)},
                      {"changes", std::move(changes)}});
  }
  return {{"format", "faultline-comparison"}, {"first", c.first}, {"second", c.second}, {"issues", std::move(issues)}};
}

}  // namespace faultline::report
