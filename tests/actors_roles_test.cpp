// Bare roles and appositions read with the shipped knowledge base: on a government's own
// site "the President" is its own president (official_sites), a bare title goes to a person
// whose title fits it ("the Taoiseach" is not the last prime minister named), and a known
// person out of office never takes the state a paragraph happens to name.
#include <gtest/gtest.h>

#include <memory>

#include "actors/knowledge_base.h"
#include "actors/recognizer.h"
#include "actors_test_util.h"
#include "test_paths.h"

namespace faultline {
namespace {

class RolesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    recognizer_ = testing::ShippedRecognizer(&error);
    ASSERT_NE(recognizer_, nullptr) << error;
    kb_ = &recognizer_->kb();
  }

  static std::vector<Mention> Run(const std::string& text, const std::string& date,
                                  const std::string& url = "") {
    Document d;
    d.text = text;
    d.date = date;
    d.url = url;
    return recognizer_->Recognize(d);
  }
  static const Mention* At(const std::vector<Mention>& ms, const std::string& text, const std::string& word,
                           int nth = 0) {
    return testing::MentionAt(ms, text, word, nth);
  }
  static std::vector<std::string> Codes(std::initializer_list<const char*> c) { return testing::Codes(c); }

  static const KnowledgeBase* kb_;
  static const ActorRecognizer* recognizer_;
};

const KnowledgeBase* RolesTest::kb_ = nullptr;
const ActorRecognizer* RolesTest::recognizer_ = nullptr;

constexpr const char* kWhiteHouse = "https://www.whitehouse.gov/briefing-room/statements/x/";

TEST_F(RolesTest, OfficialSiteHosts) {
  EXPECT_EQ(kb_->SiteActor("https://www.whitehouse.gov/briefing-room/"), "USA");
  EXPECT_EQ(kb_->SiteActor("https://WhiteHouse.gov"), "USA");
  EXPECT_EQ(kb_->SiteActor("https://bidenwhitehouse.archives.gov/briefing-room/a/b/"), "USA");
  EXPECT_EQ(kb_->SiteActor("http://en.kremlin.ru/events/president/news/1"), "RUS");
  EXPECT_EQ(kb_->SiteActor("www.nato.int"), "NATO");
  // Not at a label boundary, or only in the path: no official site.
  EXPECT_EQ(kb_->SiteActor("https://notwhitehouse.gov/x"), "");
  EXPECT_EQ(kb_->SiteActor("https://example.com/whitehouse.gov"), "");
  EXPECT_EQ(kb_->SiteActor(""), "");
}

TEST_F(RolesTest, BarePresidentOnOfficialSiteIsItsOwn) {
  const std::string t =
      "President Putin of Russia announced new annexations. The President condemned the step "
      "and pledged more help.\n\n(The President signs the bill.)";
  auto ms = Run(t, "2022-10-03", kWhiteHouse);
  const Mention* m = At(ms, t, "President", 1);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actors, Codes({"USA"}));
  EXPECT_EQ(m->person, "Joe Biden");
  EXPECT_EQ(m->rule, "coref:role-site:head-of-state");
  const Mention* stage = At(ms, t, "President", 2);
  ASSERT_NE(stage, nullptr);
  EXPECT_EQ(stage->actors, Codes({"USA"}));
  // Elsewhere the same text refers back to the last president named.
  auto news = Run(t, "2022-10-03", "https://news.example.com/a");
  const Mention* n = At(news, t, "President", 1);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->actors, Codes({"RUS"}));
}

TEST_F(RolesTest, TranscriptLabelOnOfficialSite) {
  const std::string t =
      "PRESIDENT ZELENSKYY:  (As interpreted.)  Thank you for the welcome.\n\n"
      "THE PRESIDENT:  Thank you, Mr. President.  We will keep helping.\n\n"
      "THE VICE PRESIDENT:  Good afternoon.";
  auto ms = Run(t, "2023-09-21", "https://bidenwhitehouse.archives.gov/briefing-room/x/");
  const Mention* p = At(ms, t, "PRESIDENT:", 0);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->actors, Codes({"USA"}));
  EXPECT_EQ(p->person, "Joe Biden");
  const Mention* vp = At(ms, t, "VICE PRESIDENT");
  ASSERT_NE(vp, nullptr);
  EXPECT_EQ(vp->actors, Codes({"USA"}));
  EXPECT_EQ(vp->person, "Kamala Harris");
}

