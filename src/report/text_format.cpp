#include "report/text_format.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ostream>
#include <tuple>

#include "report/escape.h"

namespace faultline::report::text {

using map::Cell;
using map::Map;

std::string Fixed(double v, const char* fmt) {
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}
std::string Signed(double v) { return v == 0 ? " 0.00" : Fixed(v, "%+.2f"); }

std::string Pad(const std::string& s, size_t width) {
  size_t w = DisplayWidth(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string DateSpan(const std::string& first, const std::string& last) {
  if (first.empty()) return "undated";
  return first == last ? first : first + ".." + last;
}

std::string Rule(const Style& st, const std::string& title, size_t width) {
  std::string line = "== " + title + " ";
  size_t w = DisplayWidth(line);
  if (w < width) line += std::string(width - w, '=');
  return st.Bold(line);
}

std::vector<std::string> WrapWords(const std::string& text, size_t width) {
  std::vector<std::string> lines;
  std::string line;
  const std::string flat = OneLine(text, text.size() + 1);
  size_t start = 0;
  while (start < flat.size()) {
    size_t space = flat.find(' ', start);
    if (space == std::string::npos) space = flat.size();
    const std::string word = OneLine(flat.substr(start, space - start), width);
    if (!line.empty() && DisplayWidth(line) + 1 + DisplayWidth(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = space + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// "Outlet, 2022-03-28, per Bloomberg" for one statement.
std::string Provenance(const Statement& s) {
  std::string out = s.outlet.empty() ? "(no outlet)" : s.outlet;
  out += ", " + (s.date.empty() ? std::string("undated") : s.date);
  if (!s.source.empty() && s.source != s.outlet) out += ", per " + s.source;
  return out;
}

// The statements `ids` in date order (undated last, input order among equals).
std::vector<size_t> ByDate(const Map& m, std::vector<size_t> ids) {
  std::stable_sort(ids.begin(), ids.end(), [&](size_t a, size_t b) {
    const std::string &x = m.statements[a].date, &y = m.statements[b].date;
    if (x.empty() != y.empty()) return y.empty();
    return x < y;
  });
  return ids;
}

// A word as the shell reads it: left bare when it is plain, else in single quotes.
std::string ShellWord(const std::string& s) {
  bool plain = !s.empty();
  for (unsigned char c : s)
    plain = plain && (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '/' || c == ':');
  if (plain) return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The `faultline why` command that lists every statement of a cell, within `window`
// when one is given, under the map's filters.
std::string WhyCommand(const Map& m, const std::string& actor, const std::string& issue,
                       const std::string& window, const TextOptions& o) {
  std::string cmd = "faultline why " + ShellWord(actor) + " " + ShellWord(issue);
  for (const auto& w : o.why_inputs) {
    cmd += ' ';
    cmd += ShellWord(w);
  }
  std::string from = m.options.from, to = m.options.to;
  if (!window.empty()) std::tie(from, to) = map::WindowBounds(window);
  if (!from.empty()) cmd += " --from " + from;
  if (!to.empty()) cmd += " --to " + to;
  if (!m.options.outlet.empty()) cmd += " --outlet " + ShellWord(m.options.outlet);
  return cmd;
}

void WriteEvidence(const Map& m, const std::vector<size_t>& unsorted, int limit, const std::string& indent,
                   const std::string& why, size_t width, const Style& st, std::ostream& out) {
  const std::vector<size_t> ids = ByDate(m, unsorted);
  int shown = 0;
  for (size_t id : ids) {
    if (shown == limit) {
      // The command is printed whole, even past the width: it is meant to be copied.
      out << indent << st.Dim("... " + Plural(ids.size() - shown, "more statement", "more statements") + ": ")
          << OneLine(why, 100000) << "\n";
      break;
    }
    const Statement& s = m.statements[id];
    size_t room = width > indent.size() + 6 ? width - indent.size() - 4 : 40;
    out << indent << st.ByStance(s.stance, s.stance > 0 ? "+" : "-") << " \""
        << OneLine(s.evidence.empty() ? "(no evidence text)" : s.evidence, room) << "\"\n";
    out << indent << "  " << st.Dim(OneLine(Provenance(s), room)) << "\n";
    ++shown;
  }
}

// "+1", "-1", "0" or "+0.33": a window's net stance in few columns.
std::string Short(double v) {
  if (v == 1) return "+1";
  if (v == -1) return "-1";
  if (v == 0) return "0";
  return Fixed(v, "%+.2f");
}

std::string Right(const std::string& s, size_t width) {
  size_t w = DisplayWidth(s);
  return w >= width ? " " + s : std::string(width - w, ' ') + s;
}

// The counts of a cell in columns wide enough for four digits, right-aligned under the
// header CellHeader prints, so that the lines of an issue stay aligned on big corpora.
std::string CellHeader() {
  return "    " + Pad("actor", 23) + "  net" + Right("stmts", 7) + Right("docs", 6) + Right("origins", 8) +
         Right("outlets", 8) + "  dates";
}

// One cell: code, name, net stance, counts, dates.
void WriteCellLine(const Map& m, const Cell& c, size_t width, const Style& st, std::ostream& out) {
  // Code in 6 columns and name in 15; a label that does not fit (a person "for DEU
  // (Germany)", "Central and Eastern European countries") gets a line of its own rather
  // than being cut or pushing the figures out of their columns.
  const std::string code = OneLine(c.actor, width);
  const std::string name = OneLine(m.names.ActorName(c.actor), width);
  std::string head;
  if (DisplayWidth(code) <= 6 && DisplayWidth(name) <= 15) {
    head = "    " + Pad(code, 6) + " " + Pad(name, 16);
  } else {
    out << "    " << OneLine(name.empty() ? code : code + " " + name, width - 4) << "\n";
    head = std::string(4 + 23, ' ');
  }
  std::string stance = Signed(c.stance);
  std::string facts = Right(std::to_string(c.count), 7) + Right(std::to_string(c.documents), 6) +
                      Right(std::to_string(c.origins), 8) + Right(std::to_string(c.outlets.size()), 8) + "  " +
                      DateSpan(c.first, c.last);
  if (c.undated > 0) facts += " +" + std::to_string(c.undated) + " no year";
  std::string flag = c.outlets_disagree ? " !outlets differ" : "";
  out << head << st.ByStance(c.stance, stance) << facts << st.Warn(flag) << "\n";
  // The cell's course over time, when it was reported in more than one window.
  if (c.timeline.size() > 1) {
    const std::string indent(27, ' ');
    std::string line = indent + "course:";
    size_t used = DisplayWidth(line);
    for (const auto& w : c.timeline) {
      std::string item = " " + w.window + " " + Short(w.stance);
      if (used + DisplayWidth(item) > width) {
        out << st.Dim(line) << "\n";
        line = indent + "       ";
        used = DisplayWidth(line);
      }
      line += item;
      used += DisplayWidth(item);
    }
    out << st.Dim(line) << "\n";
  }
}

}  // namespace faultline::report::text
