// Outlets, attribution and origins: who a text says its report comes from.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "stories/attribution.h"
#include "stories/origins.h"
#include "stories/outlets.h"

namespace faultline::stories {
namespace {

class OriginsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = outlets_.AddFile(OutletList::DefaultPath());
    ASSERT_TRUE(s.ok()) << s.ToString();
    auto f = AttributionFinder::Load(AttributionFinder::DefaultPath());
    ASSERT_TRUE(f.ok()) << f.status().ToString();
    finder_ = std::move(f).value();
  }
  std::string Name(int i) const { return i < 0 ? "" : outlets_.outlets()[static_cast<size_t>(i)].name; }
  std::vector<std::string> Mentioned(const std::string& text) const {
    std::vector<std::string> out;
    for (const OutletMention& m : outlets_.FindMentions(text)) out.push_back(Name(static_cast<int>(m.outlet)));
    return out;
  }
  Document Doc(const std::string& id, const std::string& outlet, const std::string& date, const std::string& title,
               const std::string& text) const {
    Document d;
    d.id = id;
    d.outlet = outlet;
    d.date = date;
    d.title = title;
    d.text = text;
    return d;
  }
  OutletList outlets_;
  AttributionFinder finder_;
};

TEST_F(OriginsTest, FindsOutletsByNameAndAlias) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Mentioned("as the Wall Street Journal and the WSJ's reporters found"),
            (V{"The Wall Street Journal", "The Wall Street Journal"}));
  EXPECT_EQ(Mentioned("Bloomberg's sources, and Bloomberg News"), (V{"Bloomberg", "Bloomberg"}));
  EXPECT_EQ(Mentioned("HAVANA (AP) - The island"), (V{"Associated Press"}));
}

TEST_F(OriginsTest, NamesInsideLongerNamesAreNoOutlets) {
  EXPECT_TRUE(Mentioned("Former mayor Michael Bloomberg said").empty());
  EXPECT_TRUE(Mentioned("a study by the Reuters Institute found").empty());
  EXPECT_TRUE(Mentioned("(AP Photo/Jane Doe)").empty());
  EXPECT_TRUE(Mentioned("senators on the Hill said").empty()) << "one-word names need their capital The";
  EXPECT_EQ(Mentioned("The Hill reported").size(), 1u);
}

TEST_F(OriginsTest, ResolvesDocumentOutletFieldsAndHosts) {
  EXPECT_EQ(Name(outlets_.Resolve("The Wall Street Journal (reprint)")), "The Wall Street Journal");
  EXPECT_EQ(Name(outlets_.Resolve("Sputnik International")), "Sputnik");
  EXPECT_EQ(Name(outlets_.Resolve("", "https://www.reuters.com/world/x")), "Reuters");
  EXPECT_EQ(outlets_.Resolve("Harbour Gazette"), -1);
  outlets_.AddName("Harbour Gazette");
  EXPECT_EQ(Name(outlets_.Resolve("Harbour Gazette")), "Harbour Gazette");
}

TEST_F(OriginsTest, AttributionCuesBeforeAndAfterTheName) {
  const Document d = Doc("x", "Harbour Gazette", "2024-05-08", "Port deal stalls, Reuters report says",
                         "The port deal has stalled, according to a Reuters report. Talks broke off on Tuesday, "
                         "the agency said, citing two officials. A spokesman told Bloomberg the sides would "
                         "meet again. Mr Lund said he was hopeful.");
  const std::vector<Attribution> a = finder_.Find(d, outlets_, -1);
  std::vector<std::string> got;
  for (const Attribution& x : a)
    if (x.outlet >= 0) got.push_back(Name(x.outlet) + ":" + x.cue + (x.in_title ? ":title" : ""));
  EXPECT_EQ(got, (std::vector<std::string>{"Reuters:report:title", "Reuters:according to", "Reuters:said",
                                           "Bloomberg:told"}));
}

