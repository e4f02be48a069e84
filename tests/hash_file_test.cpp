// FieldHasher's fields given in pieces, and HashFileContent: both must give exactly what
// Add of the whole field gives, or every stored fingerprint (statement cache, stored
// sources) would go stale with the change.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "util/hash.h"
#include "util/hash_file.h"

namespace faultline {
namespace {

// Bytes that differ from position to position, so a piece out of place changes the hash.
std::string Bytes(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + 7) % 251);
  return s;
}

std::string Whole(std::string_view field) { return FieldHasher().Add("before").Add(field).Add("after").Hex(); }

TEST(FieldHasherTest, PiecesHashAsTheWholeField) {
  for (size_t n : {0, 1, 7, 8, 9, 15, 16, 17, 40, 1001}) {
    const std::string field = Bytes(n);
    for (size_t cut1 = 0; cut1 <= n; cut1 += (n < 20 ? 1 : 13)) {
      for (size_t cut2 = cut1; cut2 <= n; cut2 += (n < 20 ? 1 : 29)) {
        FieldHasher h;
        h.Add("before").BeginField(n);
        h.Append(std::string_view(field).substr(0, cut1));
        h.Append(std::string_view(field).substr(cut1, cut2 - cut1));
        h.Append(std::string_view(field).substr(cut2));
        h.EndField().Add("after");
        ASSERT_EQ(h.Hex(), Whole(field)) << "size " << n << ", cut at " << cut1 << " and " << cut2;
      }
    }
  }
}

TEST(FieldHasherTest, PiecesInAnotherOrderDiffer) {
  const std::string field = Bytes(24);
  FieldHasher h;
  h.Add("before").BeginField(24).Append(std::string_view(field).substr(8)).Append(std::string_view(field).substr(0, 8));
  h.EndField().Add("after");
  EXPECT_NE(h.Hex(), Whole(field));
}

class HashFileContentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("faultline-hash-file-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  std::filesystem::path dir_;
};

TEST_F(HashFileContentTest, SameAsAddOfTheContent) {
  // Sizes around the reader's 64 KiB pieces, one that leaves a partial word at each edge.
  for (size_t n : {size_t{0}, size_t{5}, size_t{65536}, size_t{65539}, size_t{3 * 65536 + 13}}) {
    const std::string content = Bytes(n);
    const std::string path = Write("f" + std::to_string(n), content);
    FieldHasher h;
    h.Add("before");
    ASSERT_TRUE(HashFileContent(path, "a test", &h).ok());
    h.Add("after");
    EXPECT_EQ(h.Hex(), Whole(content)) << "size " << n;
  }
}

TEST_F(HashFileContentTest, MissingFileNamesItAndThePurpose) {
  FieldHasher h;
  const std::string path = (dir_ / "absent.yaml").string();
  Status s = HashFileContent(path, "the test's fingerprint", &h);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.ToString().find("absent.yaml"), std::string::npos) << s.ToString();
  EXPECT_NE(s.ToString().find("the test's fingerprint"), std::string::npos) << s.ToString();
}

}  // namespace
}  // namespace faultline
