// The statement cache: filled on the first run, reused on the next (the extraction is
// not even loaded), extended by documents ingested later, invalidated by another
// fingerprint, --refresh or changed metadata; a failed write loses nothing cached; a
// read-only file still gives every statement. Then the schema migration from version 1,
// the fingerprint of the real data files, and the whole thing through the CLI.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <unordered_map>

#include "ingest_test_util.h"
#include "statements/analyzer.h"
#include "statements/codebook.h"
#include "statements/extractor.h"
#include "store/statement_cache.h"
#include "store/store.h"

namespace faultline {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;
using testing::ReadWholeFile;
using testing::RunCli;
using testing::TempDir;
using testing::WriteFile;

Document Doc(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.file = "in/" + id + ".txt";
  d.text = text;
  d.date = "2022-03-29";
  d.outlet = "Outlet";
  return d;
}

// A stand-in for the extraction that records what it was asked to do: every word
// "ACTOR+issue" or "ACTOR-issue" of the text is a statement.
class FakeExtraction {
 public:
  StatementCacheOptions Options(const std::string& fingerprint) {
    StatementCacheOptions o;
    o.fingerprint = fingerprint;
    o.threads = 2;
    o.load = [this]() -> Result<ExtractFunction> {
      ++loads_;
      return ExtractFunction([this](const Document& d) { return Extract(d); });
    };
    o.warn = [this](const Status& s) { warnings_.push_back(s.ToString()); };
    return o;
  }

  std::vector<Statement> Extract(const Document& d) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      extracted_.push_back(d.id);
    }
    std::vector<Statement> out;
    std::istringstream words(d.text);
    std::string w;
    while (words >> w) {
      size_t sign = w.find_first_of("+-");
      if (sign == std::string::npos) continue;
      Statement s;
      s.doc = StatementDocName(d);
      s.actor = w.substr(0, sign);
      s.issue = w.substr(sign + 1);
      s.stance = w[sign] == '+' ? 1 : -1;
      s.begin = d.text.find(w);
      s.end = s.begin + w.size();
      s.evidence = w;
      s.cue = "cue-" + s.issue;
      s.rule = "fake";
      s.confidence = s.stance > 0 ? 0.875 : 0.25;  // exact in binary: compared as text below
      s.source = d.outlet;
      s.date = d.date;
      s.outlet = d.outlet;
      out.push_back(std::move(s));
    }
    return out;
  }

  // Documents extracted since the last call.
  std::vector<std::string> TakeExtracted() {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::string> v;
    v.swap(extracted_);
    return v;
  }
  int loads() const { return loads_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  std::mutex mu_;
  std::vector<std::string> extracted_;
  std::atomic<int> loads_{0};
  std::vector<std::string> warnings_;
};

std::string Show(const std::vector<Statement>& v) {
  std::string out;
  for (const Statement& s : v)
    out += s.doc + "|" + s.actor + "|" + s.issue + "|" + std::to_string(s.stance) + "|" + s.evidence + "|" +
           std::to_string(s.begin) + "-" + std::to_string(s.end) + "|" + s.person + "|" + s.cue + "|" + s.rule +
           "|" + s.source + "|" + s.date + "|" + s.outlet + "|" + std::to_string(s.confidence) + "\n";
  return out;
}

// The statements' UTF-16 offsets, which Show leaves out.
std::string Units(const std::vector<Statement>& v) {
  std::string out;
  for (const Statement& s : v) out += std::to_string(s.units_begin) + "-" + std::to_string(s.units_end) + " ";
  return out;
}

std::unique_ptr<Store> OpenStore(const std::string& path, StoreOptions so = {}) {
  Result<std::unique_ptr<Store>> s = Store::Open(path, so);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

// a: two statements, b: none, c: one.
void AddThree(Store& store) {
  ASSERT_TRUE(store.Add(Doc("a", "FRA+talks and POL-talks")).ok());
  ASSERT_TRUE(store.Add(Doc("b", "nothing to code here")).ok());
  ASSERT_TRUE(store.Add(Doc("c", "DEU-arms")).ok());
  ASSERT_TRUE(store.Flush().ok());
}

TEST(StatementCacheTest, FilledOnTheFirstRunAndReadBackWithoutExtracting) {
  TempDir dir;
  FakeExtraction fake;
  std::vector<Statement> first, second;
  {
    auto store = OpenStore(dir / "c.db");
    AddThree(*store);
    StatementCacheStats st;
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &first, &st).ok());
    EXPECT_THAT(fake.TakeExtracted(), UnorderedElementsAre("a", "b", "c"));
    EXPECT_EQ(st.documents, 3u);
    EXPECT_EQ(st.extracted, 3u);
    EXPECT_EQ(st.cached, 3u);
    EXPECT_EQ(st.from_cache, 0u);
    EXPECT_TRUE(st.writable);
    Result<CorpusStats> cs = store->Stats();
    EXPECT_EQ(cs->cached_documents, 3);  // b too: "no statements" is cached
    EXPECT_EQ(cs->statements, 3);
  }
  ASSERT_EQ(first.size(), 3u);
  EXPECT_EQ(first[0].doc, "a.txt");
  EXPECT_EQ(first[2].actor, "DEU");

  auto store = OpenStore(dir / "c.db");  // a later process
  StatementCacheStats st;
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &second, &st).ok());
  EXPECT_TRUE(fake.TakeExtracted().empty());
  EXPECT_EQ(fake.loads(), 1);  // only the first run loaded the extraction
  EXPECT_EQ(st.from_cache, 3u);
  EXPECT_EQ(st.extracted, 0u);
  EXPECT_EQ(Show(second), Show(first));  // every field, in the same order
  EXPECT_TRUE(fake.warnings().empty());
}

