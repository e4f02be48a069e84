// The text report as an analyst reads it: columns aligned when counts reach three digits,
// names beside codes, evidence in date order with the `why` command that shows the rest,
// and the summary of issues at the end.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "map/compare.h"
#include "map/map.h"
#include "map/names.h"
#include "report/question_report.h"
#include "report/text_report.h"

namespace faultline::report {
namespace {

using ::testing::HasSubstr;

Statement S(const std::string& actor, const std::string& issue, int stance, const std::string& date, int n) {
  Statement s;
  s.doc = "d" + std::to_string(n);
  s.actor = actor;
  s.issue = issue;
  s.stance = stance;
  s.date = date;
  s.evidence = actor + " sentence " + std::to_string(n) + " of " + date + ".";
  s.outlet = n % 2 ? "Wire" : "Daily";
  return s;
}

map::Names TestNames() {
  map::Names n;
  n.actors = {{"FRA", "France"}, {"GBR", "United Kingdom"}, {"POL", "Poland"}};
  n.issues["talks"] = map::IssueText{"Talks with Russia", "Talks should be pursued now."};
  return n;
}

std::vector<std::string> LinesWith(const std::string& text, const std::string& start) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(start, 0) == 0) out.push_back(line);
  return out;
}

TEST(AnalystText, CellColumnsStayAlignedAtThreeDigitCounts) {
  std::vector<Statement> st;
  for (int i = 0; i < 130; ++i) st.push_back(S("FRA", "talks", 1, "2022-03-" + std::to_string(10 + i % 18), i));
  for (int i = 0; i < 4; ++i) st.push_back(S("GBR", "talks", -1, "2022-03-1" + std::to_string(i), 1000 + i));
  map::Map m = map::BuildMap(st, map::MapOptions{});
  m.names = TestNames();
  std::ostringstream out;
  WriteText(m, TextOptions{}, out);
  auto fra = LinesWith(out.str(), "    FRA    France");
  auto gbr = LinesWith(out.str(), "    GBR    United Kingdom");
  ASSERT_EQ(fra.size(), 1u) << out.str();
  ASSERT_EQ(gbr.size(), 1u);
  // The stance and the date span start in the same columns on both lines.
  EXPECT_EQ(fra[0].find("+1.00"), gbr[0].find("-1.00"));
  EXPECT_EQ(fra[0].find("2022-03-10"), gbr[0].find("2022-03-10"));
  EXPECT_THAT(fra[0], HasSubstr(" 130 "));
  auto header = LinesWith(out.str(), "    actor");
  ASSERT_FALSE(header.empty());
  EXPECT_EQ(header[0].find("dates"), fra[0].find("2022-03-10"));
  // The report ends on the issues in short, most divided first.
  const std::string text = out.str();
  EXPECT_GT(text.rfind("IN SHORT"), text.rfind("OUTLETS"));
  EXPECT_THAT(text.substr(text.rfind("IN SHORT")), HasSubstr("against: GBR"));
}

TEST(AnalystText, EvidenceInDateOrderAndTheWhyCommandForTheRest) {
  // Statements given newest first; a shift from against (March) to for (May).
  std::vector<Statement> st;
  for (int i = 0; i < 5; ++i) st.push_back(S("POL", "talks", 1, "2022-05-2" + std::to_string(5 - i), i));
  for (int i = 0; i < 4; ++i) st.push_back(S("POL", "talks", -1, "2022-03-1" + std::to_string(5 - i), 10 + i));
  map::Map m = map::BuildMap(st, map::MapOptions{});
  m.names = TestNames();
  TextOptions o;
  o.why_inputs = {"my corpus/"};
  std::ostringstream out;
  WriteText(m, o, out);
  const std::string text = out.str().substr(out.str().find("== SHIFTS"));
  EXPECT_THAT(text, HasSubstr("POL (Poland) on talks (Talks with Russia)"));
  // Oldest first within each end of the shift.
  EXPECT_LT(text.find("2022-03-12"), text.find("2022-03-13"));
  EXPECT_LT(text.find("2022-05-21"), text.find("2022-05-22"));
  EXPECT_THAT(text, HasSubstr("... 2 more statements: faultline why POL talks 'my corpus/' --from 2022-03 --to 2022-03"));
  EXPECT_THAT(text, HasSubstr("... 3 more statements: faultline why POL talks 'my corpus/' --from 2022-05 --to 2022-05"));
}

TEST(AnalystText, OneActorAcrossIssuesWithItsPeople) {
  std::vector<Statement> st = {S("POL", "talks", -1, "2022-03-10", 1), S("POL", "talks", 1, "2022-06-10", 2),
                               S("POL", "arms", 1, "2022-04-01", 3), S("FRA", "talks", 1, "2022-03-10", 4)};
  st[0].person = "Andrzej Duda";
  st[2].person = "Andrzej Duda";
  map::MapOptions o;
  o.actor = "POL";
  map::Map m = map::BuildMap(st, o);
  m.names = TestNames();
  std::ostringstream out;
  WriteActorText(m, TextOptions{}, out);
  const std::string text = out.str();
  EXPECT_THAT(text, HasSubstr("POL (Poland): 3 statements on 2 issues"));
  EXPECT_THAT(text, HasSubstr("spoken for by: Andrzej Duda 2"));
  EXPECT_THAT(text, HasSubstr("course: 2022-03 -1 2022-06 +1"));
  EXPECT_THAT(text, HasSubstr("talks (Talks with Russia): 2022-03"));
  EXPECT_EQ(text.find("FRA"), std::string::npos);
}

