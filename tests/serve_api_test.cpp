// The serve API in-process (no sockets): views over the fixture corpus, filters, errors,
// corrections changing the map and surviving a restart, and the OpenAPI file naming
// every route.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <thread>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "serve_test_util.h"
#include "test_paths.h"

namespace faultline::serve {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

struct Call {
  int status;
  json body;
};

Call Get(const Api& api, const std::string& path, std::map<std::string, std::string> params = {}) {
  ApiRequest r;
  r.method = "GET";
  r.path = path;
  r.param = [params](const std::string& k) {
    auto it = params.find(k);
    return it == params.end() ? std::string() : it->second;
  };
  for (const auto& [k, v] : params) r.query_key += k + "=" + v + "\x1f";
  ApiResponse out = api.Handle(r);
  return Call{out.status, json::parse(out.body)};
}

Call Post(const Api& api, const json& body, const std::string& user = "") {
  ApiRequest r;
  r.method = "POST";
  r.path = "/api/v1/corrections";
  r.body = body.dump();
  r.user = user;
  ApiResponse out = api.Handle(r);
  return Call{out.status, json::parse(out.body)};
}

json CellOf(const json& map, const std::string& actor, const std::string& issue) {
  for (const auto& c : map["cells"])
    if (c["actor"] == actor && c["issue"] == issue) return c;
  return nullptr;
}

json RefOf(const json& s) {
  return {{"doc", s["doc"]}, {"actor", s["actor"]}, {"issue", s["issue"]},
          {"stance", s["stance"]}, {"begin", s["begin"]}, {"end", s["end"]}};
}

TEST(ServeApi, MapCellsEvidenceAndFilters) {
  testing::ServedCorpus corpus;
  Api api(corpus.workspace(), ApiOptions{"ana"});
  Call m = Get(api, "/api/v1/map");
  ASSERT_EQ(m.status, 200) << m.body.dump();
  EXPECT_EQ(m.body["summary"]["statements"], 7);
  EXPECT_EQ(m.body["generation"], 1);
  json deu = CellOf(m.body, "DEU", "talks");
  ASSERT_FALSE(deu.is_null());
  EXPECT_EQ(deu["count"], 2);
  EXPECT_EQ(deu["stance"], 0.0);  // one document for, one against
  // Issues carry the codebook's label.
  bool labelled = false;
  for (const auto& is : m.body["issues"]) labelled = labelled || (is["issue"] == "talks" && is.contains("label"));
  EXPECT_TRUE(labelled);
  // Actors carry the knowledge base's name.
  EXPECT_EQ(m.body["actor_names"]["DEU"], "Germany");
  EXPECT_EQ(m.body["actor_names"]["POL"], "Poland");

  // The period filter leaves out d3 (May).
  Call march = Get(api, "/api/v1/map", {{"to", "2022-04"}});
  EXPECT_EQ(march.body["summary"]["statements"], 5);
  EXPECT_EQ(CellOf(march.body, "DEU", "talks")["stance"], 1.0);
  EXPECT_EQ(Get(api, "/api/v1/map", {{"outlet", "daily one"}}).body["summary"]["statements"], 5);
  EXPECT_EQ(Get(api, "/api/v1/map", {{"actor", "POL"}}).body["cells"].size(), 2u);

  Call ev = Get(api, "/api/v1/evidence", {{"actor", "DEU"}, {"issue", "talks"}});
  ASSERT_EQ(ev.status, 200);
  ASSERT_EQ(ev.body["groups"].size(), 1u);  // one outlet
  EXPECT_EQ(ev.body["groups"][0]["outlet"], "Daily One");
  EXPECT_EQ(ev.body["groups"][0]["statements"].size(), 2u);
  EXPECT_EQ(ev.body["groups"][0]["statements"][0]["sid"].get<std::string>().size(), 16u);

  Call cell = Get(api, "/api/v1/cell", {{"actor", "DEU"}, {"issue", "talks"}});
  EXPECT_EQ(cell.body["cell"]["timeline"].size(), 2u);  // March and May
  Call shifts = Get(api, "/api/v1/shifts");
  ASSERT_EQ(shifts.body["shifts"].size(), 1u);  // DEU on talks, March for, May against
  EXPECT_EQ(shifts.body["shifts"][0]["actor"], "DEU");
  Call issue = Get(api, "/api/v1/issue", {{"issue", "talks"}});
  EXPECT_EQ(issue.body["cells"].size(), 4u);
  EXPECT_EQ(issue.body["windows"].size(), 3u);
  Call actor = Get(api, "/api/v1/actor", {{"actor", "GBR"}});
  EXPECT_EQ(actor.body["cells"].size(), 2u);
  EXPECT_EQ(Get(api, "/api/v1/camps").status, 200);
  Call outlets = Get(api, "/api/v1/outlets");
  EXPECT_EQ(outlets.body["outlets"].size(), 2u);
}

// Until Load is done the API says so (the names and the stored stories load on threads
// of their own meanwhile); then the map has them: names beside codes, origins counted.
TEST(ServeApi, LoadingIsSaidUntilTheStatementsNamesAndStoriesAreIn) {
  testing::TempDir dir;
  const std::string db = dir / "served.db";
  testing::WriteServedCorpus(db);
  WorkspaceOptions o;
  o.db = db;
  auto ws = Workspace::Open(o);
  ASSERT_TRUE(ws.ok()) << ws.status().ToString();
  Api api(**ws, ApiOptions{"ana"});
  Call status = Get(api, "/api/v1/status");
  EXPECT_EQ(status.body["state"], "loading");
  Call early = Get(api, "/api/v1/map");
  EXPECT_EQ(early.status, 503);
  EXPECT_THAT(early.body["error"]["message"].get<std::string>(), HasSubstr("still being loaded"));
  Status loaded = (*ws)->Load();
  ASSERT_TRUE(loaded.ok()) << loaded.ToString();
  EXPECT_EQ(Get(api, "/api/v1/status").body["state"], "ready");
  Call m = Get(api, "/api/v1/map");
  ASSERT_EQ(m.status, 200) << m.body.dump();
  EXPECT_EQ(m.body["actor_names"]["DEU"], "Germany");
  EXPECT_EQ(m.body["summary"]["statements"], 7);
  EXPECT_EQ(CellOf(m.body, "DEU", "talks")["origins"], 2);
  // A second load (a reload) goes the same way.
  ASSERT_TRUE((*ws)->Load().ok());
  Call again = Get(api, "/api/v1/map");
  EXPECT_EQ(again.body["cells"], m.body["cells"]);
  EXPECT_EQ(again.body["actor_names"], m.body["actor_names"]);
}

TEST(ServeApi, ConfidenceFilterAndWeighting) {
  testing::ServedCorpus corpus;
  Api api(corpus.workspace(), ApiOptions{"ana"});
  // The fixture's statements are cached with confidence 0.75.
  Call all = Get(api, "/api/v1/map", {{"min_confidence", "0.75"}});
  ASSERT_EQ(all.status, 200) << all.body.dump();
  EXPECT_EQ(all.body["summary"]["statements"], 7);
  EXPECT_EQ(Get(api, "/api/v1/map", {{"min_confidence", "0.8"}}).body["summary"]["statements"], 0);
  EXPECT_EQ(Get(api, "/api/v1/statements", {{"min_confidence", "0.8"}}).body["statements"].size(), 0u);
  Call ev = Get(api, "/api/v1/evidence", {{"actor", "DEU"}, {"issue", "talks"}});
  ASSERT_EQ(ev.status, 200);
  EXPECT_EQ(ev.body["groups"][0]["statements"][0]["confidence"], 0.75);
  Call weighted = Get(api, "/api/v1/map", {{"weight", "confidence"}});
  ASSERT_EQ(weighted.status, 200);
  EXPECT_EQ(weighted.body["filter"]["weight"], "confidence");
  EXPECT_EQ(Get(api, "/api/v1/map", {{"min_confidence", "high"}}).status, 400);
  EXPECT_EQ(Get(api, "/api/v1/map", {{"min_confidence", "2"}}).status, 400);
  EXPECT_EQ(Get(api, "/api/v1/map", {{"weight", "votes"}}).status, 400);
}

// Two papers carry one wire report (each names it), a third reports on its own: grouped
// by outlet the cell has three groups, by origin two, the relays together.
TEST(ServeApi, EvidenceGroupedByOrigin) {
  const char* relay =
      "Spain backs a new round of talks with Moscow, according to a Reuters report. The foreign "
      "minister told the agency that a ceasefire must come first.";
  // The second paper adds a line: an exact copy would be stored as a duplicate of the first.
  const std::string relay2 = std::string(relay) + " Officials in Lisbon declined to comment.";
  const char* said = "Spain backs a new round of talks with Moscow, according to a Reuters report.";
  const std::vector<testing::FixtureDoc> docs = {
      {"r1", "2024-05-08", "Harbour Gazette", relay, {{"ESP", "talks", 1, said}}},
      {"r2", "2024-05-09", "Coastal Herald", relay2.c_str(), {{"ESP", "talks", 1, said}}},
      {"r3", "2024-05-20", "Daily One", "Madrid supports talks, the prime minister said in parliament on Monday.",
       {{"ESP", "talks", 1, "Madrid supports talks, the prime minister said in parliament on Monday."}}},
  };
  testing::ServedCorpus corpus(false, docs);
  Api api(corpus.workspace(), ApiOptions{"ana"});
  json cell = CellOf(Get(api, "/api/v1/map").body, "ESP", "talks");
  EXPECT_EQ(cell["documents"], 3);
  EXPECT_EQ(cell["origins"], 2);

  Call by_outlet = Get(api, "/api/v1/evidence", {{"actor", "ESP"}, {"issue", "talks"}});
  ASSERT_EQ(by_outlet.status, 200) << by_outlet.body.dump();
  EXPECT_EQ(by_outlet.body["group"], "outlet");
  EXPECT_EQ(by_outlet.body["groups"].size(), 3u);

  Call by_origin = Get(api, "/api/v1/evidence", {{"actor", "ESP"}, {"issue", "talks"}, {"group", "origin"}});
  ASSERT_EQ(by_origin.status, 200) << by_origin.body.dump();
  EXPECT_EQ(by_origin.body["group"], "origin");
  EXPECT_EQ(by_origin.body["origins"], 2);
  const json& groups = by_origin.body["groups"];
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0]["count"], 2);  // the relays, strongest first
  EXPECT_THAT(groups[0]["label"].get<std::string>(), HasSubstr("Reuters"));
  EXPECT_EQ(groups[0]["outlets"], json({"Coastal Herald", "Harbour Gazette"}));
  EXPECT_EQ(groups[0]["statements"].size(), 2u);
  EXPECT_EQ(groups[0]["stance"], 1);
  EXPECT_EQ(groups[1]["count"], 1);
  EXPECT_EQ(groups[1]["outlets"], json({"Daily One"}));

  EXPECT_EQ(Get(api, "/api/v1/evidence", {{"actor", "ESP"}, {"issue", "talks"}, {"group", "story"}}).status, 400);
}