TEST(StatementCacheTest, OnlyDocumentsIngestedLaterAreExtracted) {
  TempDir dir;
  FakeExtraction fake;
  auto store = OpenStore(dir / "c.db");
  AddThree(*store);
  std::vector<Statement> out;
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out).ok());
  fake.TakeExtracted();
  ASSERT_TRUE(store->Add(Doc("d", "GBR+talks")).ok());
  ASSERT_TRUE(store->Add(Doc("e", "no statement")).ok());
  ASSERT_TRUE(store->Flush().ok());
  out.clear();
  StatementCacheStats st;
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out, &st).ok());
  EXPECT_THAT(fake.TakeExtracted(), UnorderedElementsAre("d", "e"));
  EXPECT_EQ(st.from_cache, 3u);
  EXPECT_EQ(st.extracted, 2u);
  std::vector<std::string> actors;
  for (const Statement& s : out) actors.push_back(s.actor);
  EXPECT_THAT(actors, ElementsAre("FRA", "POL", "DEU", "GBR"));  // store order, cached or not
}

TEST(StatementCacheTest, AnotherFingerprintOrRefreshExtractsAgain) {
  TempDir dir;
  FakeExtraction fake;
  auto store = OpenStore(dir / "c.db");
  AddThree(*store);
  std::vector<Statement> out;
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out).ok());
  EXPECT_EQ(fake.TakeExtracted().size(), 3u);
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp2"), &out).ok());
  EXPECT_EQ(fake.TakeExtracted().size(), 3u);
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp2"), &out).ok());
  EXPECT_EQ(fake.TakeExtracted().size(), 0u);
  StatementCacheOptions refresh = fake.Options("fp2");
  refresh.refresh = true;
  StatementCacheStats st;
  ASSERT_TRUE(CollectStoredStatements(*store, refresh, &out, &st).ok());
  EXPECT_EQ(fake.TakeExtracted().size(), 3u);
  EXPECT_EQ(st.cached, 3u);
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp2"), &out).ok());
  EXPECT_EQ(fake.TakeExtracted().size(), 0u);
}

TEST(StatementCacheTest, MetadataFromASidecarIsPartOfTheKey) {
  TempDir dir;
  FakeExtraction fake;
  auto store = OpenStore(dir / "c.db");
  AddThree(*store);
  std::vector<Statement> out;
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out).ok());
  fake.TakeExtracted();
  // As --meta would: c gets another outlet, which its statements carry.
  StatementCacheOptions o = fake.Options("fp1");
  o.prepare = [](Document* d) {
    if (d->id == "c") d->outlet = "Other Outlet";
  };
  out.clear();
  ASSERT_TRUE(CollectStoredStatements(*store, o, &out).ok());
  EXPECT_THAT(fake.TakeExtracted(), ElementsAre("c"));
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[2].outlet, "Other Outlet");
  EXPECT_EQ(out[0].outlet, "Outlet");
}

// Each stored document's analysed hash as recorded (schema 8), by id.
std::map<std::string, std::string> RecordedHashes(const Store& store) {
  std::map<std::string, std::string> out;
  EXPECT_TRUE(store.ForEachStoredDocument([&](StoredDocument&& d) { out[d.doc.id] = d.analysed_hash; }).ok());
  return out;
}

void Exec(const std::string& path, const char* sql) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
  sqlite3_close(raw);
}

TEST(StatementCacheTest, TheHashRecordedOnAddSparesHashingTheText) {
  TempDir dir;
  FakeExtraction fake;
  auto store = OpenStore(dir / "c.db");
  AddThree(*store);
  ASSERT_TRUE(store->Add(Doc("a", "another text under a taken id")).ok());  // stored as "a~2"
  ASSERT_TRUE(store->Flush().ok());
  const std::map<std::string, std::string> recorded = RecordedHashes(*store);
  ASSERT_EQ(recorded.size(), 4u);
  for (const auto& [id, hash] : recorded) EXPECT_EQ(hash, AnalysedDocumentHash(*store->GetDocument(id))) << id;
  std::vector<Statement> out;
  StatementCacheStats st;
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out, &st).ok());
  EXPECT_EQ(st.extracted, 4u);
  EXPECT_EQ(st.hashed, 0u);
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out, &st).ok());
  EXPECT_EQ(st.from_cache, 4u);
  EXPECT_EQ(st.hashed, 0u);
  // Metadata from a sidecar: that document is hashed, and the stored hash stays the row's.
  StatementCacheOptions o = fake.Options("fp1");
  o.prepare = [](Document* d) {
    if (d->id == "c") d->outlet = "Other Outlet";
  };
  ASSERT_TRUE(CollectStoredStatements(*store, o, &out, &st).ok());
  EXPECT_EQ(st.hashed, 1u);
  EXPECT_EQ(st.extracted, 1u);
  EXPECT_EQ(RecordedHashes(*store), recorded);
}

TEST(StatementCacheTest, TheWholeCacheOfAFingerprintIsReadAtOnce) {
  TempDir dir;
  const std::string db = dir / "c.db";
  FakeExtraction fake;
  auto store = OpenStore(db);
  AddThree(*store);
  ASSERT_TRUE(store->Add(Doc("d", "GBR+talks")).ok());
  ASSERT_TRUE(store->Add(Doc("e", "ITA+arms")).ok());
  ASSERT_TRUE(store->Flush().ok());
  std::vector<Statement> out;
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out).ok());
  Exec(db, "UPDATE extractions SET fingerprint = 'fp2' WHERE doc = 'd'");  // as another codebook left it

  Result<std::unordered_map<std::string, CacheEntry>> fp1 = store->CachedStatementsFor("fp1");
  ASSERT_TRUE(fp1.ok()) << fp1.status().ToString();
  std::set<std::string> ids;
  for (const auto& [id, entry] : *fp1) ids.insert(id);
  EXPECT_THAT(ids, ElementsAre("a", "b", "c", "e"));  // d's entry is fp2's
  // As the lookup of one entry gives it: hash, statements in order, every field.
  for (const auto& [id, entry] : *fp1) {
    EXPECT_EQ(entry.doc_hash, AnalysedDocumentHash(*store->GetDocument(id))) << id;
    auto one = store->CachedStatements(id, "fp1", entry.doc_hash);
    ASSERT_TRUE(one.ok() && one->has_value()) << id;
    EXPECT_EQ(Show(entry.statements), Show(**one)) << id;
  }
  EXPECT_EQ(fp1->at("a").statements.size(), 2u);
  EXPECT_EQ(fp1->at("a").statements[1].actor, "POL");
  EXPECT_TRUE(fp1->at("b").statements.empty());
  EXPECT_EQ(store->CachedStatementsFor("fp2")->size(), 1u);
  EXPECT_TRUE(store->CachedStatementsFor("fp3")->empty());
}

