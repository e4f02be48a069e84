// Recognition rules on our own sentences, against the small fixture knowledge base
// (tests/data/kb/fixture.yaml) plus the shipped context words (data/actors/).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "actors/knowledge_base.h"
#include "actors/recognizer.h"
#include "test_paths.h"

namespace faultline {
namespace {

class RecognizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto kb = KnowledgeBase::LoadDefault(/*with_kb=*/false);
    ASSERT_TRUE(kb.ok()) << kb.status().ToString();
    Status s = kb->AddFile(testing::SourceDir() + "/tests/data/kb/fixture.yaml");
    ASSERT_TRUE(s.ok()) << s.ToString();
    auto r = ActorRecognizer::Build(std::make_shared<const KnowledgeBase>(std::move(kb.value())));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    recognizer_ = new ActorRecognizer(std::move(r.value()));
  }
  static void TearDownTestSuite() {
    delete recognizer_;
    recognizer_ = nullptr;
  }

  static std::vector<Mention> Run(const std::string& text, const std::string& date = "") {
    Document d;
    d.text = text;
    d.date = date;
    return recognizer_->Recognize(d);
  }
  // The mention whose surface is exactly `surface` (first one), or null.
  static const Mention* Find(const std::vector<Mention>& ms, const std::string& surface) {
    for (const auto& m : ms)
      if (m.surface == surface) return &m;
    return nullptr;
  }
  static bool Covers(const std::vector<Mention>& ms, const std::string& text,
                     const std::string& word) {
    const size_t pos = text.find(word);
    for (const auto& m : ms)
      if (m.begin <= pos && pos < m.end) return true;
    return false;
  }

  static ActorRecognizer* recognizer_;
};

ActorRecognizer* RecognizerTest::recognizer_ = nullptr;


TEST_F(RecognizerTest, StateNamesAndOffsets) {
  const std::string text = "Russia and France disagreed.";
  auto ms = Run(text);
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].surface, "Russia");
  EXPECT_EQ(ms[0].begin, 0u);
  EXPECT_EQ(ms[0].end, 6u);
  EXPECT_EQ(ms[0].actors, std::vector<std::string>{"RUS"});
  EXPECT_EQ(ms[0].kind, "state");
  EXPECT_EQ(ms[0].rule, "alias:Russia");
  EXPECT_EQ(text.substr(ms[1].begin, ms[1].end - ms[1].begin), "France");
}

TEST_F(RecognizerTest, WordBoundariesAndCase) {
  auto ms = Run("Prussia and Frances are not Russia; RUSSIA in a headline is.");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].surface, "Russia");
  EXPECT_EQ(ms[1].surface, "RUSSIA");
  EXPECT_EQ(ms[1].actors, std::vector<std::string>{"RUS"});
  EXPECT_TRUE(Run("the russia desk").empty());  // names are case-sensitive
}

TEST_F(RecognizerTest, Possessives) {
  for (const std::string text : {"Russia's security", "Russia\u2019s security"}) {
    auto ms = Run(text);
    ASSERT_EQ(ms.size(), 1u) << text;
    EXPECT_EQ(ms[0].surface, "Russia");
    EXPECT_EQ(ms[0].actors, std::vector<std::string>{"RUS"});
  }
}

TEST_F(RecognizerTest, HyphenatedForms) {
  auto ms = Run("The NATO-Russia Council met.");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].actors, std::vector<std::string>{"NATO"});
  EXPECT_EQ(ms[1].actors, std::vector<std::string>{"RUS"});
  EXPECT_TRUE(Run("Russian-speaking regions voted.").empty());
  EXPECT_TRUE(Run("A pro-Russian president was overthrown.").empty());
  EXPECT_TRUE(Run("an anti-Russian proxy").empty());
}

TEST_F(RecognizerTest, LeftmostLongest) {
  auto ms = Run("the United States and the European Commission agreed");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].surface, "the United States");
  EXPECT_EQ(ms[1].surface, "European Commission");
  EXPECT_EQ(ms[1].actors, std::vector<std::string>{"EU"});  // a body acts for its org
  EXPECT_EQ(ms[1].kind, "body");
}