TEST(ServeApi, SearchDocumentsAndErrors) {
  testing::ServedCorpus corpus;
  Api api(corpus.workspace(), ApiOptions{"ana"});
  Call found = Get(api, "/api/v1/statements", {{"q", "TANKS"}});
  EXPECT_EQ(found.body["total"], 2);
  EXPECT_EQ(Get(api, "/api/v1/statements", {{"q", "tanks"}, {"actor", "POL"}}).body["total"], 1);
  EXPECT_EQ(Get(api, "/api/v1/statements", {{"limit", "1"}}).body["statements"].size(), 1u);

  Call doc = Get(api, "/api/v1/document", {{"id", "d2"}});
  ASSERT_EQ(doc.status, 200);
  EXPECT_THAT(doc.body["text"].get<std::string>(), HasSubstr("<script>"));  // data, for textContent
  EXPECT_EQ(doc.body["outlet"], "Evening <b>Two</b>");
  EXPECT_EQ(doc.body["statements"].size(), 2u);
  EXPECT_GE(doc.body["sentences"].size(), 2u);

  EXPECT_EQ(Get(api, "/api/v1/document", {{"id", "nope"}}).status, 404);
  EXPECT_EQ(Get(api, "/api/v1/map", {{"from", "March"}}).status, 400);
  EXPECT_THAT(Get(api, "/api/v1/map", {{"window", "week"}}).body["error"]["message"].get<std::string>(),
              HasSubstr("window must be"));
  EXPECT_EQ(Get(api, "/api/v1/evidence", {{"actor", "XXX"}, {"issue", "talks"}}).status, 404);
  EXPECT_EQ(Get(api, "/api/v1/statements", {{"limit", "0"}}).status, 400);
  Call missing = Get(api, "/api/v1/nothing");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body["error"]["status"], 404);
  ApiRequest put;
  put.method = "POST";
  put.path = "/api/v1/map";
  EXPECT_EQ(api.Handle(put).status, 405);
}