TEST_F(OriginsTest, TheNewspaperCitesTheOutletCitedLast) {
  outlets_.AddName("Coastal Herald");
  const Document d = Doc("n", "Harbour Gazette", "2024-05-08", "Strike",
                         "Dock workers walked out, the regional newspaper Coastal Herald reported on Monday, citing the "
                         "union.\n\nThe port will stay shut for a week, the newspaper said.");
  std::vector<std::string> got;
  for (const Attribution& x : finder_.Find(d, outlets_, -1)) got.push_back(x.name + "|" + Name(x.outlet) + ":" + x.cue);
  EXPECT_EQ(got, (std::vector<std::string>{"|Coastal Herald:reported", "|Coastal Herald:said"}));
}

// Cues are looked up by the word next to the name; among cues sharing that word the
// longest still wins, fillers still stand between, and an anaphor still needs a cue.
TEST_F(OriginsTest, CuesSharingAWordMatchLongestFirst) {
  const std::string path = ::testing::TempDir() + "/faultline_cues_test.yaml";
  {
    std::ofstream out(path);
    out << "before:\n  - to\n  - according to\n  - spoke to\nafter:\n  - reported\n  - first reported\n"
           "anaphora:\n  - the agency\n  - the news agency\n";
  }
  auto f = AttributionFinder::Load(path);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  const Document d = Doc("c", "Harbour Gazette", "2024-05-08", "Port",
                         "The deal stalled, according to Reuters. Bloomberg first reported the talks. The mayor "
                         "spoke to the AFP about it. Reuters has also reported a delay, the news agency reported.");
  std::vector<std::string> got;
  for (const Attribution& x : f->Find(d, outlets_, -1))
    if (x.outlet >= 0) got.push_back(Name(x.outlet) + ":" + x.cue);
  EXPECT_EQ(got, (std::vector<std::string>{"Reuters:according to", "Bloomberg:first reported", "AFP:spoke to",
                                           "Reuters:reported", "Reuters:reported"}));
}

TEST_F(OriginsTest, ReportDatesReadAgainstTheDocumentDate) {
  EXPECT_EQ(ReportDate(" reported on Monday that", "2022-03-29"), "2022-03-28");  // a Tuesday
  EXPECT_EQ(ReportDate(" reported on Tuesday", "2022-03-29"), "2022-03-29");
  EXPECT_EQ(ReportDate(" reported on Feb. 24.", "2023-02-25"), "2023-02-24");
  EXPECT_EQ(ReportDate(" reported on Dec. 30", "2023-01-02"), "2022-12-30");
  EXPECT_EQ(ReportDate(" reported last week", "2023-01-02"), "");
  EXPECT_EQ(ReportDate(" reported on Monday", "--02-25"), "");
}

TEST_F(OriginsTest, TheDominantSourceIsTheOrigin) {
  const Document relay = Doc("r", "Harbour Gazette", "2024-05-08", "Strike talks collapse, Bloomberg reports",
                             "Talks to end the dock strike collapsed, Bloomberg reported on Tuesday, citing a "
                             "union memo. According to the memo obtained by the agency, the union rejected the "
                             "offer. Separately, according to Reuters, fuel prices rose.");
  const DocumentSources s = FindSources(relay, outlets_, finder_);
  EXPECT_EQ(Name(s.origin), "Bloomberg");
  EXPECT_EQ(s.origin_date, "2024-05-07");
  ASSERT_EQ(s.also_cited.size(), 1u);
  EXPECT_EQ(Name(s.also_cited[0]), "Reuters");

  const Document own = Doc("o", "Harbour Gazette", "2024-05-08", "Dock strike enters second week",
                           "Dock workers stayed out for an eighth day. Much later in a long report, fuel prices "
                           "were said to have risen, according to Reuters.");
  EXPECT_EQ(FindSources(own, outlets_, finder_).origin, -1) << "one passing citation is no origin";
}