TEST_F(RecognizerTest, DiacriticsFolded) {
  auto a = Run("The Elysée said no.");
  auto b = Run("The Elysee said no.");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].actors, std::vector<std::string>{"FRA"});
  EXPECT_EQ(b[0].actors, std::vector<std::string>{"FRA"});
  auto c = Run("an Elysée Palace official said", "2022-03-28");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].surface, "Elysée Palace official");
  EXPECT_EQ(c[0].actors, std::vector<std::string>{"FRA"});
  EXPECT_EQ(c[0].kind, "role");
  auto d = Run("the Quai d\u2019Orsay said");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].actors, std::vector<std::string>{"FRA"});
}

TEST_F(RecognizerTest, Groups) {
  auto ms = Run("the Baltic states and Eastern European countries want more");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].actors, (std::vector<std::string>{"EST", "LVA", "LTU"}));
  EXPECT_EQ(ms[0].group, "BALTIC");
  EXPECT_EQ(ms[1].actors, std::vector<std::string>{"CEE"});
  EXPECT_EQ(ms[1].group, "CEE");
}

TEST_F(RecognizerTest, MetonymActsOrIsAPlace) {
  auto acting = Run("Moscow rejected the offer.");
  ASSERT_EQ(acting.size(), 1u);
  EXPECT_EQ(acting[0].actors, std::vector<std::string>{"RUS"});
  EXPECT_FALSE(acting[0].ambiguous);
  EXPECT_EQ(acting[0].rule.rfind("metonym:subject:rejected", 0), 0u) << acting[0].rule;

  auto aux = Run("Berlin has long insisted on talks.");
  ASSERT_EQ(aux.size(), 1u);
  EXPECT_EQ(aux[0].actors, std::vector<std::string>{"DEU"});

  auto possessive = Run("Moscow's demands are unacceptable.");
  ASSERT_EQ(possessive.size(), 1u);
  EXPECT_EQ(possessive[0].rule.rfind("metonym:possessive:demands", 0), 0u);

  EXPECT_TRUE(Run("The talks in Moscow ended.").empty());
  EXPECT_TRUE(Run("The ministers arrived in Kyiv on Monday.").empty());
  EXPECT_TRUE(Run("Members of the former Warsaw Pact joined.").empty());

  auto washington = Run("Washington said it would not. Later, in Washington, nothing.");
  ASSERT_EQ(washington.size(), 1u);
  EXPECT_EQ(washington[0].actors, std::vector<std::string>{"USA"});
  EXPECT_EQ(washington[0].begin, 0u);
}

TEST_F(RecognizerTest, MetonymCoordination) {
  auto ms = Run("The plan was later supported by Berlin and Paris.");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].actors, std::vector<std::string>{"DEU"});
  EXPECT_EQ(ms[1].actors, std::vector<std::string>{"FRA"});
  EXPECT_FALSE(ms[1].ambiguous);
}

TEST_F(RecognizerTest, KievIsUkraine) {
  auto ms = Run("Moscow warned the West against supplying Kiev with weapons.");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[1].surface, "Kiev");
  EXPECT_EQ(ms[1].actors, std::vector<std::string>{"UKR"});
}

