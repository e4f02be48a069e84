// Actors that only context identifies, read with the shipped knowledge base (data/kb,
// data/actors): "the alliance" and "the allies" in a story about NATO, the US and other
// states' institutions (Congress, the Treasury, the Bundestag), surnames after a title
// ("Prime Minister Johnson", "Mrs May"), "the Obama administration", and officers of a
// body (the Commission president) acting for its organisation.
#include <gtest/gtest.h>

#include <memory>
#include <tuple>

#include "actors/knowledge_base.h"
#include "actors/recognizer.h"
#include "actors_test_util.h"
#include "test_paths.h"

namespace faultline {
namespace {

class ContextActorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    recognizer_ = testing::ShippedRecognizer(&error);
    ASSERT_NE(recognizer_, nullptr) << error;
  }

  static std::vector<Mention> Run(const std::string& text, const std::string& date = "") {
    Document d;
    d.text = text;
    d.date = date;
    return recognizer_->Recognize(d);
  }
  static const Mention* Find(const std::vector<Mention>& ms, const std::string& surface) {
    return testing::MentionWithSurface(ms, surface);
  }
  static const Mention* At(const std::vector<Mention>& ms, const std::string& text, const std::string& word) {
    return testing::MentionAt(ms, text, word);
  }
  static std::vector<std::string> Codes(std::initializer_list<const char*> c) { return testing::Codes(c); }

  static const ActorRecognizer* recognizer_;
};

const ActorRecognizer* ContextActorsTest::recognizer_ = nullptr;

// ---- "the alliance", "the allies", "the bloc" ------------------------------------------

TEST_F(ContextActorsTest, AlliesAreNatoInAStoryAboutNato) {
  const std::string text =
      "NATO leaders met in Vilnius on Tuesday. The allies also agreed that spending 2% of GDP "
      "on defence should be a floor.\n\nAllies will announce new funding for Ukraine. Allied "
      "leaders will meet again in Washington, welcoming Sweden into the Alliance.";
  auto ms = Run(text, "2023-07-12");
  for (const char* w : {"The allies", "Allies will", "Allied leaders", "the Alliance"}) {
    const Mention* m = At(ms, text, w);
    ASSERT_NE(m, nullptr) << w;
    EXPECT_EQ(m->actors, Codes({"NATO"})) << w;
    EXPECT_EQ(m->rule.rfind("coref:org:", 0), 0u) << w << ": " << m->rule;
  }
}

TEST_F(ContextActorsTest, AllianceIsNatoAfterNatoIsNamed) {
  const std::string text =
      "Finland applied to join NATO. Moscow warned that the alliance was moving east, and "
      "the 30-member alliance promised a quick ratification.";
  auto ms = Run(text, "2022-05-18");
  const Mention* a = Find(ms, "the alliance");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->actors, Codes({"NATO"}));
  const Mention* b = Find(ms, "the 30-member alliance");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->actors, Codes({"NATO"}));
}

TEST_F(ContextActorsTest, AlliesWithoutNatoAreNoActor) {
  // No NATO in the article: the Second World War's Allies, some other alliance.
  EXPECT_TRUE(Run("The Allies landed in Normandy in June 1944.").empty());
  EXPECT_TRUE(Run("The alliance between the two parties collapsed.").empty());
  // The ROK-U.S. Alliance is not NATO.
  const std::string korea = "South Korea and the United States said the Alliance was strong.";
  EXPECT_EQ(At(Run(korea), korea, "Alliance"), nullptr);
}

TEST_F(ContextActorsTest, AlliesWithAQualifierAreNotNatoAsAWhole) {
  const std::string text =
      "NATO met on Monday. The United States and our Allies and partners remain open to "
      "diplomacy. Putin's allies were sanctioned. 23 Allies now spend 2 percent. European "
      "Allies are stepping up. The Alliance for Securing Democracy published a report. Some "
      "allies disagreed.";
  auto ms = Run(text, "2022-02-22");
  for (const char* w : {"Allies and partners", "allies were", "Allies now", "Allies are",
                        "Alliance for", "allies disagreed"})
    EXPECT_EQ(At(ms, text, w), nullptr) << w;
}

