// The voice of a document: whom "we" stands for in joint statements, in remarks by one
// speaker, on official sites and on news sites. Texts written for the tests.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "statements/document_voice.h"
#include "statements/extractor.h"
#include "statements_test_util.h"

namespace faultline {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class VoiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto ex = StatementExtractor::Create();
    ASSERT_TRUE(ex.ok()) << ex.status().ToString();
    extractor_ = new StatementExtractor(std::move(ex).value());
    auto lex = CueLexicon::Load(CueLexicon::DefaultPath());
    ASSERT_TRUE(lex.ok()) << lex.status().ToString();
    lexicon_ = new CueLexicon(std::move(lex).value());
  }
  static void TearDownTestSuite() {
    delete extractor_;
    delete lexicon_;
  }
  static Document Doc(const std::string& title, const std::string& text, const std::string& url) {
    Document d;
    d.file = "voice.txt";
    d.id = "voice";
    d.title = title;
    d.text = text;
    d.url = url;
    return d;
  }
  std::vector<std::string> Run(const Document& d) {
    const auto names = testing::CommonNames();
    return testing::Triples(extractor_->Extract(d, testing::MentionsFor(d.text, names),
                                                testing::MentionsFor(d.title, names), nullptr));
  }
  DocumentVoice Voice(const Document& d) {
    const auto names = testing::CommonNames();
    return FindDocumentVoice(d, testing::MentionsFor(d.title, names), testing::MentionsFor(d.text, names),
                             *lexicon_);
  }
  static StatementExtractor* extractor_;
  static CueLexicon* lexicon_;
};
StatementExtractor* VoiceTest::extractor_ = nullptr;
CueLexicon* VoiceTest::lexicon_ = nullptr;

const char kOfficial[] = "https://www.whitehouse.gov/briefing-room/statements/x/";
const char kNews[] = "https://news.example.com/world/x";

TEST_F(VoiceTest, JointTitleNamesTheSignatories) {
  Document d = Doc("Joint Statement of Poland and the Baltic states",
                   "The ministers met in Riga on Monday. We will keep imposing sanctions on Russia.", kNews);
  EXPECT_THAT(Voice(d).actors, ElementsAre("POL", "EST", "LVA", "LTU"));
  EXPECT_EQ(Voice(d).rule, "signatories");
  EXPECT_THAT(Run(d), ElementsAre("EST sanctions +1", "LTU sanctions +1", "LVA sanctions +1", "POL sanctions +1"));
}

TEST_F(VoiceTest, NamesAfterATopicWordAreNoSignatories) {
  Document d = Doc("Joint Statement on Russia's War",
                   "We, the foreign ministers of France, Germany and Italy, condemn the attack. "
                   "We will impose further sanctions on Russia.",
                   kOfficial);
  EXPECT_THAT(Voice(d).actors, ElementsAre("FRA", "DEU", "ITA"));
  EXPECT_THAT(Run(d), ElementsAre("DEU sanctions +1", "FRA sanctions +1", "ITA sanctions +1"));
}

TEST_F(VoiceTest, OneSpeakerInTheTitleSpeaksForHisGovernment) {
  Document d = Doc("Remarks by President Macron on European Security",
                   "Thank you all for coming. We will send more tanks to Ukraine.", kNews);
  EXPECT_EQ(Voice(d).rule, "title-speaker");
  EXPECT_EQ(Voice(d).person, "Emmanuel Macron");
  EXPECT_THAT(Run(d), ElementsAre("FRA arms +1"));
}

// "And we're sending ...": the pronoun of a contraction after an opening word is the
// subject, not a noun that the -ing verb modifies ("companies building the pipeline").
TEST_F(VoiceTest, AContractedPronounAfterAnOpeningWordIsTheSubject) {
  Document d = Doc("Remarks by President Macron on European Security",
                   "Thank you all for coming. And we\u2019re stepping up to help, sending more tanks to Ukraine. "
                   "So we're stepping up too, imposing new sanctions on Russia.",
                   kNews);
  EXPECT_THAT(Run(d), ElementsAre("FRA arms +1", "FRA sanctions +1"));
}

