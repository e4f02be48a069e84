// End to end: the built CLI on good and bad input, checking stdout, the one-line
// errors on stderr and the exit status (0 ok, 1 some input failed, 2 usage).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "ingest_test_util.h"

namespace faultline {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::GzipMember;
using testing::RunCli;
using testing::TempDir;
using testing::WriteFile;

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> v;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t eol = out.find('\n', pos);
    v.push_back(nlohmann::json::parse(out.substr(pos, eol - pos)));
    pos = eol + 1;
  }
  return v;
}

int CountLines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

const char* kArticle =
    "title: Ministers disagree on talks\n"
    "url: https://www.example-news.org/2022/03/29/talks\n"
    "date: 2022-03-29\n"
    "\n"
    "Foreign ministers met on Tuesday and could not agree whether to open talks before a "
    "ceasefire. Two governments said a channel must stay open; three others said talks now "
    "would reward aggression. A further meeting is planned for next month, officials said, "
    "and the final statement was rewritten several times before it was published.\n";

TEST(ExtractCliTest, JsonLinesWithNullForUnknownFields) {
  TempDir dir;
  WriteFile(dir / "in/talks.txt", kArticle);
  auto r = RunCli("extract " + dir / "in", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto docs = JsonLines(r.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0]["id"], "talks");
  EXPECT_EQ(docs[0]["title"], "Ministers disagree on talks");
  EXPECT_EQ(docs[0]["date"], "2022-03-29");
  EXPECT_EQ(docs[0]["outlet"], "example-news.org");
  EXPECT_TRUE(docs[0]["author"].is_null());
  // The fields, in order.
  EXPECT_EQ(r.out.find("{\"id\":"), 0u);
  EXPECT_THAT(r.out, HasSubstr("\"language\":\"en\",\"via\":null,\"text\":"));
}

TEST(ExtractCliTest, ViaComesFromRelayFurnitureHeadersSidecarsAndJson) {
  TempDir dir;
  WriteFile(dir / "in/a.txt", "A report on the harbour strike\n\nDock workers walked out on Monday, the union said.\n\n"
                              "Read on Harbour Gazette\n\nThe strike closed the port for a day.\n");
  WriteFile(dir / "in/b.txt", "title: Strike\nvia: Fjord Post\n\nDock workers walked out on Monday.\n");
  WriteFile(dir / "in/c.jsonl", R"({"id": "c1", "text": "Dock workers walked out.", "via": "Coastal Herald"})" "\n");
  WriteFile(dir / "in/d.txt", "title: Strike\n\nDock workers walked out on Monday.\n");
  WriteFile(dir / "meta.jsonl", R"({"file": "d.txt", "via": "Valley Times"})" "\n");
  auto r = RunCli("extract " + dir / "in" + " --meta " + dir / "meta.jsonl", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto docs = JsonLines(r.out);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0]["via"], "Harbour Gazette");
  EXPECT_EQ(docs[1]["via"], "Fjord Post");
  EXPECT_EQ(docs[2]["via"], "Coastal Herald");
  EXPECT_EQ(docs[3]["via"], "Valley Times");
  EXPECT_EQ(docs[0]["text"].get<std::string>().find("Read on"), std::string::npos);
}

TEST(ExtractCliTest, TextFormatReadsBackAsTheSameDocument) {
  TempDir dir;
  WriteFile(dir / "talks.txt", kArticle);
  auto r = RunCli("extract --format text " + dir / "talks.txt", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("title: Ministers disagree on talks\n"));
  // Drop the "=== id" line: the rest is a text file with header lines.
  WriteFile(dir / "again/talks.txt", r.out.substr(r.out.find('\n') + 1));
  auto back = RunCli("extract " + dir / "again/talks.txt", dir);
  auto first = RunCli("extract " + dir / "talks.txt", dir);
  auto a = JsonLines(first.out), b = JsonLines(back.out);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0]["text"], b[0]["text"]);
  EXPECT_EQ(a[0]["date"], b[0]["date"]);
}

TEST(ExtractCliTest, StdinAndMetaSidecar) {
  TempDir dir;
  WriteFile(dir / "meta.csv", "file,date,outlet\n-,2021-01-02,Stdin Times\n");
  WriteFile(dir / "body.txt", "Just a short note on sanctions.\n");
  auto r = RunCli("extract - --meta " + dir / "meta.csv" + " < " + dir / "body.txt", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto docs = JsonLines(r.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0]["file"], "-");
  EXPECT_EQ(docs[0]["date"], "2021-01-02");
  EXPECT_EQ(docs[0]["outlet"], "Stdin Times");
}

