// PETRARCH/TABARI agents files: an agent ("government", "armed forces") completes the CAMEO
// code of the state that qualifies it and is no actor alone. Sentences and dictionary lines
// written for the test; the shared Phoenix agents file when ../shared is there.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <memory>

#include "actors/knowledge_base.h"
#include "actors/recognizer.h"
#include "actors_test_util.h"
#include "statements/analyzer.h"
#include "test_paths.h"

namespace faultline {
namespace {

// PETRARCH layout: markers, braces for plurals ("{}" none), suffix and prefix agents.
const char kAgents[] =
    "<!-- agents written for the test -->\n"
    "!OFFICER! = OFFICER, OFFICIAL\n"
    "GOVERNMENT [~GOV] # the executive\n"
    "ARMED_FORCES {} [~MIL]\n"
    "POLICE {} [~COP]\n"
    "POLICE_!OFFICER! [~COP]\n"
    "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n"
    "PRESIDENT [~GOV]\n"
    "HUMAN_RIGHTS_BODY [NGO~]\n";

std::unique_ptr<ActorRecognizer> WithAgents(const std::string& agents, std::string* error) {
  auto kb = KnowledgeBase::LoadDefault();
  if (!kb.ok()) {
    *error = kb.status().ToString();
    return nullptr;
  }
  if (Status s = kb->AddText(agents, "test.agents.txt"); !s.ok()) {
    *error = s.ToString();
    return nullptr;
  }
  auto r = ActorRecognizer::Build(std::make_shared<const KnowledgeBase>(std::move(kb.value())));
  if (!r.ok()) {
    *error = r.status().ToString();
    return nullptr;
  }
  return std::make_unique<ActorRecognizer>(std::move(r.value()));
}

std::vector<Mention> Recognize(const ActorRecognizer& r, const std::string& text, const std::string& date = "2022-05-10") {
  Document d;
  d.text = text;
  d.date = date;
  return r.Recognize(d);
}

TEST(AgentsTest, PhrasesPluralsAndMarkers) {
  KnowledgeBase kb;
  ASSERT_TRUE(kb.AddText(kAgents, "test.agents.txt").ok());
  auto phrases = [&](const std::string& first) {
    for (const auto& e : kb.dictionary())
      if (e.phrases.front() == first) return e.phrases;
    return std::vector<std::string>{};
  };
  EXPECT_EQ(phrases("GOVERNMENT"), (std::vector<std::string>{"GOVERNMENT", "GOVERNMENTS"}));
  EXPECT_EQ(phrases("ARMED FORCES"), (std::vector<std::string>{"ARMED FORCES"}));
  EXPECT_EQ(phrases("ATTORNEY GENERAL"), (std::vector<std::string>{"ATTORNEY GENERAL", "ATTORNEYS GENERAL"}));
  EXPECT_EQ(phrases("POLICE OFFICER"),
            (std::vector<std::string>{"POLICE OFFICER", "POLICE OFFICIAL", "POLICE OFFICERS", "POLICE OFFICIALS"}));
  EXPECT_EQ(phrases("HUMAN RIGHTS BODY"), (std::vector<std::string>{"HUMAN RIGHTS BODY", "HUMAN RIGHTS BODIES"}));
  for (const auto& e : kb.dictionary()) EXPECT_FALSE(e.AgentCode().empty()) << e.phrases.front();
  EXPECT_EQ(CombineAgent("EGY", "~GOV"), "EGYGOV");
  EXPECT_EQ(CombineAgent("EGY", "NGO~"), "NGOEGY");
  EXPECT_EQ(CombineAgent("", "~GOV"), "");
}

TEST(AgentsTest, StateAndAgentGiveTheCameoCode) {
  std::string error;
  auto r = WithAgents(kAgents, &error);
  ASSERT_NE(r, nullptr) << error;
  struct Case {
    const char* text;
    const char* word;
    const char* actor;
    const char* cameo;
  } cases[] = {
      {"The German government rejected the offer.", "government", "DEU", "DEUGOV"},
      {"France's armed forces stayed on alert.", "armed forces", "FRA", "FRAMIL"},
      {"The armed forces of Poland were ready.", "armed forces", "POL", "POLMIL"},
      {"Two Italian police officers testified.", "police", "ITA", "ITACOP"},
      {"A Spanish human rights body objected.", "human rights", "ESP", "NGOESP"},
      {"French President Emmanuel Macron spoke first.", "President", "FRA", "FRAGOV"},
  };
  for (const auto& c : cases) {
    const auto ms = Recognize(*r, c.text);
    const Mention* m = testing::MentionAt(ms, c.text, c.word);
    ASSERT_NE(m, nullptr) << c.text;
    EXPECT_EQ(m->actors, std::vector<std::string>{c.actor}) << c.text;
    EXPECT_EQ(m->cameo, c.cameo) << c.text << " (" << m->rule << ")";
  }
}

TEST(AgentsTest, AnAgentAloneIsNoActor) {
  std::string error;
  auto r = WithAgents(kAgents, &error);
  ASSERT_NE(r, nullptr) << error;
  for (const std::string text : {"Police said the road was closed.", "The armed forces were on parade."}) {
    const auto ms = Recognize(*r, text);
    EXPECT_EQ(testing::MentionAt(ms, text, text.find("Police") == 0 ? "Police" : "armed"), nullptr) << text;
  }
}

TEST(AgentsTest, WithoutAgentsNoCameoCode) {
  std::string error;
  const ActorRecognizer* r = testing::ShippedRecognizer(&error);
  ASSERT_NE(r, nullptr) << error;
  const std::string text = "The German government rejected the offer.";
  const auto ms = Recognize(*r, text);
  const Mention* m = testing::MentionAt(ms, text, "German");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->cameo, "");
}

// A statement keeps the state as its actor and carries the CAMEO code beside it.
TEST(AgentsTest, StatementsCarryTheCameoCode) {
  const std::string path = ::testing::TempDir() + "/faultline_agents_test.txt";
  {
    std::ofstream out(path);
    out << kAgents;
  }
  auto analyzer = Analyzer::Load(AnalyzerConfig{"", {path}});
  std::remove(path.c_str());
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
  Document d;
  d.text = "The German government called for peace talks with Russia on Tuesday to end the war in Ukraine.";
  d.date = "2022-05-10";
  const auto statements = analyzer->Analyze(d, nullptr);
  const Statement* germany = nullptr;
  for (const auto& s : statements)
    if (s.actor == "DEU") germany = &s;
  ASSERT_NE(germany, nullptr);
  EXPECT_EQ(germany->cameo, "DEUGOV");
}

TEST(AgentsTest, PhoenixAgentsCombineWithStates) {
  FAULTLINE_REQUIRE_SHARED();
  std::ifstream in(testing::SharedDir() + "/eventcoding/phoenix/Phoenix.agents.txt", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string error;
  auto r = WithAgents(text, &error);
  ASSERT_NE(r, nullptr) << error;
  const std::string s = "Egyptian police detained two men, the government of Egypt said.";
  const auto ms = Recognize(*r, s);
  const Mention* police = testing::MentionAt(ms, s, "police");
  ASSERT_NE(police, nullptr);
  EXPECT_EQ(police->cameo, "EGYCOP");
  const Mention* gov = testing::MentionAt(ms, s, "government");
  ASSERT_NE(gov, nullptr);
  EXPECT_EQ(gov->cameo, "EGYGOV");
}

}  // namespace
}  // namespace faultline
