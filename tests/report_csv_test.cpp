#include <gtest/gtest.h>

#include <sstream>

#include "map/map.h"
#include "report/csv_report.h"
#include "report/escape.h"

namespace faultline::report {
namespace {

// A small RFC 4180 reader: records of fields, quoted fields may hold , " CR LF.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, in_quotes = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
      else if (c == '"') in_quotes = false;
      else field += c;
      continue;
    }
    if (c == '"' && field.empty() && !quoted) { in_quotes = quoted = true; continue; }
    if (c == ',') { row.push_back(field); field.clear(); quoted = false; continue; }
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      quoted = false;
      continue;
    }
    EXPECT_NE(c, '\n') << "bare LF outside quotes at byte " << i;
    EXPECT_NE(c, '"') << "quote inside an unquoted field at byte " << i;
    field += c;
  }
  EXPECT_TRUE(field.empty() && row.empty()) << "last record not terminated by CRLF";
  return rows;
}

Statement S(std::string actor, std::string issue, int stance, std::string evidence, std::string outlet) {
  Statement s;
  s.doc = "d1.txt";
  s.actor = std::move(actor);
  s.issue = std::move(issue);
  s.stance = stance;
  s.evidence = std::move(evidence);
  s.outlet = std::move(outlet);
  s.date = "2022-03-28";
  s.source = "Bloomberg";
  return s;
}

TEST(CsvField, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField(""), "");
}

TEST(CsvReport, StatementsRoundTrip) {
  std::vector<Statement> st = {S("FRA", "talks", 1, "Paris, \"for now\", favours talks.\nNew line.", "Outlet, Inc"),
                               S("GBR", "talks", -1, "London says no.", "Wire")};
  map::Map m = map::BuildMap(st, map::MapOptions{});
  std::ostringstream out;
  WriteStatementsCsv(m, out);
  auto rows = ParseCsv(out.str());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"statement_id", "time", "actor", "issue", "stance", "text", "document",
                                               "outlet", "source", "person", "cue", "rule", "confidence",
                                               "actor_name", "issue_label", "issue_proposition"}));
  EXPECT_EQ(rows[1][0], "1");
  EXPECT_EQ(rows[1][2], "FRA");
  EXPECT_EQ(rows[1][4], "1");
  EXPECT_EQ(rows[1][5], "Paris, \"for now\", favours talks.\nNew line.");
  EXPECT_EQ(rows[1][7], "Outlet, Inc");
  EXPECT_EQ(rows[2][4], "-1");
  EXPECT_EQ(rows[1][12], "1.000");  // hand-made statements are certain
  for (const auto& r : rows) EXPECT_EQ(r.size(), 16u);
}

TEST(CsvReport, MatrixHasAnEmptyFieldWhereAnActorSaidNothing) {
  std::vector<Statement> st = {S("FRA", "talks", 1, "x", "W"), S("GBR", "talks", -1, "y", "W"),
                               S("GBR", "arms", 1, "z", "W")};
  map::Map m = map::BuildMap(st, map::MapOptions{});
  m.names.actors["FRA"] = "France";
  std::ostringstream out;
  WriteMatrixCsv(m, out);
  auto rows = ParseCsv(out.str());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"actor", "actor_name", "talks", "arms"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"FRA", "France", "1.0000", ""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"GBR", "", "-1.0000", "1.0000"}));
}

}  // namespace
}  // namespace faultline::report