TEST(ServeApi, CorrectionsChangeTheMapAndSurviveARestart) {
  testing::ServedCorpus corpus;
  {
    Api api(corpus.workspace(), ApiOptions{"ana"});
    Call ev = Get(api, "/api/v1/evidence", {{"actor", "GBR"}, {"issue", "talks"}});
    json s = ev.body["groups"][0]["statements"][0];
    Call rejected = Post(api, {{"action", "reject"}, {"target", RefOf(s)}});
    ASSERT_EQ(rejected.status, 201) << rejected.body.dump();
    EXPECT_EQ(rejected.body["who"], "ana");  // the server's default user
    EXPECT_EQ(rejected.body["generation"], 2);
    Call m = Get(api, "/api/v1/map");
    EXPECT_TRUE(CellOf(m.body, "GBR", "talks").is_null());  // its only statement is gone
    EXPECT_EQ(m.body["summary"]["statements"], 6);
    // The same statement again: no longer there.
    EXPECT_EQ(Post(api, {{"action", "reject"}, {"target", RefOf(s)}}).status, 409);

    // Change POL's stance in d1 by a named person, then add a statement by hand.
    Call pol = Get(api, "/api/v1/evidence", {{"actor", "POL"}, {"issue", "talks"}});
    Call changed = Post(api, {{"action", "change"}, {"target", RefOf(pol.body["groups"][0]["statements"][0])},
                              {"stance", 1}, {"note", "misread"}}, "bea");
    ASSERT_EQ(changed.status, 201) << changed.body.dump();
    EXPECT_EQ(changed.body["who"], "bea");
    const std::string text = testing::FixtureDocs()[2].text;
    const std::string sentence = "Germany now doubts that talks can work.";
    Call added = Post(api, {{"action", "add"}, {"doc", "d3"}, {"begin", text.find(sentence)},
                            {"end", text.find(sentence) + sentence.size()}, {"actor", "FRA"},
                            {"issue", "talks"}, {"stance", -1}, {"who", "cem"}});
    ASSERT_EQ(added.status, 201) << added.body.dump();
    EXPECT_EQ(added.body["statement"]["evidence"], sentence);
    EXPECT_EQ(added.body["statement"]["rule"], "manual");
    EXPECT_EQ(added.body["statement"]["review"]["action"], "add");
    json fra = CellOf(Get(api, "/api/v1/map").body, "FRA", "talks");
    EXPECT_EQ(fra["count"], 2);
    EXPECT_EQ(fra["reviewed"], 1);
    EXPECT_EQ(CellOf(Get(api, "/api/v1/map").body, "POL", "talks")["stance"], 1.0);
    EXPECT_EQ(Get(api, "/api/v1/statements", {{"review", "rejected"}}).body["total"], 2);  // rejected, changed away
    Call list = Get(api, "/api/v1/corrections");
    ASSERT_EQ(list.body["corrections"].size(), 3u);
    EXPECT_EQ(list.body["corrections"][0]["action"], "add");  // newest first
    EXPECT_EQ(list.body["corrections"][0]["outcome"], "added");
  }
  // A new server over the same database: the corrections are there.
  serve::WorkspaceOptions o;
  o.db = corpus.db();
  auto again = Workspace::Open(o);
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE((*again)->Load().ok());
  Api api(**again, ApiOptions{"ana"});
  Call m = Get(api, "/api/v1/map");
  EXPECT_TRUE(CellOf(m.body, "GBR", "talks").is_null());
  EXPECT_EQ(CellOf(m.body, "FRA", "talks")["count"], 2);
  EXPECT_EQ(Get(api, "/api/v1/corrections").body["total"], 3);
}