TEST_F(RolesTest, OfficialSiteOnlyForTitlesItsHolderBears) {
  // The US has no prime minister, and its foreign minister's title is Secretary of State:
  // these still refer back to the visitor named before.
  const std::string t =
      "Prime Minister Trudeau and Foreign Minister Kuleba arrived for talks. The Prime "
      "Minister spoke first. The Foreign Minister thanked the hosts. The Secretary of State "
      "answered questions.";
  auto ms = Run(t, "2022-05-10", kWhiteHouse);
  const Mention* pm = At(ms, t, "Prime", 1);
  ASSERT_NE(pm, nullptr);
  EXPECT_EQ(pm->actors, Codes({"CAN"}));
  const Mention* fm = At(ms, t, "Foreign Minister", 1);
  ASSERT_NE(fm, nullptr);
  EXPECT_EQ(fm->actors, Codes({"UKR"}));
  const Mention* sec = At(ms, t, "Secretary of State");
  ASSERT_NE(sec, nullptr);
  EXPECT_EQ(sec->actors, Codes({"USA"}));
  EXPECT_EQ(sec->person, "Antony Blinken");
}

TEST_F(RolesTest, BareTitleGoesToThePersonItFits) {
  // "the Taoiseach" is Ireland's head of government, not the last prime minister named.
  const std::string t =
      "Prime Minister Bennett of Israel called for calm. In Dublin, the Taoiseach said the "
      "talks must resume.";
  auto ms = Run(t, "2021-11-02");
  const Mention* m = At(ms, t, "Taoiseach");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actors, Codes({"IRL"}));
  EXPECT_EQ(m->person, "Micheál Martin");
  // A generic noun keeps the nearest holder.
  const std::string g =
      "Prime Minister Bennett of Israel called for calm. The prime minister said talks must "
      "resume.";
  auto gs = Run(g, "2021-11-02");
  const Mention* pm = At(gs, g, "prime minister");
  ASSERT_NE(pm, nullptr);
  EXPECT_EQ(pm->actors, Codes({"ISR"}));
}

TEST_F(RolesTest, KnownPersonOutOfOfficeKeepsOwnState) {
  // Out of office on the date, with an apposition naming no actor: not the state the
  // paragraph named last.
  const std::string t =
      "Sanctions on Russia were eased. Jacob Lew, the treasury secretary, said the deal was "
      "sound.";
  auto ms = Run(t, "2018-06-06");
  const Mention* m = At(ms, t, "Jacob Lew");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actors, Codes({"USA"}));
  // "the former treasury secretary": no office that day, no actor.
  const std::string f =
      "Sanctions on Russia were eased. Jacob Lew, the former treasury secretary, said the "
      "deal was sound.";
  auto fs = Run(f, "2018-06-06");
  const Mention* fm = At(fs, f, "Jacob Lew");
  ASSERT_NE(fm, nullptr);
  EXPECT_TRUE(fm->actors.empty()) << fm->rule;
}

TEST_F(RolesTest, NoNameAfterAnArticle) {
  // "the First Lady, the Vice President ...": a title after "the", not an unknown person.
  const std::string t =
      "Tonight the President, the First Lady, the Vice President and the Second Gentleman "
      "will honour the American lives lost.";
  auto ms = Run(t, "2021-02-22", kWhiteHouse);
  const Mention* m = At(ms, t, "First Lady");
  EXPECT_EQ(m, nullptr) << m->rule;
}

// An apposition gives a name the actor it names as the employer only.
TEST_F(RolesTest, AppositionNotAListOrAClause) {
  // A list: the next item's title is not this name's.
  const std::string list =
      "Today the Finance Minister of Ukraine, Olena Ivanko, and European Commission "
      "Director-General Piet Vos opened the meeting.";
  for (const auto& m : Run(list, "2023-05-26"))
    EXPECT_NE(m.person, "Olena Ivanko") << m.rule;
  // A plural head is no apposition to one name.
  const std::string plural = "On Blue Stream, Turkish officials have said they expect a deal.";
  for (const auto& m : Run(plural, "2021-07-15")) EXPECT_EQ(m.person, "") << m.rule;
  // Another person's title inside a relative clause.
  const std::string whom =
      "Turkey demanded the extradition of Omar Haddad, a preacher whom Turkish President "
      "Erdogan blames for the unrest.";
  for (const auto& m : Run(whom, "2016-07-20")) EXPECT_NE(m.person, "Omar Haddad") << m.rule;
}

TEST_F(RolesTest, AppositionTopicIsNotTheEmployer) {
  const std::string t =
      "The Russian ambassador was summoned to meet Harold Finch, the minister responsible for "
      "Russia, on Friday.";
  for (const auto& m : Run(t, "2016-01-21")) EXPECT_NE(m.person, "Harold Finch") << m.rule;
}