TEST(ExtractCliTest, EveryKindOfBadInputIsOneLineAndTheRunGoesOn) {
  TempDir dir;
  std::string in = dir / "in";
  WriteFile(in + "/01-good.txt", kArticle);
  WriteFile(in + "/02-garbage.txt", std::string("\x00\x01\x02\xff\xfe binary\x00\x00", 14));
  std::string gz = GzipMember(std::string(kArticle) + std::string(4000, 'z'));
  WriteFile(in + "/03-truncated.txt.gz", gz.substr(0, gz.size() / 2));
  WriteFile(in + "/04-lines.jsonl",
            "{\"text\": \"First record.\", \"id\": \"r1\"}\n{\"text\": oops}\n"
            "{\"text\": \"Third record.\", \"id\": \"r3\"}\n");
  WriteFile(in + "/05-latin1.txt", "A caf\xE9 in Vilnius hosted the talks.\n");
  WriteFile(in + "/06-empty.txt", "");
  WriteFile(in + "/07-big.txt", std::string(3 << 20, 'a'));
  std::filesystem::create_directory_symlink(in, in + "/08-loop");
  auto r = RunCli("extract --max-file-mb 2 " + in, dir);
  EXPECT_EQ(r.exit_code, 1);
  auto docs = JsonLines(r.out);
  // good, r1, r3, the repaired Latin-1 text.
  ASSERT_EQ(docs.size(), 4u) << r.out;
  EXPECT_EQ(docs[1]["id"], "r1");
  EXPECT_EQ(docs[2]["id"], "r3");
  EXPECT_THAT(docs[3]["text"].get<std::string>(), HasSubstr("caf\xEF\xBF\xBD in"));
  EXPECT_EQ(CountLines(r.err), 7) << r.err;
  EXPECT_THAT(r.err, HasSubstr(in + "/02-garbage.txt: binary data"));
  EXPECT_THAT(r.err, HasSubstr(in + "/03-truncated.txt.gz: truncated gzip"));
  EXPECT_THAT(r.err, HasSubstr(in + "/04-lines.jsonl:2: malformed JSON"));
  EXPECT_THAT(r.err, HasSubstr(in + "/05-latin1.txt:1: invalid UTF-8"));
  EXPECT_THAT(r.err, HasSubstr(in + "/06-empty.txt: empty file"));
  EXPECT_THAT(r.err, HasSubstr(in + "/07-big.txt: file is 3.0 MB, over the limit of 2.0 MB"));
  EXPECT_THAT(r.err, HasSubstr(in + "/08-loop: symbolic link loop"));
}

TEST(ExtractCliTest, UsageErrorsExitTwo) {
  TempDir dir;
  EXPECT_EQ(RunCli("extract --format yaml x.txt", dir).exit_code, 2);
  EXPECT_EQ(RunCli("extract --no-such-flag", dir).exit_code, 2);
  auto r = RunCli("extract --db x.db some.txt", dir);
  EXPECT_EQ(r.exit_code, 2);
  r = RunCli("extract", dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("give PATH"));
  EXPECT_EQ(RunCli("ingest --db " + dir / "n.db", dir).exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir / "n.db"));
  EXPECT_EQ(RunCli("corpus", dir).exit_code, 2);  // --db is required
}

TEST(ExtractCliTest, HelpHasExamples) {
  TempDir dir;
  for (const char* cmd : {"extract", "ingest", "corpus"}) {
    auto r = RunCli(std::string(cmd) + " --help", dir);
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_THAT(r.out, HasSubstr("Examples:")) << cmd;
  }
}

TEST(IngestCliTest, IngestTwiceThenCorpus) {
  TempDir dir;
  std::string in = dir / "in";
  WriteFile(in + "/a.txt", kArticle);
  // The same report republished with furniture around it and one sentence of its own
  // (the cleaner removes the furniture; the extra sentence keeps it from being exact).
  std::string body = std::string(kArticle).substr(std::string(kArticle).find("\n\n") + 2) +
                     "The talks were expected to resume after the holiday, the agency added.\n";
  WriteFile(in + "/b.txt", "url: https://other.example.com/x\ndate: 2022-03-30\n\nAdvertisement\n"
                           "Share this article\n\n" + body + "\nSubscribe to our newsletter\n");
  WriteFile(in + "/c.jsonl", "{\"text\": \"An unrelated note about grain exports and shipping routes.\", "
                             "\"date\": \"2021-05-06\", \"source\": \"Port Weekly\", \"id\": \"c1\"}\n");
  std::string db = dir / "n.db";
  auto r = RunCli("ingest " + in + " --db " + db, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("read 3 documents from 3 files"));
  EXPECT_THAT(r.out, HasSubstr("added 2, exact duplicates 0 (skipped), near duplicates 1 (stored, linked), errors 0"));
  r = RunCli("ingest " + in + " --db " + db, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("added 0, exact duplicates 3"));

  r = RunCli("corpus --db " + db, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("documents:       2"));
  EXPECT_THAT(r.out, HasSubstr("near duplicates: 1"));
  EXPECT_THAT(r.out, HasSubstr("2021-05-06 .. 2022-03-29"));
  EXPECT_THAT(r.out, HasSubstr("Port Weekly"));
  r = RunCli("corpus --format json --db " + db, dir);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["documents"], 2);
  EXPECT_EQ(j["outlets"].size(), 2u);

  // Stored documents read back through --db, duplicates left out.
  r = RunCli("extract --db " + db, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto docs = JsonLines(r.out);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0]["id"], "a");
  EXPECT_EQ(docs[1]["id"], "c1");
}

TEST(IngestCliTest, BadInputIsReportedAndTheRestStored) {
  TempDir dir;
  WriteFile(dir / "in/good.txt", kArticle);
  WriteFile(dir / "in/bad.jsonl", "{broken\n");
  auto r = RunCli("ingest " + dir / "in" + " --db " + dir / "n.db", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("bad.jsonl:1: malformed JSON"));
  EXPECT_THAT(r.out, HasSubstr("read 1 documents from 2 files"));
  EXPECT_THAT(r.out, HasSubstr("added 1, exact duplicates 0 (skipped), near duplicates 0 (stored, linked), errors 1"));
  r = RunCli("corpus --db " + dir / "missing/dir/x.db", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("x.db"));
  // A mistyped database name is an error, not a new empty database.
  r = RunCli("extract --db " + dir / "typo.db", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("typo.db: cannot open database"));
  EXPECT_FALSE(std::filesystem::exists(dir / "typo.db"));
}

TEST(IngestCliTest, NoProgressWhenPiped) {
  TempDir dir;
  WriteFile(dir / "a.txt", kArticle);
  auto r = RunCli("ingest " + dir / "a.txt" + " --db " + dir / "n.db", dir);
  EXPECT_THAT(r.err, Not(HasSubstr("docs/s")));
}

}  // namespace
}  // namespace faultline
