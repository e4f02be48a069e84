// Test helper: hand-made actor mentions for sentences written in the tests, so the
// statement rules are tested on their own (no knowledge base, no recognizer).
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "actors/mention.h"
#include "ingest/document.h"
#include "statements/extractor.h"

namespace faultline::testing {

struct Name {
  Name(std::string s, std::vector<std::string> a, std::string g = {}, std::string p = {})
      : surface(std::move(s)), actors(std::move(a)), group(std::move(g)), person(std::move(p)) {}
  std::string surface;
  std::vector<std::string> actors;
  std::string group;   // group code for group names ("BALTIC", "CEE")
  std::string person;  // canonical person name
};

// Every word-bounded occurrence of each name, longest first, non-overlapping.
inline std::vector<Mention> MentionsFor(const std::string& text, std::vector<Name> names) {
  std::sort(names.begin(), names.end(), [](const Name& a, const Name& b) { return a.surface.size() > b.surface.size(); });
  auto word = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  std::vector<Mention> out;
  std::vector<bool> used(text.size(), false);
  for (const auto& n : names) {
    for (size_t at = text.find(n.surface); at != std::string::npos; at = text.find(n.surface, at + 1)) {
      const size_t end = at + n.surface.size();
      if ((at > 0 && word(text[at - 1])) || (end < text.size() && word(text[end]))) continue;
      bool free = true;
      for (size_t i = at; i < end; ++i) free = free && !used[i];
      if (!free) continue;
      for (size_t i = at; i < end; ++i) used[i] = true;
      Mention m;
      m.begin = at;
      m.end = end;
      m.surface = n.surface;
      m.actors = n.actors;
      m.group = n.group;
      m.person = n.person;
      m.kind = !n.group.empty() ? "group" : !n.person.empty() ? "person" : "state";
      m.rule = "test";
      out.push_back(m);
    }
  }
  std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  return out;
}

// The names the tests use.
inline std::vector<Name> CommonNames() {
  return {
      {"Germany", {"DEU"}}, {"Berlin", {"DEU"}}, {"France", {"FRA"}}, {"French", {"FRA"}}, {"Paris", {"FRA"}},
      {"Macron", {"FRA"}, "", "Emmanuel Macron"}, {"the UK", {"GBR"}}, {"Britain", {"GBR"}}, {"British", {"GBR"}},
      {"Poland", {"POL"}}, {"Polish", {"POL"}}, {"Hungary", {"HUN"}}, {"North Korea", {"PRK"}}, {"Iran", {"IRN"}}, {"Mexico", {"MEX"}}, {"Syria", {"SYR"}}, {"Gaza", {"PSE"}}, {"Italy", {"ITA"}}, {"Spain", {"ESP"}},
      {"Russia", {"RUS"}}, {"Russian", {"RUS"}}, {"Moscow", {"RUS"}}, {"the Kremlin", {"RUS"}},
      {"Putin", {"RUS"}, "", "Vladimir Putin"}, {"Ukraine", {"UKR"}}, {"Ukrainian", {"UKR"}}, {"Kyiv", {"UKR"}},
      {"Zelensky", {"UKR"}, "", "Volodymyr Zelensky"}, {"the United States", {"USA"}}, {"The United States", {"USA"}}, {"Washington", {"USA"}},
      {"NATO", {"NATO"}}, {"the EU", {"EU"}}, {"Turkey", {"TUR"}}, {"Finland", {"FIN"}}, {"Sweden", {"SWE"}},
      {"the Baltic states", {"EST", "LVA", "LTU"}, "BALTIC"},
      {"Eastern European countries", {"CEE"}, "CEE"}, {"Central European governments", {"CEE"}, "CEE"},
      {"Western European governments", {"WEU"}, "WEU"},
  };
}

// The title the test documents carry: each is a report on the war, as the shipped codebook
// expects (its talks are talks to end the war, coded only in documents that name Ukraine).
inline constexpr char kWarReportTitle[] = "Allies and the war in Ukraine";

inline std::vector<Statement> ExtractFrom(const StatementExtractor& ex, const std::string& text,
                                          const std::string& name = "test.txt",
                                          const std::string& title = kWarReportTitle) {
  Document d;
  d.file = name;
  d.id = "test";
  d.text = text;
  d.title = title;
  d.outlet = "Test Outlet";
  return ex.Extract(d, MentionsFor(text, CommonNames()), MentionsFor(title, CommonNames()), nullptr);
}

// "DEU talks +1" lines, sorted, for compact expectations.
inline std::vector<std::string> Triples(const std::vector<Statement>& statements) {
  std::vector<std::string> out;
  for (const auto& s : statements) out.push_back(s.actor + " " + s.issue + (s.stance > 0 ? " +1" : " -1"));
  std::sort(out.begin(), out.end());
  return out;
}

// A suite of tests sharing one extractor with the shipped data (syntax model, cue lexicon,
// codebook): built once a suite, since loading them costs more than the tests themselves.
class ShippedExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto ex = StatementExtractor::Create();
    ASSERT_TRUE(ex.ok()) << ex.status().ToString();
    extractor_ = new StatementExtractor(std::move(ex).value());
  }
  static void TearDownTestSuite() {
    delete extractor_;
    extractor_ = nullptr;
  }
  static inline StatementExtractor* extractor_ = nullptr;
};

}  // namespace faultline::testing