TEST(StatementCacheTest, TextsAreReadOnlyForDocumentsThatNeedThem) {
  TempDir dir;
  FakeExtraction fake;
  auto store = OpenStore(dir / "c.db");
  AddThree(*store);
  // A statement after a character of two UTF-8 bytes and one UTF-16 unit.
  ASSERT_TRUE(store->Add(Doc("u", "\xc3\xa9t\xc3\xa9 FRA+arms")).ok());
  ASSERT_TRUE(store->Add(Doc("n", "no statement either")).ok());
  ASSERT_TRUE(store->Flush().ok());
  std::vector<Statement> first;
  StatementCacheStats st;
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &first, &st).ok());
  EXPECT_EQ(st.texts, 5u);  // every document extracted
  // The fake extraction counts no UTF-16 offsets; the cache does, to store them.
  ASSERT_EQ(first.size(), 4u);
  EXPECT_EQ(first[3].units_begin, 4u);
  EXPECT_EQ(first[3].units_end, 12u);

  // From the cache: no text is read, the offsets are stored with the statements.
  std::vector<Statement> second;
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &second, &st).ok());
  EXPECT_EQ(st.from_cache, 5u);
  EXPECT_EQ(st.texts, 0u);
  EXPECT_EQ(Show(second), Show(first));
  EXPECT_EQ(Units(second), Units(first));
  ASSERT_EQ(second.size(), 4u);
  EXPECT_EQ(second[3].begin, 6u);
  EXPECT_EQ(second[3].units_begin, 4u);
  EXPECT_EQ(second[3].units_end, 12u);

  // A visitor that takes documents without their text gets them so, but for "b",
  // which it refuses and then gets with its text.
  StatementCacheOptions o = fake.Options("fp1");
  std::vector<std::string> bare, full;
  o.visit_without_text = [&](const Document& d) {
    EXPECT_TRUE(d.text.empty()) << d.id;
    if (d.id == "b") return false;
    bare.push_back(d.id);
    return true;
  };
  o.visit = [&](const Document& d) { full.push_back(d.id + ":" + d.text); };
  std::vector<Statement> third;
  ASSERT_TRUE(CollectStoredStatements(*store, o, &third, &st).ok());
  EXPECT_THAT(bare, ElementsAre("a", "c", "u", "n"));
  EXPECT_THAT(full, ElementsAre("b:nothing to code here"));
  EXPECT_EQ(st.texts, 1u);
  // A visitor that needs every text has them all.
  o.visit_without_text = nullptr;
  full.clear();
  ASSERT_TRUE(CollectStoredStatements(*store, o, &third, &st).ok());
  ASSERT_EQ(full.size(), 5u);
  EXPECT_EQ(full[4], "n:no statement either");
  EXPECT_EQ(st.texts, 5u);
}

TEST(StatementCacheTest, ATextChangedBehindTheStoresBackIsExtractedAgain) {
  TempDir dir;
  const std::string db = dir / "c.db";
  FakeExtraction fake;
  std::vector<Statement> out;
  {
    auto store = OpenStore(db);
    AddThree(*store);
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out).ok());
  }
  fake.TakeExtracted();
  // Another program edits a text (and, separately, a title): the trigger forgets their hashes.
  Exec(db, "UPDATE documents SET text = 'POL+arms' WHERE id = 'a'; UPDATE documents SET title = 'T' WHERE id = 'b'");
  auto store = OpenStore(db);
  EXPECT_EQ(RecordedHashes(*store).at("a"), "");
  EXPECT_EQ(RecordedHashes(*store).at("b"), "");
  out.clear();
  StatementCacheStats st;
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out, &st).ok());
  EXPECT_THAT(fake.TakeExtracted(), UnorderedElementsAre("a", "b"));
  EXPECT_EQ(st.hashed, 2u);
  EXPECT_EQ(st.from_cache, 1u);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].actor, "POL");
  EXPECT_EQ(out[0].issue, "arms");
  // Hashed once, recorded: the next run reads all three from the cache without hashing.
  EXPECT_EQ(RecordedHashes(*store).at("a"), AnalysedDocumentHash(*store->GetDocument("a")));
  out.clear();
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out, &st).ok());
  EXPECT_EQ(st.from_cache, 3u);
  EXPECT_EQ(st.hashed, 0u);
  EXPECT_EQ(out.size(), 2u);
}

TEST(StatementCacheTest, AFailedWriteLosesOnlyThatDocumentsNewEntry) {
  TempDir dir;
  FakeExtraction fake;
  std::vector<Statement> out;
  {
    auto store = OpenStore(dir / "c.db");
    ASSERT_TRUE(store->Add(Doc("a", "FRA+talks")).ok());
    ASSERT_TRUE(store->Add(Doc("b", "REFUSED+talks POL-talks")).ok());
    ASSERT_TRUE(store->Add(Doc("c", "DEU-arms")).ok());
    ASSERT_TRUE(store->Flush().ok());
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out).ok());
    fake.TakeExtracted();
  }
  // The database now refuses one of b's statements half way through b's rows.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "c.db").c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "CREATE TRIGGER refuse BEFORE INSERT ON statements WHEN NEW.actor = 'REFUSED' "
                         "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);

  auto store = OpenStore(dir / "c.db");
  out.clear();
  StatementCacheStats st;
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp2"), &out, &st).ok());
  EXPECT_EQ(out.size(), 4u);  // the run's output is complete all the same
  EXPECT_THAT(fake.TakeExtracted(), UnorderedElementsAre("a", "b", "c"));
  EXPECT_EQ(st.cached, 2u);
  EXPECT_EQ(st.cache_errors, 1u);
  ASSERT_EQ(fake.warnings().size(), 1u);
  EXPECT_THAT(fake.warnings()[0], HasSubstr("refused for the test"));
  EXPECT_THAT(fake.warnings()[0], HasSubstr(" b"));
  // b's entry from the first run is intact (not half replaced); a and c moved on.
  auto old_b = store->CachedStatements("b", "fp1", AnalysedDocumentHash(*store->GetDocument("b")));
  ASSERT_TRUE(old_b.ok() && old_b->has_value());
  EXPECT_EQ((*old_b)->size(), 2u);
  EXPECT_TRUE(store->CachedStatements("a", "fp2", AnalysedDocumentHash(*store->GetDocument("a")))->has_value());
  out.clear();
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp2"), &out).ok());
  EXPECT_THAT(fake.TakeExtracted(), ElementsAre("b"));  // only the one whose write failed
}