TEST(AnalystText, TwoPeriodsSideBySide) {
  std::vector<Statement> st = {S("POL", "talks", -1, "2022-03-10", 1), S("POL", "talks", 1, "2022-09-10", 2),
                               S("FRA", "talks", 1, "2022-03-10", 3), S("FRA", "talks", 1, "2022-09-10", 4),
                               S("GBR", "talks", -1, "2022-08-10", 5), S("USA", "talks", -1, "2022-02-01", 6)};
  map::Comparison c = map::Compare(st, map::MapOptions{}, "2022-01..2022-06", "2022-07..2022-12");
  c.after.names = TestNames();
  ASSERT_EQ(c.issues, std::vector<std::string>{"talks"});
  std::map<std::string, map::ChangeKind> kind;
  for (const auto& ch : c.changes) kind[ch.actor] = ch.kind;
  EXPECT_EQ(kind["POL"], map::ChangeKind::kMoved);
  EXPECT_EQ(kind["FRA"], map::ChangeKind::kHeld);
  EXPECT_EQ(kind["GBR"], map::ChangeKind::kAppeared);
  EXPECT_EQ(kind["USA"], map::ChangeKind::kSilent);
  std::ostringstream out;
  WriteComparisonText(c, TextOptions{}, out);
  EXPECT_THAT(out.str(), HasSubstr("moved     POL (Poland)"));
  EXPECT_THAT(out.str(), HasSubstr("appeared  GBR (United Kingdom)"));
  EXPECT_THAT(out.str(), HasSubstr("held      FRA +1"));
  auto j = ComparisonToJson(c);
  EXPECT_EQ(j["issues"][0]["changes"][0]["kind"], "moved");
  std::string from, to;
  EXPECT_TRUE(map::ParsePeriod("2022-01..2022-06", &from, &to));
  EXPECT_EQ(from + "|" + to, "2022-01|2022-06");
  EXPECT_TRUE(map::ParsePeriod("2023", &from, &to));
  EXPECT_EQ(from + "|" + to, "2023|2023");
  EXPECT_FALSE(map::ParsePeriod("2023..2022", &from, &to));
  EXPECT_FALSE(map::ParsePeriod("March", &from, &to));
}

TEST(AnalystText, ByPersonAPersonIsARowOfItsOwnAndLongLabelsKeepTheColumns) {
  // Scholz versus Germany: `--by person` counts a statement that names its speaker for him.
  std::vector<Statement> st = {S("DEU", "talks", 1, "2022-03-10", 1), S("DEU", "talks", -1, "2022-04-10", 2),
                               S("DEU", "talks", -1, "2022-05-10", 3), S("FRA", "talks", 1, "2022-03-11", 4)};
  st[0].person = "Olaf Scholz";
  map::Names names = TestNames();
  names.actors["DEU"] = "Germany";
  map::AttributeToPeople(&st, &names);
  EXPECT_EQ(st[0].actor, "Olaf Scholz");
  EXPECT_EQ(st[1].actor, "DEU");
  map::Map m = map::BuildMap(st, map::MapOptions{});
  m.names = names;
  ASSERT_NE(m.FindCell("Olaf Scholz", "talks"), nullptr);
  ASSERT_NE(m.FindCell("DEU", "talks"), nullptr);
  EXPECT_EQ(m.FindCell("DEU", "talks")->stance, -1);
  std::ostringstream out;
  WriteText(m, TextOptions{}, out);
  const std::string text = out.str();
  // The person's whole label on a line of its own, the figures below in the columns of
  // the other lines (not cut to "Olaf Scholz for DEU (Germa…" and pushed to the right).
  auto label = LinesWith(text, "    Olaf Scholz for DEU (Germany)");
  ASSERT_EQ(label.size(), 1u) << text;
  const size_t at = text.find(label[0] + "\n") + label[0].size() + 1;
  const std::string figures = text.substr(at, text.find('\n', at) - at);
  auto fra = LinesWith(text, "    FRA    France");
  ASSERT_EQ(fra.size(), 1u);
  EXPECT_EQ(figures.find("+1.00"), fra[0].find("+1.00")) << figures;
  EXPECT_EQ(figures.find("2022-03-10"), fra[0].find("2022-03-11")) << figures;
  EXPECT_THAT(LinesWith(text, "    DEU    Germany "), ::testing::SizeIs(1));
  // The camps' explanation is indented and wrapped, never cut mid-sentence.
  const std::string camps = text.substr(text.find("== CAMPS"), text.find("modularity") - text.find("== CAMPS"));
  EXPECT_THAT(camps, HasSubstr("\n  a camp: actors on the same side more often"));
  EXPECT_THAT(camps, HasSubstr("than it agrees\n"));
  EXPECT_EQ(camps.find("\xE2\x80\xA6"), std::string::npos) << camps;  // no ellipsis
}

TEST(AnalystText, WhyNumbersTheStatementsInDateOrder) {
  // Four documents (four origins of one statement each), given newest first.
  std::vector<Statement> st;
  for (int i = 0; i < 4; ++i) st.push_back(S("POL", "talks", -1, "2022-03-1" + std::to_string(8 - i), i));
  map::Map m = map::BuildMap(st, map::MapOptions{});
  m.names = TestNames();
  std::ostringstream out;
  WriteWhyText(m, "POL", "talks", TextOptions{}, out);
  const std::string text = out.str();
  size_t last = 0;
  for (const char* date : {"2022-03-15", "2022-03-16", "2022-03-17", "2022-03-18"}) {
    const size_t at = text.find(std::string("date:        ") + date);
    ASSERT_NE(at, std::string::npos) << date << "\n" << text;
    EXPECT_GT(at, last) << date;
    last = at;
  }
}

}  // namespace
}  // namespace faultline::report
