// Event-data files passed to --actors: actors and agents load; verbs, discards and CAMEO code
// lists are refused with a message that says what the file is.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "actors/event_file_kind.h"
#include "actors/knowledge_base.h"
#include "test_paths.h"

namespace faultline {
namespace {

TEST(EventFilesTest, ClassifiesWrittenSamples) {
  EXPECT_EQ(ClassifyEventFile("NORLAND [NOR]\n+NORLANDIC\nSOUTHIA_ [SOU] ; note\n"), EventFileKind::kActors);
  EXPECT_EQ(ClassifyEventFile("MINISTER [~GOV]\nREBEL [~REB]\nSOLDIER [~MIL] # x\n"), EventFileKind::kAgents);
  EXPECT_EQ(ClassifyEventFile("--- PRAISE [051] ---\n- * WARMLY [051]\n- * HIGHLY [051]\n"), EventFileKind::kVerbs);
  EXPECT_EQ(ClassifyEventFile("# discards\nTHE WEATHER TODAY\n+SPORTS RESULTS\n1999\n"), EventFileKind::kDiscards);
  EXPECT_EQ(ClassifyEventFile("LABEL: 010= Talk\nLABEL: 011= Keep quiet\n"), EventFileKind::kCodes);
  EXPECT_EQ(ClassifyEventFile("code\tlabel\n01\tTALK\n"), EventFileKind::kCodes);
  EXPECT_EQ(ClassifyEventFile("# PICO\n010:0x1000#Make Public Statement\n0211:0x2075\n"), EventFileKind::kCodes);
  EXPECT_EQ(ClassifyEventFile("// options\nCOMPLEX: VERBS[5]\nSET: SKIP RECORDS = FALSE\nLABEL: OSG=Other\n"),
            EventFileKind::kOptions);
  EXPECT_EQ(ClassifyEventFile("Validation\n<actorsfile> a.actors\n<verbsfile> a.verbs\n<agentsfile> a.agents\n"),
            EventFileKind::kProject);
}

TEST(EventFilesTest, VerbsFileIsRefusedByName) {
  KnowledgeBase kb;
  Status s = kb.AddText("--- PRAISE [051] ---\n- * WARMLY [051]\n- * HIGHLY [051]\n", "praise.verbs");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.file(), "praise.verbs");
  EXPECT_NE(s.reason().find("verbs dictionary"), std::string::npos) << s.reason();
  s = kb.AddText("Validation\n<actorsfile> a.actors\n<agentsfile> a.agents\n", "Validate.project");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.reason().find("TABARI project file"), std::string::npos) << s.reason();
  s = kb.AddText("COMPLEX: VERBS[5]\nSET: SKIP RECORDS = FALSE\n", "Validate.options");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.reason().find("TABARI options file"), std::string::npos) << s.reason();
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The shipped dictionaries of ../shared/eventcoding, each for what it is.
TEST(EventFilesTest, SharedDictionariesAreRecognised) {
  FAULTLINE_REQUIRE_SHARED();
  const std::string e = testing::SharedDir() + "/eventcoding/";
  const std::pair<const char*, EventFileKind> files[] = {
      {"phoenix/Phoenix.agents.txt", EventFileKind::kAgents},
      {"petrarch/PETR.Validate.agents.txt", EventFileKind::kAgents},
      {"tabari/Validate.agents", EventFileKind::kAgents},
      {"phoenix/Phoenix.Countries.actors.txt", EventFileKind::kActors},
      {"actors/Levant.080629.actors.TABARI-format", EventFileKind::kActors},
      {"tabari/TABARI.Demo.actors", EventFileKind::kActors},
      {"petrarch/PETR.Validate.verbs.txt", EventFileKind::kVerbs},
      {"phoenix/CAMEO.2.0.txt", EventFileKind::kVerbs},
      {"tabari/TABARI.Demo.verbs", EventFileKind::kVerbs},
      {"phoenix/Phoenix.discards.txt", EventFileKind::kDiscards},
      {"petrarch/PETR.Validate.discards.txt", EventFileKind::kDiscards},
      {"cameo/CAMEO_codefile.text_to_CAMEO.txt", EventFileKind::kCodes},
      {"cameo/cameo-codes.andybega-icews.csv", EventFileKind::kCodes},
      {"cameo/CAMEO.eventcodes.from_manual_1.1b3.tsv", EventFileKind::kCodes},
      {"phoenix/PETR.Internal.Coding.Ontology.txt", EventFileKind::kCodes},
      {"tabari/Validate.options", EventFileKind::kOptions},
      {"tabari/Validate.project", EventFileKind::kProject},
  };
  for (const auto& [file, kind] : files)
    EXPECT_EQ(DescribeEventFileKind(ClassifyEventFile(Slurp(e + file))), DescribeEventFileKind(kind)) << file;
}

}  // namespace
}  // namespace faultline