TEST_F(RecognizerTest, RolesResolveToStateAndHolder) {
  auto ms = Run("French President Emmanuel Macron met Polish President Andrzej Duda.",
                "2022-03-28");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].surface, "French President Emmanuel Macron");
  EXPECT_EQ(ms[0].actors, std::vector<std::string>{"FRA"});
  EXPECT_EQ(ms[0].person, "Emmanuel Macron");
  EXPECT_EQ(ms[0].kind, "person");
  // Not in the fixture: an unknown name after a role takes the role's state.
  EXPECT_EQ(ms[1].actors, std::vector<std::string>{"POL"});
  EXPECT_EQ(ms[1].person, "Andrzej Duda");

  auto official = Run("a senior French official said", "2022-03-28");
  ASSERT_EQ(official.size(), 1u);
  EXPECT_EQ(official[0].actors, std::vector<std::string>{"FRA"});
  EXPECT_TRUE(official[0].person.empty());

  auto kremlin = Run("the Kremlin spokesman said", "2022-01-12");
  ASSERT_EQ(kremlin.size(), 1u);
  EXPECT_EQ(kremlin[0].actors, std::vector<std::string>{"RUS"});
  EXPECT_EQ(kremlin[0].person, "Dmitry Peskov");

  auto nato = Run("the NATO Secretary General said", "2022-01-12");
  ASSERT_EQ(nato.size(), 1u);
  EXPECT_EQ(nato[0].actors, std::vector<std::string>{"NATO"});
  EXPECT_EQ(nato[0].person, "Jens Stoltenberg");

  auto undated = Run("the Italian Prime Minister said");
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_EQ(undated[0].actors, std::vector<std::string>{"ITA"});
  EXPECT_TRUE(undated[0].person.empty());

  auto former = Run("the former German chancellor said", "2022-03-28");
  ASSERT_EQ(former.size(), 1u);
  EXPECT_EQ(former[0].actors, std::vector<std::string>{"DEU"});
  EXPECT_TRUE(former[0].person.empty());  // not the current holder
}

TEST_F(RecognizerTest, DatedRolesSwitchOnTheDay) {
  auto pm = [&](const std::string& date) {
    auto ms = Run("UK PM said so.", date);
    return ms.size() == 1 ? ms[0].person : "?";
  };
  EXPECT_EQ(pm("2022-09-05"), "Boris Johnson");
  EXPECT_EQ(pm("2022-09-06"), "Liz Truss");
  EXPECT_EQ(pm("2022-10-24"), "Liz Truss");
  EXPECT_EQ(pm("2022-10-25"), "Rishi Sunak");
  auto chancellor = [&](const std::string& date) {
    auto ms = Run("The German Chancellor said so.", date);
    return ms.size() == 1 ? ms[0].person : "?";
  };
  EXPECT_EQ(chancellor("2021-12-07"), "Angela Merkel");
  EXPECT_EQ(chancellor("2021-12-08"), "Olaf Scholz");
  // Scholz before he was chancellor is still DEU (finance minister).
  auto ms = Run("Scholz said so.", "2020-01-01");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].actors, std::vector<std::string>{"DEU"});
  EXPECT_EQ(ms[0].role, "finance minister");
}

TEST_F(RecognizerTest, AppositionToAKnownPerson) {
  const std::string text =
      "Steffen Hebestreit, a spokesman for Scholz, told reporters on Monday.";
  auto ms = Run(text, "2022-03-28");
  const Mention* m = Find(ms, "Steffen Hebestreit");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actors, std::vector<std::string>{"DEU"});
  EXPECT_EQ(m->person, "Steffen Hebestreit");
  EXPECT_EQ(m->rule, "apposition:spokesman:Scholz");
}

TEST_F(RecognizerTest, AppositionWithoutActorTakesTheParagraphState) {
  const std::string text =
      "Russia will not negotiate, the ministry said. Ivan Petrovsky, Head of the "
      "Pan-European Cooperation Department at the Ministry of Foreign Affairs, spoke. "
      "Petrovsky added more.";
  auto ms = Run(text, "2022-03-28");
  const Mention* m = Find(ms, "Ivan Petrovsky");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actors, std::vector<std::string>{"RUS"});
  EXPECT_EQ(m->rule, "apposition:context:Russia");
  EXPECT_FALSE(Covers(ms, text, "European"));  // "Pan-European" is not the EU
  const Mention* later = Find(ms, "Petrovsky");
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(later->rule, "coref:surname");
  EXPECT_EQ(later->actors, std::vector<std::string>{"RUS"});
}

TEST_F(RecognizerTest, UnknownFullNamesAreNotActors) {
  EXPECT_TRUE(Run("John Miller went home.").empty());
}

