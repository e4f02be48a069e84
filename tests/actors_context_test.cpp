// Actors that only context identifies, read with the shipped knowledge base (data/kb,
// data/actors): "the alliance" and "the allies" in a story about NATO, the US and other
// states' institutions (Congress, the Treasury, the Bundestag), surnames after a title
// ("Prime Minister Johnson", "Mrs May"), "the Obama administration", and officers of a
// body (the Commission president) acting for its organisation.
#include <gtest/gtest.h>

#include <memory>

#include "actors/knowledge_base.h"
#include "actors/recognizer.h"
#include "test_paths.h"

namespace faultline {
namespace {

class ContextActorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto kb = KnowledgeBase::LoadDefault();
    ASSERT_TRUE(kb.ok()) << kb.status().ToString();
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
  // The first mention whose surface is exactly `surface`, or null.
  static const Mention* Find(const std::vector<Mention>& ms, const std::string& surface) {
    for (const auto& m : ms)
      if (m.surface == surface) return &m;
    return nullptr;
  }
  // The first mention covering the first occurrence of `word` in `text`, or null.
  static const Mention* At(const std::vector<Mention>& ms, const std::string& text,
                           const std::string& word) {
    const size_t pos = text.find(word);
    for (const auto& m : ms)
      if (m.begin <= pos && pos < m.end) return &m;
    return nullptr;
  }
  static std::vector<std::string> Codes(std::initializer_list<const char*> c) {
    return std::vector<std::string>(c.begin(), c.end());
  }

  static ActorRecognizer* recognizer_;
};

ActorRecognizer* ContextActorsTest::recognizer_ = nullptr;

// ---- officers of bodies ------------------------------------------

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

}  // namespace
}  // namespace faultline
