// The SQLite store: idempotent adds, near-duplicates, batches, statements, stats.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cstdint>
#include <string_view>
#include <thread>
#include <vector>

#include "store/near_duplicates.h"
#include "store/store.h"
#include "ingest_test_util.h"

namespace faultline {
namespace {

using testing::TempDir;

// A report of about 150 words, written for these tests.
const char* kReport =
    "Foreign ministers of the alliance met in Brussels on Tuesday and failed to agree on "
    "whether to open talks with Moscow before a ceasefire. France and Germany argued that "
    "a channel to the Kremlin must stay open, while Poland and the Baltic states said any "
    "negotiation now would reward aggression. The United States took no public position, "
    "officials said, but Washington has pressed allies to speed up deliveries of air "
    "defence systems. Italy proposed a contact group that would include neutral states. "
    "Several diplomats described the meeting as tense and said the final statement had been "
    "rewritten three times. The secretary general told reporters that unity remained the "
    "alliance's greatest strength and that differences over tactics did not mean "
    "differences over goals. A further meeting is planned for next month in Vilnius, where "
    "leaders are expected to discuss long-term security guarantees and the pace of "
    "sanctions against the energy sector.";

Document Doc(const std::string& id, const std::string& text, const std::string& date = "",
             const std::string& outlet = "") {
  Document d;
  d.id = id;
  d.file = id + ".txt";
  d.text = text;
  d.date = date;
  d.outlet = outlet;
  d.language = "en";
  return d;
}

TEST(NearDuplicateTest, SameReportWithOtherFurnitureIsSimilar) {
  std::string a = kReport;
  std::string b = std::string("Advertisement\n\nShare on Facebook Share on Twitter\n\n") + kReport +
                  "\n\nSubscribe to our newsletter for daily updates.\nRelated: more news";
  std::optional<MinHash> ma = ComputeMinHash(a), mb = ComputeMinHash(b);
  ASSERT_TRUE(ma && mb);
  EXPECT_GE(EstimateJaccard(*ma, *mb), 0.8);
  std::optional<MinHash> other = ComputeMinHash(
      "The central bank left interest rates unchanged on Thursday, citing uncertainty about "
      "energy prices and the labour market. Economists had expected the decision, although "
      "two members of the committee voted for an increase of a quarter point. The bank said "
      "inflation would fall back towards its target next year.");
  ASSERT_TRUE(other);
  EXPECT_LT(EstimateJaccard(*ma, *other), 0.2);
  EXPECT_FALSE(ComputeMinHash("Too short to judge.").has_value());
  EXPECT_EQ(MinHashFromBytes(MinHashToBytes(*ma)), ma);
}

// The signature written out plainly, one hash function at a time, as
// store/near_duplicates.cpp documents it: stored signatures must not depend on which
// build of the shingle loop (AVX-512 or baseline) the processor ran.
MinHash ReferenceMinHash(std::string_view text) {
  auto mix = [](uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  };
  std::vector<uint64_t> words;
  uint64_t h = 0;
  bool in_word = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (std::isalnum(c) || c >= 0x80) {
      if (!in_word) h = 0xcbf29ce484222325ULL;
      in_word = true;
      h = (h ^ static_cast<unsigned char>(std::tolower(c))) * 0x100000001b3ULL;
    } else if (in_word) {
      words.push_back(h);
      in_word = false;
    }
  }
  MinHash m;
  uint64_t seed = 0x9e3779b97f4a7c15ULL;
  for (int j = 0; j < kMinHashSize; ++j) {
    const uint64_t a = mix(seed += 0x9e3779b97f4a7c15ULL) | 1, b = mix(seed += 0x9e3779b97f4a7c15ULL);
    m[j] = UINT32_MAX;
    for (size_t w = 0; w + kShingleWords <= words.size(); ++w) {
      uint64_t x = 0;
      for (int k = 0; k < kShingleWords; ++k) x = mix(x ^ words[w + k]);
      m[j] = std::min(m[j], static_cast<uint32_t>((a * x + b) >> 32));
    }
  }
  return m;
}

TEST(NearDuplicateTest, SignatureIsTheDocumentedOne) {
  const std::string text = std::string(kReport) + " Zelenskyy and Nausėda — “quoted” — 1,826 figures.";
  std::optional<MinHash> m = ComputeMinHash(text);
  ASSERT_TRUE(m);
  EXPECT_EQ(*m, ReferenceMinHash(text));
}

TEST(NearDuplicateTest, AlikeTextsMonthsApartAreSeparateDocuments) {
  std::optional<MinHash> m = ComputeMinHash(kReport);
  ASSERT_TRUE(m);
  NearDuplicateIndex index(0.8);
  index.Add("notice-2023", *m, "2023-03-01");
  EXPECT_EQ(index.Find(*m, "2023-03-20"), "notice-2023");
  EXPECT_EQ(index.Find(*m, ""), "notice-2023");
  EXPECT_EQ(index.Find(*m, "2024-03-04"), std::nullopt);
  EXPECT_EQ(DayNumber("1970-01-02"), 1);
  EXPECT_EQ(*DayNumber("2024-03-01") - *DayNumber("2024-02-28"), 2);  // leap year
  EXPECT_EQ(DayNumber("--02-25"), std::nullopt);
}

TEST(StoreTest, ReingestingAddsNothingAndNearDuplicatesAreLinked) {
  TempDir dir;
  std::string db = dir / "t.db";
  {
    Result<std::unique_ptr<Store>> s = Store::Open(db);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    Result<AddOutcome> r = (*s)->Add(Doc("orig", kReport, "2022-03-29", "Outlet A"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->kind, AddKind::kAdded);
    // Same text, other line breaks: exact duplicate.
    std::string rewrapped = kReport;
    for (size_t p = rewrapped.find(". "); p != std::string::npos; p = rewrapped.find(". ", p))
      rewrapped.replace(p, 2, ".\n\n");
    ASSERT_NE(rewrapped, kReport);
    r = (*s)->Add(Doc("again", rewrapped));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->kind, AddKind::kExactDuplicate);
    EXPECT_EQ(r->duplicate_of, "orig");
    // Republished with furniture: near duplicate, linked.
    r = (*s)->Add(Doc("repost", std::string("Advertisement\nFollow us on Telegram\n\n") + kReport +
                                    "\n\nRead more: related stories",
                      "2022-03-30", "Outlet B"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->kind, AddKind::kNearDuplicate);
    EXPECT_EQ(r->duplicate_of, "orig");
    EXPECT_EQ(r->id, "repost");
    // A different report under a clashing id gets a suffix.
    r = (*s)->Add(Doc("orig", "A completely different short note."));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->kind, AddKind::kAdded);
    EXPECT_EQ(r->id, "orig~2");
  }
  // Reopen: everything again adds nothing; the near-duplicate index was reloaded.
  Result<std::unique_ptr<Store>> s = Store::Open(db);
  ASSERT_TRUE(s.ok());
  Result<AddOutcome> r = (*s)->Add(Doc("orig", kReport));
  EXPECT_EQ(r->kind, AddKind::kExactDuplicate);
  std::string edited = kReport;
  edited.replace(edited.find("Tuesday"), 7, "Wednesday");
  r = (*s)->Add(Doc("edited", edited));
  EXPECT_EQ(r->kind, AddKind::kNearDuplicate);
  EXPECT_EQ(r->duplicate_of, "orig");

  std::vector<std::string> ids;
  ASSERT_TRUE((*s)->ForEachDocument([&](Document&& d) { ids.push_back(d.id); }).ok());
  EXPECT_THAT(ids, ::testing::ElementsAre("orig", "orig~2"));
  ids.clear();
  ASSERT_TRUE((*s)->ForEachDocument([&](Document&& d) { ids.push_back(d.id); }, true).ok());
  EXPECT_EQ(ids.size(), 4u);

  Result<Document> got = (*s)->GetDocument("orig");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->date, "2022-03-29");
  EXPECT_EQ(got->outlet, "Outlet A");
  EXPECT_EQ(got->text, kReport);

