// Recognition rules on our own sentences, against the small fixture knowledge base
// (tests/data/kb/fixture.yaml) plus the shipped context words (data/actors/).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <thread>

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

  EXPECT_TRUE(Run("WASHINGTON \u2014 The talks resumed.").empty());           // dateline
  EXPECT_TRUE(Run("He flew back to Washington on Friday.").empty());           // destination
  EXPECT_TRUE(Run("Protests filled the heart of Moscow.").empty());
  auto recipient = Run("The report was handed to Moscow.");
  ASSERT_EQ(recipient.size(), 1u);
  EXPECT_EQ(recipient[0].rule.rfind("metonym:recipient:handed", 0), 0u) << recipient[0].rule;

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
  // Not names: a weekday, an institution, a headline in capitals.
  auto ms = Run("On Monday, the French ambassador said so.", "2022-03-28");
  for (const auto& m : ms) EXPECT_EQ(m.person.find("Monday"), std::string::npos);
  EXPECT_TRUE(Run("Oak Ridge National Laboratory, a US department, said so.").size() <= 1);
  for (const auto& m : Run("FRENCH OFFICIALS OVER DEATH OF A MAN")) EXPECT_TRUE(m.person.empty());
  auto mr = Run("Mr Petrovsky, a spokesman for Putin, said so.", "2022-03-28");
  const Mention* p = Find(mr, "Petrovsky");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->actors, std::vector<std::string>{"RUS"});
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

TEST_F(RecognizerTest, APronounAfterAClosingQuoteIsItsSpeakerNotAPersonInsideIt) {
  // "he" says who spoke the quote: Macron, named before it opened, not Scholz inside it
  auto ms = Run("Emmanuel Macron was in Berlin. \u201CI met Olaf Scholz today,\u201D he said.", "2022-03-28");
  const Mention* he = Find(ms, "he");
  ASSERT_NE(he, nullptr);
  EXPECT_EQ(he->person, "Emmanuel Macron");
  // a paragraph that names nobody before its quote leaves the speaker unresolved
  auto alone = Run("\u201CWe spoke with Olaf Scholz,\u201D he said.", "2022-03-28");
  EXPECT_EQ(Find(alone, "he"), nullptr);
  // straight quotes too
  auto straight = Run("Emmanuel Macron was in Berlin. \"I met Olaf Scholz today,\" he said.", "2022-03-28");
  ASSERT_NE(Find(straight, "he"), nullptr);
  EXPECT_EQ(Find(straight, "he")->person, "Emmanuel Macron");
}

TEST_F(RecognizerTest, APronounAfterAnInsertionContinuesThePersonItDescribes) {
  // the person named inside ", a rival of ...," describes Scholz; "he" is Scholz
  auto ms = Run("Olaf Scholz, a rival of Emmanuel Macron, resigned after it emerged that he had left.", "2022-03-28");
  const Mention* he = Find(ms, "he");
  ASSERT_NE(he, nullptr);
  EXPECT_EQ(he->person, "Olaf Scholz");
  // a pronoun inside the insertion still takes the person named last
  auto inside = Run("Olaf Scholz, who met Emmanuel Macron when he was in Paris, left.", "2022-03-28");
  const Mention* he2 = Find(inside, "he");
  ASSERT_NE(he2, nullptr);
  EXPECT_EQ(he2->person, "Emmanuel Macron");
  // a list is no insertion
  auto list = Run("Olaf Scholz, Joe Biden and Emmanuel Macron met, and he spoke first.", "2022-03-28");
  const Mention* he3 = Find(list, "he");
  ASSERT_NE(he3, nullptr);
  EXPECT_EQ(he3->person, "Emmanuel Macron");
}