TEST(StatementCacheTest, ReadOnlyStoreGivesEveryStatementAndWritesNothing) {
  TempDir dir;
  FakeExtraction fake;
  {
    auto store = OpenStore(dir / "c.db");
    AddThree(*store);
  }
  StoreOptions ro;
  ro.read_only = true;
  for (int run = 0; run < 2; ++run) {
    auto store = OpenStore(dir / "c.db", ro);
    ASSERT_TRUE(store->read_only());
    std::vector<Statement> out;
    StatementCacheStats st;
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out, &st).ok());
    EXPECT_FALSE(st.writable);
    EXPECT_EQ(st.extracted, 3u);
    EXPECT_EQ(st.cached, 0u);
    EXPECT_EQ(out.size(), 3u);
    EXPECT_TRUE(fake.warnings().empty());
    EXPECT_FALSE(store->CacheStatements("a", "fp1", "h", {}).ok());
  }
  EXPECT_EQ(OpenStore(dir / "c.db")->Stats()->cached_documents, 0);
}

TEST(StatementCacheTest, ManyDocumentsWrittenWhileTheyAreRead) {
  // More documents than one page of ForEachDocument, written one per transaction while
  // the next pages are still to be read.
  TempDir dir;
  FakeExtraction fake;
  auto store = OpenStore(dir / "c.db");
  for (int i = 0; i < 600; ++i) {
    const std::string n = std::to_string(i);  // (not "A" + to_string(i): GCC 12 -Wrestrict false alarm)
    ASSERT_TRUE(store->Add(Doc("d" + n, "A" + n + "+talks")).ok());
  }
  ASSERT_TRUE(store->Flush().ok());
  StatementCacheOptions o = fake.Options("fp1");
  o.write_batch = 1;
  std::vector<Statement> first, second;
  StatementCacheStats st;
  ASSERT_TRUE(CollectStoredStatements(*store, o, &first, &st).ok());
  EXPECT_EQ(st.cached, 600u);
  ASSERT_EQ(first.size(), 600u);
  EXPECT_EQ(first[599].actor, "A599");
  EXPECT_EQ(fake.TakeExtracted().size(), 600u);
  ASSERT_TRUE(CollectStoredStatements(*store, o, &second, &st).ok());
  EXPECT_EQ(st.from_cache, 600u);
  EXPECT_EQ(Show(second), Show(first));
}

TEST(StatementCacheTest, ALoadErrorIsTheRunsError) {
  TempDir dir;
  auto store = OpenStore(dir / "c.db");
  AddThree(*store);
  StatementCacheOptions o;
  o.fingerprint = "fp1";
  o.load = []() -> Result<ExtractFunction> { return Status::Error("bad codebook", "cb.yaml"); };
  std::vector<Statement> out;
  Status s = CollectStoredStatements(*store, o, &out);
  EXPECT_EQ(s.ToString(), "cb.yaml: bad codebook");
  EXPECT_TRUE(out.empty());
}

// A version 1 file: schema_version 1, no extractions table, perhaps statements rows.
void MakeVersion1(const std::string& path) {
  {
    auto store = OpenStore(path);
    AddThree(*store);
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "ALTER TABLE statements DROP COLUMN units_begin; ALTER TABLE statements DROP COLUMN units_end; "
       "DROP TRIGGER story_results_document_added; DROP TRIGGER story_results_document_removed; DROP TRIGGER story_results_document_changed; DROP TRIGGER story_results_story_added; DROP TRIGGER story_results_story_removed; DROP TRIGGER story_results_story_changed; DROP TABLE story_results; DROP INDEX story_summaries; ALTER TABLE story_profiles DROP COLUMN summary; DROP INDEX documents_listing; DROP TRIGGER documents_analysed_hash_unknown; ALTER TABLE documents DROP COLUMN analysed_hash; "
                         "DROP TABLE extractions; DROP TABLE story_profiles; ALTER TABLE documents DROP COLUMN via; "
                         "ALTER TABLE statements DROP COLUMN cameo; "
                         "ALTER TABLE statements DROP COLUMN confidence; "
                         "UPDATE schema_version SET version = 1; "
                         "INSERT INTO statements VALUES ('a',0,'X','talks',1,'e',0,1,'','','','','','');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
}

int64_t SchemaVersion(const std::string& path) {
  sqlite3* raw = nullptr;
  sqlite3_open(path.c_str(), &raw);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(raw, "SELECT version FROM schema_version", -1, &q, nullptr);
  int64_t v = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
  sqlite3_finalize(q);
  sqlite3_close(raw);
  return v;
}

TEST(StoreSchemaTest, AVersion1FileIsReadAsItIsReadOnlyAndMigratedWhenWritable) {
  TempDir dir;
  const std::string db = dir / "old.db";
  MakeVersion1(db);
  ASSERT_EQ(SchemaVersion(db), 1);
  FakeExtraction fake;
  {
    StoreOptions ro;
    ro.read_only = true;
    auto store = OpenStore(db, ro);
    ASSERT_NE(store, nullptr);
    EXPECT_FALSE(store->has_statement_cache());
    EXPECT_EQ(store->Stats()->documents, 3);
    EXPECT_EQ(store->Stats()->statements, 0);  // version 1 rows say not what made them
    std::vector<Statement> out;
    StatementCacheStats st;
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out, &st).ok());
    EXPECT_EQ(st.extracted, 3u);
    EXPECT_FALSE(st.writable);
    EXPECT_EQ(out.size(), 3u);
  }
  EXPECT_EQ(SchemaVersion(db), 1);  // read-only means untouched
  {
    auto store = OpenStore(db);
    EXPECT_TRUE(store->has_statement_cache());
    Result<CorpusStats> cs = store->Stats();
    EXPECT_EQ(cs->documents, 3);
    EXPECT_EQ(cs->statements, 0);  // the stray row is gone
    std::vector<Statement> out;
    StatementCacheStats st;
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out, &st).ok());
    EXPECT_EQ(st.cached, 3u);
  }
  EXPECT_EQ(SchemaVersion(db), kStoreSchemaVersion);
  EXPECT_EQ(OpenStore(db)->Stats()->cached_documents, 3);
}

