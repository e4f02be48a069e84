// The one data search path: $FAULTLINE_DATA, then the install prefix, then the source tree.
// The install prefix itself is exercised end to end by install_test (a fresh prefix).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "statements/codebook.h"
#include "test_paths.h"
#include "util/data_path.h"

namespace faultline {
namespace {

namespace fs = std::filesystem;

// Sets FAULTLINE_DATA for one test and restores what was there.
class ScopedDataEnv {
 public:
  explicit ScopedDataEnv(const char* value) : old_(std::getenv("FAULTLINE_DATA")) {
    if (old_ != nullptr) saved_.assign(old_);
    setenv("FAULTLINE_DATA", value, 1);
  }
  ~ScopedDataEnv() {
    if (old_ != nullptr) setenv("FAULTLINE_DATA", saved_.c_str(), 1);
    else unsetenv("FAULTLINE_DATA");
  }

 private:
  const char* old_;
  std::string saved_;
};

TEST(DataPathTest, BuildTreeBinaryReadsTheSourceTree) {
  ScopedDataEnv env("");  // empty counts as unset
  auto dir = DataDir();
  ASSERT_TRUE(dir.ok()) << dir.status().reason();
  EXPECT_TRUE(fs::equivalent(*dir, fs::path(testing::SourceDir()) / "data"));
  // A build-tree binary never looks at an install prefix: stale installed data cannot
  // shadow a developer's edits.
  const auto path = DataSearchPath();
  ASSERT_EQ(path.size(), 1u);
  EXPECT_EQ(path[0].origin, "source tree");
  EXPECT_EQ(Codebook::DefaultPath(), (fs::path(*dir) / "codebooks/security.yaml").string());
}

TEST(DataPathTest, VariableWinsAndIsNeverSilentlyIgnored) {
  const fs::path mine = fs::temp_directory_path() / "faultline_data_path_test";
  fs::create_directories(mine / "codebooks");
  {
    ScopedDataEnv env(mine.c_str());
    auto dir = DataDir();
    ASSERT_TRUE(dir.ok());
    EXPECT_EQ(*dir, mine.string());
    EXPECT_EQ(DataFile("codebooks/x.yaml"), (mine / "codebooks/x.yaml").string());
  }
  fs::remove_all(mine);
  {
    ScopedDataEnv env(mine.c_str());  // gone now: an error naming it, not the shipped data
    auto dir = DataDir();
    ASSERT_FALSE(dir.ok());
    EXPECT_NE(dir.status().reason().find(mine.string()), std::string::npos) << dir.status().reason();
    EXPECT_NE(dir.status().reason().find("FAULTLINE_DATA"), std::string::npos);
    EXPECT_EQ(DataFile("cues/en.yaml"), (mine / "cues/en.yaml").string());
  }
}

}  // namespace
}  // namespace faultline