  Result<CorpusStats> st = (*s)->Stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->documents, 2);
  EXPECT_EQ(st->near_duplicates, 2);
  EXPECT_EQ(st->first_date, "2022-03-29");
  EXPECT_EQ(st->last_date, "2022-03-29");
  EXPECT_EQ(st->undated, 1);
  ASSERT_EQ(st->languages.size(), 1u);
  EXPECT_EQ(st->languages[0], std::make_pair(std::string("en"), int64_t{2}));
}

// A reader that holds a new, still empty file for a moment (a server or a script peeking
// at it) makes the writer's set-up wait: it failed at once as "not a faultline database
// (database is locked)" when the switch to WAL ran before the busy timeout was set.
TEST(StoreTest, AReaderHoldingANewFileMakesTheWriterWaitNotFail) {
  TempDir dir;
  const std::string db = dir / "new.db";
  sqlite3* reader = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &reader), SQLITE_OK);  // creates the empty file
  ASSERT_EQ(sqlite3_exec(reader, "BEGIN; SELECT COUNT(*) FROM sqlite_master;", nullptr, nullptr, nullptr), SQLITE_OK);
  std::thread release([reader] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
  });
  Result<std::unique_ptr<Store>> s = Store::Open(db);
  release.join();
  sqlite3_close(reader);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_TRUE((*s)->Add(Doc("d0", "Note number 0")).ok());
  EXPECT_TRUE((*s)->Flush().ok());
}

