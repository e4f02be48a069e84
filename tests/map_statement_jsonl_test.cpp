#include <gtest/gtest.h>

#include <sstream>

#include "map/statement_jsonl.h"

namespace faultline::map {
namespace {

TEST(StatementJsonl, ReadsAllFieldsAndReportsBadLinesWithTheirNumber) {
  std::istringstream in(
      "{\"doc\":\"a.txt\",\"actor\":\"FRA\",\"issue\":\"talks\",\"stance\":1,\"evidence\":\"Paris favours talks.\","
      "\"begin\":10,\"end\":30,\"person\":\"Emmanuel Macron\",\"cue\":\"favours\",\"rule\":\"cue:favor\","
      "\"source\":\"Bloomberg\",\"date\":\"2022-03-28\",\"outlet\":\"Antiwar.com\"}\n"
      "\n"
      "not json\n"
      "{\"actor\":\"GBR\",\"issue\":\"talks\",\"stance\":0}\n"
      "{\"actor\":\"GBR\",\"stance\":-1}\n"
      "{\"actor\":\"GBR\",\"issue\":\"talks\",\"stance\":\"-1\"}\r\n"
      "[1,2]\n"
      "{\"actor\":\"GBR\",\"issue\":\"arms\",\"stance\":true,\"begin\":-3}\n");
  std::vector<Statement> out;
  std::vector<Status> errors;
  EXPECT_EQ(ReadStatementsJsonl(in, "s.jsonl", &out, &errors), 2u);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].doc, "a.txt");
  EXPECT_EQ(out[0].stance, 1);
  EXPECT_EQ(out[0].begin, 10u);
  EXPECT_EQ(out[0].end, 30u);
  EXPECT_EQ(out[0].person, "Emmanuel Macron");
  EXPECT_EQ(out[0].source, "Bloomberg");
  EXPECT_EQ(out[0].outlet, "Antiwar.com");
  EXPECT_EQ(out[1].stance, -1);
  ASSERT_EQ(errors.size(), 5u);
  EXPECT_EQ(errors[0].ToString(), "s.jsonl:3: not valid JSON");
  EXPECT_EQ(errors[1].ToString(), "s.jsonl:4: \"stance\" must be 1 or -1");
  EXPECT_EQ(errors[2].ToString(), "s.jsonl:5: missing \"issue\"");
  EXPECT_EQ(errors[3].ToString(), "s.jsonl:7: not a JSON object");
  EXPECT_EQ(errors[4].line(), 8);
}

TEST(StatementJsonl, ConfidenceIsReadWhenGivenAndOneWhenNot) {
  std::istringstream in(
      "{\"actor\":\"FRA\",\"issue\":\"talks\",\"stance\":1,\"confidence\":0.625}\n"
      "{\"actor\":\"GBR\",\"issue\":\"talks\",\"stance\":1}\n"
      "{\"actor\":\"GBR\",\"issue\":\"talks\",\"stance\":1,\"confidence\":1.5}\n"
      "{\"actor\":\"GBR\",\"issue\":\"talks\",\"stance\":1,\"confidence\":\"high\"}\n");
  std::vector<Statement> out;
  std::vector<Status> errors;
  EXPECT_EQ(ReadStatementsJsonl(in, "s.jsonl", &out, &errors), 2u);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].confidence, 0.625);
  EXPECT_EQ(out[1].confidence, 1.0);  // hand-coded: certain
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].ToString(), "s.jsonl:3: \"confidence\" must be a number from 0 to 1");
  EXPECT_EQ(errors[1].line(), 4);
}

TEST(StatementJsonl, MissingFileIsAnError) {
  std::vector<Statement> out;
  std::vector<Status> errors;
  Status st = ReadStatementsFile("/nonexistent/statements.jsonl", &out, &errors);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.ToString().find("/nonexistent/statements.jsonl"), std::string::npos);
}

}  // namespace
}  // namespace faultline::map
