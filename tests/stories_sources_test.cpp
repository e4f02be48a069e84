// Sources kept in the database beside each story (schema 6, stories/sources_bytes.h): read
// back, they give the origins that finding them in the text gives, without the text.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "ingest_test_util.h"
#include "stories_test_fixtures.h"
#include "statements/analyzer.h"
#include "test_paths.h"
#include "store/store.h"
#include "statements/extractor.h"
#include "stories/origin_collector.h"
#include "stories/origin_index.h"
#include "stories/sources_bytes.h"
#include "stories/stories.h"
#include "stories/story_store.h"
#include "util/data_path.h"

namespace faultline::stories {
namespace {

namespace fs = std::filesystem;

using testing::Doc;
using testing::IngestStories;
using testing::OpenStore;
using testing::ShippedStoriesData;
using testing::TempDir;

// One report by a known agency, relayed twice (once through an outlet of the corpus that
// is no known outlet), and an unrelated report; written for this test.
std::vector<Document> Corpus() {
  return {
      Doc("ledger", "Atlantic Ledger", "2024-03-04", "Ferry operator to cut winter crossings",
          "The Norrvik ferry operator will cut its winter crossings to the islands from four a day to two, "
          "according to a plan seen by Bloomberg. The operator blamed fuel prices and a fall in freight. "
          "Island councils said on Monday that the cut would leave commuters stranded after dark and asked "
          "the ministry to step in with a subsidy before the timetable changes in November."),
      Doc("coast", "Coast Wire", "2024-03-05", "Islands fear ferry cut, Atlantic Ledger reports",
          "The Atlantic Ledger reported on Monday that the Norrvik ferry operator will halve its winter "
          "crossings to the islands, from four a day to two, citing fuel prices and falling freight. Island "
          "councils said commuters would be stranded after dark and asked the ministry for a subsidy before "
          "the new timetable starts in November."),
      Doc("harbour", "Harbour Gazette", "2024-03-05", "Winter ferry crossings to be halved, Bloomberg reports",
          "The Norrvik ferry operator plans to halve winter crossings to the islands to two a day, Bloomberg "
          "reported, blaming fuel prices and lower freight volumes. Island councils warned that commuters would "
          "be stranded after dark and urged the ministry to pay a subsidy before the November timetable."),
      Doc("budget", "Capital Times", "2024-03-05", "Budget raises school spending",
          "The regional government presented a budget that raises spending on schools and clinics while "
          "cutting fuel subsidies, a plan the opposition called a tax on commuters. Parliament votes next "
          "month after hearings in the budget committee."),
  };
}

// Each document's story id, chain and origin key, as one text.
std::map<std::string, std::string> Origins(const StoryCollection& c) {
  std::map<std::string, std::string> out;
  for (const Story& s : c.stories)
    for (const StoryMember& m : s.members) {
      std::string chain;
      for (const ChainStep& step : m.chain) chain += step.outlet + "@" + step.date + "<-";
      out[c.documents[m.doc].id] = s.id + " " + chain + " " + m.origin_key;
    }
  return out;
}

// The stories of the stored documents, as `map --db` reads them; `texts` false gives
// every document with its text left out.
StoryCollection FromStore(const std::string& path, bool texts) {
  auto store = OpenStore(path, true);
  StoriesData data = ShippedStoriesData();
  Result<StoredStories> stored = ReadStoredStories(*store, *data.model);
  EXPECT_TRUE(stored.ok());
  StoryBuilder b(std::move(data));
  b.set_origins_only(true);
  EXPECT_TRUE(store
                  ->ForEachDocument([&](Document&& d) {
                    if (!texts) d.text.clear();
                    b.AddStored(d, stored->by_doc.at(d.id));
                  })
                  .ok());
  return b.Finish();
}

TEST(StoredSourcesTest, BytesGiveBackWhatTheTextSays) {
  StoriesData data = ShippedStoriesData();
  std::vector<Document> docs = Corpus();
  for (const Document& d : docs) data.outlets->AddName(d.outlet);
  for (const Document& d : docs) {
    const DocumentSources found = FindSources(d, *data.outlets, *data.finder);
    const std::string bytes = SourcesToBytes(found, *data.outlets, data.sources_fingerprint);
    std::optional<DocumentSources> back = SourcesFromBytes(bytes, *data.outlets, data.sources_fingerprint);
    ASSERT_TRUE(back.has_value()) << d.id;
    DecideSources(&*back, d, *data.outlets);
    EXPECT_EQ(back->self, found.self) << d.id;
    EXPECT_EQ(back->origin, found.origin) << d.id;
    EXPECT_EQ(back->origin_date, found.origin_date) << d.id;
    EXPECT_EQ(back->via, found.via) << d.id;
    EXPECT_EQ(back->also_cited, found.also_cited) << d.id;
    ASSERT_EQ(back->attributions.size(), found.attributions.size()) << d.id;
    for (size_t i = 0; i < found.attributions.size(); ++i) {
      EXPECT_EQ(back->attributions[i].outlet, found.attributions[i].outlet);
      EXPECT_EQ(back->attributions[i].begin, found.attributions[i].begin);
      EXPECT_EQ(back->attributions[i].cue, found.attributions[i].cue);
      EXPECT_EQ(back->attributions[i].date, found.attributions[i].date);
      EXPECT_EQ(back->attributions[i].lead, found.attributions[i].lead);
    }
  }
  // "coast" relays the Ledger and "harbour" Bloomberg: there is something to keep.
  EXPECT_GE(FindSources(docs[1], *data.outlets, *data.finder).origin, 0);
  EXPECT_GE(FindSources(docs[2], *data.outlets, *data.finder).origin, 0);
}

TEST(StoredSourcesTest, OtherDataOrBrokenBytesAreNotRead) {
  StoriesData data = ShippedStoriesData();
  const Document d = Corpus()[2];
  const std::string bytes =
      SourcesToBytes(FindSources(d, *data.outlets, *data.finder), *data.outlets, data.sources_fingerprint);
  EXPECT_TRUE(SourcesFromBytes(bytes, *data.outlets, data.sources_fingerprint).has_value());
  EXPECT_FALSE(SourcesFromBytes(bytes, *data.outlets, "other outlet lists").has_value());
  EXPECT_FALSE(SourcesFromBytes("", *data.outlets, data.sources_fingerprint).has_value());
  EXPECT_FALSE(SourcesFromBytes(bytes.substr(0, bytes.size() - 3), *data.outlets, data.sources_fingerprint));
  EXPECT_FALSE(SourcesFromBytes(bytes + "x", *data.outlets, data.sources_fingerprint).has_value());

  // An extra outlet list changes the fingerprint: sources found without it are stale.
  TempDir dir;
  const std::string extra = dir / "outlets.yaml";
  testing::WriteFile(extra, "outlets:\n  - name: Norrvik Radio\n    kind: broadcaster\n");
  EXPECT_NE(ShippedStoriesData({extra}).sources_fingerprint, data.sources_fingerprint);
}

TEST(StoredSourcesTest, StoriesFromTheStoreNeedNoTextAndMatchTheText) {
  TempDir dir;
  const std::string db = dir / "c.db";
  IngestStories(db, Corpus());
  const std::map<std::string, std::string> with_text = Origins(FromStore(db, true));
  const std::map<std::string, std::string> without_text = Origins(FromStore(db, false));
  EXPECT_EQ(without_text, with_text);
  // The relays and their origin are one story; the Ledger's relay names it.
  ASSERT_EQ(with_text.size(), 4u);
  EXPECT_NE(with_text.at("coast").find("Atlantic Ledger"), std::string::npos) << with_text.at("coast");
  EXPECT_NE(with_text.at("harbour").find("Bloomberg"), std::string::npos) << with_text.at("harbour");
  EXPECT_EQ(with_text.at("coast").substr(0, 3), with_text.at("ledger").substr(0, 3));
}

TEST(StoredSourcesTest, EntriesWithoutSourcesGetThemAtTheNextIngestAndKeepTheirStory) {
  TempDir dir;
  const std::string db = dir / "c.db";
  std::vector<Document> docs = Corpus();
  IngestStories(db, docs);
  const std::map<std::string, std::string> before = Origins(FromStore(db, true));
  {
    // As a faultline before schema 6 left them.
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "UPDATE story_profiles SET sources = x''", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(raw);
  }
  // Read from the text meanwhile, with the same result.
  EXPECT_EQ(Origins(FromStore(db, true)), before);
  const StoryStoreStats st = IngestStories(db, {});
  EXPECT_EQ(st.sourced, docs.size());
  EXPECT_EQ(st.reprofiled, 0u);
  EXPECT_EQ(Origins(FromStore(db, false)), before);
  EXPECT_EQ(IngestStories(db, {}).sourced, 0u);  // done once
}


// Points FAULTLINE_DATA at a directory for one scope and restores what was there.
class ScopedDataDir {
 public:
  explicit ScopedDataDir(const std::string& dir) {
    if (const char* old = std::getenv("FAULTLINE_DATA")) old_ = old;
    setenv("FAULTLINE_DATA", dir.c_str(), 1);
  }
  ~ScopedDataDir() {
    if (old_) setenv("FAULTLINE_DATA", old_->c_str(), 1);
    else unsetenv("FAULTLINE_DATA");
  }