TEST(StoreTest, CommittedBatchesSurviveAnUnfinishedOne) {
  TempDir dir;
  std::string db = dir / "t.db";
  StoreOptions so;
  so.batch_size = 2;
  Result<std::unique_ptr<Store>> s = Store::Open(db, so);
  ASSERT_TRUE(s.ok());
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE((*s)->Add(Doc("d" + std::to_string(i), "Note number " + std::to_string(i))).ok());
  // Another connection sees the first, committed batch only; the third document is
  // still in the open transaction (as when a run dies at this point).
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &other), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(other, "SELECT COUNT(*) FROM documents", -1, &q, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(q, 0), 2);
  sqlite3_finalize(q);
  ASSERT_TRUE((*s)->Flush().ok());
  ASSERT_EQ(sqlite3_prepare_v2(other, "SELECT COUNT(*) FROM documents", -1, &q, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(q, 0), 3);
  sqlite3_finalize(q);
  sqlite3_close(other);
}

TEST(StoreTest, CachedStatementsNeedBothKeysAndAreReplacedPerDocument) {
  TempDir dir;
  Result<std::unique_ptr<Store>> s = Store::Open(dir / "t.db");
  ASSERT_TRUE(s.ok());
  Statement a;
  a.doc = "d1";
  a.actor = "FRA";
  a.issue = "talks";
  a.stance = 1;
  a.evidence = "France favours talks.";
  a.begin = 10;
  a.end = 31;
  a.person = "P";
  a.cue = "favours";
  a.rule = "r1";
  a.source = "Outlet";
  a.date = "2022-03-29";
  a.outlet = "Outlet";
  Statement b = a;
  b.actor = "POL";
  b.stance = -1;
  EXPECT_FALSE((*s)->CachedStatements("d1", "fp", "doc")->has_value());
  ASSERT_TRUE((*s)->CacheStatements("d1", "fp", "doc", {a, b}).ok());
  ASSERT_TRUE((*s)->CacheStatements("d2", "fp", "doc2", {}).ok());
  ASSERT_TRUE((*s)->Flush().ok());
  auto got = (*s)->CachedStatements("d1", "fp", "doc");
  ASSERT_TRUE(got.ok() && got->has_value());
  ASSERT_EQ((*got)->size(), 2u);
  EXPECT_EQ((**got)[0].actor, "FRA");
  EXPECT_EQ((**got)[0].end, 31u);
  EXPECT_EQ((**got)[0].evidence, "France favours talks.");
  EXPECT_EQ((**got)[0].person, "P");
  EXPECT_EQ((**got)[1].stance, -1);
  // No statements is a result too, and is told apart from "not cached".
  got = (*s)->CachedStatements("d2", "fp", "doc2");
  ASSERT_TRUE(got->has_value());
  EXPECT_TRUE((*got)->empty());
  // Another extraction setup or another version of the document: not a hit.
  EXPECT_FALSE((*s)->CachedStatements("d1", "fp2", "doc")->has_value());
  EXPECT_FALSE((*s)->CachedStatements("d1", "fp", "doc-edited")->has_value());
  ASSERT_TRUE((*s)->CacheStatements("d1", "fp2", "doc", {b}).ok());
  EXPECT_FALSE((*s)->CachedStatements("d1", "fp", "doc")->has_value());
  got = (*s)->CachedStatements("d1", "fp2", "doc");
  ASSERT_EQ((*got)->size(), 1u);
  EXPECT_EQ((**got)[0].actor, "POL");
  EXPECT_EQ((*s)->Stats()->statements, 1);
}

TEST(StoreTest, RefusesAFileThatIsNotADatabase) {
  TempDir dir;
  testing::WriteFile(dir / "notes.db", std::string(5000, 'x'));
  Result<std::unique_ptr<Store>> s = Store::Open(dir / "notes.db");
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.status().ToString(), ::testing::HasSubstr("notes.db"));
}

TEST(StoreTest, ContentHashIgnoresWhitespaceLayoutOnly) {
  EXPECT_EQ(ContentHash("a  b\n\nc "), ContentHash(" a b c"));
  EXPECT_NE(ContentHash("a b c"), ContentHash("a b d"));
  EXPECT_NE(ContentHash("ab c"), ContentHash("a bc"));
}

}  // namespace
}  // namespace faultline