TEST_F(OriginsTest, AnOutletsOwnNameIsNoSource) {
  const Document d = Doc("s", "Reuters", "2024-05-08", "", "OSLO (Reuters) - Ministers met, Reuters reported.");
  const DocumentSources s = FindSources(d, outlets_, finder_);
  EXPECT_TRUE(s.attributions.empty());
  EXPECT_EQ(s.origin, -1);
}

TEST_F(OriginsTest, ADatelineCreditMakesTheAgencyTheOrigin) {
  const Document d = Doc("c", "Harbour Gazette", "2024-05-08", "Ministers meet",
                         "OSLO (AP) - Ministers met on Wednesday to discuss the strike.");
  EXPECT_EQ(Name(FindSources(d, outlets_, finder_).origin), "Associated Press");
}

TEST_F(OriginsTest, NamesCitedBeforeTheyWereKnownAreResolvedLater) {
  Document d = Doc("l", "Harbour Gazette", "2024-05-09", "Minister resigns, Coastal Herald reports",
                   "The minister resigned on Wednesday, the Coastal Herald reported, citing aides.");
  DocumentSources s = FindSources(d, outlets_, finder_);
  EXPECT_EQ(s.origin, -1);
  EXPECT_FALSE(s.pending.empty());
  outlets_.AddName("Coastal Herald");
  DecideSources(&s, d, outlets_);
  EXPECT_EQ(Name(s.origin), "Coastal Herald");
}

TEST_F(OriginsTest, ChainsGoThroughIntermediariesAndDocumentsOfTheStory) {
  // An origin in the corpus, a relay of it, and a rewrite of the relay that shows the
  // relay's furniture ("Read on ..." -> via).
  outlets_.AddName("Coastal Herald");
  outlets_.AddName("Fjord Post");
  Document origin = Doc("h", "Coastal Herald", "2024-05-08", "Minister to resign", "The minister will resign.");
  Document relay = Doc("p", "Fjord Post", "2024-05-09", "Minister to quit, Coastal Herald says",
                       "The minister will quit, the Coastal Herald reported on Wednesday, citing aides.");
  Document rewrite = Doc("g", "Harbour Gazette", "2024-05-10", "Minister's exit",
                         "The minister will step down, according to the Coastal Herald.");
  rewrite.via = "Fjord Post";
  const DocumentSources so = FindSources(origin, outlets_, finder_);
  const DocumentSources sr = FindSources(relay, outlets_, finder_);
  const DocumentSources sw = FindSources(rewrite, outlets_, finder_);
  const StoryOrigins o = TraceOrigins({{&origin, &so}, {&relay, &sr}, {&rewrite, &sw}}, outlets_, "S1");
  auto text = [](const std::vector<ChainStep>& c) {
    std::string s;
    for (const ChainStep& x : c) s += (s.empty() ? "" : " <- ") + x.outlet + (x.doc.empty() ? "" : "[" + x.doc + "]");
    return s;
  };
  EXPECT_EQ(text(o.chains[0]), "Coastal Herald[h]");
  EXPECT_EQ(text(o.chains[1]), "Fjord Post[p] <- Coastal Herald[h]");
  EXPECT_EQ(text(o.chains[2]), "Harbour Gazette[g] <- Fjord Post[p] <- Coastal Herald");
  EXPECT_EQ(o.origin.outlet, "Coastal Herald");
  EXPECT_EQ(o.origin.doc, "h");
  EXPECT_EQ(o.origin.date, "2024-05-08");
  EXPECT_EQ(o.origin_keys, (std::vector<std::string>{"S1/Coastal Herald", "S1/Coastal Herald", "S1/Coastal Herald"}));
}

