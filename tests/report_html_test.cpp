// The HTML report: escaping helpers, a self-contained page, and a render in headless
// Chromium showing that article text containing markup is displayed, never run.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "map/map.h"
#include "map/statement_jsonl.h"
#include "report/escape.h"
#include "report/html_report.h"
#include "test_paths.h"

namespace faultline::report {
namespace {

std::string Shell(const std::string& cmd, int* rc) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) { *rc = -1; return out; }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  *rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

map::Map FixtureMap(const std::string& name) {
  std::ifstream in(testing::SourceDir() + "/tests/data/" + name);
  std::vector<Statement> st;
  std::vector<Status> errors;
  map::ReadStatementsJsonl(in, name, &st, &errors);
  EXPECT_TRUE(errors.empty());
  return map::BuildMap(std::move(st), map::MapOptions{});
}

std::string Html(const map::Map& m) {
  std::ostringstream out;
  WriteHtml(m, HtmlOptions{}, out);
  return out.str();
}

std::string DataBlock(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"map-data\">";
  size_t a = html.find(open);
  if (a == std::string::npos) return {};
  a += open.size();
  size_t b = html.find("</script>", a);
  return html.substr(a, b - a);
}

TEST(HtmlEscape, Entities) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  EXPECT_EQ(HtmlEscape(std::string("a\x01z")), "az");  // not allowed in XML 1.0
}

TEST(JsonForScript, EscapesWhatCouldCloseOrBreakTheScript) {
  std::string json = nlohmann::json("</script><!-- & \u2028\u2029").dump(-1, ' ', false);
  std::string safe = JsonForScript(json);
  EXPECT_EQ(safe.find('<'), std::string::npos);
  EXPECT_EQ(safe.find('>'), std::string::npos);
  EXPECT_EQ(safe.find('&'), std::string::npos);
  EXPECT_EQ(safe.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(safe).get<std::string>(), "</script><!-- & \u2028\u2029");
}

TEST(HtmlReport, SelfContained) {
  std::string html = Html(FixtureMap("statements_nato.jsonl"));
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  // The only URLs are XML namespace names, which browsers never fetch.
  std::regex url("https?://[^\"' )]*");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), url); it != std::sregex_iterator(); ++it)
    EXPECT_EQ(it->str(), "http://www.w3.org/2000/svg");
}

TEST(HtmlReport, ABigNetworkEmbedsTheTiesOfItsBestEvidencedActorsAndSaysWhatIsLeftOut) {
  // 600 actors on two issues, every pair tied: 179,700 ties, about 15 MB of page before.
  // The first 100 actors speak three times, the rest once.
  std::vector<Statement> st;
  for (int a = 0; a < 600; ++a)
    for (int k = 0; k < (a < 100 ? 3 : 1); ++k) {
      Statement s;
      s.actor = "A" + std::to_string(1000 + a);
      s.issue = k % 2 ? "talks" : "arms";
      s.stance = a % 3 ? 1 : -1;
      s.doc = "d" + std::to_string(a) + "-" + std::to_string(k);
      s.date = "2024-05-14";
      s.outlet = a % 2 ? "Harbour Post" : "Coast Wire";
      st.push_back(std::move(s));
    }
  const std::string html = Html(map::BuildMap(std::move(st), map::MapOptions{}));
  EXPECT_LT(html.size(), 4u << 20);
  const auto data = nlohmann::json::parse(DataBlock(html));
  const auto& net = data["networks"];
  ASSERT_EQ(net["shown_actors"].size(), 150u);
  EXPECT_EQ(net["shown_actors"][0], "A1000");  // the best evidenced are kept
  EXPECT_EQ(net["actors"].size(), 600u);        // the list of all actors stays
  EXPECT_LE(net["ties"].size(), 150u * 149u / 2);
  for (const auto& t : net["ties"]) EXPECT_LT(t["source"].get<std::string>(), "A1250");
  EXPECT_EQ(net["ties_note"],
            "ties drawn among the 150 actors with the most statements; the other 450 actors of the networks and "
            "168525 ties left out of this page (all of them: faultline map --format json or graphml)");
  for (const auto& [outlet, view] : data["by_outlet"].items()) {
    EXPECT_EQ(view["shown_actors"].size(), 50u) << outlet;  // outlet views: 50 each
    EXPECT_NE(view["ties_note"].get<std::string>().find("the other 250 actors of the networks"), std::string::npos) << outlet;
  }
  EXPECT_NE(html.find("view.note"), std::string::npos);  // the page prints the note under the camps
}

