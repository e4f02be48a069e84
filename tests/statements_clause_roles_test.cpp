// Roles of names in the parse, on sentences written here and parsed by the shipped model:
// targets and recipients are told from agents, and the model's known slips (a name after
// an introductory phrase read as a conjunct, "has warned" read as a passive, an object that
// is the subject of the next verb) do not make an agent a target.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "statements/clause_roles.h"
#include "syntax/model.h"

namespace faultline {
namespace {

class ClauseRolesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto m = syntax::Model::Load(syntax::Model::DefaultPath());
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    model_ = new std::shared_ptr<const syntax::Model>(std::move(m).value());
    auto lex = CueLexicon::Load(CueLexicon::DefaultPath());
    ASSERT_TRUE(lex.ok()) << lex.status().ToString();
    target_cases_ = new WordSet(lex->target_cases());
  }
  static void TearDownTestSuite() {
    delete model_;
    model_ = nullptr;
    delete target_cases_;
    target_cases_ = nullptr;
  }
  // The role of the first occurrence of `name` in `text`, with the shipped lexicon's target
  // cases or with `cases`.
  static std::string Role(const std::string& text, const std::string& name, const WordSet* cases = nullptr) {
    const syntax::ParsedSentence p = (*model_)->Parse(text, 0, static_cast<uint32_t>(text.size()));
    const size_t at = text.find(name);
    EXPECT_NE(at, std::string::npos) << name;
    return MentionRoleName(RoleOf(p, at, at + name.size(), cases != nullptr ? *cases : *target_cases_));
  }
  static std::shared_ptr<const syntax::Model>* model_;
  static WordSet* target_cases_;
};
std::shared_ptr<const syntax::Model>* ClauseRolesTest::model_ = nullptr;
WordSet* ClauseRolesTest::target_cases_ = nullptr;

TEST_F(ClauseRolesTest, TheSubjectActsAndTheTargetOfTheCaseDoesNot) {
  const std::string s = "The European Union imposed new sanctions on Russia.";
  EXPECT_EQ(Role(s, "European Union"), "agent");
  EXPECT_EQ(Role(s, "Russia"), "target");
  const std::string t = "Canada will send more armoured vehicles to Ukraine.";
  EXPECT_EQ(Role(t, "Canada"), "agent");
  EXPECT_EQ(Role(t, "Ukraine"), "target");
}

// The target cases are the lexicon's: without "upon" in them, "upon Moldova" is no target.
TEST_F(ClauseRolesTest, TheTargetCasesAreTheLexicons) {
  const std::string s = "The council imposed a heavy fine upon Moldova.";
  EXPECT_EQ(Role(s, "Moldova"), "target");
  const WordSet without_upon = {"on", "against", "to"};
  EXPECT_EQ(Role(s, "Moldova", &without_upon), "other");
}

TEST_F(ClauseRolesTest, ThePassiveSubjectIsATargetAndTheByPhraseTheAgent) {
  const std::string s = "Belarus was punished by the European Union.";
  EXPECT_EQ(Role(s, "Belarus"), "target");
  EXPECT_EQ(Role(s, "European Union"), "agent");
}

TEST_F(ClauseRolesTest, CoordinatedSubjectsAllAct) {
  EXPECT_EQ(Role("Norway and Denmark rejected the proposal.", "Denmark"), "agent");
}

TEST_F(ClauseRolesTest, TheModelsSlipsDoNotMakeAnAgentATarget) {
  // an introductory phrase: no coordinator, no conjunct
  EXPECT_NE(Role("At Brussels on Monday, Austria refused to approve the package.", "Austria"), "target");
  // an object that is the subject of the verb after it
  EXPECT_NE(Role("The law enables Portugal to continue to send aid.", "Portugal"), "target");
  // a possessive written with a curly apostrophe
  EXPECT_NE(Role("Praising the United States\xE2\x80\x99 efforts to help.", "United States"), "target");
}

TEST_F(ClauseRolesTest, NoWordOfTheTreeInTheSpanIsNoRole) {
  const std::string s = "Spain objected.";
  const syntax::ParsedSentence p = (*model_)->Parse(s, 0, static_cast<uint32_t>(s.size()));
  EXPECT_EQ(RoleOf(p, 100, 110, *target_cases_), MentionRole::kOther);
}

}  // namespace
}  // namespace faultline