TEST_F(ContextActorsTest, TheBlocIsTheLastNamedOrganisation) {
  const std::string eu = "The EU agreed an oil embargo. Hungary held up the bloc for weeks.";
  auto a = Run(eu, "2022-06-03");
  const Mention* m = Find(a, "the bloc");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actors, Codes({"EU"}));
  const std::string nato =
      "The EU was silent. Moscow said NATO must not expand; the enlargement of the bloc "
      "threatens Russia.";
  auto b = Run(nato, "2022-06-03");
  const Mention* n = Find(b, "the bloc");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->actors, Codes({"NATO"}));
  EXPECT_EQ(Find(Run("Trade within the bloc grew."), "the bloc"), nullptr);
}

// ---- institutions --------------------------------------------------------------------

TEST_F(ContextActorsTest, CongressActsForTheUnitedStates) {
  const std::string text =
      "The security aid was approved by Congress to help Ukraine. Congress passed the "
      "sanctions bill last year.";
  auto ms = Run(text, "2019-11-06");
  const Mention* by = At(ms, text, "Congress to");
  ASSERT_NE(by, nullptr);
  EXPECT_EQ(by->actors, Codes({"USA"}));
  EXPECT_EQ(by->kind, "metonym");
  const Mention* subj = At(ms, text, "Congress passed");
  ASSERT_NE(subj, nullptr);
  EXPECT_EQ(subj->actors, Codes({"USA"}));
  // Inside Congress, its members: not the state.
  const std::string in = "Democrats in Congress objected, and members of Congress left.";
  EXPECT_TRUE(Run(in, "2019-11-06").empty());
  // One chamber is not listed (guidelines: a chamber's resolution is not the state's).
  EXPECT_TRUE(Run("The Senate voted on Tuesday.", "2019-11-06").empty());
  // China's legislature keeps its own name.
  auto npc = Run("The National People's Congress approved the law.", "2020-05-28");
  ASSERT_EQ(npc.size(), 1u);
  EXPECT_EQ(npc[0].actors, Codes({"CHN"}));
}

TEST_F(ContextActorsTest, UsDepartmentsAndAgencies) {
  for (const char* s :
       {"Treasury sanctioned seven Russian oligarchs.",
        "The Treasury Department announced sanctions on Russian entities.",
        "The Department of Defense is announcing $2.4 billion in security assistance.",
        "The Pentagon said the weapons would arrive soon.",
        "The Department of Commerce will impose export controls.",
        "OFAC designated two banks.", "USAID is providing humanitarian assistance."}) {
    auto ms = Run(s, "2023-02-24");
    ASSERT_FALSE(ms.empty()) << s;
    EXPECT_EQ(ms[0].actors, Codes({"USA"})) << s;
    EXPECT_EQ(ms[0].begin, 0u) << s;
  }
  // "U.S." and "Treasury Secretary" stay separate: the role still finds its holder.
  auto mnuchin = Run("U.S. Treasury Secretary Steven Mnuchin said so.", "2018-04-06");
  ASSERT_EQ(mnuchin.size(), 1u);
  EXPECT_EQ(mnuchin[0].person, "Steven Mnuchin");
  EXPECT_EQ(mnuchin[0].actors, Codes({"USA"}));
}

TEST_F(ContextActorsTest, OtherStatesLegislatures) {
  const std::pair<const char*, const char*> cases[] = {
      {"The Bundestag approved the delivery of heavy weapons.", "DEU"},
      {"The State Duma voted to recognise the two regions.", "RUS"},
      {"The Verkhovna Rada adopted the law.", "UKR"},
      {"The Sejm passed a resolution.", "POL"},
      {"The Knesset voted on Monday.", "ISR"},
      {"The Riksdag approved the application.", "SWE"},
  };
  for (const auto& [s, code] : cases) {
    auto ms = Run(s, "2022-04-28");
    ASSERT_FALSE(ms.empty()) << s;
    EXPECT_EQ(ms[0].actors, Codes({code})) << s;
  }
  EXPECT_TRUE(Run("The debate in the Bundestag lasted hours.", "2022-04-28").empty());
}

