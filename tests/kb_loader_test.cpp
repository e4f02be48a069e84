// Knowledge-base loading: our YAML (with errors naming file and line), PETRARCH and
// TABARI dictionaries (inline samples, then the real files when ../shared is present).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "actors/knowledge_base.h"
#include "actors/recognizer.h"
#include "test_paths.h"

namespace faultline {
namespace {

std::vector<Mention> RecognizeWith(const KnowledgeBase& kb, const std::string& text,
                                   const std::string& date = "") {
  auto r = ActorRecognizer::Build(std::make_shared<const KnowledgeBase>(kb));
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return {};
  Document d;
  d.text = text;
  d.date = date;
  return r->Recognize(d);
}

KnowledgeBase ContextOnly() {
  auto kb = KnowledgeBase::LoadDefault(/*with_kb=*/false);
  EXPECT_TRUE(kb.ok()) << kb.status().ToString();
  return kb.ok() ? std::move(kb.value()) : KnowledgeBase();
}

TEST(KbYaml, LoadsTheFixture) {
  KnowledgeBase kb;
  Status s = kb.AddFile(testing::SourceDir() + "/tests/data/kb/fixture.yaml");
  ASSERT_TRUE(s.ok()) << s.ToString();
  const Actor* fra = kb.FindActor("FRA");
  ASSERT_NE(fra, nullptr);
  EXPECT_EQ(fra->kind, "state");
  EXPECT_EQ(fra->capital, "Paris");
  const Person* scholz = kb.FindPerson("Olaf Scholz");
  ASSERT_NE(scholz, nullptr);
  const RoleTerm* t = kb.RoleOn(*scholz, "2022-03-28");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->role, "head-of-government");
  EXPECT_EQ(kb.RoleOn(*scholz, "2021-12-07")->role, "finance-minister");
  auto holders = kb.HoldersOf("GBR", "head-of-government", "2022-09-06");
  ASSERT_EQ(holders.size(), 1u);
  EXPECT_EQ(holders[0]->name, "Liz Truss");
  EXPECT_TRUE(kb.HoldersOf("GBR", "head-of-government", "").empty());
}

TEST(KbYaml, ErrorsNameFileAndLine) {
  KnowledgeBase kb;
  Status s = kb.AddText("actors:\n  - code: FRA\n    kind: country\n", "bad.yaml");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.file(), "bad.yaml");
  EXPECT_EQ(s.line(), 3);
  EXPECT_NE(s.reason().find("kind"), std::string::npos);

  s = kb.AddText("people:\n  - name: X\n    roles:\n      - {actor: FRA, role: r, from: 2022-13}\n",
                 "dates.yaml");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.line(), 4);
  EXPECT_NE(s.ToString().find("dates.yaml:4:"), std::string::npos) << s.ToString();

  s = kb.AddText("actors: [\n", "syntax.yaml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.reason().find("YAML"), std::string::npos);
  EXPECT_GT(s.line(), 0);

  s = kb.AddText("actor:\n  - code: FRA\n", "typo.yaml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.reason().find("unknown top-level key 'actor'"), std::string::npos);

  s = kb.AddText("groups:\n  - code: X\n    names: [the Xs]\n", "group.yaml");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.line(), 2);

  EXPECT_FALSE(kb.AddFile("/nonexistent/kb.yaml").ok());
}

TEST(KbYaml, AFieldGivenTwiceIsAnError) {
  // A person entry that lost its "- name:" line runs into the one above.
  KnowledgeBase kb;
  Status s = kb.AddText(
      "people:\n"
      "  - name: Scott Bessent\n"
      "    aliases: [Bessent]\n"
      "    roles: []\n"
      "    aliases: [Volker]\n"
      "    roles: []\n",
      "people.yaml");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.line(), 5);
  EXPECT_NE(s.reason().find("'aliases' twice"), std::string::npos) << s.reason();
}

TEST(KbYaml, LaterFilesExtendEarlierOnes) {
  KnowledgeBase kb;
  ASSERT_TRUE(kb.AddText("actors:\n  - {code: FRA, names: [France]}\n", "a.yaml").ok());
  ASSERT_TRUE(kb.AddText("actors:\n  - {code: FRA, names: [Hexagon]}\n", "b.yaml").ok());
  ASSERT_EQ(kb.actors().size(), 1u);
  EXPECT_EQ(kb.FindActor("FRA")->names, (std::vector<std::string>{"France", "Hexagon"}));
}