TEST_F(RolesTest, AppositionWithoutOfficeTakesNoMainState) {
  // A think tank's director in a story about Russia is not Russia's.
  const std::string t =
      "Russia attacked Ukraine again. Russia said it would continue.\n\nThe offensive will go "
      "on, said Ivan Brook, a senior fellow at the Brookings Institution, and Mary Cole, "
      "director of the Lakeside Center.";
  for (const auto& m : Run(t, "2022-03-01")) {
    EXPECT_NE(m.person, "Ivan Brook") << m.rule;
    EXPECT_NE(m.person, "Mary Cole") << m.rule;
  }
  // "who is" still introduces an apposition.
  const std::string who =
      "Russia and America spoke. Paul Grant, who is the deputy national security adviser of "
      "the United States, said talks went well.";
  auto ms = Run(who, "2010-05-01");
  const Mention* m = At(ms, who, "Paul Grant");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actors, Codes({"USA"}));
}

TEST_F(RolesTest, TranscriptQIsNoName) {
  // "Q    John, ..." in a briefing transcript: the reporter's label is not a first name.
  const std::string t =
      "MS. PSAKI:  Go ahead.\n\nQ    John, the spokesman for the American mission said more.";
  for (const auto& m : Run(t, "2022-03-01", kWhiteHouse)) EXPECT_EQ(m.person.rfind("Q ", 0), std::string::npos);
}

TEST_F(RolesTest, LegislatureOrPartyRoleTakesNoParagraphState) {
  // A leader of a chamber, a party or the opposition is no state's official: the state the
  // paragraph names is not taken for an unknown holder (context.role_body_words).
  const std::string t =
      "Moscow rejected the offer on Tuesday. Senate Majority Leader Harold Finchley said the "
      "talks must go on, and the Russian opposition leader Tomas Verrin agreed. In London, "
      "Labour leader Agnes Pellow and the Tory deputy leader Rufus Crane spoke.";
  auto ms = Run(t, "2019-05-01");
  for (const char* name : {"Harold Finchley", "Tomas Verrin", "Agnes Pellow", "Rufus Crane"}) {
    const Mention* m = At(ms, t, name);
    ASSERT_NE(m, nullptr) << name;
    EXPECT_EQ(m->person, name);
    EXPECT_TRUE(m->actors.empty()) << name << " " << m->rule;
    EXPECT_NE(m->rule.find("+body:"), std::string::npos) << m->rule;
  }
  // A government's office still takes the paragraph's state; a known name's word ("White
  // House") is no body word.
  const std::string gov =
      "Moscow rejected the offer. Deputy Prime Minister Oleg Marrin said so. Washington "
      "answered that White House National Security Council spokeswoman Dana Wells agreed.";
  auto gms = Run(gov, "2019-05-01");
  const Mention* m = At(gms, gov, "Oleg Marrin");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actors, Codes({"RUS"})) << m->rule;
  m = At(gms, gov, "Dana Wells");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->rule.find("+body:"), std::string::npos) << m->rule;
}

TEST_F(RolesTest, InitialsAndSuffixesBelongToTheName) {
  const std::string t =
      "Russia said on Friday that Secretary of State Walter Q. Dunmore had called. President "
      "Amos H.W. Crane Jr. agreed, and Ambassador Lena Marrow, III, did not. Dunmore said more.";
  auto ms = Run(t, "2019-05-01");
  const Mention* m = At(ms, t, "Walter");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->person, "Walter Q. Dunmore");
  EXPECT_EQ(m->surface, "Secretary of State Walter Q. Dunmore");
  m = At(ms, t, "Amos");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->person, "Amos H.W. Crane");  // the suffix is in the mention, not the name
  EXPECT_EQ(m->surface, "President Amos H.W. Crane Jr.");
  m = At(ms, t, "Lena");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->surface, "Ambassador Lena Marrow, III");
  // The surname refers back to the whole name.
  m = At(ms, t, "Dunmore", 1);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->person, "Walter Q. Dunmore");
  // A known person whose alias is the surname: the given name and initial join the role.
  const std::string known = "Moscow answered on Monday. Secretary of State John F. Kerry then called.";
  auto kms = Run(known, "2014-04-01");
  m = At(kms, known, "John");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->surface, "Secretary of State John F. Kerry");
  EXPECT_EQ(m->person, "John Kerry");
  EXPECT_EQ(m->actors, Codes({"USA"}));
}

TEST_F(RolesTest, RoleNameContextIsANamedStateNotAGuess) {
  // A past office takes no state from the paragraph; an unknown holder's guessed state is
  // no context for the next unknown holder.
  const std::string t =
      "Former President Walter Dunmore met the Brazilian delegation. President Amos Crane "
      "spoke, and Ambassador Lena Marrow listened.";
  auto ms = Run(t, "2019-05-01");
  const Mention* m = At(ms, t, "Walter Dunmore");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->actors.empty()) << m->rule;
  m = At(ms, t, "Amos Crane");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->actors, Codes({"BRA"})) << m->rule;
  m = At(ms, t, "Lena Marrow");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->rule.find("+context:President"), std::string::npos) << m->rule;
}

}  // namespace
}  // namespace faultline