// Statements of `actors` actors on 20 issues from 30 outlets, over two years: every 97th
// actor speaks five times as often (bench/big_map.py makes the same for the CLI).
std::vector<Statement> ManyActors(int actors) {
  std::vector<Statement> st;
  for (int a = 0; a < actors; ++a)
    for (int k = 0; k < (a % 97 == 0 ? 30 : 6); ++k) {
      Statement s;
      s.actor = "A" + std::to_string(10000 + a);
      s.issue = "issue" + std::to_string((a + 3 * k) % 20);
      s.stance = (a / 2 + k / 4) % 2 ? 1 : -1;
      s.doc = "d" + std::to_string(a) + "-" + std::to_string(k);
      s.evidence = s.actor + " said <b>it</b> & \"more\" (" + std::to_string(k) + ").";
      const int month = 1 + (k * 5 + a) % 24;
      char date[16];
      std::snprintf(date, sizeof date, "%d-%02d-15", 2023 + (month - 1) / 12, (month - 1) % 12 + 1);
      s.date = date;
      s.outlet = "Outlet " + std::to_string((a * 7 + k) % 30);
      st.push_back(std::move(s));
    }
  return st;
}

TEST(HtmlReport, ABigMapShowsItsBestEvidencedActorsAndSaysHowManyItLeavesOut) {
  // 400 actors shown 40 at most (the default is 300: bench/big_map.py and
  // docs/security.md measure 2,000 and 10,000 through the CLI; this keeps the test quick,
  // under the sanitizers too).
  const map::Map m = map::BuildMap(ManyActors(400), map::MapOptions{});
  HtmlOptions capped;
  capped.max_actors = 40;
  std::ostringstream out;
  WriteHtml(m, capped, out);
  const std::string html = out.str();
  EXPECT_LT(html.size(), 3u << 20);  // 2.2 MB (every actor: 4 MB)
  const auto data = nlohmann::json::parse(DataBlock(html));
  EXPECT_EQ(data["actors_note"],
            "showing 40 of 400 actors, those with the most statements; the rest in the JSON/CSV output "
            "(faultline map --format json or csv) or with --max-html-actors");
  std::set<std::string> shown;
  for (const auto& c : data["cells"]) shown.insert(c["actor"].get<std::string>());
  EXPECT_EQ(shown.size(), 40u);
  EXPECT_TRUE(shown.count("A10000"));  // those who speak most are kept
  EXPECT_TRUE(shown.count("A10097"));
  for (const auto& sh : data["shifts"]) EXPECT_TRUE(shown.count(sh["actor"].get<std::string>()));
  for (const auto& o : data["outlets"])
    for (const auto& c : o["cells"]) EXPECT_TRUE(shown.count(c["actor"].get<std::string>()));
  for (const auto& [outlet, view] : data["by_outlet"].items())
    for (const auto& sh : view["shifts"]) EXPECT_TRUE(shown.count(sh["actor"].get<std::string>())) << outlet;
  EXPECT_EQ(data["summary"]["actors"].size(), 400u);  // the summary still counts them all
  EXPECT_NE(html.find("id=\"actorsnote\""), std::string::npos);  // where the page prints the note
  EXPECT_EQ(DataBlock(html).find('<'), std::string::npos);  // the evidence stays escaped
  // 0: every actor, as before.
  HtmlOptions all_actors;
  all_actors.max_actors = 0;
  std::ostringstream all;
  WriteHtml(m, all_actors, all);
  const auto every = nlohmann::json::parse(DataBlock(all.str()));
  EXPECT_FALSE(every.contains("actors_note"));
  std::set<std::string> drawn;
  for (const auto& c : every["cells"]) drawn.insert(c["actor"].get<std::string>());
  EXPECT_EQ(drawn.size(), 400u);
  EXPECT_GT(all.str().size(), html.size() + (1u << 20));
}

TEST(HtmlReport, ASmallMapIsTheSameWhateverTheActorCap) {
  const map::Map m = FixtureMap("statements_nato.jsonl");
  ASSERT_LT(m.networks.actors.size(), HtmlOptions::kDefaultMaxActors);
  std::ostringstream capped, all;
  WriteHtml(m, HtmlOptions{}, capped);
  HtmlOptions o;
  o.max_actors = 0;
  WriteHtml(m, o, all);
  EXPECT_EQ(capped.str(), all.str());
  EXPECT_FALSE(nlohmann::json::parse(DataBlock(capped.str())).contains("actors_note"));
}

TEST(HtmlReport, ArticleTextIsInertInTheDataBlock) {
  std::string html = Html(FixtureMap("statements_hostile.jsonl"));
  std::string data = DataBlock(html);
  ASSERT_FALSE(data.empty());
  EXPECT_EQ(data.find('<'), std::string::npos);
  EXPECT_EQ(data.find("\xE2\x80\xA8"), std::string::npos);
  auto j = nlohmann::json::parse(data);
  bool found = false;
  for (const auto& [id, s] : j["statements"].items())
    if (s["evidence"].get<std::string>().find("<script>document.title='owned'") != std::string::npos) found = true;
  EXPECT_TRUE(found);
  // Outlet names with markup are escaped in the static page too.
  EXPECT_EQ(html.find("<b>One</b>"), std::string::npos);
}