// ---- surnames ------------------------------------------------------------------------

TEST_F(ContextActorsTest, RoleAndSurnameOfTheHolder) {
  // Surnames the KB does not list as aliases (shared or common words): a role before
  // them names the holder on the date.
  auto pm = Run("Prime Minister Johnson said Britain would send more arms.", "2022-03-01");
  const Mention* j = Find(pm, "Prime Minister Johnson");
  ASSERT_NE(j, nullptr);
  EXPECT_EQ(j->person, "Boris Johnson");
  EXPECT_EQ(j->actors, Codes({"GBR"}));
  EXPECT_EQ(j->rule, "role+surname:head-of-government");
  auto vp = Run("Vice President Harris met the Polish president.", "2022-03-10");
  const Mention* h = Find(vp, "Vice President Harris");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->person, "Kamala Harris");
  EXPECT_EQ(h->actors, Codes({"USA"}));
  // Before he took office the role is someone else's: no person.
  auto early = Run("Prime Minister Johnson said so.", "2018-01-10");
  for (const auto& m : early) EXPECT_NE(m.person, "Boris Johnson");
}

TEST_F(ContextActorsTest, HonorificAndSurname) {
  const std::string may = "Mrs May told MPs that Britain would leave the customs union.";
  auto ms = Run(may, "2018-06-01");
  const Mention* m = At(ms, may, "May");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->person, "Theresa May");
  EXPECT_EQ(m->actors, Codes({"GBR"}));
  EXPECT_EQ(m->rule.rfind("coref:title-surname:", 0), 0u) << m->rule;
  const std::string austin =
      "The United States will send more arms. Secretary Austin announced the package.";
  auto a = Run(austin, "2023-01-20");
  const Mention* s = At(a, austin, "Austin");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->person, "Lloyd Austin");
  EXPECT_EQ(s->actors, Codes({"USA"}));
}

TEST_F(ContextActorsTest, HonorificAndSurnameNeedsTheStateAndNoNamesake) {
  // The article never names Britain: "Mr. Johnson" may be anyone.
  const std::string us = "Mr. Johnson said the aid to Ukraine should be paused.";
  EXPECT_EQ(At(Run(us, "2020-01-10"), us, "Johnson"), nullptr);
  // Another Johnson in the article.
  const std::string ron =
      "Senator Ron Johnson visited Britain. Mr. Johnson said the aid should be paused.";
  auto ms = Run(ron, "2020-01-10");
  for (const auto& m : ms) EXPECT_NE(m.person, "Boris Johnson") << m.surface;
  // With the full name first, the surname rule reads later mentions as before.
  const std::string full = "Boris Johnson spoke in London. Later Johnson said more.";
  auto f = Run(full, "2020-01-10");
  const Mention* later = Find(f, "Johnson");
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(later->rule, "coref:surname");
  EXPECT_EQ(later->actors, Codes({"GBR"}));
}

// ---- people as qualifiers; officers of bodies ------------------------------------------

TEST_F(ContextActorsTest, ThePersonsAdministrationIsTheirState) {
  // Out of office on the date: "Obama" alone has no actor, his administration does.
  const std::string text = "The Obama administration refused to sell Javelins to Ukraine.";
  auto ms = Run(text, "2018-10-15");
  const Mention* m = Find(ms, "Obama administration");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actors, Codes({"USA"}));
  EXPECT_EQ(m->kind, "role");
  EXPECT_TRUE(m->person.empty());
  auto merkel = Run("Angela Merkel's government backed the pipeline.", "2018-07-12");
  const Mention* g = Find(merkel, "Angela Merkel's government");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->actors, Codes({"DEU"}));
  // In office: "the president" still finds him, even in a story mostly about Russia.
  const std::string trump =
      "The Trump administration announced sanctions on Russia. Russia denied it; Russia "
      "said Russia would respond. The president said more would follow.";
  auto t = Run(trump, "2018-04-06");
  const Mention* p = Find(t, "president");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->person, "Donald Trump");
  EXPECT_EQ(p->actors, Codes({"USA"}));
  EXPECT_EQ(p->role, "President");
}

