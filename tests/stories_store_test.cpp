// Stories kept in the database (schema 4, StoryStore), and what the stories stage says
// about a story's members: framing terms, distinctive words per outlet, and the claims
// each relay keeps, drops and adds.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <map>
#include <set>

#include "ingest_test_util.h"
#include "stories_test_fixtures.h"
#include "store/store.h"
#include "stories/distinctive_terms.h"
#include "stories/framing.h"
#include "stories/omissions.h"
#include "stories/stories.h"
#include "stories/story_store.h"

namespace faultline::stories {
namespace {

using testing::CraneRelay;
using testing::CraneReport;
using testing::Doc;
using testing::IngestStories;
using testing::kBudgetReport;
using testing::kStrikeReport;
using testing::OpenStore;
using testing::RunCli;
using testing::ShippedStoriesData;
using testing::StrikeRelay;
using testing::TempDir;
using testing::WriteFile;

// The stories are the crane collapse and the bus strike, each reported and relayed, and
// the budget (stories_test_fixtures.h).

std::map<std::string, StoredStory> Stored(const std::string& path) {
  auto store = OpenStore(path, true);
  std::map<std::string, StoredStory> out;
  if (!store) return out;
  Result<StoredStories> r = ReadStoredStories(*store, *ShippedStoriesData().model);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (r.ok())
    for (auto& [id, s] : r->by_doc) out.emplace(id, s);
  return out;
}

TEST(StoryStoreTest, EachIngestAssignsItsDocumentsToTheStoriesAlreadyStored) {
  TempDir dir;
  const std::string db = dir / "c.db";
  StoryStoreStats first = IngestStories(db, {Doc("crane1", "Harbour Post", "2024-05-14", CraneReport()),
                                             Doc("strike1", "Orlen Daily", "2024-05-13", kStrikeReport)});
  EXPECT_EQ(first.added, 2u);
  EXPECT_EQ(first.joined, 0u);
  StoryStoreStats second = IngestStories(db, {Doc("crane2", "Coast Wire", "2024-05-15", CraneRelay()),
                                              Doc("budget", "Capital Times", "2024-05-15", kBudgetReport),
                                              Doc("strike2", "Metro News", "2024-05-14", StrikeRelay())});
  EXPECT_EQ(second.loaded, 2u);  // the first run's profiles, not made again
  EXPECT_EQ(second.reprofiled, 0u);
  EXPECT_EQ(second.added, 3u);
  EXPECT_EQ(second.joined, 2u);

  std::map<std::string, StoredStory> s = Stored(db);
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s["crane1"].story, "crane1");
  EXPECT_EQ(s["crane2"].story, "crane1");
  EXPECT_EQ(s["crane2"].linked_to, "crane1");
  EXPECT_GT(s["crane2"].score, 0.7);
  EXPECT_EQ(s["strike2"].story, "strike1");
  EXPECT_EQ(s["budget"].story, "budget");
  EXPECT_EQ(s["budget"].linked_to, "");
  {
    // Read by a plain scan of the table (as ReadStoredStories reads them): the same
    // entries as in the documents' order, blobs and all.
    auto store = OpenStore(db, true);
    auto show = [](const StoredStory& x) {
      return x.story + "|" + x.linked_to + "|" + std::to_string(x.score) + "|" + (x.day ? std::to_string(*x.day) : "-") +
             "|" + x.settings + "|" + x.profile + "|" + x.sources;
    };
    std::map<std::string, std::string> ordered, unordered;
    ASSERT_TRUE(store->ForEachStory([&](StoredStory&& x) { ordered[x.doc] = show(x); }).ok());
    ASSERT_TRUE(store->ForEachStoryUnordered([&](StoredStory&& x) { unordered[x.doc] = show(x); }).ok());
    EXPECT_EQ(unordered.size(), 5u);
    EXPECT_EQ(unordered, ordered);
  }

  auto store = OpenStore(db, true);
  Result<CorpusStats> st = store->Stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->storied_documents, 5);
  EXPECT_EQ(st->stories, 3);
  EXPECT_EQ(st->stories_with_relays, 2);
  ASSERT_EQ(st->largest_stories.size(), 2u);
  EXPECT_EQ(st->largest_stories[0].documents, 2);
  EXPECT_EQ(st->largest_stories[0].story, "crane1");  // at equal size, by id
  EXPECT_EQ(st->largest_stories[0].first, "2024-05-14");
  EXPECT_EQ(st->largest_stories[0].last, "2024-05-15");
}