 private:
  std::optional<std::string> old_;
};

TEST(StoredSourcesTest, ACopyOfTheDataElsewhereKeepsTheStoreCurrentAndAnEditDoesNot) {
  TempDir dir;
  const std::string db = dir / "c.db";
  const std::vector<Document> docs = Corpus();
  IngestStories(db, docs);
  Result<std::string> shipped = DataDir();
  ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
  Result<std::string> analysis = AnalysisFingerprint(AnalyzerConfig{});
  ASSERT_TRUE(analysis.ok()) << analysis.status().ToString();
  const std::string copy = dir / "data";
  fs::copy(*shipped, copy, fs::copy_options::recursive);

  ScopedDataDir env(copy);
  ASSERT_EQ(DataDir().value(), copy);
  // The same bytes under another path: nothing stored is stale, neither the stories'
  // sources nor the statement cache's key.
  StoryStoreStats st = IngestStories(db, {});
  EXPECT_EQ(st.loaded, docs.size());
  EXPECT_EQ(st.sourced, 0u);
  EXPECT_EQ(st.reprofiled, 0u);
  Result<std::string> analysis_copy = AnalysisFingerprint(AnalyzerConfig{});
  ASSERT_TRUE(analysis_copy.ok());
  EXPECT_EQ(*analysis_copy, *analysis);

  // Other content in the copy's outlet list: the stored sources are found again, once.
  {
    std::ofstream out(copy + "/stories/outlets.yaml", std::ios::app);
    out << "\n# edited: the sources found with the old list are stale\n";
  }
  st = IngestStories(db, {});
  EXPECT_EQ(st.sourced, docs.size());
  EXPECT_EQ(st.reprofiled, 0u);
  EXPECT_EQ(IngestStories(db, {}).sourced, 0u);
}

// Each document's origin (key and label) as a statement of it would count, collecting
// the stored documents without their texts where `without_text`, with them otherwise.
std::map<std::string, std::string> CollectedOrigins(const std::string& db, bool without_text,
                                                    std::vector<std::string>* needed_text = nullptr) {
  auto store = OpenStore(db, true);
  OriginCollector collector;
  EXPECT_TRUE(collector.Start({}, store.get()).ok());
  std::vector<Document> docs;
  EXPECT_TRUE(store->ForEachDocument([&](Document&& d) { docs.push_back(std::move(d)); }).ok());
  for (const Document& d : docs) {
    Document bare = d;
    bare.text.clear();
    if (without_text && collector.AddWithoutText(bare)) continue;
    if (without_text && needed_text) needed_text->push_back(d.id);
    collector.Add(d);
  }
  Result<map::OriginOf> finished = collector.Finish(store.get());
  EXPECT_TRUE(finished.ok()) << finished.status().ToString();
  const map::OriginOf origin_of = finished.ok() ? *finished : map::OriginOf();
  std::map<std::string, std::string> out;
  for (const Document& d : docs) {
    Statement s;
    s.doc = StatementDocName(d);
    const map::OriginRef o = origin_of(s);
    out[d.id] = o.key + " | " + o.label;
  }
  return out;
}

TEST(StoredSourcesTest, TheCollectorAsksForTheTextOnlyWithoutAUsableStoredStory) {
  TempDir dir;
  const std::string db = dir / "c.db";
  IngestStories(db, Corpus());
  {
    // harbour's sources are stale (other outlet lists), budget has no story at all.
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw,
                           "UPDATE story_profiles SET sources = x'' WHERE doc = 'harbour';"
                           "DELETE FROM story_profiles WHERE doc = 'budget'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
  }
  std::vector<std::string> needed_text;
  const std::map<std::string, std::string> without = CollectedOrigins(db, true, &needed_text);
  EXPECT_EQ(needed_text, (std::vector<std::string>{"harbour", "budget"}));
  EXPECT_EQ(without, CollectedOrigins(db, false));
  EXPECT_NE(without.at("harbour").find("Bloomberg"), std::string::npos) << without.at("harbour");

  // A builder that counts framing and quotes needs every text.
  auto store = OpenStore(db, true);
  StoriesData data = ShippedStoriesData();
  Result<StoredStories> stored = ReadStoredStories(*store, *data.model);
  ASSERT_TRUE(stored.ok());
  StoryBuilder full(std::move(data));
  Document ledger = Corpus()[0];
  ledger.text.clear();
  EXPECT_FALSE(full.AddStoredWithoutText(ledger, stored->by_doc.at("ledger")));
  EXPECT_FALSE(stored->by_doc.at("ledger").profile.empty());  // left as it was
}

// The collector reads the stored summaries only; a document without a stored story is
// clustered against the full profiles, which Finish reads then from the store.
TEST(StoredSourcesTest, ADocumentWithoutAStoredStoryIsClusteredAgainstTheFullStoredProfiles) {
  TempDir dir;
  const std::string db = dir / "c.db";
  IngestStories(db, Corpus());
  const std::map<std::string, std::string> stored = CollectedOrigins(db, true);
  {
    auto store = OpenStore(db, true);
    Result<StoredStories> summaries = ReadStoredSummaries(*store, *ShippedStoriesData().model);
    ASSERT_TRUE(summaries.ok());
    ASSERT_EQ(summaries->by_doc.size(), 4u);
    for (const auto& [doc, s] : summaries->by_doc) {
      EXPECT_TRUE(s.profile.empty()) << doc;
      EXPECT_FALSE(s.summary.empty()) << doc;
    }
  }
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "DELETE FROM story_profiles WHERE doc = 'coast'", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(raw);
  }
  // coast relays ledger: clustered against ledger's profile it joins its story and counts
  // for the same origin, as when its story was stored. A summary alone has no terms to match.
  EXPECT_EQ(CollectedOrigins(db, true), stored);
  {
    auto store = OpenStore(db, true);
    StoriesData data = ShippedStoriesData();
    Result<StoredStories> summaries = ReadStoredSummaries(*store, *data.model);
    ASSERT_TRUE(summaries.ok());
    StoryBuilder b(std::move(data));
    b.set_origins_only(true);
    for (const Document& d : Corpus()) {
      auto it = summaries->by_doc.find(d.id);
      if (it == summaries->by_doc.end()) b.Add(d);
      else b.AddStored(d, it->second);
    }
    EXPECT_TRUE(b.NeedsStoredProfiles());
    ASSERT_TRUE(b.ReadStoredProfiles(*store).ok());
    EXPECT_FALSE(b.NeedsStoredProfiles());
    const StoryCollection c = b.Finish();
    EXPECT_EQ(c.StoryOfId("coast"), c.StoryOfId("ledger"));
    EXPECT_NE(c.StoryOfId("budget"), c.StoryOfId("ledger"));
  }

  // Without the database at Finish, the collector says what it lacks.
  auto store = OpenStore(db, true);
  OriginCollector collector;
  ASSERT_TRUE(collector.Start({}, store.get()).ok());
  for (const Document& d : Corpus()) {
    Document bare = d;
    bare.text.clear();
    if (!collector.AddWithoutText(bare)) collector.Add(d);
  }
  Result<map::OriginOf> without = collector.Finish(nullptr);
  EXPECT_FALSE(without.ok());
}

}  // namespace
}  // namespace faultline::stories
