// End to end through the built binary: `faultline serve` starts, answers and stops on
// SIGTERM; corrections reach `map --db` (and --machine-only leaves them out); `export
// --corrections` writes gold JSONL that `evaluate` scores the machine against.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "serve_test_util.h"

namespace faultline {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;

std::string Cli(const std::string& args, int* rc) {
  std::string out;
  std::string cmd = "'" + testing::Binary() + "' " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  *rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

// Three corrections on the fixture corpus: reject GBR on talks (d2), confirm FRA on
// talks (d1), add HUN against talks (d3).
void Correct(const std::string& db) {
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok());
  auto one = [&](CorrectionAction action, const char* doc, const char* actor, const char* issue, int stance,
                 const std::string& evidence, const std::string& text) {
    Correction c;
    c.action = action;
    Statement& s = c.statement;
    s.doc = doc;
    s.actor = actor;
    s.issue = issue;
    s.stance = stance;
    s.evidence = evidence;
    s.begin = text.find(evidence);
    s.end = s.begin + evidence.size();
    s.rule = action == CorrectionAction::kAdd ? kManualRule : "fixture";
    if (action != CorrectionAction::kAdd) c.target = RefOf(s);
    c.who = "ana";
    ASSERT_TRUE((*store)->AddCorrection(c).ok());
  };
  const auto& docs = testing::FixtureDocs();
  one(CorrectionAction::kReject, "d2.txt", "GBR", "talks", -1,
      "London doubts that the Kremlin is serious about talks <script>window.pwned=1</script>.", docs[1].text);
  one(CorrectionAction::kConfirm, "d1.txt", "FRA", "talks", 1, "France and Germany favour talks with Moscow.",
      docs[0].text);
  one(CorrectionAction::kAdd, "d3.txt", "HUN", "talks", -1, "Germany now doubts that talks can work.", docs[2].text);
}

TEST(ServeCli, MapUsesCorrectionsExportAndEvaluate) {
  TempDir dir;
  const std::string db = dir / "c.db";
  testing::WriteServedCorpus(db);
  Correct(db);
  int rc = 0;
  std::string out = Cli("map --db '" + db + "' --format json", &rc);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_THAT(out, HasSubstr("3 corrections applied"));
  EXPECT_EQ(out.find("\"actor\":\"GBR\",\"count\":1,\"docs_against\":1"), std::string::npos);
  EXPECT_THAT(out, HasSubstr("\"actor\":\"HUN\""));
  out = Cli("map --db '" + db + "' --format json --machine-only", &rc);
  EXPECT_EQ(out.find("corrections applied"), std::string::npos);
  EXPECT_EQ(out.find("\"actor\":\"HUN\""), std::string::npos);

  out = Cli("export --corrections --db '" + db + "' -o '" + dir / "gold.jsonl" + "'", &rc);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_THAT(out, HasSubstr("3 corrections, 2 statements exported"));
  std::string gold = testing::ReadWholeFile(dir / "gold.jsonl");
  EXPECT_THAT(gold, HasSubstr("{\"doc\":\"d1.txt\",\"actor\":\"FRA\",\"issue\":\"talks\",\"stance\":1,"));
  EXPECT_THAT(gold, HasSubstr("\"judgement\":\"added\""));
  EXPECT_EQ(gold.find("GBR"), std::string::npos);

  // The machine (without corrections) on the documents people corrected: d1 and d3.
  out = Cli("evaluate '" + dir / "gold.jsonl" + "' --db '" + db + "' --scope gold-docs --quiet", &rc);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_THAT(out, HasSubstr("gold=2 system=5 tp=1 fp=4 fn=1"));
  // Only what people judged, rejections included.
  Cli("export --corrections --with-rejected --db '" + db + "' -o '" + dir / "judged.jsonl" + "'", &rc);
  out = Cli("evaluate '" + dir / "judged.jsonl" + "' --db '" + db + "' --scope judged --quiet", &rc);
  EXPECT_THAT(out, HasSubstr("gold=2 system=2 tp=1 fp=1 fn=1"));
  EXPECT_THAT(out, HasSubstr("precision 0.500  recall 0.500"));

  // Extracting everything again (the real extraction replaces the fixture's cached
  // statements) leaves the corrections in place: the added statement is still there.
  out = Cli("map --db '" + db + "' --format json --refresh", &rc);
  EXPECT_THAT(out, HasSubstr("3 corrections applied"));
  EXPECT_THAT(out, HasSubstr("\"actor\":\"HUN\""));
  Cli("export --db '" + db + "'", &rc);
  EXPECT_EQ(rc, 2);
  Cli("evaluate '" + dir / "gold.jsonl" + "' --db '" + db + "' --scope some", &rc);
  EXPECT_EQ(rc, 2);
}

TEST(ServeCli, StartsAnswersAndStops) {
  TempDir dir;
  const std::string db = dir / "s.db";
  testing::WriteServedCorpus(db);
  const std::string out = dir / "out.txt", err = dir / "err.txt";
  int rc = 0;
  std::string pid_text = Cli("serve --db '" + db + "' --port 0 --user ana > '" + out + "' 2> '" + err +
                                 "' & echo $!",
                             &rc);
  const pid_t pid = std::stoi(pid_text);
  std::string first;
  for (int i = 0; i < 200 && first.find("write token: ") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    first = testing::ReadWholeFile(out);
  }
  ASSERT_THAT(first, HasSubstr("faultline serve: http://127.0.0.1:"));
  const int port = std::stoi(first.substr(first.find("127.0.0.1:") + 10));
  httplib::Client c("127.0.0.1", port);
  nlohmann::json status;
  for (int i = 0; i < 200; ++i) {
    auto r = c.Get("/api/v1/status");
    if (r && r->status == 200) status = nlohmann::json::parse(r->body);
    if (status.value("state", "") == "ready") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(status["state"], "ready");
  EXPECT_EQ(status["statements"], 7);
  EXPECT_EQ(status["user"], "ana");
  // A correction with the printed token; the server logs who made it.
  const size_t at = first.find("write token: ") + 13;
  const std::string token = first.substr(at, first.find('\n', at) - at);
  auto ev = c.Get("/api/v1/evidence?actor=POL&issue=arms");
  ASSERT_TRUE(ev && ev->status == 200);
  auto s = nlohmann::json::parse(ev->body)["groups"][0]["statements"][0];
  nlohmann::json body = {{"action", "reject"},
                         {"target", {{"doc", s["doc"]}, {"actor", "POL"}, {"issue", "arms"}, {"stance", 1},
                                     {"begin", s["begin"]}, {"end", s["end"]}}}};
  auto posted = c.Post("/api/v1/corrections", {{"Authorization", "Bearer " + token}}, body.dump(), "application/json");
  ASSERT_TRUE(posted);
  EXPECT_EQ(posted->status, 201) << posted->body;
  kill(pid, SIGTERM);
  bool gone = false;
  for (int i = 0; i < 200 && !gone; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    gone = kill(pid, 0) != 0;
  }
  EXPECT_TRUE(gone);
  EXPECT_THAT(testing::ReadWholeFile(err), HasSubstr("faultline serve: stopped"));
  EXPECT_THAT(testing::ReadWholeFile(err), HasSubstr("correction 1 by ana at "));
  EXPECT_THAT(testing::ReadWholeFile(err), HasSubstr(": reject POL + arms in d3.txt"));

  // A database that does not exist is an error, not a new empty corpus.
  std::string missing = Cli("serve --db '" + dir / "none.db" + "' --port 0", &rc);
  EXPECT_EQ(rc, 1);
  EXPECT_THAT(missing, HasSubstr("none.db"));
}

}  // namespace
}  // namespace faultline
