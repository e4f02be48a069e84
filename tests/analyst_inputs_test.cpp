// Inputs as analysts have them: a CSV of articles (one a row), a page saved by a browser
// with its assets folder, US short dates, and warnings that do not fail a run. Every
// file is written here.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "ingest/dates.h"
#include "test_paths.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using faultline::testing::RunFaultline;
namespace fs = std::filesystem;

std::string Dir(const std::string& name) {
  std::string d = ::testing::TempDir() + "/analyst_inputs_" + name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void Write(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
}

std::vector<nlohmann::json> Lines(const std::string& jsonl) {
  std::vector<nlohmann::json> out;
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] == '{') out.push_back(nlohmann::json::parse(line));
  return out;
}

TEST(UsDates, ShortUsFormAndTheCommonOnes) {
  EXPECT_EQ(faultline::NormalizeDate("10/24/16"), "2016-10-24");
  EXPECT_EQ(faultline::NormalizeDate("1/5/22"), "2022-01-05");
  EXPECT_EQ(faultline::NormalizeDate("Posted 3/29/22 at 10:15"), "2022-03-29");
  EXPECT_EQ(faultline::NormalizeDate("24/10/16"), "2016-10-24");  // 24 cannot be a month
  EXPECT_EQ(faultline::NormalizeDate("12/31/99"), "1999-12-31");
  EXPECT_EQ(faultline::NormalizeDate("2/30/16"), "");            // no such day
  EXPECT_EQ(faultline::NormalizeDate("29.03.22"), "");           // dotted two-digit years stay unread
  EXPECT_EQ(faultline::NormalizeDate("10/24/2016"), "2016-10-24");
  EXPECT_EQ(faultline::NormalizeDate("Oct 24, 2016 1:45 PM"), "2016-10-24");
}

TEST(ArticleCsv, OneDocumentPerRowWithTheJsonReadersColumns) {
  const std::string d = Dir("csv");
  Write(d + "/export.csv",
        "Title,Date,source,url,content\r\n"
        "First report,10/24/16,Daily Example,https://example.org/a,\"Poland said it opposes talks, for now.\"\r\n"
        "Second report,2022-03-29,Other Wire,https://example.org/b,\"Line one.\nLine two, with \"\"quotes\"\".\"\r\n"
        "No text here,2022-03-30,Other Wire,https://example.org/c,\r\n");
  int rc;
  std::string out = RunFaultline("extract '" + d + "/export.csv'", &rc);
  EXPECT_EQ(rc, 1);  // the row without text is a document that could not be read
  auto docs = Lines(out);
  ASSERT_EQ(docs.size(), 2u) << out;
  EXPECT_EQ(docs[0]["title"], "First report");
  EXPECT_EQ(docs[0]["date"], "2016-10-24");
  EXPECT_EQ(docs[0]["outlet"], "Daily Example");
  EXPECT_EQ(docs[0]["text"], "Poland said it opposes talks, for now.");
  EXPECT_EQ(docs[1]["text"], "Line one.\nLine two, with \"quotes\".");
  std::string err = RunFaultline("extract '" + d + "/export.csv'", &rc, true);
  EXPECT_THAT(err, HasSubstr("record has no text"));
}

TEST(ArticleCsv, ACsvWithoutATextColumnIsStillText) {
  const std::string d = Dir("csv_plain");
  Write(d + "/notes.csv",
        "country,comment\n"
        "Poland,Poland said on Tuesday that it would not take part in the talks planned for next week in Geneva.\n"
        "France,France said it would attend the talks and hoped that others would join it there.\n");
  int rc;
  auto docs = Lines(RunFaultline("extract '" + d + "/notes.csv'", &rc));
  EXPECT_EQ(rc, 0);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_THAT(docs[0]["text"].get<std::string>(), HasSubstr("France,France said"));
}

TEST(SavedPage, ThePageIsReadAndItsAssetsSkippedSilently) {
  const std::string d = Dir("saved");
  Write(d + "/Talks stall.html",
        "<!DOCTYPE html><html><head><title>Talks stall</title></head><body><article><h1>Talks stall</h1>"
        "<p>Poland rejected any talks with Moscow on Tuesday, its foreign minister said in Warsaw.</p>"
        "<p>France said it favours keeping a channel open to the Kremlin for a ceasefire.</p>"
        "</article></body></html>");
  fs::create_directories(d + "/Talks stall_files");
  Write(d + "/Talks stall_files/app.js", "var x = 1;");
  Write(d + "/Talks stall_files/style.css", "body{color:red}");
  Write(d + "/Talks stall_files/logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0", 12));
  // A "_files" folder without its page is read as usual.
  fs::create_directories(d + "/notes_files");
  Write(d + "/notes_files/note.txt", "Germany said it supports sanctions on Russia.");
  int rc;
  std::string out = RunFaultline("extract '" + d + "'", &rc, true);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_THAT(out, Not(HasSubstr("app.js")));
  EXPECT_THAT(out, Not(HasSubstr("logo.png")));
  auto docs = Lines(out);
  ASSERT_EQ(docs.size(), 2u) << out;
  EXPECT_THAT(docs[0]["text"].get<std::string>(), HasSubstr("Poland rejected any talks"));
  EXPECT_THAT(docs[1]["file"].get<std::string>(), HasSubstr("note.txt"));
}

TEST(Warnings, AnUnparsedDateIsAWarningNotAFailure) {
  const std::string d = Dir("warn");
  Write(d + "/a.jsonl",
        "{\"text\": \"Poland said it opposes talks with Russia.\", \"date\": \"sometime last spring\"}\n"
        "{\"text\": \"France said it favours talks with Russia.\", \"date\": \"2022-03-29\"}\n");
  int rc;
  std::string err = RunFaultline("extract '" + d + "/a.jsonl' --format jsonl", &rc, true);
  EXPECT_EQ(rc, 0) << err;
  EXPECT_THAT(err, HasSubstr("warning: "));
  EXPECT_THAT(err, HasSubstr("unrecognised date \"sometime last spring\""));
  EXPECT_THAT(err, HasSubstr("faultline: 1 warning (the documents concerned were read)"));
  EXPECT_EQ(Lines(err).size(), 2u);
  // A document that cannot be read still fails the run.
  Write(d + "/b.jsonl", "{\"title\": \"no text\"}\n");
  RunFaultline("extract '" + d + "/b.jsonl'", &rc);
  EXPECT_EQ(rc, 1);
}

}  // namespace
