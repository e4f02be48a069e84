// libarchive inputs: xz, bzip2 and zstd files decode like gzip; zip and tar archives give
// one input per entry; an entry over the size limit is reported and skipped.
#include <gtest/gtest.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "ingest/archive.h"
#include "ingest/read_documents.h"

namespace faultline {
namespace {

namespace fs = std::filesystem;

const char* kArticle =
    "title: Ministers meet in Tallinn\ndate: 2023-05-04\n\nThe ministers of Norland and Southia met on "
    "Thursday to talk about the pipeline across the bay.\n";

fs::path Dir() {
  fs::path d = fs::temp_directory_path() / ("faultline_archive_test_" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

// Writes `entries` (name, content) with libarchive in `format` and `filter`.
void WriteArchive(const fs::path& path, int format, int filter,
                  const std::vector<std::pair<std::string, std::string>>& entries) {
  archive* a = archive_write_new();
  archive_write_set_format(a, format);
  if (filter != ARCHIVE_FILTER_NONE) archive_write_add_filter(a, filter);
  ASSERT_EQ(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK) << archive_error_string(a);
  for (const auto& [name, content] : entries) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_write_header(a, e);
    archive_write_data(a, content.data(), content.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
}

// A single compressed stream (no archive structure), as `xz file` makes.
void WriteCompressed(const fs::path& path, int filter, const std::string& content) {
  archive* a = archive_write_new();
  archive_write_set_format_raw(a);
  archive_write_add_filter(a, filter);
  ASSERT_EQ(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK) << archive_error_string(a);
  archive_entry* e = archive_entry_new();
  archive_entry_set_filetype(e, AE_IFREG);
  archive_write_header(a, e);
  archive_write_data(a, content.data(), content.size());
  archive_entry_free(e);
  archive_write_close(a);
  archive_write_free(a);
}

struct Read {
  std::vector<Document> docs;
  std::vector<Status> errors;
};

Read ReadPath(const fs::path& p, uint64_t max_bytes = 256u << 20) {
  Read r;
  ReadOptions o;
  o.max_file_bytes = max_bytes;
  DocumentReader reader(o, [&](Document&& d) { r.docs.push_back(std::move(d)); },
                        [&](const Status& s) { r.errors.push_back(s); });
  reader.ReadPaths({p.string()});
  return r;
}

TEST(ArchiveInputsTest, XzBzip2AndZstdFilesReadLikeTheirText) {
  const fs::path d = Dir();
  for (auto [ext, filter] : {std::pair{".xz", ARCHIVE_FILTER_XZ}, std::pair{".bz2", ARCHIVE_FILTER_BZIP2},
                             std::pair{".zst", ARCHIVE_FILTER_ZSTD}}) {
    const fs::path p = d / (std::string("meeting.txt") + ext);
    WriteCompressed(p, filter, kArticle);
    Read r = ReadPath(p);
    ASSERT_EQ(r.docs.size(), 1u) << ext << (r.errors.empty() ? "" : r.errors[0].reason());
    EXPECT_TRUE(r.errors.empty()) << ext;
    EXPECT_EQ(r.docs[0].id, "meeting") << ext;
    EXPECT_EQ(r.docs[0].title, "Ministers meet in Tallinn") << ext;
    EXPECT_NE(r.docs[0].text.find("pipeline across the bay"), std::string::npos) << ext;
  }
  fs::remove_all(d);
}

TEST(ArchiveInputsTest, ZipAndTarEntriesAreInputsOfTheirOwn) {
  const fs::path d = Dir();
  const std::vector<std::pair<std::string, std::string>> entries = {
      {"a/one.txt", kArticle}, {"two.jsonl", "{\"id\": \"x1\", \"text\": \"Southia rejects the plan.\"}\n"
                                             "{\"id\": \"x2\", \"text\": \"Norland welcomes the plan.\"}\n"}};
  WriteArchive(d / "set.zip", ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, entries);
  WriteArchive(d / "set.tar.xz", ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_XZ, entries);
  for (const char* name : {"set.zip", "set.tar.xz"}) {
    ASSERT_TRUE(IsArchiveFile((d / name).string())) << name;
    Read r = ReadPath(d / name);
    ASSERT_EQ(r.docs.size(), 3u) << name;
    EXPECT_TRUE(r.errors.empty()) << name;
    EXPECT_EQ(r.docs[0].file, (d / name).string() + "#a/one.txt");
    EXPECT_EQ(r.docs[0].title, "Ministers meet in Tallinn");
    EXPECT_EQ(r.docs[2].id, "x2");
  }
  fs::remove_all(d);
}

TEST(ArchiveInputsTest, AnEntryOverTheLimitIsSkippedTheOthersRead) {
  const fs::path d = Dir();
  // 2 MB of text compresses to almost nothing: the limit applies after decompression.
  const std::string big = "title: Big\n\n" + std::string(2u << 20, 'a') + "\n";
  WriteArchive(d / "bomb.zip", ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, {{"big.txt", big}, {"small.txt", kArticle}});
  ASSERT_LT(fs::file_size(d / "bomb.zip"), 100000u);
  Read r = ReadPath(d / "bomb.zip", 1u << 20);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "Ministers meet in Tallinn");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].file().find("#big.txt"), std::string::npos) << r.errors[0].reason();
  EXPECT_NE(r.errors[0].reason().find("over the limit"), std::string::npos);
  fs::remove_all(d);
}

TEST(ArchiveInputsTest, DamagedCompressedFileIsOneError) {
  const fs::path d = Dir();
  WriteCompressed(d / "cut.txt.xz", ARCHIVE_FILTER_XZ, std::string(kArticle) + std::string(100000, 'b'));
  fs::resize_file(d / "cut.txt.xz", fs::file_size(d / "cut.txt.xz") / 2);
  Read r = ReadPath(d / "cut.txt.xz");
  EXPECT_TRUE(r.docs.empty());
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors[0].file(), (d / "cut.txt.xz").string());
  fs::remove_all(d);
}

}  // namespace
}  // namespace faultline
