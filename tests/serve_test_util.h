// A small served corpus for the serve tests: three documents written for these tests,
// stored with their statements already in the statement cache (under the shipped setup's
// fingerprint), so a Workspace loads without running the extraction.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "ingest_test_util.h"
#include "serve/api.h"
#include "serve/workspace.h"
#include "statements/analyzer.h"
#include "store/statement_cache.h"
#include "store/store.h"

namespace faultline::testing {

struct FixtureDoc {
  const char* id;
  const char* date;
  const char* outlet;
  const char* text;
  // (actor, issue, stance, evidence) — the evidence is found in the text.
  std::vector<std::tuple<const char*, const char*, int, const char*>> statements;
};

inline const std::vector<FixtureDoc>& FixtureDocs() {
  static const std::vector<FixtureDoc> docs = {
      {"d1", "2022-03-01", "Daily One",
       "France and Germany favour talks with Moscow. Poland rejects any talks before a withdrawal.",
       {{"FRA", "talks", 1, "France and Germany favour talks with Moscow."},
        {"DEU", "talks", 1, "France and Germany favour talks with Moscow."},
        {"POL", "talks", -1, "Poland rejects any talks before a withdrawal."}}},
      {"d2", "2022-04-02", "Evening <b>Two</b>",
       "London doubts that the Kremlin is serious about talks <script>window.pwned=1</script>. "
       "Britain will send more tanks.",
       {{"GBR", "talks", -1, "London doubts that the Kremlin is serious about talks <script>window.pwned=1</script>."},
        {"GBR", "arms", 1, "Britain will send more tanks."}}},
      {"d3", "2022-05-03", "Daily One",
       "Germany now doubts that talks can work. Warsaw asks for more tanks for Kyiv.",
       {{"DEU", "talks", -1, "Germany now doubts that talks can work."},
        {"POL", "arms", 1, "Warsaw asks for more tanks for Kyiv."}}},
  };
  return docs;
}

// Writes the corpus (by default the one above) into `db` with every document's statements cached.
inline void WriteServedCorpus(const std::string& db, const std::vector<FixtureDoc>& docs = FixtureDocs()) {
  Result<std::string> fingerprint = AnalysisFingerprint(AnalyzerConfig{});
  ASSERT_TRUE(fingerprint.ok()) << fingerprint.status().ToString();
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  for (const FixtureDoc& f : docs) {
    Document d;
    d.id = f.id;
    d.file = std::string(f.id) + ".txt";
    d.date = f.date;
    d.outlet = f.outlet;
    d.text = f.text;
    d.language = "en";
    ASSERT_TRUE((*store)->Add(d).ok());
    std::vector<Statement> ss;
    for (const auto& [actor, issue, stance, evidence] : f.statements) {
      Statement s;
      s.doc = f.id;
      s.actor = actor;
      s.issue = issue;
      s.stance = stance;
      s.evidence = evidence;
      s.begin = d.text.find(evidence);
      ASSERT_NE(s.begin, std::string::npos) << evidence;
      s.end = s.begin + s.evidence.size();
      s.rule = "fixture";
      s.confidence = 0.75;  // as cached statements carry one (the confidence filter's tests)
      s.source = f.outlet;
      s.date = f.date;
      s.outlet = f.outlet;
      ss.push_back(s);
    }
    ASSERT_TRUE((*store)->CacheStatements(f.id, *fingerprint, AnalysedDocumentHash(d), ss).ok());
  }
  ASSERT_TRUE((*store)->Flush().ok());
}

// A loaded workspace over a fresh served corpus.
class ServedCorpus {
 public:
  explicit ServedCorpus(bool read_only = false, const std::vector<FixtureDoc>& docs = FixtureDocs()) {
    db_ = dir_ / "served.db";
    WriteServedCorpus(db_, docs);
    serve::WorkspaceOptions o;
    o.db = db_;
    o.read_only = read_only;
    auto ws = serve::Workspace::Open(o);
    EXPECT_TRUE(ws.ok()) << ws.status().ToString();
    if (!ws.ok()) return;
    workspace_ = std::move(ws).value();
    Status s = workspace_->Load();
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  serve::Workspace& workspace() { return *workspace_; }
  const std::string& db() const { return db_; }

 private:
  TempDir dir_;
  std::string db_;
  std::unique_ptr<serve::Workspace> workspace_;
};

}  // namespace faultline::testing
