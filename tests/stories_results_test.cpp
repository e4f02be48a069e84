// The stories' finished result kept in the store (schema 12, origin_results.h): `ingest`
// stores it, `serve`'s collector reads it instead of clustering, any change to the
// documents or story entries makes the collector compute it again, and what it reads
// back is what it would compute.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "ingest_test_util.h"
#include "stories_test_fixtures.h"
#include "statements/extractor.h"
#include "store/store.h"
#include "stories/origin_collector.h"
#include "stories/origin_results.h"
#include "stories/origin_table.h"
#include "stories/story_store.h"

namespace faultline::stories {
namespace {

using testing::AddToStories;
using testing::CraneRelay;
using testing::CraneReport;
using testing::Doc;
using testing::kBudgetReport;
using testing::kStrikeReport;
using testing::OpenStore;
using testing::RunCli;
using testing::StrikeRelay;
using testing::TempDir;
using testing::WriteFile;

// Stores and assigns `docs` as one `ingest` does, the result stored at the end when
// `store_result`.
void Ingest(const std::string& path, const std::vector<Document>& docs, bool store_result = true) {
  auto store = OpenStore(path);
  ASSERT_TRUE(store);
  Result<StoryStoreStats> added = AddToStories(store.get(), docs);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  if (!store_result) return;
  Result<ResultsStored> stored = StoreOriginResults(store.get(), {});
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
}

bool HasResult(const std::string& path) {
  auto store = OpenStore(path, true);
  Result<std::optional<StoredResults>> r = store->StoryResults();
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() && r->has_value();
}

// Each statement's origin key and label as `serve` finds them (its collector over the
// store's documents, read without their texts), with the stored result or without;
// `used` says whether the stored result was read.
std::vector<std::string> Origins(const std::string& path, bool stored_results, bool* used = nullptr) {
  std::vector<std::string> out;
  auto store = OpenStore(path, true);
  OriginCollector c;
  Status st = c.Start({}, store.get(), stored_results);
  EXPECT_TRUE(st.ok()) << st.ToString();
  if (used) *used = c.uses_stored_results();
  std::vector<Statement> statements;
  DocumentReading reading;
  reading.with_text = false;
  st = store->ForEachStoredDocument([&](StoredDocument&& s) {
    if (!c.AddWithoutText(s.doc)) {
      s.doc.text = store->DocumentText(s.doc.id).value();
      c.Add(s.doc);
    }
    // A statement with no source, one whose source names another known outlet, one
    // naming its own outlet, and one naming nobody known.
    for (const char* source : {"", "Reuters", "", "a senior official"}) {
      Statement x;
      x.doc = StatementDocName(s.doc);
      x.outlet = s.doc.outlet;
      x.source = *source ? source : "";
      statements.push_back(x);
    }
    statements.back().source = s.doc.outlet;
  }, reading);
  EXPECT_TRUE(st.ok()) << st.ToString();
  Statement unknown;
  unknown.doc = "not-stored.txt";
  unknown.outlet = "Nowhere Post";
  statements.push_back(unknown);
  Result<map::OriginOf> of = c.Finish(store.get());
  EXPECT_TRUE(of.ok()) << of.status().ToString();
  if (!of.ok() || !*of) return out;
  for (const Statement& s : statements) {
    const map::OriginRef o = (*of)(s);
    out.push_back(s.doc + " [" + s.source + "] " + o.key + " | " + o.label);
  }
  return out;
}

// Titles are the documents' ids, and the relays name where they have the news from.
std::vector<Document> FirstRun() {
  return {Doc("crane1", "Harbour Post", "2024-05-14", "crane1", CraneReport(/*credit_reuters=*/true)),
          Doc("strike1", "Orlen Daily", "2024-05-13", "strike1", kStrikeReport),
          Doc("budget", "Capital Times", "2024-05-15", "budget", kBudgetReport)};
}

std::vector<Document> SecondRun() {
  return {Doc("crane2", "Coast Wire", "2024-05-15", "crane2", CraneRelay(/*credit_reuters=*/true)),
          Doc("strike2", "Metro News", "2024-05-14", "strike2", StrikeRelay(/*credit_orlen_daily=*/true))};
}

TEST(StoryResultsTest, AnIngestStoresTheResultAndTheReaderUsesItAsComputed) {
  TempDir dir;
  const std::string db = dir / "r.db";
  Ingest(db, FirstRun());
  ASSERT_TRUE(HasResult(db));
  bool used = false;
  const std::vector<std::string> read = Origins(db, true, &used);
  EXPECT_TRUE(used);
  const std::vector<std::string> computed = Origins(db, false, &used);
  EXPECT_FALSE(used);
  ASSERT_EQ(read.size(), 13u);
  EXPECT_EQ(read, computed);
  // The statement naming Reuters counts for Reuters' report in its story.
  EXPECT_NE(read[1].find("/Reuters | Reuters (story S"), std::string::npos) << read[1];
}

TEST(StoryResultsTest, NewDocumentsMakeTheResultStaleAndTheNextIngestStoresItAgain) {
  TempDir dir;
  const std::string db = dir / "r.db";
  Ingest(db, FirstRun());
  ASSERT_TRUE(HasResult(db));
  // Documents added by a writer that stores no result (the store's triggers drop it).
  Ingest(db, SecondRun(), /*store_result=*/false);
  EXPECT_FALSE(HasResult(db));
  bool used = true;
  const std::vector<std::string> stale = Origins(db, true, &used);
  EXPECT_FALSE(used);  // computed, not read
  // Stored again: what is read equals what is computed, and a from-scratch store of
  // the same documents in one run.
  Ingest(db, {});
  ASSERT_TRUE(HasResult(db));
  const std::vector<std::string> read = Origins(db, true, &used);
  EXPECT_TRUE(used);
  EXPECT_EQ(read, stale);
  EXPECT_EQ(read, Origins(db, false));
  const std::string scratch = dir / "scratch.db";
  std::vector<Document> all = FirstRun();
  for (Document& d : SecondRun()) all.push_back(std::move(d));
  Ingest(scratch, all);
  EXPECT_EQ(Origins(scratch, true), read);
  // The relays joined their stories: the crane's second report is in the first's story.
  ASSERT_EQ(read.size(), 21u);
}

TEST(StoryResultsTest, EveryChangeToDocumentsOrStoriesDropsTheResultButAnAnalysedHashDoesNot) {
  TempDir dir;
  const std::string db = dir / "r.db";
  Ingest(db, FirstRun());
  auto exec = [&](const char* sql) {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
    sqlite3_close(raw);
  };
  {
    auto store = OpenStore(db);
    ASSERT_TRUE(store->RecordAnalysedHash("budget", "h").ok());
    ASSERT_TRUE(store->Flush().ok());
  }
  EXPECT_TRUE(HasResult(db));
  const char* changes[] = {
      "UPDATE documents SET outlet = 'Coast Wire' WHERE id = 'budget'",
      "UPDATE documents SET via = 'Reuters' WHERE id = 'budget'",
      "DELETE FROM documents WHERE id = 'budget'",
      "UPDATE story_profiles SET story = 'crane1' WHERE doc = 'strike1'",
      "DELETE FROM story_profiles WHERE doc = 'strike1'",
  };
  for (const char* sql : changes) {
    Ingest(db, {});
    ASSERT_TRUE(HasResult(db)) << sql;
    exec(sql);
    EXPECT_FALSE(HasResult(db)) << sql;
  }
  // Merged stories (MergeStories) too.
  Ingest(db, {});
  {
    auto store = OpenStore(db);
    ASSERT_TRUE(store->MergeStories("crane1", "strike1").ok());
    ASSERT_TRUE(store->Flush().ok());
  }
  EXPECT_FALSE(HasResult(db));
}

TEST(StoryResultsTest, OtherOutletListsOrACorruptResultAreNotUsed) {
  TempDir dir;
  const std::string db = dir / "r.db";
  Ingest(db, FirstRun());
  // Another outlet list: another stamp, so the result is computed.
  const std::string extra = dir / "outlets.yaml";
  WriteFile(extra, "outlets:\n  - name: Vellmar Courier\n    aliases: [Courier]\n");
  {
    auto store = OpenStore(db, true);
    OriginCollector c;
    ASSERT_TRUE(c.Start({extra}, store.get(), true).ok());
    EXPECT_FALSE(c.uses_stored_results());
  }
  const std::vector<std::string> computed = Origins(db, false);
  {
    auto store = OpenStore(db);
    Result<std::optional<StoredResults>> r = store->StoryResults();
    ASSERT_TRUE(r.ok() && r->has_value());
    StoredResults cut = **r;
    cut.bytes.resize(cut.bytes.size() - 3);
    ASSERT_TRUE(store->PutStoryResults(cut).ok());
  }
  bool used = true;
  EXPECT_EQ(Origins(db, true, &used), computed);
  EXPECT_FALSE(used);
}

TEST(StoryResultsTest, TheTableSurvivesItsByteFormAndRefusesCutOrForeignBytes) {
  OriginTable t;
  t.stories.push_back({"S1", "Reuters", "2024-05-13", {{"Reuters", "2024-05-13"}, {"Coast Wire", ""}}});
  t.documents.push_back({"a.txt", "Harbour Post", "Harbour Post", "S1/Reuters", 0});
  t.documents.push_back({"b.txt", "", "", "S1/b", 0});
  const std::string bytes = OriginTableToBytes(t);
  std::optional<OriginTable> back = OriginTableFromBytes(bytes);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(OriginTableToBytes(*back), bytes);
  ASSERT_EQ(back->documents.size(), 2u);
  EXPECT_EQ(back->documents[0].origin_key, "S1/Reuters");
  EXPECT_EQ(back->stories[0].ends[1].first, "Coast Wire");
  for (size_t cut = 0; cut < bytes.size(); ++cut)
    EXPECT_FALSE(OriginTableFromBytes(std::string_view(bytes).substr(0, cut)).has_value()) << cut;
  EXPECT_FALSE(OriginTableFromBytes(bytes + "x").has_value());
  std::string other = bytes;
  other[0] = 9;  // another format
  EXPECT_FALSE(OriginTableFromBytes(other).has_value());
  // A document pointing past the stories.
  t.documents[1].story = 1;
  EXPECT_FALSE(OriginTableFromBytes(OriginTableToBytes(t)).has_value());
}

TEST(StoryResultsTest, AFileFromSchema11IsMigratedReadAsItIsAndGivenAResultByTheNextIngest) {
  TempDir dir;
  const std::string db = dir / "v11.db";
  Ingest(db, FirstRun(), /*store_result=*/false);
  const std::vector<std::string> computed = Origins(db, false);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "DROP TRIGGER story_results_document_added; DROP TRIGGER story_results_document_removed; "
                         "DROP TRIGGER story_results_document_changed; DROP TRIGGER story_results_story_added; "
                         "DROP TRIGGER story_results_story_removed; DROP TRIGGER story_results_story_changed; "
                         "DROP TABLE story_results; UPDATE schema_version SET version = 11;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  {
    auto store = OpenStore(db, true);  // read as it is
    EXPECT_FALSE(store->has_story_results());
    Result<std::optional<StoredResults>> r = store->StoryResults();
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->has_value());
  }
  bool used = true;
  EXPECT_EQ(Origins(db, true, &used), computed);
  EXPECT_FALSE(used);
  // Through the command line: the next ingest migrates the file and stores the result.
  const std::string empty = dir / "empty";
  std::filesystem::create_directories(empty);
  auto r = RunCli("ingest " + empty + " --db " + db, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("their result stored for serve"), std::string::npos) << r.out;
  EXPECT_TRUE(OpenStore(db, true)->has_story_results());
  EXPECT_TRUE(HasResult(db));
  EXPECT_EQ(Origins(db, true, &used), computed);
  EXPECT_TRUE(used);
  // Once current, an ingest of nothing new leaves it as it is.
  r = RunCli("ingest " + empty + " --db " + db, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("their result stored"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace faultline::stories