// A file made by a faultline before stories: schema 3, no via, no story_profiles.
void MakeVersion3(const std::string& path, const std::vector<Document>& docs) {
  {
    auto store = OpenStore(path);
    for (const Document& d : docs) ASSERT_TRUE(store->Add(d).ok());
    ASSERT_TRUE(store->Flush().ok());
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "ALTER TABLE statements DROP COLUMN units_begin; ALTER TABLE statements DROP COLUMN units_end; "
       "DROP TRIGGER story_results_document_added; DROP TRIGGER story_results_document_removed; DROP TRIGGER story_results_document_changed; DROP TRIGGER story_results_story_added; DROP TRIGGER story_results_story_removed; DROP TRIGGER story_results_story_changed; DROP TABLE story_results; DROP INDEX story_summaries; ALTER TABLE story_profiles DROP COLUMN summary; DROP INDEX documents_listing; DROP TRIGGER documents_analysed_hash_unknown; ALTER TABLE documents DROP COLUMN analysed_hash; "
                         "DROP TABLE story_profiles; ALTER TABLE documents DROP COLUMN via; ALTER TABLE statements DROP COLUMN cameo; "
                         "ALTER TABLE statements DROP COLUMN confidence; "
                         "UPDATE schema_version SET version = 3;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
}

TEST(StoryStoreTest, AFileFromBeforeStoriesIsReadAsItIsAndProfiledWhenMigrated) {
  TempDir dir;
  const std::string db = dir / "v3.db";
  MakeVersion3(db, {Doc("crane1", "Harbour Post", "2024-05-14", CraneReport()),
                    Doc("budget", "Capital Times", "2024-05-15", kBudgetReport)});
  {
    auto ro = OpenStore(db, true);
    ASSERT_NE(ro, nullptr);
    EXPECT_FALSE(ro->has_stories());
    Result<Document> d = ro->GetDocument("crane1");
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_EQ(d->via, "");
    EXPECT_EQ(d->outlet, "Harbour Post");
    EXPECT_TRUE(Stored(db).empty());
    EXPECT_FALSE(ro->Add(Doc("x", "X", "2024-05-15", kStrikeReport)).ok());  // read-only: not written
  }
  // Writable: migrated; the stories are made from the stored texts, then new ones join.
  StoryStoreStats st = IngestStories(db, {Doc("crane2", "Coast Wire", "2024-05-15", CraneRelay())});
  EXPECT_EQ(st.reprofiled, 2u);
  EXPECT_EQ(st.added, 1u);
  std::map<std::string, StoredStory> s = Stored(db);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s["crane2"].story, "crane1");
  EXPECT_EQ(s["budget"].story, "budget");
}

void Exec(const std::string& path, const char* sql) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
  sqlite3_close(raw);
}