// Renders the page in headless Chromium and inspects the DOM after its scripts ran.
class HtmlChromium : public ::testing::Test {
 protected:
  std::string Render(const map::Map& m, const std::string& name, const std::string& hash = "") {
    std::string path = ::testing::TempDir() + "/" + name;
    {
      std::ofstream out(path);
      WriteHtml(m, HtmlOptions{}, out);
    }
    int rc;
    std::string profile = Shell("mktemp -d", &rc);
    while (!profile.empty() && profile.back() == '\n') profile.pop_back();
    std::string cmd = "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                      "--disable-background-networking --disable-component-update --disable-sync "
                      "--user-data-dir='" + profile + "' --virtual-time-budget=5000 --dump-dom 'file://" + path + hash +
                      "' 2>/dev/null";
    std::string dom = Shell(cmd, &rc);
    Shell("rm -rf '" + profile + "'", &rc);
    return dom;
  }
  void SetUp() override {
    int rc;
    Shell("command -v chromium", &rc);
    if (rc != 0) GTEST_SKIP() << "chromium is not installed; skipping the browser render";
  }
};

TEST_F(HtmlChromium, RendersHeatmapCampsShiftsAndEvidence) {
  map::Map m = FixtureMap("statements_nato.jsonl");
  std::string dom = Render(m, "nato.html");
  ASSERT_NE(dom.find("data-rendered=\"yes\""), std::string::npos) << dom.substr(0, 2000);
  size_t cells = 0;
  for (size_t p = dom.find("<td class=\"cell"); p != std::string::npos; p = dom.find("<td class=\"cell", p + 1)) ++cells;
  EXPECT_EQ(cells, m.cells.size());
  EXPECT_NE(dom.find("data-actor=\"GBR\" data-issue=\"talks\""), std::string::npos);
  EXPECT_NE(dom.find("<circle"), std::string::npos);       // camp graph and timeline drawn
  EXPECT_NE(dom.find("GBR on talks: "), std::string::npos);  // a shift listed
  EXPECT_NE(dom.find("Agency Report (10)"), std::string::npos);  // outlet filter filled
  // The first cell's evidence is shown at load.
  EXPECT_NE(dom.find("Paris favours keeping a channel open"), std::string::npos);
}

TEST_F(HtmlChromium, OutletFilterAndCellSelection) {
  map::Map m = FixtureMap("statements_nato.jsonl");
  std::string dom = Render(m, "nato-outlet.html", "#cell=GBR/talks&outlet=Kyiv%20Voice");
  ASSERT_NE(dom.find("data-rendered=\"yes\""), std::string::npos);
  size_t a = dom.find("id=\"evidence\"");
  ASSERT_NE(a, std::string::npos);
  std::string evidence = dom.substr(a, dom.find("</div>", a) - a);
  EXPECT_NE(evidence.find("GBR on talks (as Kyiv Voice reports it)"), std::string::npos) << evidence;
  EXPECT_NE(evidence.find("Britain is among those pushing for peace talks"), std::string::npos);
  EXPECT_EQ(evidence.find("London regards negotiations with Putin"), std::string::npos);  // other outlets
  EXPECT_NE(dom.find("2 statement(s) in Kyiv Voice, in date order."), std::string::npos);  // Kyiv Voice has two
  size_t cells = 0;
  for (size_t p = dom.find("<td class=\"cell"); p != std::string::npos; p = dom.find("<td class=\"cell", p + 1)) ++cells;
  EXPECT_EQ(cells, 2u);  // the heatmap as Kyiv Voice tells it: GBR talks, FRA arms
  // The shifts too: GBR's turn on talks is told by no single outlet, so Kyiv Voice has none.
  const size_t list = dom.find("id=\"shiftlist\"");
  ASSERT_NE(list, std::string::npos);
  EXPECT_EQ(dom.substr(list, dom.find("</ul>", list) - list).find("<li"), std::string::npos);
  EXPECT_NE(dom.find("No actor changed sides between one month and the next in Kyiv Voice."), std::string::npos);
}

TEST_F(HtmlChromium, ScriptInArticleTextIsShownNeverRun) {
  std::string dom = Render(FixtureMap("statements_hostile.jsonl"), "hostile.html");
  ASSERT_NE(dom.find("data-rendered=\"yes\""), std::string::npos) << dom.substr(0, 2000);
  EXPECT_NE(dom.find("<title>faultline map</title>"), std::string::npos);  // title not rewritten
  EXPECT_EQ(dom.find("owned</title>"), std::string::npos);
  EXPECT_EQ(dom.find("id=\"pwned\""), std::string::npos);  // the injected element was never created
  EXPECT_EQ(dom.find("<img src=\"x\""), std::string::npos);
  // ... and the markup is there as text.
  EXPECT_NE(dom.find("&lt;script&gt;document.title='owned'"), std::string::npos);
  EXPECT_NE(dom.find("&lt;img src=x onerror="), std::string::npos);
  EXPECT_NE(dom.find("Outlet &lt;b&gt;One&lt;/b&gt;"), std::string::npos);
}

}  // namespace
}  // namespace faultline::report