TEST_F(RecognizerTest, ASentenceInitialPronounContinuesTheSubjectBeforeIt) {
  // the first person of the sentence before, its subject, not the last person it named
  auto ms = Run("Emmanuel Macron welcomed Olaf Scholz's plan for talks. He also spoke of Ukraine.", "2022-03-28");
  const Mention* he = Find(ms, "He");
  ASSERT_NE(he, nullptr);
  EXPECT_EQ(he->person, "Emmanuel Macron");
  // a possessor is no subject: the spokesman is
  auto spk = Run("Emmanuel Macron's adviser Olaf Scholz spoke first. He then left.", "2022-03-28");
  ASSERT_NE(Find(spk, "He"), nullptr);
  EXPECT_EQ(Find(spk, "He")->person, "Olaf Scholz");
  // inside a sentence the nearest person still wins
  auto mid = Run("Emmanuel Macron met Olaf Scholz, and he said little.", "2022-03-28");
  ASSERT_NE(Find(mid, "he"), nullptr);
  EXPECT_EQ(Find(mid, "he")->person, "Olaf Scholz");
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
  auto other = Run("Olaf Scholz spoke. The chancellor of the university said nothing.",
                   "2022-03-28");
  EXPECT_EQ(Find(other, "chancellor"), nullptr);
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

TEST_F(RecognizerTest, HardWrappedLinesReadAsRunningText) {
  // White House texts break lines at ~72 columns: names split over two lines still match,
  // and a role on one line finds the person on the next. Blank lines still end paragraphs.
  const std::string text =
      "The leaders met in Brussels on Tuesday to discuss support for Ukraine\n"
      "and the energy crisis. In a joint statement, the United States and its\n"
      "partners said they would keep up the pressure. Later, French President\n"
      "Emmanuel Macron said Europe would do more, and that the United\n"
      "States agreed. The statement was published in full on the website of\n"
      "the European Commission late on Tuesday evening after the meeting.\n";
  auto ms = Run(text, "2022-03-28");
  const Mention* split = nullptr;
  for (const auto& m : ms)
    if (m.surface == "the United\nStates") split = &m;
  ASSERT_NE(split, nullptr);  // the surface is the text as written
  EXPECT_EQ(split->actors, std::vector<std::string>{"USA"});
  const Mention* macron = Find(ms, "French President\nEmmanuel Macron");
  ASSERT_NE(macron, nullptr);
  EXPECT_EQ(macron->person, "Emmanuel Macron");
  // Not hard-wrapped (a short text, long lines): a line break is not a space.
  auto plain = Run("He said the United\nStates would help.");
  for (const auto& m : plain) EXPECT_NE(m.actors, std::vector<std::string>{"USA"});
}

TEST_F(RecognizerTest, SortedAndNonOverlapping) {
  auto ms = Run("Russia, Ukraine, NATO, the UK and Germany; Moscow said so. He did.");
  for (size_t i = 1; i < ms.size(); ++i) EXPECT_LE(ms[i - 1].end, ms[i].begin);
}

}  // namespace
}  // namespace faultline

namespace faultline {
namespace {

// One recognizer shared by several threads gives each the same answer.
TEST(RecognizerThreads, SharedRecognizerIsThreadSafe) {
  auto kb = KnowledgeBase::LoadDefault(/*with_kb=*/false);
  ASSERT_TRUE(kb.ok());
  ASSERT_TRUE(kb->AddFile(testing::SourceDir() + "/tests/data/kb/fixture.yaml").ok());
  auto r = ActorRecognizer::Build(std::make_shared<const KnowledgeBase>(std::move(kb.value())));
  ASSERT_TRUE(r.ok());
  Document d;
  d.date = "2022-03-28";
  for (int i = 0; i < 50; ++i)
    d.text += "French President Emmanuel Macron told Moscow's envoy that the Baltic states "
              "and Germany disagree. He said so in Kyiv.\n\n";
  const auto expected = r->Recognize(d);
  ASSERT_GT(expected.size(), 200u);
  std::vector<std::thread> threads;
  std::vector<bool> same(4, false);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      bool ok = true;
      for (int k = 0; k < 20; ++k) {
        auto got = r->Recognize(d);
        ok = ok && got.size() == expected.size();
        for (size_t i = 0; ok && i < got.size(); ++i)
          ok = got[i].begin == expected[i].begin && got[i].actors == expected[i].actors &&
               got[i].rule == expected[i].rule;
      }
      same[t] = ok;
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_TRUE(same[t]) << "thread " << t;
}

}  // namespace
}  // namespace faultline