TEST(KbYaml, ReferencesFromAUserFile) {
  // A user file can add phrases that stand for an organisation the article names.
  KnowledgeBase kb = ContextOnly();
  ASSERT_TRUE(kb.AddText("actors:\n  - {code: NATO, kind: org, names: [NATO]}\n"
                         "references:\n  - phrases: [the coalition]\n    actors: [NATO]\n"
                         "    not_after: [forces]\n",
                         "user.yaml")
                  .ok());
  auto ms = RecognizeWith(kb, "NATO met. The coalition agreed; the coalition forces left.");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[1].surface, "The coalition");
  EXPECT_EQ(ms[1].actors, std::vector<std::string>{"NATO"});
  EXPECT_EQ(ms[1].rule, "coref:org:the coalition");
  EXPECT_TRUE(RecognizeWith(kb, "The coalition agreed.").size() == 0);  // no NATO named
  Status bad = kb.AddText("references:\n  - phrases: [the bloc]\n", "bad.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.line(), 2);
  EXPECT_NE(bad.reason().find("actors"), std::string::npos);
}

TEST(KbDefault, LoadsTheShippedData) {
  auto kb = KnowledgeBase::LoadDefault();
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_FALSE(kb->context().political_verbs.empty());
  EXPECT_EQ(kb->ActorForCameo("IGOWSTNAT"), "NATO");
  EXPECT_EQ(kb->ActorForCameo("IGOUNOIAE"), "IAEA");  // longest listed prefix
  if (kb->FindActor("FRA") != nullptr) {               // once data/kb has states
    EXPECT_EQ(kb->ActorForCameo("FRAGOV"), "FRA");
    EXPECT_EQ(kb->ActorForCameo("DEUELI"), "DEU");
    EXPECT_EQ(kb->ActorForCameo("USAMIL"), "USA");
  }
  EXPECT_EQ(kb->ActorForCameo("XYZ"), "");
}

constexpr char kPetrarch[] =
    "# a PETRARCH-format sample\n"
    "<!-- comment -->\n"
    "FREEDONIA_  [FRD]\n"
    "+FREEDONIAN_\n"
    "+REPUBLIC_OF_FREEDONIA\n"
    "\n"
    "RUFUS_FIREFLY_  # leader\n"
    "+PRESIDENT_FIREFLY\n"
    "\t[FRDELI 320101-331108]\n"
    "\t[FRDGOV >331108]\n"
    "\t[FRDELI]\n"
    "TRENTINO_ [SYLGOV <330101]\n";

TEST(KbDictionary, PetrarchFormat) {
  KnowledgeBase kb = ContextOnly();
  ASSERT_TRUE(kb.AddText("actors:\n  - {code: FRD, names: [Fredonia]}\n  - {code: SYL}\n",
                         "states.yaml")
                  .ok());
  Status s = kb.AddText(kPetrarch, "sample.actors.txt");
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(kb.dictionary().size(), 3u);
  const DictionaryEntry& firefly = kb.dictionary()[1];
  EXPECT_EQ(firefly.format, "petrarch");
  EXPECT_EQ(firefly.phrases, (std::vector<std::string>{"RUFUS FIREFLY", "PRESIDENT FIREFLY"}));
  ASSERT_EQ(firefly.codes.size(), 3u);
  EXPECT_EQ(firefly.codes[0].from, "1932-01-01");
  EXPECT_EQ(firefly.codes[0].to, "1933-11-08");
  EXPECT_EQ(firefly.codes[1].from, "1933-11-08");
  EXPECT_TRUE(firefly.codes[2].default_code);
  EXPECT_EQ(kb.CodeOn(firefly, "1933-01-01"), "FRDELI");
  EXPECT_EQ(kb.CodeOn(firefly, "1940-01-01"), "FRDGOV");
  EXPECT_EQ(kb.CodeOn(firefly, "1920-01-01"), "FRDELI");  // the default
  EXPECT_EQ(kb.dictionary()[2].codes[0].to, "1933-01-01");

  auto ms = RecognizeWith(kb, "Rufus Firefly met the Freedonian envoy in the Republic of Freedonia.",
                          "1934-05-01");
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_EQ(ms[0].person, "Rufus Firefly");
  EXPECT_EQ(ms[0].actors, std::vector<std::string>{"FRD"});
  EXPECT_EQ(ms[0].rule, "petrarch:FRDGOV");
  EXPECT_EQ(ms[0].cameo, "FRDGOV");  // the dictionary's own code, kept beside the state
  EXPECT_EQ(ms[1].surface, "Freedonian");
  EXPECT_EQ(ms[2].surface, "Republic of Freedonia");
  EXPECT_EQ(ms[2].kind, "state");
  // Dictionary phrases must look like names in the text.
  EXPECT_TRUE(RecognizeWith(kb, "rufus firefly").empty());
}

