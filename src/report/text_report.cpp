#include "report/text_report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

#include "report/escape.h"
#include "report/text_format.h"

namespace faultline::report {

using map::Cell;
using map::Map;
using namespace text;  // NOLINT: the small formatting vocabulary of every text writer

namespace {

// Each issue (most divided first) with its actors for, mixed and against.
void WriteIssues(const Map& m, const TextOptions& o, const Style& st, std::ostream& out) {
  const size_t W = o.width;
  out << "\n" << Rule(st, "ISSUES, most divided first", W) << "\n";
  out << st.Dim("  split: 1 = for and against balance, 0 = one-sided; contested: independent origins") << "\n"
      << st.Dim("  on the weaker side x 2, the sort key (docs/map.md); relays of one report are one origin") << "\n";
  for (const auto& is : m.issues) {
    // The id and label on a line of their own, the figures below: both fit in 100 columns.
    const std::string label = m.names.IssueLabel(is.issue);
    out << "\n  " << st.Bold(OneLine(label.empty() ? is.issue : is.issue + " " + label, W - 2)) << "\n";
    out << "   split " << Fixed(is.split, "%.2f") << "  contested "
        << Fixed(is.contested, "%.1f") << "  "
        << st.For("for " + std::to_string(is.for_cells.size())) << " / "
        << st.Against("against " + std::to_string(is.against_cells.size()));
    if (!is.mixed_cells.empty()) out << " / mixed " << is.mixed_cells.size();
    out << "  " << st.Dim(Plural(is.count, "statement", "statements")) << "\n";
    const std::string proposition = m.names.IssueProposition(is.issue);
    if (!proposition.empty()) out << "   " << st.Dim(OneLine("for: " + proposition, W - 3)) << "\n";
    out << st.Dim(CellHeader()) << "\n";
    auto group = [&](const char* label, const std::vector<size_t>& idx) {
      if (idx.empty()) return;
      out << "   " << label << "\n";
      for (size_t ci : idx) WriteCellLine(m, m.cells[ci], W, st, out);
    };
    group("for", is.for_cells);
    group("mixed", is.mixed_cells);
    group("against", is.against_cells);
  }

}

// Actors whose net stance changed sign between windows, with evidence at both ends.
void WriteShifts(const Map& m, const TextOptions& o, const Style& st, std::ostream& out) {
  const size_t W = o.width;
  out << "\n" << Rule(st, "SHIFTS between " + std::string(map::WindowName(m.options.window)) + "s", W) << "\n";
  if (m.undated > 0)
    out << st.Dim("  " + Plural(m.undated, "statement", "statements") +
                  " without a year cannot shift and are left out here") << "\n";
  if (m.shifts.empty()) out << "  No actor changed its net stance between windows.\n";
  // On a big map only the best-attested shifts are shown; the JSON has them all.
  std::vector<const map::Shift*> shifts;
  for (const auto& sh : m.shifts) shifts.push_back(&sh);
  if (o.max_shifts > 0 && shifts.size() > o.max_shifts) {
    std::stable_sort(shifts.begin(), shifts.end(), [](const map::Shift* a, const map::Shift* b) {
      return a->from.count + a->to.count > b->from.count + b->to.count;
    });
    shifts.resize(o.max_shifts);
    std::stable_sort(shifts.begin(), shifts.end());  // back to map order
    out << st.Dim("  the " + std::to_string(o.max_shifts) + " best-attested of " + std::to_string(m.shifts.size()) +
                  " shifts (all: --format json)") << "\n";
  }
  for (const map::Shift* shp : shifts) {
    const map::Shift& sh = *shp;
    out << "\n  " << st.Bold(OneLine(m.names.ActorWithName(sh.actor) + " on " + m.names.IssueWithLabel(sh.issue), W - 3))
        << ":\n    " << sh.from.window << " "
        << st.ByStance(sh.from.stance, Signed(sh.from.stance)) << " (" << Plural(sh.from.count, "stmt", "stmts")
        << ")  ->  " << sh.to.window << " " << st.ByStance(sh.to.stance, Signed(sh.to.stance)) << " ("
        << Plural(sh.to.count, "stmt", "stmts") << ")\n";
    out << "    " << sh.from.window << ":\n";
    WriteEvidence(m, sh.from.statements, o.evidence_per_end, "      ", WhyCommand(m, sh.actor, sh.issue, sh.from.window, o),
                  W, st, out);
    out << "    " << sh.to.window << ":\n";
    WriteEvidence(m, sh.to.statements, o.evidence_per_end, "      ", WhyCommand(m, sh.actor, sh.issue, sh.to.window, o),
                  W, st, out);
  }

}

// Camps over the whole range and per window.
void WriteCamps(const Map& m, const TextOptions& o, const Style& st, std::ostream& out) {
  const size_t W = o.width;
  out << "\n" << Rule(st, "CAMPS", W) << "\n";
  // What a camp is, then how it was found: each on lines of their own (the algorithm's
  // description is longer than a line; OneLine would cut it).
  const std::string what = "a camp: actors on the same side more often than on opposite sides; ties from " +
                           std::string(m.networks.basis == map::TieBasis::kNet ? "net stances" : "any stance taken") +
                           ", normalisation " + map::NormalizationName(m.networks.normalization) + " (docs/map.md)";
  for (const std::string& line : WrapWords(what, W - 2)) out << st.Dim("  " + line) << "\n";
  for (const std::string& line : WrapWords(m.camps.algorithm, W - 2)) out << st.Dim("  " + line) << "\n";
  out << "  modularity "
      << (m.camps.has_modularity ? Fixed(m.camps.modularity, "%.3f") : std::string("n/a (no congruence ties)"))
      << "\n";
  for (size_t k = 0; k < m.camps.camps.size(); ++k) {
    const auto& camp = m.camps.camps[k];
    std::string members;
    for (const auto& a : camp.actors) members += (members.empty() ? "" : ", ") + m.names.ActorWithName(a);
    out << "  " << Pad(std::to_string(k + 1) + ".", 4) << OneLine(members, W - 6) << "\n";
    std::string profile;
    size_t used = 7;
    for (const auto& [issue, s] : camp.profile) {
      std::string item = OneLine(issue, 40) + " " + Signed(s) + "  ";
      if (used + DisplayWidth(item) > W) { profile += st.Dim("..."); break; }
      used += DisplayWidth(item);
      profile += st.ByStance(s, item);
    }
    if (!profile.empty()) out << "       " << profile << "\n";
  }

  if (!m.camps_by_window.empty()) {
    out << "\n  by " << map::WindowName(m.options.window) << " (camps of two or more; modularity):\n";
    for (const auto& wc : m.camps_by_window) {
      std::string line = Pad(wc.window, 9);
      for (const auto& camp : wc.camps.camps) {
        if (camp.actors.size() < 2) continue;
        std::string members;
        for (const auto& a : camp.actors) members += (members.empty() ? "" : " ") + a;
        line += "[" + members + "] ";
      }
      std::string q = wc.camps.has_modularity ? Fixed(wc.camps.modularity, " %.2f") : std::string(" n/a");
      out << "    " << OneLine(line, W - 4 - DisplayWidth(q)) << st.Dim(q) << "\n";
    }
  }

}

// What each outlet reports, and the cells several outlets tell.
void WriteOutlets(const Map& m, const TextOptions& o, const Style& st, std::ostream& out) {
  const size_t W = o.width;
  out << "\n" << Rule(st, "OUTLETS: what each reports", W) << "\n";
  std::map<std::string, std::pair<int, int>> per_outlet;  // statements, cells
  for (const auto& oc : m.outlet_cells) {
    per_outlet[oc.outlet].first += oc.count;
    per_outlet[oc.outlet].second += 1;
  }
  for (const auto& [outlet, n] : per_outlet)
    out << "  " << Pad(OneLine(outlet, 40), 42) << Plural(n.first, "statement", "statements") << " on "
        << Plural(n.second, "cell", "cells") << "\n";
  size_t single = 0, multi = 0;
  for (const Cell& c : m.cells) (c.outlets.size() < 2 ? single : multi) += 1;
  std::vector<const Cell*> shown;
  for (const Cell& c : m.cells)
    if (c.outlets.size() >= 2 && c.outlets_disagree) shown.push_back(&c);
  for (const Cell& c : m.cells)
    if (c.outlets.size() >= 2 && !c.outlets_disagree) shown.push_back(&c);
  if (o.max_outlet_cells > 0 && shown.size() > o.max_outlet_cells) shown.resize(o.max_outlet_cells);
  bool header = false;
  for (const Cell* cp : shown) {
    const Cell& c = *cp;
    if (!header) {
      out << "\n  cells told by more than one outlet (! = outlets disagree):\n";
      header = true;
    }
    std::string line = "    " + Pad(OneLine(c.actor + " " + c.issue, 40), 22) + (c.outlets_disagree ? st.Warn("! ") : "  ");
    size_t used = 28;
    for (size_t k : c.outlet_cells) {
      const auto& oc = m.outlet_cells[k];
      std::string item = OneLine(oc.outlet, 24) + " " + Signed(oc.stance) + " (" + std::to_string(oc.count) + ")  ";
      if (used + DisplayWidth(item) > W) {
        out << line << "\n";
        line = std::string(28, ' ');
        used = 28;
      }
      used += DisplayWidth(item);
      line += st.ByStance(oc.stance, item);
    }
    out << line << "\n";
  }
  if (shown.size() < multi)
    out << st.Dim("  ... " + std::to_string(multi - shown.size()) + " more cells told by several outlets (all: --format json)")
        << "\n";
  if (single > 0) out << "  " << Plural(single, "cell is", "cells are") << " reported by a single outlet\n";
}

// The end of the report, what a reader scrolled down for: each issue in one line, most
// divided first, with who is for and who against.
void WriteInShort(const Map& m, const TextOptions& o, const Style& st, std::ostream& out) {
  const size_t W = o.width;
  out << "\n" << Rule(st, "IN SHORT: the issues, most divided first", W) << "\n";
  auto codes = [&](const std::vector<size_t>& cells) {
    std::string s;
    for (size_t ci : cells) s += (s.empty() ? "" : " ") + m.cells[ci].actor;
    return s.empty() ? std::string("nobody") : s;
  };
  for (const auto& is : m.issues) {
    const std::string label = m.names.IssueLabel(is.issue);
    out << "  " << st.Bold(OneLine(label.empty() ? is.issue : label, 40)) << " (" << OneLine(is.issue, 30)
        << ", split " << Fixed(is.split, "%.2f") << ")\n";
    out << "    " << st.For(OneLine("for: " + codes(is.for_cells), W - 4)) << "\n";
    out << "    " << st.Against(OneLine("against: " + codes(is.against_cells), W - 4)) << "\n";
  }
}

}  // namespace

void WriteText(const Map& m, const TextOptions& o, std::ostream& out) {
  Style st(o.colour);
  const size_t W = o.width;
  out << st.Bold("faultline map") << ": " << Plural(m.statements.size(), "statement", "statements")
      << " in " << Plural(m.documents, "document", "documents") << " from "
      << Plural(m.outlets.size(), "outlet", "outlets") << ", " << DateSpan(m.first, m.last)
      << ", window " << map::WindowName(m.options.window) << "\n";
  std::string filters;
  if (!m.options.from.empty()) filters += " from " + m.options.from;
  if (!m.options.to.empty()) filters += " to " + m.options.to;
  if (!m.options.outlet.empty()) filters += " outlet \"" + m.options.outlet + "\"";
  if (!m.options.issue.empty()) filters += " issue " + m.options.issue;
  if (!filters.empty()) out << "  filtered: " << OneLine(filters, W - 13) << "\n";
  if (m.excluded_by_range > 0)
    out << "  " << Plural(m.excluded_by_range, "statement", "statements")
        << " left out: outside the date range, or without a year to place them\n";
  if (m.undated > 0)
    out << "  " << Plural(m.undated, "statement has", "statements have")
        << " no year (undated, or like \"--02-25\"): in cells, not in windows or shifts\n";
  if (m.statements.empty()) {
    out << "\nNo statements to map.\n";
    return;
  }

  WriteIssues(m, o, st, out);
  WriteShifts(m, o, st, out);
  WriteCamps(m, o, st, out);
  WriteOutlets(m, o, st, out);
  WriteInShort(m, o, st, out);
}

namespace {

// A cell's origins in the order they first reported (undated ones last), so that the
// statements `why` numbers read in date order; the map keeps them strongest first.
std::vector<map::CellOrigin> OriginsByDate(const Map& m, const Cell& c) {
  std::vector<map::CellOrigin> groups = c.origin_groups;
  auto first = [&](const map::CellOrigin& g) {
    const std::vector<size_t> ids = ByDate(m, g.statements);
    return ids.empty() ? std::string() : m.statements[ids.front()].date;
  };
  std::stable_sort(groups.begin(), groups.end(), [&](const map::CellOrigin& a, const map::CellOrigin& b) {
    const std::string x = first(a), y = first(b);
    if (x.empty() != y.empty()) return y.empty();
    return x < y;
  });
  return groups;
}

}  // namespace

void WriteWhyText(const Map& m, const std::string& actor, const std::string& issue,
                  const TextOptions& o, std::ostream& out) {
  Style st(o.colour);
  const Cell* c = m.FindCell(actor, issue);
  if (c == nullptr) {
    out << "No statements of " << OneLine(m.names.ActorWithName(actor), 60) << " on "
        << OneLine(m.names.IssueWithLabel(issue), 60) << " in the input.\n";
    return;
  }
  out << st.Bold(OneLine(m.names.ActorWithName(actor) + " on " + m.names.IssueWithLabel(issue), o.width)) << ": net " << st.ByStance(c->stance, Signed(c->stance)) << ", "
      << Plural(c->count, "statement", "statements") << " in " << Plural(c->documents, "document", "documents")
      << " (" << c->docs_for << " for, " << c->docs_against << " against) from "
      << Plural(c->origins, "independent origin", "independent origins") << ", " << DateSpan(c->first, c->last)
      << "\n";
  const std::string proposition = m.names.IssueProposition(issue);
  if (!proposition.empty()) out << st.Dim(OneLine("+1 supports: " + proposition, o.width)) << "\n";
  int n = 0;
  for (const map::CellOrigin& g : OriginsByDate(m, *c)) {
    out << "\n" << st.Bold("origin: " + OneLine(g.label, o.width - 20)) << "  "
        << Plural(g.statements.size(), "statement", "statements") << "\n";
    for (size_t id : ByDate(m, g.statements)) {
      const Statement& s = m.statements[id];
      out << "\n" << st.ByStance(s.stance, std::string(s.stance > 0 ? "+1" : "-1")) << "  #" << ++n << "\n";
      out << "  sentence:    " << OneLine(s.evidence.empty() ? "(none)" : s.evidence, 100000) << "\n";
      out << "  outlet:      " << OneLine(s.outlet.empty() ? "(unknown)" : s.outlet, o.width) << "\n";
      out << "  date:        " << (s.date.empty() ? "(undated)" : OneLine(s.date, 40)) << "\n";
      out << "  reported by: " << OneLine(s.source.empty() ? "(unattributed)" : s.source, o.width) << "\n";
      if (!s.person.empty()) out << "  person:      " << OneLine(s.person, o.width) << "\n";
      out << "  rule:        " << OneLine(s.rule.empty() ? "(none)" : s.rule, o.width) << "\n";
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.3f", s.confidence);
      out << "  confidence:  " << conf << "\n";
      out << "  cue:         " << OneLine(s.cue.empty() ? "(none)" : s.cue, o.width) << "\n";
      out << "  doc:         " << OneLine(s.doc, 1000);
      if (s.end > s.begin) out << " [" << s.begin << ".." << s.end << ")";
      out << "\n";
    }
  }
}

}  // namespace faultline::report