TEST_F(VoiceTest, TwoSpeakersLeaveTheSiteVoice) {
  Document d = Doc("Remarks by Macron and Zelensky", "We will send more tanks to Ukraine.", kOfficial);
  EXPECT_EQ(Voice(d).rule, "official-voice");
  EXPECT_THAT(Voice(d).actors, ElementsAre("USA"));
}

TEST_F(VoiceTest, ANewsSiteHasNoVoice) {
  Document d = Doc("Europe debates tanks", "We think Germany should send more tanks to Ukraine.", kNews);
  EXPECT_TRUE(Voice(d).empty());
  Document quiet = Doc("Europe debates sanctions", "We will impose sanctions on Russia.", kNews);
  EXPECT_THAT(Run(quiet), IsEmpty());
}

TEST_F(VoiceTest, ASayingDeniedReportsNothing) {
  Document denied = Doc("Remarks on the war in Ukraine",
                        "Russia invaded Ukraine. So, no, I would not say we are talking about easing sanctions "
                        "today. Italy did not say it would send tanks to Ukraine.",
                        kOfficial);
  EXPECT_THAT(Run(denied), IsEmpty());
  Document said = Doc("Remarks on the war in Ukraine",
                      "Russia invaded Ukraine. I would say we are not easing the sanctions today.", kOfficial);
  EXPECT_THAT(Run(said), ElementsAre("USA sanctions +1"));
}

TEST_F(VoiceTest, AQuestionPutToSomeoneIsNobodysPosition) {
  Document asked = Doc("Europe debates weapons",
                       "Russia invaded Ukraine. When the minister was asked some questions, he was asked, you "
                       "know, will you lift restrictions on the use of long-range weapons by Ukraine, and he "
                       "said nothing.",
                       kNews);
  EXPECT_THAT(Run(asked), IsEmpty());
  // a participle's agent after the question's topic still holds its act
  Document sent = Doc("Europe debates weapons", "Russia invaded Ukraine. Spain was asked about the tanks sent by Italy.",
                      kNews);
  EXPECT_THAT(Run(sent), ElementsAre("ITA arms +1"));
}

TEST_F(VoiceTest, NobodyTakesAStanceOnTalkingToHimself) {
  // the actor stage resolved "He" to the last person named, Putin; the quote's speaker is someone else
  Document d = Doc("Europe debates talks",
                   "Russia invaded Ukraine. Reporters asked about a warning to Putin. He said, \u201cI don't need "
                   "to speak to Putin.\u201d",
                   kNews);
  auto names = testing::CommonNames();
  names.emplace_back("He", std::vector<std::string>{"RUS"}, "", "Vladimir Putin");
  EXPECT_THAT(testing::Triples(extractor_->Extract(d, testing::MentionsFor(d.text, names),
                                                   testing::MentionsFor(d.title, names), nullptr)),
              IsEmpty());
  // another speaker keeps the stance
  Document other = Doc("Europe debates talks", "Russia invaded Ukraine. Macron said, \u201cI don't need to speak to Putin.\u201d",
                       kNews);
  EXPECT_THAT(Run(other), ElementsAre("FRA talks -1"));
}


// Remarks by two leaders, with their transcript labels as the actor stage names them.
class AddresseeTest : public VoiceTest {
 protected:
  std::vector<std::string> RunLabelled(const Document& d) {
    auto names = testing::CommonNames();
    names.emplace_back("PRESIDENT MACRON", std::vector<std::string>{"FRA"}, "", "Emmanuel Macron");
    names.emplace_back("PRESIDENT ZELENSKY", std::vector<std::string>{"UKR"}, "", "Volodymyr Zelensky");
    return testing::Triples(extractor_->Extract(d, testing::MentionsFor(d.text, names),
                                                testing::MentionsFor(d.title, names), nullptr));
  }
};

const char kTwoLeaders[] = "Remarks by President Macron and President Zelensky Before Bilateral Meeting";