// Every entry as ForEachStorySummary gives it, by document.
std::map<std::string, StoredStory> Summaries(const std::string& path, bool read_only) {
  std::map<std::string, StoredStory> out;
  auto store = OpenStore(path, read_only);
  if (!store) return out;
  Status st = store->ForEachStorySummary([&](StoredStory&& s) { out.emplace(s.doc, std::move(s)); });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

// Schema 11 keeps each profile's summary beside it; entries stored before have none
// until an `ingest` adds it, and are read with their whole profile meanwhile.
TEST(StoryStoreTest, ProfilesStoredBeforeSummariesAreReadWholeUntilAnIngestSummarisesThem) {
  TempDir dir;
  const std::string db = dir / "v10.db";
  IngestStories(db, {Doc("crane1", "Harbour Post", "2024-05-14", CraneReport()),
                     Doc("crane2", "Coast Wire", "2024-05-15", CraneRelay()),
                     Doc("budget", "Capital Times", "2024-05-15", kBudgetReport)});
  const std::map<std::string, StoredStory> whole = Stored(db);
  ASSERT_EQ(whole.size(), 3u);
  Exec(db, "DROP TRIGGER story_results_document_added; DROP TRIGGER story_results_document_removed; DROP TRIGGER story_results_document_changed; DROP TRIGGER story_results_story_added; DROP TRIGGER story_results_story_removed; DROP TRIGGER story_results_story_changed; DROP TABLE story_results; DROP INDEX story_summaries; ALTER TABLE story_profiles DROP COLUMN summary; "
           "UPDATE schema_version SET version = 10;");
  auto expect_whole = [&](const std::map<std::string, StoredStory>& read) {
    ASSERT_EQ(read.size(), 3u);
    for (const auto& [doc, s] : read) {
      EXPECT_EQ(s.profile, whole.at(doc).profile) << doc;
      EXPECT_TRUE(s.summary.empty()) << doc;
      EXPECT_EQ(s.story, whole.at(doc).story) << doc;
    }
  };
  expect_whole(Summaries(db, true));   // version 10 read as it is
  expect_whole(Summaries(db, false));  // migrated to 11: no summary yet
  StoryStoreStats st = IngestStories(db, {});
  EXPECT_EQ(st.summarised, 3u);
  EXPECT_EQ(st.reprofiled, 0u);
  const std::map<std::string, StoredStory> summaries = Summaries(db, true);
  ASSERT_EQ(summaries.size(), 3u);
  for (const auto& [doc, s] : summaries) {
    const StoredStory& w = whole.at(doc);
    EXPECT_TRUE(s.profile.empty()) << doc;
    std::optional<StoryProfile> p = ProfileFromBytes(w.profile);
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(s.summary, ProfileSummaryToBytes(*p)) << doc;
    EXPECT_EQ(s.story, w.story) << doc;
    EXPECT_EQ(s.linked_to, w.linked_to) << doc;
    EXPECT_EQ(s.score, w.score) << doc;
    EXPECT_EQ(s.day, w.day) << doc;
    EXPECT_EQ(s.sources, w.sources) << doc;
    EXPECT_EQ(s.settings, w.settings) << doc;
  }
  EXPECT_EQ(Stored(db).at("crane2").profile, whole.at("crane2").profile);  // the profiles stay
  EXPECT_EQ(IngestStories(db, {}).summarised, 0u);
  // A new document is stored with its summary.
  IngestStories(db, {Doc("strike1", "Harbour Post", "2024-05-16", kStrikeReport)});
  EXPECT_FALSE(Summaries(db, true).at("strike1").summary.empty());
  // Read through the index by name: without it, an error that says so.
  Exec(db, "DROP INDEX story_summaries");
  auto store = OpenStore(db, true);
  Status missing = store->ForEachStorySummary([](StoredStory&&) {});
  EXPECT_FALSE(missing.ok());
  EXPECT_NE(missing.ToString().find("story_summaries"), std::string::npos) << missing.ToString();
}

TEST(StoryStoreTest, TheOutletATextWasTakenFromIsStored) {
  TempDir dir;
  const std::string db = dir / "via.db";
  Document d = Doc("crane1", "Harbour Post", "2024-05-14", CraneReport());
  d.via = "Reuters";
  {
    auto store = OpenStore(db);
    ASSERT_TRUE(store->Add(d).ok());
    ASSERT_TRUE(store->Flush().ok());
  }
  Result<Document> back = OpenStore(db, true)->GetDocument("crane1");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->via, "Reuters");
}

// Files as the demo corpus writes them: a header, a blank line, the text.
void WriteArticle(const TempDir& dir, const std::string& name, const std::string& outlet, const std::string& date,
                  const std::string& text) {
  const std::string title = name.substr(name.rfind('/') + 1);
  WriteFile(dir / name, "title: " + title + "\noutlet: " + outlet + "\ndate: " + date + "\n\n" + text + "\n");
}

// The documents of each story with two or more, as sets of titles.
std::set<std::set<std::string>> Groups(const std::string& json) {
  std::set<std::set<std::string>> out;
  const nlohmann::json j = nlohmann::json::parse(json);
  for (const auto& s : j["stories"]) {
    std::set<std::string> g;
    for (const auto& d : s["documents"]) g.insert(d["title"].get<std::string>());
    if (g.size() > 1) out.insert(g);
  }
  return out;
}

