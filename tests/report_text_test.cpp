#include <gtest/gtest.h>

#include <sstream>

#include "map/map.h"
#include "report/escape.h"
#include "report/text_format.h"
#include "report/text_report.h"

namespace faultline::report {
namespace {

Statement S(std::string actor, std::string issue, int stance, std::string date, std::string evidence) {
  Statement s;
  s.doc = "d-" + actor + date;
  s.actor = std::move(actor);
  s.issue = std::move(issue);
  s.stance = stance;
  s.date = std::move(date);
  s.evidence = std::move(evidence);
  s.outlet = "Wire";
  s.rule = "cue:test";
  s.cue = "says";
  return s;
}

TEST(OneLine, CollapsesWhitespaceStripsControlsAndCuts) {
  EXPECT_EQ(OneLine("a\n\tb  c", 80), "a b c");
  EXPECT_EQ(OneLine("red\x1b[31m text", 80), "red[31m text");
  EXPECT_EQ(OneLine("csi\xC2\x9B" "31m", 80), "csi31m");
  EXPECT_EQ(OneLine("abcdefghij", 5), "abcd\xE2\x80\xA6");
  EXPECT_EQ(DisplayWidth(OneLine("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 4)), 4u);
}

// Columns, not bytes or code points: CJK takes two, a combining accent none, so names cut
// with an ellipsis and padded line up with ASCII ones.
TEST(OneLine, CountsTerminalColumns) {
  EXPECT_EQ(DisplayWidth("\xE6\x97\xA5\xE6\x9C\xAC"), 4u);               // 日本
  EXPECT_EQ(DisplayWidth("Zoe\xCC\x88"), 3u);                              // Zoe + U+0308
  EXPECT_EQ(DisplayWidth("\xC5\x81\xC3\xB3" "d\xC5\xBA"), 4u);                 // Łódź
  EXPECT_EQ(OneLine("\xE6\x97\xA5\xE6\x9C\xAC\xE7\xB5\x8C\xE6\xB8\x88", 5),
            "\xE6\x97\xA5\xE6\x9C\xAC\xE2\x80\xA6");                    // 日本経済 -> 日本…
  EXPECT_EQ(OneLine("Zoe\xCC\x88 Zoe\xCC\x88", 5), "Zoe\xCC\x88 \xE2\x80\xA6");
  for (std::string name : {"Plain Ascii Outlet Name That Is Very Long Indeed",
                           "Zoe\xCC\x88 Ga\xCC\x81zeta Wi\xCC\x81" "elka Dzienna Warszawska Nowa Stara",
                           "\xE6\x97\xA5\xE6\x9C\xAC\xE7\xB5\x8C\xE6\xB8\x88\xE6\x96\xB0\xE8\x81\x9E"
                           "\xE7\xA4\xBE\xE6\x9D\xB1\xE4\xBA\xAC\xE5\xA4\xA7\xE9\x98\xAA"
                           "\xE5\x90\x8D\xE5\x8F\xA4\xE5\xB1\x8B\xE7\xA6\x8F\xE5\xB2\xA1"
                           "\xE6\x9C\xAD\xE5\xB9\x8C\xE4\xBA\xAC\xE9\x83\xBD"}) {
    EXPECT_LE(DisplayWidth(OneLine(name, 40)), 40u) << name;
    EXPECT_EQ(DisplayWidth(text::Pad(OneLine(name, 20), 22)), 22u) << name;
  }
}

TEST(TextReport, ColourOnlyWhenAskedAndNeverFromInput) {
  std::vector<Statement> st = {S("FRA\x1b]0;pwned\x07", "talks", 1, "2022-03-28", "Paris \x1b[2J favours talks."),
                               S("GBR", "talks", -1, "2022-03-28", "London says no."),
                               S("GBR", "talks", 1, "2023-02-24", "London now says yes.")};
  map::Map m = map::BuildMap(st, map::MapOptions{});
  std::ostringstream plain, coloured;
  WriteText(m, TextOptions{}, plain);
  TextOptions c;
  c.colour = true;
  WriteText(m, c, coloured);
  EXPECT_EQ(plain.str().find('\x1b'), std::string::npos);
  EXPECT_NE(coloured.str().find("\x1b[32m"), std::string::npos);
  EXPECT_EQ(coloured.str().find("\x1b]0;"), std::string::npos);  // no escape sequence from input
  EXPECT_EQ(coloured.str().find("\x1b[2J"), std::string::npos);
  EXPECT_NE(plain.str().find("GBR on talks:\n    2022-03 -1.00 (1 stmt)  ->  2023-02 +1.00 (1 stmt)"), std::string::npos)
      << plain.str();
}

TEST(TextReport, BigMapsShowTheBestAttestedShifts) {
  std::vector<Statement> st;
  for (int a = 0; a < 50; ++a) {
    std::string actor = std::to_string(a).insert(0, 1, 'A');  // not "A" + ...: GCC 12 -Wrestrict false positive
    st.push_back(S(actor, "talks", -1, "2022-03-28", "no"));
    st.push_back(S(actor, "talks", 1, "2023-02-24", "yes"));
  }
  st.push_back(S("A7", "talks", 1, "2023-02-25", "yes again"));  // A7's shift has the most evidence
  map::Map m = map::BuildMap(st, map::MapOptions{});
  ASSERT_EQ(m.shifts.size(), 50u);
  std::ostringstream out;
  WriteText(m, TextOptions{}, out);
  EXPECT_NE(out.str().find("the 40 best-attested of 50 shifts"), std::string::npos);
  EXPECT_NE(out.str().find("A7 on talks:\n    2022-03"), std::string::npos);
  TextOptions all;
  all.max_shifts = 0;
  std::ostringstream full;
  WriteText(m, all, full);
  size_t n = 0;
  for (size_t p = full.str().find(" on talks:\n"); p != std::string::npos; p = full.str().find(" on talks:\n", p + 1)) ++n;
  EXPECT_EQ(n, 50u);
}

TEST(TextReport, WhyShowsEveryField) {
  std::vector<Statement> st = {S("GBR", "talks", -1, "2022-03-28", "London says no."),
                               S("GBR", "talks", 1, "--02-25", "London now says yes.")};
  st[0].source = "Bloomberg";
  map::Map m = map::BuildMap(st, map::MapOptions{});
  std::ostringstream out;
  WriteWhyText(m, "GBR", "talks", TextOptions{}, out);
  std::string s = out.str();
  EXPECT_NE(s.find("net  0.00, 2 statements in 2 documents (1 for, 1 against)"), std::string::npos) << s;
  EXPECT_NE(s.find("sentence:    London says no."), std::string::npos);
  EXPECT_NE(s.find("reported by: Bloomberg"), std::string::npos);
  EXPECT_NE(s.find("reported by: (unattributed)"), std::string::npos);
  EXPECT_NE(s.find("date:        --02-25"), std::string::npos);
  EXPECT_NE(s.find("rule:        cue:test"), std::string::npos);
  EXPECT_NE(s.find("cue:         says"), std::string::npos);
  std::ostringstream none;
  WriteWhyText(m, "POL", "talks", TextOptions{}, none);
  EXPECT_EQ(none.str(), "No statements of POL on talks in the input.\n");
}

}  // namespace
}  // namespace faultline::report
