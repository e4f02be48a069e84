#include "report/csv_report.h"

#include <cstdio>
#include <unordered_map>

#include "report/escape.h"

namespace faultline::report {

// Three decimals, as the calibration gives them.
std::string ConfidenceText(double c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", c);
  return buf;
}

void WriteStatementsCsv(const map::Map& m, std::ostream& out) {
  out << "statement_id,time,actor,issue,stance,text,document,outlet,source,person,cue,rule,confidence,actor_name,issue_label,issue_proposition\r\n";
  for (size_t i = 0; i < m.statements.size(); ++i) {
    const Statement& s = m.statements[i];
    out << (i + 1) << ',' << CsvField(s.date) << ',' << CsvField(s.actor) << ',' << CsvField(s.issue) << ','
        << s.stance << ',' << CsvField(s.evidence) << ',' << CsvField(s.doc) << ',' << CsvField(s.outlet) << ','
        << CsvField(s.source) << ',' << CsvField(s.person) << ',' << CsvField(s.cue) << ','
        << CsvField(s.rule) << ',' << ConfidenceText(s.confidence) << ','
        << CsvField(m.names.ActorName(s.actor)) << ',' << CsvField(m.names.IssueLabel(s.issue)) << ','
        << CsvField(m.names.IssueProposition(s.issue)) << "\r\n";
  }
}

void WriteMatrixCsv(const map::Map& m, std::ostream& out) {
  std::unordered_map<std::string, const map::Cell*> cells;
  for (const auto& c : m.cells) cells.emplace(c.actor + '\x1f' + c.issue, &c);
  out << "actor,actor_name";
  for (const auto& is : m.issues) out << ',' << CsvField(is.issue);
  out << "\r\n";
  for (const auto& a : m.actors) {
    out << CsvField(a) << ',' << CsvField(m.names.ActorName(a));
    for (const auto& is : m.issues) {
      out << ',';
      auto it = cells.find(a + '\x1f' + is.issue);
      if (it == cells.end()) continue;
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.4f", it->second->stance);
      out << buf;
    }
    out << "\r\n";
  }
}

}  // namespace faultline::report