TEST(StoryStoreTest, StoriesFromTheDatabaseAreTheStoriesOfTheFiles) {
  TempDir dir;
  WriteArticle(dir, "a/crane1.txt", "Harbour Post", "2024-05-14", CraneReport());
  WriteArticle(dir, "a/strike1.txt", "Orlen Daily", "2024-05-13", kStrikeReport);
  WriteArticle(dir, "b/crane2.txt", "Coast Wire", "2024-05-15", CraneRelay());
  WriteArticle(dir, "b/strike2.txt", "Metro News", "2024-05-14", StrikeRelay());
  WriteArticle(dir, "b/budget.txt", "Capital Times", "2024-05-15", kBudgetReport);
  const std::string db = dir / "c.db";
  auto r = RunCli("ingest " + dir.path() + "/a --db " + db, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunCli("ingest " + dir.path() + "/b --db " + db, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("stories: 3 new documents, 2 of them joined a story"), std::string::npos) << r.out;

  const auto files = RunCli("stories --no-statements --format json " + dir.path() + "/a " + dir.path() + "/b", dir);
  ASSERT_EQ(files.exit_code, 0) << files.err;
  const auto stored = RunCli("stories --no-statements --format json --db " + db, dir);
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  const auto again = RunCli("stories --no-statements --format json --recluster --db " + db, dir);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const std::set<std::set<std::string>> want = {{"crane1.txt", "crane2.txt"}, {"strike1.txt", "strike2.txt"}};
  EXPECT_EQ(Groups(files.out), want);
  EXPECT_EQ(Groups(stored.out), want);
  EXPECT_EQ(Groups(again.out), want);

  const auto corpus = RunCli("corpus --db " + db + " --format json", dir);
  ASSERT_EQ(corpus.exit_code, 0) << corpus.err;
  const nlohmann::json c = nlohmann::json::parse(corpus.out);
  EXPECT_EQ(c["stories"]["stories"], 3);
  EXPECT_EQ(c["stories"]["stories_with_several_documents"], 2);
}

TEST(FramingTest, CountsEachVariantLongestTermFirst) {
  FramingLexicon lex;
  ASSERT_TRUE(lex.AddYaml(R"(concepts:
  - concept: the city
    variants:
      - {label: local spelling, terms: [Vellmar]}
      - {label: old spelling, terms: [Wellmar]}
  - concept: the action
    variants:
      - {label: official term, terms: [special harbour operation, operation]}
      - {label: critics' term, terms: [blockade]}
)",
                          "test")
                  .ok());
  const std::vector<FramingCount> c =
      lex.Count("The special harbour operation at Wellmar went on; critics in vellmar called the operation a "
                "blockade, and WELLMAR's mayor agreed.");
  std::map<std::string, uint32_t> by;
  for (const FramingCount& f : c) by[lex.concepts()[f.concept_id].variants[f.variant].label] = f.count;
  EXPECT_EQ(by["local spelling"], 1u);
  EXPECT_EQ(by["old spelling"], 2u);
  EXPECT_EQ(by["official term"], 2u);  // the phrase once, and "operation" alone once
  EXPECT_EQ(by["critics' term"], 1u);
}

TEST(FramingTest, AMalformedLexiconIsRefusedWithItsLine) {
  FramingLexicon lex;
  Status s = lex.AddYaml("concepts:\n  - concept: x\n    variants:\n      - {label: a}\n", "mine.yaml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.ToString().find("mine.yaml:4"), std::string::npos) << s.ToString();
  EXPECT_FALSE(lex.AddYaml("nothing: here\n", "mine.yaml").ok());
}

TEST(FramingTest, TheShippedLexiconSeesTheSpellingsOfOneCity) {
  FramingLexicon lex;
  ASSERT_TRUE(lex.AddFile(FramingLexicon::DefaultPath()).ok());
  const std::vector<FramingCount> a = lex.Count("Talks in Kyiv resumed.");
  const std::vector<FramingCount> b = lex.Count("Talks in Kiev resumed.");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].concept_id, b[0].concept_id);
  EXPECT_NE(a[0].variant, b[0].variant);
}