TEST(KbDictionary, TabariFormat) {
  KnowledgeBase kb = ContextOnly();
  ASSERT_TRUE(kb.AddText("actors:\n  - {code: ARG}\n  - {code: EGY}\n", "s.yaml").ok());
  const std::string tabari =
      "<NOUN>\nSHEEP  \n</NOUN>\n"
      "ARGENTIN [ARG]  ;pas 26 Feb 2002\n"
      "HOSNI_MUBARAK_  [EGYGOV <110211] [EGYELI] ;jw 9/12/91\n";
  Status s = kb.AddText(tabari, "demo.actors");
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(kb.dictionary().size(), 2u);
  EXPECT_EQ(kb.dictionary()[0].format, "tabari");
  EXPECT_TRUE(kb.dictionary()[0].stems[0]);    // no final '_': a stem
  EXPECT_FALSE(kb.dictionary()[1].stems[0]);
  auto ms = RecognizeWith(kb, "Argentina and Hosni Mubarak; Sheep.", "2012-01-01");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].surface, "Argentin");  // the stem's span
  EXPECT_EQ(ms[0].actors, std::vector<std::string>{"ARG"});
  EXPECT_EQ(ms[1].actors, std::vector<std::string>{"EGY"});
  EXPECT_EQ(ms[1].rule, "tabari:EGYELI");
  EXPECT_EQ(ms[1].cameo, "EGYELI");
}

TEST(KbDictionary, EmptyDictionaryIsAnError) {
  KnowledgeBase kb;
  Status s = kb.AddText("# nothing here\nJUST_A_PHRASE\n", "empty.actors");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.file(), "empty.actors");
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// First primary phrase in `path` carrying `code` inline or on the next lines.
std::string PhraseWithCode(const std::string& path, const std::string& code) {
  std::istringstream in(ReadAll(path));
  std::string line, primary;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line[0] == '<') continue;
    if (line[0] != '+' && line[0] != '\t' && line[0] != ' ') {
      primary = line.substr(0, line.find_first_of("[#;"));
      while (!primary.empty() && (primary.back() == ' ' || primary.back() == '\t'))
        primary.pop_back();
    }
    if (!primary.empty() && line.find("[" + code + "]") != std::string::npos) return primary;
  }
  return {};
}

std::string AsText(std::string phrase) {
  for (auto& c : phrase)
    if (c == '_') c = ' ';
  while (!phrase.empty() && phrase.back() == ' ') phrase.pop_back();
  // Title case, as news writes names.
  bool start = true;
  for (auto& c : phrase) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      c = static_cast<char>(start ? std::toupper(c) : std::tolower(c));
      start = false;
    } else {
      start = c == ' ';
    }
  }
  return phrase;
}

TEST(KbDictionary, PhoenixDictionariesLoadAndMatch) {
  FAULTLINE_REQUIRE_SHARED();
  const std::string dir = testing::SharedDir() + "/eventcoding/phoenix/";
  KnowledgeBase kb = ContextOnly();
  for (const char* f : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"}) {
    Status s = kb.AddFile(dir + f);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  EXPECT_GT(kb.dictionary().size(), 5000u);
  for (const auto& e : kb.dictionary()) EXPECT_EQ(e.format, "petrarch") << e.source;
  // Names looked up in the file itself: a NATO entry and a dated person.
  const std::string nato = PhraseWithCode(dir + "Phoenix.International.actors.txt", "IGOWSTNAT");
  ASSERT_FALSE(nato.empty());
  auto ms = RecognizeWith(kb, "Officials of " + AsText(nato) + " met.");
  ASSERT_EQ(ms.size(), 1u) << AsText(nato);
  EXPECT_EQ(ms[0].actors, std::vector<std::string>{"NATO"});
}

TEST(KbDictionary, TabariLevantLoadsAndMatches) {
  FAULTLINE_REQUIRE_SHARED();
  const std::string path = testing::SharedDir() + "/eventcoding/actors/Levant.080629.actors.TABARI-format";
  KnowledgeBase kb = ContextOnly();
  ASSERT_TRUE(kb.AddText("actors:\n  - {code: SYR}\n", "s.yaml").ok());
  Status s = kb.AddFile(path);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_GT(kb.dictionary().size(), 1000u);
  EXPECT_EQ(kb.dictionary().front().format, "tabari");
  const std::string syr = PhraseWithCode(path, "SYRGOV");
  ASSERT_FALSE(syr.empty());
  auto ms = RecognizeWith(kb, "Yesterday " + AsText(syr) + " spoke.", "2004-01-01");
  ASSERT_FALSE(ms.empty()) << AsText(syr);
  EXPECT_EQ(ms[0].actors, std::vector<std::string>{"SYR"}) << ms[0].surface << " " << ms[0].rule;
}

}  // namespace
}  // namespace faultline
