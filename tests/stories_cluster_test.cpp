// Story clustering, from profiles to stories with origins; the seed acceptance of
// issue 14 from the raw seeds; the stories command.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "ingest/read_documents.h"
#include "ingest/sidecar.h"
#include "ingest_test_util.h"
#include "stories_test_fixtures.h"
#include "stories/stories.h"
#include "stories/story_index.h"
#include "test_paths.h"

namespace faultline::stories {
namespace {

using testing::Doc;
using testing::kBridgeRelay;
using testing::kBridgeReport;
using testing::kBudgetReport;
using testing::RunCli;
using testing::ShippedStoriesData;
using testing::TempDir;
using testing::WriteFile;

// The stories are the Aldermoor bridge reopening, reported and relayed (a third telling,
// a relay naming the first report's outlet, is written where it is used), and the budget
// (stories_test_fixtures.h).

TEST(StoryIndexTest, LinksOneStoryAndLeavesAnotherAlone) {
  StoriesData data = ShippedStoriesData();
  StoryIndex index(data.model);
  const uint32_t a = index.Add(data.model->Profile("Aldermoor bridge reopens", kBridgeReport, "2024-03-08"));
  const uint32_t b = index.Add(data.model->Profile("Bridge open again", kBridgeRelay, "2024-03-09"));
  const uint32_t c = index.Add(data.model->Profile("Budget plan", kBudgetReport, "2024-03-09"));
  EXPECT_EQ(index.StoryOf(a), index.StoryOf(b));
  EXPECT_NE(index.StoryOf(a), index.StoryOf(c));
  ASSERT_TRUE(index.best_link(b).has_value());
  EXPECT_EQ(index.best_link(b)->other, a);
  EXPECT_LE(index.comparisons(), 3u);
}

TEST(StoryIndexTest, DocumentsOutsideTheWindowAreNeverCompared) {
  StoriesData data = ShippedStoriesData();
  StoryIndex index(data.model);
  const uint32_t a = index.Add(data.model->Profile("", kBridgeReport, "2024-03-08"));
  const uint32_t b = index.Add(data.model->Profile("", kBridgeReport, "2024-06-08"));
  EXPECT_NE(index.StoryOf(a), index.StoryOf(b));
  EXPECT_EQ(index.comparisons(), 0u);
}

TEST(StoryIndexTest, AnUndatedDocumentJoinsButNeverBridgesTwoStories) {
  StoriesData data = ShippedStoriesData();
  StoryIndex index(data.model, /*max_span_days=*/21);
  // The same text a year apart: two stories; an undated copy joins one of them.
  const uint32_t a = index.Add(data.model->Profile("", kBridgeReport, "2023-03-08"));
  const uint32_t b = index.Add(data.model->Profile("", kBridgeReport, "2024-03-08"));
  const uint32_t u = index.Add(data.model->Profile("", kBridgeReport, ""));
  EXPECT_NE(index.StoryOf(a), index.StoryOf(b));
  EXPECT_TRUE(index.StoryOf(u) == index.StoryOf(a) || index.StoryOf(u) == index.StoryOf(b));
}

TEST(StoryBuilderTest, StoriesDoNotDependOnInputOrder) {
  auto run = [](const std::vector<Document>& docs) {
    StoryBuilder b(ShippedStoriesData());
    for (const Document& d : docs) b.Add(d);
    const StoryCollection c = b.Finish();
    std::vector<std::vector<std::string>> out;
    for (const Story& s : c.stories) {
      out.emplace_back();
      for (const StoryMember& m : s.members) out.back().push_back(c.documents[m.doc].id);
    }
    return out;
  };
  std::vector<Document> docs = {Doc("b1", "Aldermoor Courier", "2024-03-08", "Bridge reopens", kBridgeReport),
                                Doc("b2", "Valley Times", "2024-03-09", "Bridge open again", kBridgeRelay),
                                Doc("x", "Valley Times", "2024-03-09", "Budget plan", kBudgetReport)};
  const auto forward = run(docs);
  std::reverse(docs.begin(), docs.end());
  EXPECT_EQ(forward, run(docs));
  ASSERT_EQ(forward.size(), 2u);
  EXPECT_EQ(forward[0], (std::vector<std::string>{"b1", "b2"}));
}

TEST(StoryBuilderTest, RelaysCitingAnOutletReadLaterStillTraceToIt) {
  StoryBuilder b(ShippedStoriesData());
  // The relay is read before the document of the outlet it cites.
  b.Add(Doc("relay", "Valley Times", "2024-03-09", "Bridge open again, Aldermoor Courier reports",
            std::string("The Aldermoor Courier reported on Friday that the bridge was open. ") + kBridgeRelay));
  b.Add(Doc("orig", "Aldermoor Courier", "2024-03-08", "Bridge reopens", kBridgeReport));
  const StoryCollection c = b.Finish();
  ASSERT_EQ(c.stories.size(), 1u);
  const Story& s = c.stories[0];
  EXPECT_EQ(s.origin.outlet, "Aldermoor Courier");
  EXPECT_EQ(s.origin.doc, "orig");
  EXPECT_EQ(s.origins, 1u);
  EXPECT_EQ(c.documents[s.members[0].doc].id, "orig") << "publication order";
}

// The acceptance of issue 14, from the raw seeds and their sidecar.
TEST(StoriesSeedsTest, OneBloombergStoryAndOneWsjRelay) {
  FAULTLINE_REQUIRE_SHARED();
  const std::string shared = testing::SharedDir();
  std::vector<Status> problems;
  auto sidecar = Sidecar::Load(shared + "/seeds.meta.jsonl", [&](const Status& s) { problems.push_back(s); });
  ASSERT_TRUE(sidecar.ok()) << sidecar.status().ToString();
  StoryBuilder b(ShippedStoriesData());
  DocumentReader reader(
      ReadOptions{},
      [&](Document&& d) {
        sidecar->Apply(&d);
        b.Add(d);
      },
      [&](const Status& s) { problems.push_back(s); });
  reader.ReadPaths({shared + "/seeds"});
  const StoryCollection c = b.Finish();
  std::map<std::string, const Story*> by_doc;  // seed number -> story
  std::map<std::string, const StoryMember*> member;
  for (const Story& s : c.stories)
    for (const StoryMember& m : s.members) {
      const std::string seed = c.documents[m.doc].id.substr(0, 3);
      by_doc[seed] = &s;
      member[seed] = &m;
    }
  ASSERT_EQ(by_doc.size(), 5u);
  EXPECT_EQ(by_doc["000"], by_doc["002"]);
  EXPECT_EQ(by_doc["000"], by_doc["003"]);
  EXPECT_EQ(by_doc["000"]->members.size(), 3u);
  EXPECT_EQ(by_doc["000"]->origin.outlet, "Bloomberg");
  EXPECT_EQ(by_doc["000"]->origin.date, "2022-03-28");
  EXPECT_EQ(by_doc["000"]->origins, 1u);
  std::vector<std::string> chain;
  for (const ChainStep& s : member["003"]->chain) chain.push_back(s.outlet);
  EXPECT_EQ(chain, (std::vector<std::string>{"World Nation News", "RBC", "Bloomberg"}));
  EXPECT_EQ(by_doc["004"]->members.size(), 1u);
  EXPECT_EQ(by_doc["004"]->origin.outlet, "The Wall Street Journal");
  EXPECT_EQ(by_doc["004"]->origin.date, "2023-02-24");
  EXPECT_EQ(by_doc["001"]->members.size(), 1u);
  EXPECT_NE(by_doc["001"], by_doc["004"]);
}

// In the seed map, the UK against talks rests on three relays of one Bloomberg report:
// one origin, not three; `why` groups the evidence by it.
TEST(StoriesSeedsTest, TheSeedMapCountsOneOriginForTheUkAgainstTalks) {
  FAULTLINE_REQUIRE_SHARED();
  TempDir dir;
  const std::string shared = testing::SharedDir();
  const std::string in = shared + "/seeds --meta " + shared + "/seeds.meta.jsonl";
  const auto r = RunCli("map " + in + " --format json", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  const nlohmann::json* cell = nullptr;
  for (const auto& c : j["cells"])
    if (c["actor"] == "GBR" && c["issue"] == "talks") cell = &c;
  ASSERT_NE(cell, nullptr);
  EXPECT_EQ((*cell)["docs_against"], 3);
  EXPECT_EQ((*cell)["origins_against"], 1);
  const auto w = RunCli("why GBR talks " + in + " --format json", dir);
  ASSERT_EQ(w.exit_code, 0) << w.err;
  const nlohmann::json why = nlohmann::json::parse(w.out);
  ASSERT_GE(why["origin_groups"].size(), 1u);
  EXPECT_EQ(why["origin_groups"][0]["key"], "S2/Bloomberg");
  EXPECT_EQ(why["origin_groups"][0]["statements"].size(), 3u);
  // Without stories every document is its own origin.
  const auto plain = RunCli("map " + in + " --format json --no-stories", dir);
  // Named: a range-for over parse(...)["cells"] reads the parsed temporary after it is freed.
  const nlohmann::json plain_map = nlohmann::json::parse(plain.out);
  for (const auto& c : plain_map["cells"]) {
    if (c["actor"] == "GBR" && c["issue"] == "talks") {
      EXPECT_EQ(c["origins_against"], 3);
    }
  }
}

// The demo corpus shows what the seeds show (docs/examples.md): one story relayed three
// times with its origin in the corpus, a chain through an intermediary, a relay of an
// origin outside the corpus, and one origin behind four documents in the map.
TEST(StoriesExamplesTest, TheDemoCorpusShowsRelaysChainsAndOrigins) {
  TempDir dir;
  const std::string examples = testing::SourceDir() + "/examples";
  const auto r = RunCli("stories --format json " + examples, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  const nlohmann::json* split = nullptr;
  const nlohmann::json* pact = nullptr;
  std::map<std::string, std::vector<std::string>> chain;
  for (const auto& s : j["stories"])
    for (const auto& d : s["documents"]) {
      const std::string id = d["id"];
      if (id == "ledger_2022-03-28_allies-divided-on-putin-talks") split = &s;
      if (id == "continental_2023-02-25_defence-pact-for-talks") pact = &s;
      for (const auto& step : d["chain"]) chain[id].push_back(step["outlet"]);
    }
  ASSERT_NE(split, nullptr);
  std::set<std::string> members;
  for (const auto& d : (*split)["documents"]) members.insert(d["id"]);
  EXPECT_EQ(members, (std::set<std::string>{"ledger_2022-03-28_allies-divided-on-putin-talks",
                                            "eurasiawire_2022-03-29_west-split-on-dialogue",
                                            "kyivpost_2022-03-29_allies-split-ledger-report",
                                            "baltic_2022-03-30_allies-disagree-on-moscow-talks"}));
  EXPECT_EQ((*split)["origin"]["outlet"], "The Atlantic Ledger");
  EXPECT_EQ((*split)["origin"]["doc"], "ledger_2022-03-28_allies-divided-on-putin-talks");
  EXPECT_EQ((*split)["origin"]["date"], "2022-03-28");
  EXPECT_EQ((*split)["origins"], 1);
  EXPECT_EQ(chain["baltic_2022-03-30_allies-disagree-on-moscow-talks"],
            (std::vector<std::string>{"Baltic Dispatch", "Kyiv Morning Post", "The Atlantic Ledger"}));
  EXPECT_EQ(chain["eurasiawire_2022-03-29_west-split-on-dialogue"],
            (std::vector<std::string>{"Eurasia Wire", "The Atlantic Ledger"}));
  ASSERT_NE(pact, nullptr);
  EXPECT_EQ((*pact)["origin"]["outlet"], "The Wall Street Journal");
  EXPECT_EQ((*pact)["origin"]["date"], "2023-02-24");

  const auto m = RunCli("map " + examples + " --format json", dir);
  ASSERT_EQ(m.exit_code, 0) << m.err;
  const nlohmann::json map = nlohmann::json::parse(m.out);  // named, as above
  for (const auto& c : map["cells"]) {
    if (c["actor"] == "GBR" && c["issue"] == "talks") {
      EXPECT_GE(c["docs_against"].get<int>(), 3);
      EXPECT_EQ(c["origins_against"], 1);
    }
  }
}

TEST(StoriesCliTest, ScorePairsWritesOneScorePerLineAndReportsBadLines) {
  TempDir dir;
  nlohmann::json good = {{"id", 7}, {"text1", kBridgeReport}, {"text2", kBridgeRelay}, {"date1", "2024-03-08"}};
  nlohmann::json other = {{"id", "b"}, {"text1", kBridgeReport}, {"text2", kBudgetReport}};
  WriteFile(dir / "pairs.jsonl", good.dump() + "\n" + "{not json\n" + R"({"id": 3, "text1": "x"})" + "\n\n" +
                                     other.dump() + "\n");
  const auto r = RunCli("stories --score-pairs " + dir / "pairs.jsonl", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("pairs.jsonl:2: not a JSON object"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("pairs.jsonl:3: missing \"text2\""), std::string::npos) << r.err;
  std::vector<nlohmann::json> lines;
  std::istringstream in(r.out);
  for (std::string l; std::getline(in, l);) lines.push_back(nlohmann::json::parse(l));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["id"], 7);
  EXPECT_EQ(lines[1]["id"], "b");
  EXPECT_GT(lines[0]["score"].get<double>(), lines[1]["score"].get<double>());
  EXPECT_FALSE(lines[0].contains("explain"));
}

TEST(StoriesCliTest, StoriesOfFilesAsJson) {
  TempDir dir;
  WriteFile(dir / "in/courier.txt", std::string("title: Bridge reopens\ndate: 2024-03-08\noutlet: Aldermoor Courier\n\n") +
                                        kBridgeReport + "\n");
  WriteFile(dir / "in/times.txt",
            std::string("title: Bridge open again, Aldermoor Courier reports\ndate: 2024-03-09\noutlet: Valley Times\n\n") +
                "The Aldermoor Courier reported on Friday that the bridge was open again.\n\n" + kBridgeRelay + "\n");
  WriteFile(dir / "in/budget.txt", std::string("title: Budget\ndate: 2024-03-09\noutlet: Valley Times\n\n") + kBudgetReport + "\n");
  const auto r = RunCli("stories --format json " + dir / "in", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["format"], "faultline-stories");
  EXPECT_EQ(j["summary"]["documents"], 3);
  ASSERT_EQ(j["stories"].size(), 2u);
  const nlohmann::json& s = j["stories"][0];
  EXPECT_EQ(s["origin"]["outlet"], "Aldermoor Courier");
  EXPECT_EQ(s["origin"]["doc"], "courier");
  EXPECT_EQ(s["documents"].size(), 2u);
  EXPECT_EQ(s["documents"][1]["chain"][1]["outlet"], "Aldermoor Courier");
  bool dated = false;
  for (const auto& a : s["documents"][1]["attributions"]) dated = dated || a["date"] == "2024-03-08";
  EXPECT_TRUE(dated) << "\"on Friday\" in a text of Saturday 2024-03-09";
}

}  // namespace
}  // namespace faultline::stories
