#include "stories/text_words.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace faultline::stories {
namespace {

std::vector<std::string> Lowers(const TextWords& w) {
  std::vector<std::string> out;
  for (size_t i = 0; i < w.size(); ++i) out.emplace_back(w.Lower(i));
  return out;
}

template <typename Joins>
std::vector<std::string> Joined(const TextWords& w, Joins joins) {
  std::vector<std::string> out;
  ForEachJoinedWord(w, joins, [&](WordSpan s) { out.emplace_back(w.lowered().substr(s.begin, s.end - s.begin)); });
  return out;
}

bool Always(unsigned char) { return true; }
bool NotE2(unsigned char c) { return c != 0xE2; }

// The rule each reader had before the shared split, byte by byte: a word starts at an
// ASCII letter or digit and runs on over those and the bytes >= 0x80 `joins` accepts.
// What ForEachJoinedWord must give, written out plainly.
template <typename Joins>
std::vector<std::string> ByteLoop(std::string_view s, Joins joins) {
  std::vector<std::string> out;
  std::string word;
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    const bool ascii = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (ascii || (c >= 0x80 && !word.empty() && joins(c))) {
      word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : ch;
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

TEST(StoriesTextWordsTest, SplitsAsciiLettersAndDigitsLowerCased) {
  TextWords w;
  w.Reset("Zelensky's talks, in 2024 (AP) full-scale");
  EXPECT_EQ(Lowers(w), (std::vector<std::string>{"zelensky", "s", "talks", "in", "2024", "ap", "full", "scale"}));
  EXPECT_EQ(w.text().substr(w.spans()[5].begin, 2), "AP") << "offsets are into the text as given";
  EXPECT_EQ(w.lowered().size(), w.text().size());
}

TEST(StoriesTextWordsTest, EmptyAndWordlessTexts) {
  TextWords w;
  w.Reset("");
  EXPECT_EQ(w.size(), 0u);
  w.Reset(" -- \xE2\x80\x94 ...");
  EXPECT_EQ(w.size(), 0u);
  EXPECT_TRUE(Joined(w, Always).empty());
}

TEST(StoriesTextWordsTest, ResetForgetsTheTextBefore) {
  TextWords w;
  w.Reset("a long first text with many words in it");
  w.Reset("Two words");
  EXPECT_EQ(Lowers(w), (std::vector<std::string>{"two", "words"}));
}

TEST(StoriesTextWordsTest, BytesOfOtherScriptsContinueButDoNotStartAWord) {
  TextWords w;
  w.Reset("Nause\xC4\x97" "da met \xC3\x89lys\xC3\xA9" "e caf\xC3\xA9");
  EXPECT_EQ(Lowers(w), (std::vector<std::string>{"nause", "da", "met", "lys", "e", "caf"}));
  EXPECT_EQ(Joined(w, Always), (std::vector<std::string>{"nause\xC4\x97" "da", "met", "lys\xC3\xA9" "e", "caf\xC3\xA9"}));
}

TEST(StoriesTextWordsTest, AWordStopsAtABytePolicyRejects) {
  TextWords w;
  w.Reset("Kyiv\xE2\x80\x94Moscow war\xE2\x80\x99s");
  EXPECT_EQ(Joined(w, NotE2), (std::vector<std::string>{"kyiv", "moscow", "war", "s"}));
  EXPECT_EQ(Joined(w, Always), (std::vector<std::string>{"kyiv\xE2\x80\x94moscow", "war\xE2\x80\x99s"}));
}

TEST(StoriesTextWordsTest, JoinedWordsMatchTheByteLoopOnRandomText) {
  // Bytes drawn from a small alphabet rich in the cases that matter: letters, digits,
  // spaces, punctuation, UTF-8 lead and continuation bytes and the 0xE2 of dashes.
  const std::string alphabet = std::string("aZ9 .-'") + "\xC3\xA9\xE2\x80\x94\xC4";
  std::mt19937 rng(14);
  TextWords w;
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 40, ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    w.Reset(s);
    ASSERT_EQ(Joined(w, Always), ByteLoop(s, Always)) << "text: " << s;
    ASSERT_EQ(Joined(w, NotE2), ByteLoop(s, NotE2)) << "text: " << s;
  }
}

}  // namespace
}  // namespace faultline::stories