TEST_F(AddresseeTest, YouInATurnIsTheOtherLeader) {
  Document d = Doc(kTwoLeaders,
                   "PRESIDENT MACRON:  Welcome.  You have imposed new sanctions on Russia.\n\n"
                   "PRESIDENT ZELENSKY:  Thank you.  You sent tanks to Ukraine.",
                   kNews);
  EXPECT_THAT(RunLabelled(d), ElementsAre("FRA arms +1", "UKR sanctions +1"));
  // "your" before an act noun is the addressee's too
  Document your = Doc(kTwoLeaders, "PRESIDENT MACRON:  Welcome.  We admire your decision to impose sanctions on Russia.",
                      kNews);
  EXPECT_THAT(RunLabelled(your), ::testing::Contains("UKR sanctions +1"));
}

TEST_F(AddresseeTest, AGenericYouIsNobody) {
  Document d = Doc(kTwoLeaders,
                   "PRESIDENT MACRON:  Welcome.  You can't impose sanctions on Russia alone.  "
                   "You know, we have sent tanks to Ukraine.",
                   kNews);
  // the filler "you know" leaves the speaker's "we" to the speaker
  EXPECT_THAT(RunLabelled(d), ElementsAre("FRA arms +1"));
}

TEST_F(AddresseeTest, TwoPossibleAddresseesNeedAVocative) {
  Document d = Doc("Remarks by President Macron, President Zelensky, and Chancellor Olaf Brandt of Germany",
                   "PRESIDENT MACRON:  Welcome.  You have imposed new sanctions on Russia.", kNews);
  EXPECT_THAT(Voice(d).people.size(), 3u);
  EXPECT_THAT(RunLabelled(d), IsEmpty());
  Document named = Doc("Remarks by President Macron, President Zelensky, and Chancellor Olaf Brandt of Germany",
                       "PRESIDENT MACRON:  Welcome.  You have imposed new sanctions on Russia, Zelensky.", kNews);
  EXPECT_THAT(RunLabelled(named), ElementsAre("UKR sanctions +1"));
}

TEST_F(AddresseeTest, AfterTheFirstQuestionYouIsTheReporter) {
  Document d = Doc(kTwoLeaders,
                   "PRESIDENT MACRON:  Welcome.\n\nQ    Thank you.  Will there be more?\n\n"
                   "PRESIDENT MACRON:  You have imposed new sanctions on Russia, I know.",
                   kNews);
  EXPECT_THAT(RunLabelled(d), IsEmpty());
}

TEST_F(AddresseeTest, AQuotesYouIsOnlyTheNamedAddressee) {
  Document named = Doc("Europe debates sanctions",
                       "Russia invaded Ukraine. \u201cYou have imposed new sanctions on Russia, Zelensky,\u201d Macron said.",
                       kNews);
  EXPECT_THAT(Run(named), ElementsAre("UKR sanctions +1"));
  // nobody named: not the speaker's own act
  Document unnamed = Doc("Europe debates sanctions",
                         "Russia invaded Ukraine. \u201cYou have imposed new sanctions on Russia,\u201d Macron said.", kNews);
  EXPECT_THAT(Run(unnamed), IsEmpty());
}

TEST_F(AddresseeTest, AnUnknownLeadersTurnIsNotTheHosts) {
  // the title's second leader is unknown by name, known by state: two speakers, not one
  Document d = Doc("Remarks by President Macron and President Luis Ramos of Spain Before Bilateral Meeting",
                   "PRESIDENT MACRON:  Welcome.\n\nPRESIDENT RAMOS:  Thank you.  We will impose new sanctions on "
                   "Russia.\n\nPRESIDENT GOMEZ:  We will send tanks to Ukraine.",
                   kNews);
  EXPECT_TRUE(Voice(d).empty());
  ASSERT_EQ(Voice(d).people.size(), 2u);
  EXPECT_EQ(Voice(d).people[1].person, "Luis Ramos");
  // Ramos's "we" is Spain's; a leader nobody names holds nothing
  EXPECT_THAT(RunLabelled(d), ElementsAre("ESP sanctions +1"));
}

}  // namespace
}  // namespace faultline