// A version 4 file with one cached document: statements without confidence.
void MakeVersion4(const std::string& path) {
  {
    auto store = OpenStore(path);
    AddThree(*store);
    FakeExtraction fake;
    std::vector<Statement> out;
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out).ok());
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "ALTER TABLE statements DROP COLUMN units_begin; ALTER TABLE statements DROP COLUMN units_end; "
       "DROP TRIGGER story_results_document_added; DROP TRIGGER story_results_document_removed; DROP TRIGGER story_results_document_changed; DROP TRIGGER story_results_story_added; DROP TRIGGER story_results_story_removed; DROP TRIGGER story_results_story_changed; DROP TABLE story_results; DROP INDEX story_summaries; ALTER TABLE story_profiles DROP COLUMN summary; DROP INDEX documents_listing; DROP TRIGGER documents_analysed_hash_unknown; ALTER TABLE documents DROP COLUMN analysed_hash; "
                         "ALTER TABLE statements DROP COLUMN confidence; ALTER TABLE statements DROP COLUMN cameo; "
                         "ALTER TABLE story_profiles DROP COLUMN sources; UPDATE schema_version SET version = 4;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
}

TEST(StoreSchemaTest, AVersion4FileReadsConfidenceOneUntilExtractedAgain) {
  TempDir dir;
  const std::string db = dir / "v4.db";
  MakeVersion4(db);
  ASSERT_EQ(SchemaVersion(db), 4);
  FakeExtraction fake;
  {
    StoreOptions ro;
    ro.read_only = true;
    auto store = OpenStore(db, ro);
    ASSERT_NE(store, nullptr);
    std::vector<Statement> out;
    StatementCacheStats st;
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out, &st).ok());
    EXPECT_EQ(st.from_cache, 3u);  // read as it is: the cached rows, with confidence 1
    ASSERT_EQ(out.size(), 3u);
    for (const Statement& s : out) EXPECT_EQ(s.confidence, 1.0);
  }
  EXPECT_EQ(SchemaVersion(db), 4);
  {
    auto store = OpenStore(db);
    EXPECT_EQ(store->Stats()->cached_documents, 3);  // migrated, the cache kept
    std::vector<Statement> out;
    StatementCacheStats st;
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out, &st).ok());
    EXPECT_EQ(st.from_cache, 3u);
    for (const Statement& s : out) EXPECT_EQ(s.confidence, 1.0);
    // the real fingerprint covers the confidence table, so a new binary's differs
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp2"), &out, &st).ok());
    EXPECT_EQ(st.extracted, 3u);
  }
  EXPECT_EQ(SchemaVersion(db), kStoreSchemaVersion);
  auto store = OpenStore(db);
  std::vector<Statement> out;
  StatementCacheStats st;
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp2"), &out, &st).ok());
  EXPECT_EQ(st.from_cache, 3u);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].confidence, 0.875);  // FRA+talks
  EXPECT_EQ(out[1].confidence, 0.25);   // POL-talks
}

TEST(StoreSchemaTest, AVersion7FileKeepsItsCacheAndGetsItsHashesOnce) {
  TempDir dir;
  const std::string db = dir / "v7.db";
  FakeExtraction fake;
  std::vector<Statement> first;
  {
    auto store = OpenStore(db);
    AddThree(*store);
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &first).ok());
  }
  Exec(db,
       "ALTER TABLE statements DROP COLUMN units_begin; ALTER TABLE statements DROP COLUMN units_end; "
       "DROP TRIGGER story_results_document_added; DROP TRIGGER story_results_document_removed; DROP TRIGGER story_results_document_changed; DROP TRIGGER story_results_story_added; DROP TRIGGER story_results_story_removed; DROP TRIGGER story_results_story_changed; DROP TABLE story_results; DROP INDEX story_summaries; ALTER TABLE story_profiles DROP COLUMN summary; DROP INDEX documents_listing; DROP TRIGGER documents_analysed_hash_unknown; ALTER TABLE documents DROP COLUMN analysed_hash; "
       "UPDATE schema_version SET version = 7;");
  ASSERT_EQ(SchemaVersion(db), 7);
  fake.TakeExtracted();
  {
    StoreOptions ro;
    ro.read_only = true;
    auto store = OpenStore(db, ro);
    ASSERT_NE(store, nullptr);
    std::vector<Statement> out;
    StatementCacheStats st;
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out, &st).ok());
    EXPECT_EQ(st.from_cache, 3u);  // read as it is, every text hashed
    EXPECT_EQ(st.hashed, 3u);
    EXPECT_EQ(Show(out), Show(first));
  }
  EXPECT_EQ(SchemaVersion(db), 7);
  for (uint64_t hashed : {3u, 0u}) {  // migrated: hashed once, then recorded
    auto store = OpenStore(db);
    std::vector<Statement> out;
    StatementCacheStats st;
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out, &st).ok());
    EXPECT_EQ(st.from_cache, 3u);
    EXPECT_EQ(st.hashed, hashed);
    EXPECT_EQ(Show(out), Show(first));
  }
  EXPECT_EQ(SchemaVersion(db), kStoreSchemaVersion);
  EXPECT_TRUE(fake.TakeExtracted().empty());
  auto store = OpenStore(db);
  for (const auto& [id, hash] : RecordedHashes(*store))
    EXPECT_EQ(hash, AnalysedDocumentHash(*store->GetDocument(id))) << id;
}