TEST(ServeApi, ReloadAddsDocumentsIngestedSinceAndKeepsCorrections) {
  testing::ServedCorpus corpus;
  Api api(corpus.workspace(), ApiOptions{"ana"});
  json target = RefOf(Get(api, "/api/v1/evidence", {{"actor", "GBR"}, {"issue", "arms"}}).body["groups"][0]["statements"][0]);
  ASSERT_EQ(Post(api, {{"action", "reject"}, {"target", target}}).status, 201);
  {
    // Another process ingests a document (its statements cached, as `map --db` leaves them).
    auto store = Store::Open(corpus.db());
    ASSERT_TRUE(store.ok());
    Document d;
    d.id = "d4";
    d.file = "d4.txt";
    d.date = "2022-06-01";
    d.outlet = "Daily One";
    d.text = "Italy favours talks now.";
    d.language = "en";
    ASSERT_TRUE((*store)->Add(d).ok());
    Statement s;
    s.doc = "d4";
    s.actor = "ITA";
    s.issue = "talks";
    s.stance = 1;
    s.evidence = d.text;
    s.end = d.text.size();
    s.outlet = d.outlet;
    s.date = d.date;
    ASSERT_TRUE((*store)->CacheStatements("d4", *AnalysisFingerprint(AnalyzerConfig{}), AnalysedDocumentHash(d), {s}).ok());
  }
  ApiRequest reload;
  reload.method = "POST";
  reload.path = "/api/v1/reload";
  EXPECT_EQ(api.Handle(reload).status, 202);
  for (int i = 0; i < 400 && corpus.workspace().reloading(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  Call m = Get(api, "/api/v1/map");
  EXPECT_EQ(m.body["generation"], 3);
  EXPECT_FALSE(CellOf(m.body, "ITA", "talks").is_null());
  EXPECT_TRUE(CellOf(m.body, "GBR", "arms").is_null());  // still rejected
  EXPECT_EQ(Get(api, "/api/v1/status").body["statements"], 7);  // 7 - 1 + 1
}

TEST(ServeApi, BadCorrectionsAreRefusedWithReasons) {
  testing::ServedCorpus corpus;
  Api api(corpus.workspace(), ApiOptions{""});
  json target = RefOf(Get(api, "/api/v1/evidence", {{"actor", "FRA"}, {"issue", "talks"}}).body["groups"][0]["statements"][0]);
  auto status = [&](const json& body, const std::string& user = "ana") { return Post(api, body, user).status; };
  EXPECT_EQ(status({{"action", "confirm"}, {"target", target}}, ""), 400);  // nobody named
  EXPECT_EQ(status({{"action", "maybe"}, {"target", target}}), 400);
  EXPECT_EQ(status({{"action", "reject"}}), 400);
  EXPECT_EQ(status({{"action", "change"}, {"target", target}}), 400);  // nothing changes
  EXPECT_EQ(status({{"action", "change"}, {"target", target}, {"issue", "no-such-issue"}}), 400);
  EXPECT_EQ(status({{"action", "change"}, {"target", target}, {"actor", "<b>"}}), 400);
  EXPECT_EQ(status({{"action", "change"}, {"target", target}, {"actor", "DEU"}}), 409);  // exists already
  EXPECT_EQ(status({{"action", "change"}, {"target", target}, {"stance", 2}}), 400);
  EXPECT_EQ(status({{"action", "add"}, {"doc", "d1"}, {"begin", 5}, {"end", 900}, {"actor", "FRA"},
                    {"issue", "talks"}, {"stance", 1}}),
            400);  // beyond the text
  EXPECT_EQ(status({{"action", "add"}, {"doc", "zzz"}, {"begin", 0}, {"end", 4}, {"actor", "FRA"},
                    {"issue", "talks"}, {"stance", 1}}),
            404);
  EXPECT_EQ(status({{"action", "confirm"}, {"target", target}, {"who", "a\nb"}}), 400);
  ApiRequest r;
  r.method = "POST";
  r.path = "/api/v1/corrections";
  r.body = "{not json";
  EXPECT_EQ(api.Handle(r).status, 400);
  EXPECT_EQ(status({{"action", "confirm"}, {"target", target}}), 201);

  testing::ServedCorpus frozen(true);
  Api ro(frozen.workspace(), ApiOptions{"ana"});
  EXPECT_EQ(Post(ro, {{"action", "confirm"}, {"target", target}}).status, 403);
}

TEST(ServeApi, ConcurrentReadersWhileCorrectionsAreWritten) {
  testing::ServedCorpus corpus;
  Api api(corpus.workspace(), ApiOptions{"ana"});
  json target = RefOf(Get(api, "/api/v1/evidence", {{"actor", "FRA"}, {"issue", "talks"}}).body["groups"][0]["statements"][0]);
  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  const std::vector<std::pair<std::string, std::map<std::string, std::string>>> views = {
      {"/api/v1/map", {}}, {"/api/v1/map", {{"to", "2022-04"}}}, {"/api/v1/evidence", {{"actor", "DEU"}, {"issue", "talks"}}},
      {"/api/v1/document", {{"id", "d1"}}}, {"/api/v1/statements", {{"q", "talks"}}}, {"/api/v1/camps", {}},
      {"/api/v1/issue", {{"issue", "talks"}}}, {"/api/v1/corrections", {}}};
  for (int t = 0; t < 6; ++t)
    readers.emplace_back([&, t] {
      for (int i = 0; i < 60; ++i) {
        const auto& [path, params] = views[(t + i) % views.size()];
        if (Get(api, path, params).status != 200) ++failures;
      }
    });
  // Meanwhile a person confirms and rejects the same statement back and forth.
  for (int i = 0; i < 20; ++i) {
    Call c = Post(api, {{"action", i % 2 == 0 ? "reject" : "confirm"}, {"target", target}});
    if (c.status != 201) ++failures;
  }
  for (auto& r : readers) r.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(Get(api, "/api/v1/status").body["generation"], 21);
  EXPECT_EQ(Get(api, "/api/v1/corrections").body["total"], 20);
  EXPECT_FALSE(CellOf(Get(api, "/api/v1/map").body, "FRA", "talks").is_null());  // confirmed last
}

TEST(ServeApi, TheOpenApiFileNamesEveryRoute) {
  YAML::Node spec = YAML::LoadFile(testing::SourceDir() + "/docs/openapi.yaml");
  ASSERT_TRUE(spec["paths"]);
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& p : spec["paths"])
    for (const auto& m : p.second) {
      std::string method = m.first.as<std::string>();
      for (char& ch : method) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      documented.emplace(method, "/api/v1" + p.first.as<std::string>());
    }
  std::set<std::pair<std::string, std::string>> served;
  for (const auto& r : Api::Routes()) served.insert(r);
  EXPECT_EQ(documented, served);
}

}  // namespace
}  // namespace faultline::serve