TEST_F(OriginsTest, IndependentReportsAreSeparateOriginsAndCopiesFollowTheirOriginal) {
  outlets_.AddName("Coastal Herald");
  outlets_.AddName("Fjord Post");
  Document a = Doc("a", "Coastal Herald", "2024-05-08", "Storm", "Our reporter saw the storm.");
  Document b = Doc("b", "Fjord Post", "2024-05-08", "Storm", "Our correspondent saw the storm.");
  Document c = Doc("c", "Harbour Gazette", "2024-05-09", "Storm", "A copy of the Post's text.");
  const DocumentSources sa = FindSources(a, outlets_, finder_);
  const DocumentSources sb = FindSources(b, outlets_, finder_);
  const DocumentSources sc = FindSources(c, outlets_, finder_);
  const StoryOrigins o = TraceOrigins({{&a, &sa}, {&b, &sb}, {&c, &sc, 1}}, outlets_, "S2");
  EXPECT_EQ(o.origin_keys, (std::vector<std::string>{"S2/Coastal Herald", "S2/Fjord Post", "S2/Fjord Post"}));
  EXPECT_EQ(o.origin.outlet, "Fjord Post") << "the one most members trace back to";
}

TEST_F(OriginsTest, StatementsCountForTheOutletTheirSourceNames) {
  outlets_.AddName("Harbour Gazette");
  DocumentSources s;
  s.self = outlets_.Resolve("Harbour Gazette");
  EXPECT_EQ(StatementOriginKey("Reuters", "S1/Bloomberg", s, outlets_, "S1"), "S1/Reuters");
  EXPECT_EQ(StatementOriginKey("Bloomberg's sources", "S1/Bloomberg", s, outlets_, "S1"), "S1/Bloomberg");
  EXPECT_EQ(StatementOriginKey("a senior official", "S1/Bloomberg", s, outlets_, "S1"), "S1/Bloomberg");
  EXPECT_EQ(StatementOriginKey("Harbour Gazette", "S1/Bloomberg", s, outlets_, "S1"), "S1/Bloomberg");
}


// The names of one outlet list as FindMentions reports them: outlet name and the text found.
std::vector<std::string> Mentions(const OutletList& list, std::string_view text) {
  std::vector<std::string> out;
  for (const OutletMention& m : list.FindMentions(text))
    out.push_back(list.outlets()[m.outlet].name + "=" + std::string(text.substr(m.begin, m.end - m.begin)));
  return out;
}

TEST(OutletListIndexTest, LongestNameFirstThenTheFirstAddedAndRepeatsAddNothing) {
  OutletList list;
  list.AddName("Daily Star");
  Outlet other;
  other.name = "Star Daily";
  other.aliases = {"Daily Star", "Daily Star", "The Daily Star Herald"};  // repeated alias: one pattern
  list.Add(other);
  list.AddName("Daily");
  list.AddName("Daily Star News");
  list.AddName("Daily Star");  // known: nothing added
  ASSERT_EQ(list.outlets().size(), 4u);
  EXPECT_EQ(list.outlets()[1].aliases.size(), 3u);
  // Same words for two outlets: the first added wins; longer names before shorter ones,
  // whatever the order they were added in.
  EXPECT_EQ(Mentions(list, "Daily Star said. Daily Star News said. Daily said. The Daily Star Herald said."),
            (std::vector<std::string>{"Daily Star=Daily Star", "Daily Star News=Daily Star News", "Daily=Daily",
                                      "Star Daily=Daily Star Herald"}));
}

TEST(OutletListIndexTest, ManyNamesSharingFirstWordsAreEachFound) {
  // As a large corpus makes them, one document outlet at a time (AddName): each name is
  // found as itself, the longest of those sharing a first word first.
  OutletList list;
  const int n = 3000;
  for (int i = 0; i < n; ++i) {
    std::string name = "Gazette";
    for (int w = 0; w <= i % 4; ++w) name += " W" + std::to_string(i);
    list.AddName(name);
    list.AddName(name);
  }
  ASSERT_EQ(list.outlets().size(), static_cast<size_t>(n));
  for (int i : {0, 1, 2, 3, 1234, n - 1}) {
    const std::string& name = list.outlets()[static_cast<size_t>(i)].name;
    EXPECT_EQ(Mentions(list, "as " + name + " wrote"), std::vector<std::string>{name + "=" + name}) << name;
  }
}

}  // namespace
}  // namespace faultline::stories