TEST(DistinctiveTermsTest, AWordOneOutletUsesFarMoreOftenStandsOut) {
  StoriesData data = ShippedStoriesData();
  OutletWordCounts counts(&data.model->config().terms);
  // Both outlets write about the same harbour; only one keeps saying "scandal".
  // Built by append: string&& + "literal" trips g++ 12's -Warray-bounds at -O1.
  std::string loud_text(CraneReport()), calm_text(CraneRelay());
  loud_text += " A scandal, a scandal, the scandal of the harbour.";
  calm_text += " The harbour authority will report.";
  for (int i = 0; i < 20; ++i) {
    counts.Add("Loud Paper", loud_text);
    counts.Add("Calm Paper", calm_text);
  }
  const std::vector<OutletTerms> d = counts.Distinctive(5, 100);
  ASSERT_EQ(d.size(), 2u);
  const OutletTerms& loud = d[0].outlet == "Loud Paper" ? d[0] : d[1];
  ASSERT_FALSE(loud.terms.empty());
  EXPECT_EQ(loud.terms[0].term, "scandal");
  EXPECT_EQ(loud.terms[0].count, 60u);
  for (const OutletTerms& o : d)
    for (const DistinctiveTerm& t : o.terms) {
      EXPECT_NE(t.term, "harbour");  // both use it
      EXPECT_GE(t.z, 1.96);
    }
}

TEST(DistinctiveTermsTest, AWordUsedOnceIsNotDistinctive) {
  StoriesData data = ShippedStoriesData();
  OutletWordCounts counts(&data.model->config().terms);
  for (int i = 0; i < 10; ++i) counts.Add("A", kStrikeReport);
  counts.Add("A", "A zeppelin passed.");
  for (int i = 0; i < 10; ++i) counts.Add("B", StrikeRelay());
  for (const OutletTerms& o : counts.Distinctive(50, 10))
    for (const DistinctiveTerm& t : o.terms) EXPECT_NE(t.term, "zeppelin");
}

TEST(OmissionsTest, QuotesMatchWhenCutOrLightlyEdited) {
  const std::vector<Quote> a = FindQuotes("He said: \"We will not reopen the terminal before every hinge is checked.\"");
  const std::vector<Quote> b =
      FindQuotes("\xE2\x80\x9CWe will not reopen the terminal before every hinge is checked,\xE2\x80\x9D he said.");
  const std::vector<Quote> c = FindQuotes("\"Nobody was on the quay at that hour, thankfully,\" she said.");
  const std::vector<Quote> short_one = FindQuotes("He called it \"a disgrace\".");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_TRUE(short_one.empty());  // under five words: a phrase, not a quote
  EXPECT_TRUE(SameQuote(a[0], b[0]));
  EXPECT_FALSE(SameQuote(a[0], c[0]));
}

TEST(OmissionsTest, EachRelayKeepsDropsAndAddsAgainstTheCore) {
  const Quote q1 = FindQuotes("\"We will not reopen the terminal before every hinge is checked.\"")[0];
  const Quote q2 = FindQuotes("\"Nobody was on the quay at that hour, thankfully.\"")[0];
  MemberClaims origin{{"PORT closure 1", "UNION closure -1"}, {q1}};
  MemberClaims relay1{{"PORT closure 1"}, {q1, q2}};
  MemberClaims relay2{{"PORT closure 1", "CITY closure 1"}, {}};
  const std::vector<MemberDelta> d = CompareClaims({origin, relay1, relay2}, 0);
  ASSERT_EQ(d.size(), 3u);
  // Core: the origin's claims (PORT, UNION, q1); q2 and CITY are one member's own.
  EXPECT_TRUE(d[0].drops.empty());
  EXPECT_EQ(d[1].drops, std::vector<std::string>{"UNION against closure"});
  ASSERT_EQ(d[1].adds.size(), 1u);
  EXPECT_EQ(d[1].adds[0].rfind("quote: ", 0), 0u);
  EXPECT_NE(d[1].adds[0].find("Nobody was on the quay"), std::string::npos);
  EXPECT_EQ(d[2].adds, std::vector<std::string>{"CITY for closure"});
  EXPECT_EQ(d[2].drops.size(), 2u);  // UNION and the quote
  EXPECT_EQ(d[2].keeps, std::vector<std::string>{"PORT for closure"});
}

TEST(OmissionsTest, WithoutTheOriginTheCoreIsWhatTwoMembersShare) {
  MemberClaims a{{"X t 1", "Y t -1"}, {}};
  MemberClaims b{{"X t 1"}, {}};
  const std::vector<MemberDelta> d = CompareClaims({a, b}, -1);
  EXPECT_EQ(d[0].keeps, std::vector<std::string>{"X for t"});
  EXPECT_EQ(d[0].adds, std::vector<std::string>{"Y against t"});
  EXPECT_TRUE(d[1].drops.empty());
}

}  // namespace
}  // namespace faultline::stories