// A version 8 file: its cached statements have no UTF-16 offsets. Read as it is, their
// texts are read to count them; migrated, the first writer records them and later
// readers read no text at all. --refresh stores them with what it extracts.
TEST(StoreSchemaTest, AVersion8FileGetsItsStatementOffsetsOnce) {
  TempDir dir;
  const std::string db = dir / "v8.db";
  FakeExtraction fake;
  std::vector<Statement> first;
  {
    auto store = OpenStore(db);
    AddThree(*store);
    ASSERT_TRUE(store->Add(Doc("u", "\xc3\xa9t\xc3\xa9 FRA+arms")).ok());
    ASSERT_TRUE(store->Flush().ok());
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &first).ok());
  }
  Exec(db,
       "ALTER TABLE statements DROP COLUMN units_begin; ALTER TABLE statements DROP COLUMN units_end; "
       "DROP TRIGGER story_results_document_added; DROP TRIGGER story_results_document_removed; DROP TRIGGER story_results_document_changed; DROP TRIGGER story_results_story_added; DROP TRIGGER story_results_story_removed; DROP TRIGGER story_results_story_changed; DROP TABLE story_results; DROP INDEX story_summaries; ALTER TABLE story_profiles DROP COLUMN summary; DROP INDEX documents_listing; UPDATE schema_version SET version = 8;");
  ASSERT_EQ(SchemaVersion(db), 8);
  fake.TakeExtracted();
  {
    StoreOptions ro;
    ro.read_only = true;
    auto store = OpenStore(db, ro);
    ASSERT_NE(store, nullptr);
    std::vector<Statement> out;
    StatementCacheStats st;
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out, &st).ok());
    EXPECT_EQ(st.from_cache, 4u);
    EXPECT_EQ(st.texts, 3u);  // a, c and u have statements; b none
    EXPECT_EQ(Show(out), Show(first));
    EXPECT_EQ(Units(out), Units(first));
  }
  EXPECT_EQ(SchemaVersion(db), 8);
  for (uint64_t texts : {3u, 0u}) {  // migrated: counted once, then recorded
    auto store = OpenStore(db);
    std::vector<Statement> out;
    StatementCacheStats st;
    ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out, &st).ok());
    EXPECT_EQ(st.from_cache, 4u);
    EXPECT_EQ(st.texts, texts);
    EXPECT_EQ(st.cache_errors, 0u);
    EXPECT_EQ(Show(out), Show(first));
    EXPECT_EQ(Units(out), Units(first));
  }
  EXPECT_EQ(SchemaVersion(db), kStoreSchemaVersion);
  EXPECT_TRUE(fake.TakeExtracted().empty());
  // --refresh extracts again and stores the offsets with the new entries.
  auto store = OpenStore(db);
  StatementCacheOptions refresh = fake.Options("fp1");
  refresh.refresh = true;
  std::vector<Statement> out;
  StatementCacheStats st;
  ASSERT_TRUE(CollectStoredStatements(*store, refresh, &out, &st).ok());
  EXPECT_EQ(st.extracted, 4u);
  out.clear();
  ASSERT_TRUE(CollectStoredStatements(*store, fake.Options("fp1"), &out, &st).ok());
  EXPECT_EQ(st.texts, 0u);
  EXPECT_EQ(Units(out), Units(first));
  EXPECT_EQ(Show(out), Show(first));
}

// The stored documents as a listing gives them, one line each: every field the store
// keeps but the text, and whether the text came with it.
std::string Listing(const Store& store, bool with_text) {
  std::string out;
  DocumentReading reading;
  reading.with_text = with_text;
  Status s = store.ForEachStoredDocument(
      [&](StoredDocument&& d) {
        const Document& x = d.doc;
        out += x.id + "|" + x.file + "|" + x.url + "|" + x.title + "|" + x.date + "|" + x.outlet + "|" + x.author +
               "|" + x.language + "|" + x.via + "|" + d.analysed_hash + "|" + (d.has_text ? "text" : "-") + "\n";
      },
      reading);
  return s.ok() ? out : "error: " + s.ToString();
}