TEST_F(ContextActorsTest, TheAdministrationIsTheLastOneNamed) {
  const std::string text =
      "The Trump administration announced sanctions on Russia. Moscow protested. Later the "
      "administration imposed more sanctions, and the German government said the government "
      "agreed.";
  auto ms = Run(text, "2018-04-06");
  const Mention* a = At(ms, text, "administration imposed");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->actors, Codes({"USA"}));
  EXPECT_EQ(a->rule, "coref:institution:administration");
  const Mention* g = At(ms, text, "government agreed");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->actors, Codes({"DEU"}));
  // None named before: no actor.
  const std::string bare = "Russia protested. The administration said nothing.";
  EXPECT_EQ(At(Run(bare, "2018-04-06"), bare, "administration"), nullptr);
}

TEST_F(ContextActorsTest, OfficersOfABodyActForItsOrganisation) {
  auto ms = Run("European Commission President Ursula von der Leyen proposed a plan.",
                "2022-11-30");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].person, "Ursula von der Leyen");
  EXPECT_EQ(ms[0].actors, Codes({"EU"}));  // not EC
  auto role = Run("The European Commission president proposed a plan.", "2022-11-30");
  ASSERT_EQ(role.size(), 1u);
  EXPECT_EQ(role[0].actors, Codes({"EU"}));
  EXPECT_EQ(role[0].person, "Ursula von der Leyen");  // the holder, listed under EC
  auto tusk = Run("Donald Tusk said the EU would stay united.", "2016-06-24");
  ASSERT_FALSE(tusk.empty());
  EXPECT_EQ(tusk[0].actors, Codes({"EU"}));
}

// ---- people ---------------------------------------------------------------------------

TEST_F(ContextActorsTest, PeopleOfTheUkraineStory) {
  // Kurt Volker's entry had lost its name line and ran into Scott Bessent's.
  auto v = Run("Kurt Volker said so. Volker added more.", "2018-06-01");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].person, "Kurt Volker");
  EXPECT_EQ(v[1].actors, Codes({"USA"}));
  auto b = Run("Bessent said so.", "2025-03-01");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].actors, Codes({"USA"}));
  const std::tuple<const char*, const char*, const char*> cases[] = {
      {"Kislyak said Moscow would respond.", "2017-03-02", "RUS"},
      {"Yovanovitch said the embassy would help.", "2019-05-10", "USA"},
      {"Salvini said the sanctions should be lifted.", "2019-05-10", "ITA"},
      {"Lew said the sanctions would stay.", "2015-03-01", "USA"},
  };
  for (const auto& [s, date, code] : cases) {
    auto ms = Run(s, date);
    ASSERT_FALSE(ms.empty()) << s;
    EXPECT_EQ(ms[0].actors, Codes({code})) << s;
  }
}

// Members of a legislature and a candidate's campaign do not speak for the state; the
// government, and a person's own campaign in the possessive, still do.
TEST_F(ContextActorsTest, LegislatorsAndCampaignsAreNotTheState) {
  const std::string text =
      "Donald Trump spoke. Several U.S. lawmakers urged new penalties. Republican U.S. senators wrote a letter. "
      "The Trump campaign held a rally. The United States and Trump's campaign said no.";
  auto ms = Run(text, "2020-06-01");
  EXPECT_EQ(At(ms, text, "U.S. lawmakers"), nullptr);
  EXPECT_EQ(At(ms, text, "U.S. senators"), nullptr);
  EXPECT_EQ(At(ms, text, "Trump campaign"), nullptr);
  const Mention* us = Find(ms, "The United States");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->actors, Codes({"USA"}));
  const Mention* own = At(ms, text, "Trump's campaign");
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(own->actors, Codes({"USA"}));
}

}  // namespace
}  // namespace faultline
