// The small vocabulary the text writers share (the map, `why`, one actor, a comparison):
// ANSI styles that switch off into a pipe, padded and right-aligned columns measured in
// display width, counts with their noun, the evidence lists with the `faultline why`
// command that shows the rest, and one cell's line.
#pragma once

#include <string>
#include <vector>

#include "map/map.h"
#include "report/text_report.h"

namespace faultline::report::text {

class Style {
 public:
  explicit Style(bool on) : on_(on) {}
  std::string Bold(const std::string& s) const { return Wrap("1", s); }
  std::string Dim(const std::string& s) const { return Wrap("2", s); }
  std::string For(const std::string& s) const { return Wrap("32", s); }
  std::string Against(const std::string& s) const { return Wrap("31", s); }
  std::string Warn(const std::string& s) const { return Wrap("33", s); }
  // Green for support, red for opposition, plain for mixed.
  std::string ByStance(double stance, const std::string& s) const {
    return stance > 0 ? For(s) : stance < 0 ? Against(s) : s;
  }

 private:
  std::string Wrap(const char* code, const std::string& s) const {
    if (!on_) return s;
    return std::string("\x1b[") + code + "m" + s + "\x1b[0m";
  }
  bool on_;
};

std::string Fixed(double v, const char* fmt);
std::string Signed(double v);                            // "+0.50", "-1.00", " 0.00"
std::string Short(double v);                             // "+1", "-1", "0", "+0.33"
std::string Pad(const std::string& s, size_t width);     // left-aligned in `width` columns
std::string Right(const std::string& s, size_t width);   // right-aligned, a space before if full
std::string Plural(size_t n, const char* one, const char* many);
std::string DateSpan(const std::string& first, const std::string& last);
// `text` on one line per `width` columns, broken between words (a word longer than a line
// is cut with an ellipsis); control characters stripped as by OneLine.
std::vector<std::string> WrapWords(const std::string& text, size_t width);
std::string Rule(const Style& st, const std::string& title, size_t width);  // "== TITLE ====..."
// "Outlet, 2022-03-28, per Bloomberg" for one statement.
std::string Provenance(const Statement& s);
// The statements `ids` in date order (undated last, input order among equals).
std::vector<size_t> ByDate(const map::Map& m, std::vector<size_t> ids);
// A word as the shell reads it: bare when plain, else in single quotes.
std::string ShellWord(const std::string& s);
// The `faultline why` command that lists every statement of a cell, within `window`
// ("2022-03", "2022-Q1"; empty: the map's range) under the map's filters.
std::string WhyCommand(const map::Map& m, const std::string& actor, const std::string& issue,
                       const std::string& window, const TextOptions& o);
// Up to `limit` statements of `ids` in date order, then "... N more statements: <why>".
void WriteEvidence(const map::Map& m, const std::vector<size_t>& ids, int limit, const std::string& indent,
                   const std::string& why, size_t width, const Style& st, std::ostream& out);
// The column header above cell lines, and one cell: code, name, net stance, counts in
// columns wide enough for four digits, dates, and its course over time.
std::string CellHeader();
void WriteCellLine(const map::Map& m, const map::Cell& c, size_t width, const Style& st, std::ostream& out);

}  // namespace faultline::report::text