bool HasIndex(const std::string& path, const std::string& name) {
  sqlite3* raw = nullptr;
  sqlite3_open(path.c_str(), &raw);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(raw, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", -1, &q, nullptr);
  sqlite3_bind_text(q, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  const bool found = sqlite3_step(q) == SQLITE_ROW;
  sqlite3_finalize(q);
  sqlite3_close(raw);
  return found;
}

// A version 9 file has no listing index: read as it is, its documents are listed from
// the table; migrated, from the index, with the same fields, and later writes reach it.
TEST(StoreSchemaTest, AVersion9FileGetsTheIndexItsDocumentsAreListedFrom) {
  TempDir dir;
  const std::string db = dir / "v9.db";
  {
    auto store = OpenStore(db);
    AddThree(*store);
    Document relay = Doc("r", "a relayed report");
    relay.title = "Title";
    relay.url = "https://example.org/r";
    relay.author = "A. Writer";
    relay.via = "Wire";
    relay.language = "en";
    ASSERT_TRUE(store->Add(relay).ok());
    ASSERT_TRUE(store->Flush().ok());
  }
  const std::string expected = Listing(*OpenStore(db), true);
  ASSERT_EQ(std::count(expected.begin(), expected.end(), '\n'), 4) << expected;
  auto without_texts = [&] {
    std::string s = expected;
    for (size_t at; (at = s.find("|text\n")) != std::string::npos;) s.replace(at, 6, "|-\n");
    return s;
  }();
  EXPECT_EQ(Listing(*OpenStore(db), false), without_texts);
  EXPECT_TRUE(HasIndex(db, "documents_listing"));

  Exec(db, "DROP TRIGGER story_results_document_added; DROP TRIGGER story_results_document_removed; DROP TRIGGER story_results_document_changed; DROP TRIGGER story_results_story_added; DROP TRIGGER story_results_story_removed; DROP TRIGGER story_results_story_changed; DROP TABLE story_results; DROP INDEX story_summaries; ALTER TABLE story_profiles DROP COLUMN summary; DROP INDEX documents_listing; UPDATE schema_version SET version = 9;");
  {
    StoreOptions ro;
    ro.read_only = true;
    auto store = OpenStore(db, ro);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(Listing(*store, false), without_texts);  // from the table
  }
  EXPECT_EQ(SchemaVersion(db), 9);
  EXPECT_FALSE(HasIndex(db, "documents_listing"));
  {
    auto store = OpenStore(db);
    EXPECT_EQ(Listing(*store, false), without_texts);
    EXPECT_EQ(Listing(*store, true), expected);
  }
  EXPECT_EQ(SchemaVersion(db), kStoreSchemaVersion);
  EXPECT_TRUE(HasIndex(db, "documents_listing"));
  // An index, not a copy: a changed title reaches it (and, by the trigger, makes the
  // analysed hash unknown).
  Exec(db, "UPDATE documents SET title = 'Changed' WHERE id = 'r'");
  const std::string line = "r|in/r.txt|https://example.org/r|Changed|2022-03-29|Outlet|A. Writer|en|Wire||";
  EXPECT_THAT(Listing(*OpenStore(db), false), HasSubstr(line + "-\n"));
  EXPECT_THAT(Listing(*OpenStore(db), true), HasSubstr(line + "text\n"));
  // The listing without texts goes through the index by name: without it, an error
  // that says so rather than a silent walk through the texts.
  Exec(db, "DROP INDEX documents_listing");
  EXPECT_THAT(Listing(*OpenStore(db), false), HasSubstr("documents_listing"));
}

TEST(StoreSchemaTest, AFileFromANewerFaultlineIsRefusedClearly) {
  TempDir dir;
  const std::string db = dir / "new.db";
  { OpenStore(db); }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "UPDATE schema_version SET version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  for (bool read_only : {false, true}) {
    StoreOptions so;
    so.read_only = read_only;
    Result<std::unique_ptr<Store>> s = Store::Open(db, so);
    ASSERT_FALSE(s.ok());
    EXPECT_THAT(s.status().ToString(), HasSubstr("new.db: database schema version 99 is newer"));
  }
}

TEST(AnalysisFingerprintTest, FollowsTheContentOfTheCodebookAndActorFiles) {
  TempDir dir;
  AnalyzerConfig shipped;
  Result<std::string> base = AnalysisFingerprint(shipped);
  ASSERT_TRUE(base.ok()) << base.status().ToString();
  EXPECT_EQ(*AnalysisFingerprint(shipped), *base);

  // The same codebook under another name is the same setup.
  const std::string codebook = ReadWholeFile(Codebook::DefaultPath());
  ASSERT_FALSE(codebook.empty());
  WriteFile(dir / "copy.yaml", codebook);
  AnalyzerConfig copy{dir / "copy.yaml", {}};
  EXPECT_EQ(*AnalysisFingerprint(copy), *base);
  // Any edit is another.
  WriteFile(dir / "copy.yaml", codebook + "\n# edited\n");
  Result<std::string> edited = AnalysisFingerprint(copy);
  EXPECT_NE(*edited, *base);
  AnalyzerConfig migration{testing::SourceDir() + "/data/codebooks/migration.yaml", {}};
  EXPECT_NE(*AnalysisFingerprint(migration), *base);

  WriteFile(dir / "extra.yaml", "actors:\n  - code: XYZ\n    names: [Xyzland]\n");
  AnalyzerConfig extra{"", {dir / "extra.yaml"}};
  Result<std::string> with_extra = AnalysisFingerprint(extra);
  EXPECT_NE(*with_extra, *base);
  WriteFile(dir / "extra.yaml", "actors:\n  - code: XYZ\n    names: [Xyzland, Xyz]\n");
  EXPECT_NE(*AnalysisFingerprint(extra), *with_extra);

  AnalyzerConfig missing{dir / "missing.yaml", {}};
  Result<std::string> err = AnalysisFingerprint(missing);
  ASSERT_FALSE(err.ok());
  EXPECT_THAT(err.status().ToString(), HasSubstr("missing.yaml"));
}

// End to end with the real extraction, through the built binary.
int Count(const std::string& s, const std::string& what) {
  int n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

TEST(StatementCacheCli, StatementsMapAndCorpusWithTheCache) {
  TempDir dir;
  const std::string examples = testing::SourceDir() + "/examples";
  const std::string db = dir / "n.db";
  auto r = RunCli("ingest '" + examples + "' --db " + db, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunCli("corpus --db " + db, dir);
  EXPECT_THAT(r.out, HasSubstr("statements:      0 cached, for 0 of the 20 documents"));

  auto first = RunCli("statements --db " + db, dir);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.err, HasSubstr("statements of 20 documents: 0 from the cache, 20 extracted\n"));
  ASSERT_GT(Count(first.out, "\n"), 20);
  auto second = RunCli("statements --db " + db, dir);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(second.err, HasSubstr("statements of 20 documents: 20 from the cache, 0 extracted\n"));
  EXPECT_EQ(second.out, first.out);
  // The same statements as reading the files themselves.
  EXPECT_EQ(RunCli("statements '" + examples + "'", dir).out, first.out);
  r = RunCli("corpus --db " + db, dir);
  EXPECT_THAT(r.out, HasSubstr("for 20 of the 20 documents"));

  // An edited codebook is another setup: everything extracted again, then cached.
  WriteFile(dir / "cb.yaml", ReadWholeFile(testing::SourceDir() + "/data/codebooks/security.yaml") + "\n# mine\n");
  r = RunCli("statements --db " + db + " --codebook " + dir / "cb.yaml", dir);
  EXPECT_THAT(r.err, HasSubstr("0 from the cache, 20 extracted"));
  EXPECT_EQ(r.out, first.out);
  r = RunCli("statements --db " + db + " --codebook " + dir / "cb.yaml", dir);
  EXPECT_THAT(r.err, HasSubstr("20 from the cache, 0 extracted"));

  // A document ingested later is the only one extracted; map and why use the cache too.
  WriteFile(dir / "more/new.txt",
            "date: 2023-03-01\noutlet: Test Wire\n\nFrance favours talks with Russia to end the war in Ukraine, the minister said.\n");
  ASSERT_EQ(RunCli("ingest " + dir / "more" + " --db " + db, dir).exit_code, 0);
  auto map = RunCli("map --db " + db + " --codebook " + dir / "cb.yaml" + " --format json", dir);
  ASSERT_EQ(map.exit_code, 0) << map.err;
  EXPECT_THAT(map.err, HasSubstr("statements of 21 documents: 20 from the cache, 1 extracted"));
  r = RunCli("why FRA talks --db " + db + " --codebook " + dir / "cb.yaml", dir);
  EXPECT_THAT(r.err, HasSubstr("21 from the cache, 0 extracted"));
  EXPECT_THAT(r.out, HasSubstr("France favours talks with Russia"));

  // --refresh extracts everything again; the map does not change.
  r = RunCli("map --db " + db + " --codebook " + dir / "cb.yaml" + " --format json --refresh", dir);
  EXPECT_THAT(r.err, HasSubstr("0 from the cache, 21 extracted"));
  EXPECT_EQ(r.out, map.out);
}

// Statement::cameo (an event-data dictionary's code beside the state) survives the cache.
TEST(StatementCacheCameoTest, TheCameoCodeIsCachedWithTheStatement) {
  TempDir dir;
  auto store = OpenStore(dir / "c.db");
  Statement s;
  s.actor = "EGY";
  s.cameo = "EGYGOV";
  s.issue = "talks";
  s.stance = 1;
  Statement plain = s;
  plain.actor = "FRA";
  plain.cameo.clear();
  ASSERT_TRUE(store->CacheStatements("d1", "fp", "h", {s, plain}).ok());
  ASSERT_TRUE(store->Flush().ok());
  auto got = store->CachedStatements("d1", "fp", "h");
  ASSERT_TRUE(got.ok() && got->has_value());
  ASSERT_EQ((*got)->size(), 2u);
  EXPECT_EQ((**got)[0].cameo, "EGYGOV");
  EXPECT_EQ((**got)[1].cameo, "");
}

// A version 5 file (no cameo column) is read as it is read-only, and migrated keeping its
// cache when it may be written.
TEST(StatementCacheCameoTest, AFileWithoutTheColumnIsReadAndMigrated) {
  TempDir dir;
  const std::string db = dir / "v5.db";
  {
    auto store = OpenStore(db);
    Statement s;
    s.actor = "FRA";
    s.issue = "talks";
    s.stance = 1;
    ASSERT_TRUE(store->CacheStatements("d1", "fp", "h", {s}).ok());
    ASSERT_TRUE(store->Flush().ok());
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "ALTER TABLE statements DROP COLUMN units_begin; ALTER TABLE statements DROP COLUMN units_end; "
       "DROP TRIGGER story_results_document_added; DROP TRIGGER story_results_document_removed; DROP TRIGGER story_results_document_changed; DROP TRIGGER story_results_story_added; DROP TRIGGER story_results_story_removed; DROP TRIGGER story_results_story_changed; DROP TABLE story_results; DROP INDEX story_summaries; ALTER TABLE story_profiles DROP COLUMN summary; DROP INDEX documents_listing; DROP TRIGGER documents_analysed_hash_unknown; ALTER TABLE documents DROP COLUMN analysed_hash; "
                         "ALTER TABLE statements DROP COLUMN cameo; ALTER TABLE story_profiles DROP COLUMN sources; "
                         "ALTER TABLE statements DROP COLUMN confidence; UPDATE schema_version SET version = 4;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  for (bool read_only : {true, false}) {
    StoreOptions so;
    so.read_only = read_only;
    auto store = OpenStore(db, so);
    ASSERT_NE(store, nullptr);
    auto got = store->CachedStatements("d1", "fp", "h");
    ASSERT_TRUE(got.ok() && got->has_value()) << read_only;
    ASSERT_EQ((*got)->size(), 1u);
    EXPECT_EQ((**got)[0].actor, "FRA");
    EXPECT_EQ((**got)[0].cameo, "");
  }
  EXPECT_EQ(SchemaVersion(db), kStoreSchemaVersion);
}

// Through the real extraction with an agents file: the code is there when the statements
// are extracted and when they are read back from the cache, and only actor files change
// the fingerprint for it (entries cached without the column cannot hold a code).
TEST(StatementCacheCameoTest, AgentsCodesComeBackFromTheCache) {
  TempDir dir;
  WriteFile(dir / "agents.txt", "GOVERNMENT [~GOV]\n");
  AnalyzerConfig config{"", {dir / "agents.txt"}};
  Result<std::string> fingerprint = AnalysisFingerprint(config);
  ASSERT_TRUE(fingerprint.ok()) << fingerprint.status().ToString();
  auto store = OpenStore(dir / "c.db");
  Document d = Doc("germany", "The German government called for peace talks with Russia on Tuesday to end the war in Ukraine.");
  ASSERT_TRUE(store->Add(d).ok());
  ASSERT_TRUE(store->Flush().ok());
  StatementCacheOptions o;
  o.fingerprint = *fingerprint;
  o.load = [config]() -> Result<ExtractFunction> {
    auto analyzer = Analyzer::Load(config);
    if (!analyzer.ok()) return analyzer.status();
    auto shared = std::make_shared<const Analyzer>(std::move(analyzer).value());
    return ExtractFunction([shared](const Document& doc) { return shared->Analyze(doc); });
  };
  for (int run = 0; run < 2; ++run) {
    std::vector<Statement> out;
    StatementCacheStats st;
    ASSERT_TRUE(CollectStoredStatements(*store, o, &out, &st).ok());
    EXPECT_EQ(st.from_cache, run == 0 ? 0u : 1u);
    const Statement* germany = nullptr;
    for (const Statement& s : out)
      if (s.actor == "DEU") germany = &s;
    ASSERT_NE(germany, nullptr) << "run " << run;
    EXPECT_EQ(germany->cameo, "DEUGOV") << "run " << run;
  }
}

}  // namespace
}  // namespace faultline