TEST_F(RecognizerTest, SurnameAfterFullNameAndPronouns) {
  const std::string text =
      "Emmanuel Macron spoke first. Later, he said Macron had no plan.\n\n"
      "He was not mentioned here.";
  auto ms = Run(text, "2022-03-28");
  ASSERT_GE(ms.size(), 3u);
  EXPECT_EQ(ms[0].person, "Emmanuel Macron");
  const Mention* he = Find(ms, "he");
  ASSERT_NE(he, nullptr);
  EXPECT_EQ(he->kind, "pronoun");
  EXPECT_EQ(he->person, "Emmanuel Macron");
  EXPECT_EQ(he->actors, std::vector<std::string>{"FRA"});
  // No person in the second paragraph: its pronoun stays unresolved.
  EXPECT_EQ(Find(ms, "He"), nullptr);
}

TEST_F(RecognizerTest, RoleNounCoreference) {
  const std::string text =
      "German Chancellor Olaf Scholz met Emmanuel Macron. The chancellor said little.";
  auto ms = Run(text, "2022-03-28");
  const Mention* m = Find(ms, "chancellor");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->person, "Olaf Scholz");
  EXPECT_EQ(m->actors, std::vector<std::string>{"DEU"});
  EXPECT_EQ(m->rule, "coref:role:head-of-government");
}

TEST_F(RecognizerTest, TheTwoLeaders) {
  auto ms = Run("Olaf Scholz called Vladimir Putin. The two leaders spoke for an hour.",
                "2022-03-28");
  const Mention* m = Find(ms, "The two leaders");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->kind, "persons");
  EXPECT_EQ(m->actors, (std::vector<std::string>{"DEU", "RUS"}));
  EXPECT_EQ(m->person, "Olaf Scholz; Vladimir Putin");
}

TEST_F(RecognizerTest, GeorgiaStateOrUsState) {
  auto state = Run("NATO promised membership to Ukraine and Georgia.");
  const Mention* g = Find(state, "Georgia");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->actors, std::vector<std::string>{"GEO"});
  EXPECT_EQ(g->rule, "ambiguous:context:Georgia");
  EXPECT_EQ(Find(Run("He flew to Atlanta, Georgia, on Monday."), "Georgia"), nullptr);
  EXPECT_EQ(Find(Run("Georgia's governor signed the bill."), "Georgia"), nullptr);
  auto tbilisi = Run("Georgia applied to join the EU. Tbilisi said it was ready.");
  ASSERT_NE(Find(tbilisi, "Georgia"), nullptr);
  auto bare = Run("Georgia voted.");
  ASSERT_EQ(bare.size(), 1u);
  EXPECT_TRUE(bare[0].ambiguous);  // no cue either way: kept, flagged
}

TEST_F(RecognizerTest, JordanAndTurkey) {
  EXPECT_EQ(Find(Run("Michael Jordan won again."), "Jordan"), nullptr);
  EXPECT_EQ(Find(Run("They crossed the Jordan River."), "Jordan"), nullptr);
  EXPECT_EQ(Find(Run("Jordan Peterson spoke."), "Jordan"), nullptr);
  auto jor = Run("Jordan and Israel signed a deal in Amman.");
  const Mention* j = Find(jor, "Jordan");
  ASSERT_NE(j, nullptr);
  EXPECT_EQ(j->actors, std::vector<std::string>{"JOR"});
  EXPECT_TRUE(Run("a Thanksgiving turkey").empty());
  EXPECT_EQ(Find(Run("the Thanksgiving Turkey was roasted"), "Turkey"), nullptr);
  auto tur = Run("Turkey blocked Sweden's NATO bid.");
  ASSERT_NE(Find(tur, "Turkey"), nullptr);
}

TEST_F(RecognizerTest, SortedAndNonOverlapping) {
  auto ms = Run("Russia, Ukraine, NATO, the UK and Germany; Moscow said so. He did.");
  for (size_t i = 1; i < ms.size(); ++i) EXPECT_LE(ms[i - 1].end, ms[i].begin);
}

}  // namespace
}  // namespace faultline
