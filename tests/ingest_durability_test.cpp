// What an interrupted or failing `ingest` leaves behind: a kill -9 at any point loses at
// most the open batch, documents and story entries together, and the same ingest run
// again stores exactly what is missing, nothing twice, with the stories an uninterrupted
// run makes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include "ingest_test_util.h"
#include "store/ingest_writer.h"
#include "store/store.h"
#include "stories/story_store.h"

namespace faultline {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunCli;
using testing::TempDir;
using testing::WriteFile;

// Documents about `stories` different events, each told by three outlets in their own
// words (so the stories stage joins them) and some told once.
std::vector<Document> Corpus(int stories) {
  const char* kPlaces[] = {"Vellmar", "Orlen", "Dastow", "Kirrin", "Mersey Flats", "Harlow", "Pellin", "Tarsk"};
  const char* kThings[] = {"a bridge repair", "a school closure", "a water tariff", "a bus depot",
                           "a hospital wing", "a ferry route", "a housing plan", "a landfill site"};
  const char* kOutlets[] = {"Harbour Post", "Coast Wire", "Metro News"};
  std::vector<Document> out;
  for (int k = 0; k < stories; ++k) {
    const std::string place = std::string(kPlaces[k % 8]) + (k >= 8 ? " " + std::to_string(k) : "");
    const std::string thing = kThings[(k * 3) % 8];
    const std::string n = std::to_string(100 + k * 7);
    const std::string day = "2024-05-" + std::string(k % 28 < 9 ? "0" : "") + std::to_string(k % 28 + 1);
    const std::string facts[3] = {
        "The council of " + place + " voted " + n + " to " + std::to_string(k % 5) + " on " + thing +
            " late on Thursday after a debate of six hours. Residents of " + place +
            " had collected signatures for months, and the mayor said the vote settled the matter. "
            "Opponents promised to take the decision on " + thing + " to the regional court.",
        "After six hours of debate, " + place + " councillors backed " + thing + " by " + n + " votes to " +
            std::to_string(k % 5) + " on Thursday night. The mayor of " + place +
            " said the matter was settled, while opponents vowed a challenge in the regional court "
            "over " + thing + ". Residents had gathered signatures for months.",
        "Residents who spent months collecting signatures saw " + place + " council approve " + thing +
            " on Thursday, " + n + " to " + std::to_string(k % 5) + ", after six hours. Opponents of " + thing +
            " will go to the regional court, they said; the mayor of " + place + " called it settled."};
    const int tellings = k % 4 == 3 ? 1 : 3;
    for (int t = 0; t < tellings; ++t) {
      Document d;
      d.id = std::string("s").append(std::to_string(k)).append("-").append(std::to_string(t));
      d.file = d.id + ".txt";
      d.outlet = kOutlets[t];
      d.date = day;
      d.title = thing + " in " + place;
      d.text = facts[t];
      out.push_back(std::move(d));
    }
  }
  return out;
}

stories::StoriesData Data() {
  auto d = stories::StoriesData::Load();
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return std::move(d).value();
}

// Ingests `docs` as `faultline ingest` does (IngestWriter, stories assigned); with
// `kill_after` >= 0 the process is killed with SIGKILL right after that many writes,
// with whatever transaction is open.
void IngestAll(const std::string& db, const std::vector<Document>& docs, int batch_size, int kill_after = -1) {
  StoreOptions so;
  so.batch_size = batch_size;
  auto store = Store::Open(db, so);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto ss = stories::StoryStore::Open(store->get(), Data());
  ASSERT_TRUE(ss.ok()) << ss.status().ToString();
  std::string errors;
  IngestWriter w(
      store->get(), [&](const Document& d, const std::string& id) { return (*ss)->Add(d, id); },
      [&](const std::string& line) { errors += line; });
  int n = 0;
  for (const Document& d : docs) {
    w.Write(d, KeysOf(d));
    if (++n == kill_after) ::kill(::getpid(), SIGKILL);
  }
  EXPECT_TRUE(w.Finish()) << errors;
  EXPECT_EQ(errors, "");
}

// The same in a child process, killed after `kill_after` writes.
void IngestAndDie(const std::string& db, const std::vector<Document>& docs, int batch_size, int kill_after) {
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    IngestAll(db, docs, batch_size, kill_after);
    ::_exit(3);  // not reached when kill_after <= docs.size()
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "status " << status;
}

int64_t Count(sqlite3* db, const char* sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) return -1;
  int64_t n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
  sqlite3_finalize(s);
  return n;
}

struct Snapshot {
  int64_t documents = 0;         // rows, duplicates included
  int64_t distinct_hashes = 0;
  int64_t originals_without_story = 0;
  int64_t stories_without_document = 0;
  int64_t stories_without_root = 0;  // story ids that are no stored story's first document
  int64_t dangling_links = 0;        // linked_to naming no stored document
  std::map<std::string, std::string> story_of;  // document -> story
};

Snapshot Read(const std::string& path) {
  Snapshot s;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  s.documents = Count(db, "SELECT COUNT(*) FROM documents");
  s.distinct_hashes = Count(db, "SELECT COUNT(DISTINCT content_hash) FROM documents");
  s.originals_without_story = Count(
      db, "SELECT COUNT(*) FROM documents d WHERE duplicate_of IS NULL AND "
          "NOT EXISTS (SELECT 1 FROM story_profiles s WHERE s.doc = d.id)");
  s.stories_without_document =
      Count(db, "SELECT COUNT(*) FROM story_profiles s WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = s.doc)");
  s.stories_without_root = Count(
      db, "SELECT COUNT(*) FROM story_profiles s WHERE NOT EXISTS "
          "(SELECT 1 FROM story_profiles r WHERE r.doc = s.story AND r.story = r.doc)");
  s.dangling_links = Count(
      db, "SELECT COUNT(*) FROM story_profiles s WHERE s.linked_to != '' AND NOT EXISTS "
          "(SELECT 1 FROM documents d WHERE d.id = s.linked_to)");
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT doc, story FROM story_profiles", -1, &q, nullptr);
  while (sqlite3_step(q) == SQLITE_ROW)
    s.story_of[reinterpret_cast<const char*>(sqlite3_column_text(q, 0))] =
        reinterpret_cast<const char*>(sqlite3_column_text(q, 1));
  sqlite3_finalize(q);
  sqlite3_close(db);
  return s;
}

void ExpectConsistent(const Snapshot& s, const std::string& when) {
  EXPECT_EQ(s.documents, s.distinct_hashes) << when;
  EXPECT_EQ(s.originals_without_story, 0) << when;
  EXPECT_EQ(s.stories_without_document, 0) << when;
  EXPECT_EQ(s.stories_without_root, 0) << when;
  EXPECT_EQ(s.dangling_links, 0) << when;
}

TEST(IngestDurabilityTest, AKillAtAnyWriteLosesWholeBatchesAndReingestRestoresTheSameStories) {
  const std::vector<Document> docs = Corpus(8);  // 20 documents, 6 stories of three
  ASSERT_EQ(docs.size(), 20u);
  TempDir dir;
  // Three writes a batch: a document and its story entry are two (before stories were part
  // of the document's transaction, a batch ended between them).
  const int kBatch = 3;
  IngestAll(dir / "reference.db", docs, kBatch);
  const Snapshot want = Read(dir / "reference.db");
  ExpectConsistent(want, "uninterrupted");
  ASSERT_EQ(want.documents, 20);
  std::map<std::string, int> story_sizes;
  for (const auto& [doc, story] : want.story_of) ++story_sizes[story];
  EXPECT_GE(std::count_if(story_sizes.begin(), story_sizes.end(), [](auto& p) { return p.second == 3; }), 5)
      << "the corpus should make stories of three";

  for (int k = 1; k <= static_cast<int>(docs.size()); ++k) {
    const std::string db = dir / ("killed" + std::to_string(k) + ".db");
    IngestAndDie(db, docs, kBatch, k);
    const Snapshot killed = Read(db);
    ExpectConsistent(killed, "after a kill at document " + std::to_string(k));
    EXPECT_LE(killed.documents, k);
    IngestAll(db, docs, kBatch);
    const Snapshot again = Read(db);
    ExpectConsistent(again, "re-ingested after a kill at document " + std::to_string(k));
    EXPECT_EQ(again.documents, want.documents) << k;
    EXPECT_EQ(again.story_of, want.story_of) << "kill at document " << k;
  }
}

int64_t StoredDocuments(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return 0;
  }
  sqlite3_busy_timeout(db, 1000);
  int64_t n = Count(db, "SELECT COUNT(*) FROM documents");
  sqlite3_close(db);
  return n;
}

// The real command, killed with SIGKILL once it has committed `at_least` documents (or
// not at all if it finishes first: what is checked holds either way).
void RunIngestAndKill(const std::string& in, const std::string& db, int64_t at_least) {
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    const std::string bin = testing::Binary();
    ::execl(bin.c_str(), bin.c_str(), "ingest", in.c_str(), "--db", db.c_str(), "--batch-size", "4",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  for (;;) {
    if (::waitpid(pid, &status, WNOHANG) == pid) {  // finished before the kill: it must have succeeded
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "ingest ended by itself with status " << status;
      return;
    }
    if (StoredDocuments(db) >= at_least) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ::kill(pid, SIGKILL);
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
}

TEST(IngestDurabilityTest, KillNineDuringIngestOfAFolderThenIngestAgain) {
  TempDir dir;
  const std::vector<Document> docs = Corpus(60);  // 150 files
  for (const Document& d : docs)
    WriteFile(dir / ("in/" + d.file), "title: " + d.title + "\noutlet: " + d.outlet + "\ndate: " + d.date +
                                          "\n\n" + d.text + "\n");
  auto r = RunCli("ingest " + dir / "in" + " --db " + dir / "reference.db", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Snapshot want = Read(dir / "reference.db");
  ExpectConsistent(want, "uninterrupted");
  ASSERT_EQ(want.documents, static_cast<int64_t>(docs.size()));

  const std::string db = dir / "killed.db";
  for (int64_t at : {1, 40, 100}) {
    RunIngestAndKill(dir / "in", db, at);
    ExpectConsistent(Read(db), "after a kill at " + std::to_string(at));
  }
  r = RunCli("ingest " + dir / "in" + " --db " + db, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Snapshot again = Read(db);
  ExpectConsistent(again, "ingested again");
  EXPECT_EQ(again.documents, want.documents);
  EXPECT_EQ(again.story_of, want.story_of);
  r = RunCli("ingest " + dir / "in" + " --db " + db, dir);
  EXPECT_THAT(r.out, HasSubstr("added 0, exact duplicates 150"));
}

int64_t Occurrences(const std::string& s, const std::string& what) {
  int64_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

TEST(IngestDurabilityTest, AFullDiskStopsTheRunCountsOnlyWhatCommittedAndSaysSoOnce) {
  TempDir dir;
  const std::vector<Document> docs = Corpus(60);
  for (const Document& d : docs)
    WriteFile(dir / ("in/" + d.file), "title: " + d.title + "\noutlet: " + d.outlet + "\ndate: " + d.date +
                                          "\n\n" + d.text + "\n");
  auto r = RunCli("ingest " + dir / "in" + " --db " + dir / "reference.db", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Snapshot want = Read(dir / "reference.db");

  // The database may not grow past 160 KB: the disk is "full" part of the way through.
  const std::string db = dir / "full.db";
  r = RunCli("ingest " + dir / "in" + " --db " + db + " --batch-size 10 --max-db-mb 0.16", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Occurrences(r.err, "\n"), 1) << r.err;  // one line
  EXPECT_THAT(r.err, HasSubstr("database or disk is full"));
  EXPECT_THAT(r.err, HasSubstr("and every document after it were not stored"));
  const Snapshot full = Read(db);
  ExpectConsistent(full, "disk full");
  EXPECT_GT(full.documents, 0);
  EXPECT_LT(full.documents, static_cast<int64_t>(docs.size()));
  EXPECT_THAT(r.out, HasSubstr("added " + std::to_string(full.documents) + ", "));
  EXPECT_THAT(r.out, HasSubstr("stopped early"));
  // The stories line too counts only the documents that committed.
  EXPECT_THAT(r.out, HasSubstr("stories: " + std::to_string(full.documents) + " new documents"));

  // Room again: the same ingest adds exactly what is missing.
  r = RunCli("ingest " + dir / "in" + " --db " + db, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("added " + std::to_string(docs.size() - full.documents) + ", exact duplicates " +
                               std::to_string(full.documents)));
  const Snapshot again = Read(db);
  ExpectConsistent(again, "after the disk full");
  EXPECT_EQ(again.story_of, want.story_of);
}

TEST(IngestDurabilityTest, OneIngestAtATimeWritesToADatabase) {
  TempDir dir;
  const std::string db = dir / "one.db";
  StoreOptions so;
  so.exclusive_writer = true;
  auto first = Store::Open(db, so);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  WriteFile(dir / "a.txt", "title: Wall\n\nThe harbour wall of Vellmar was rebuilt before the winter storms came.\n");
  auto r = RunCli("ingest " + dir / "a.txt" + " --db " + db, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("another faultline ingest is writing to this database"));
  first->reset();
  r = RunCli("ingest " + dir / "a.txt" + " --db " + db, dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(IngestDurabilityTest, ASqliteFileThatIsNotFaultlinesIsRefusedAndLeftAlone) {
  TempDir dir;
  const std::string db = dir / "other.db";
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE invoices (n INTEGER); INSERT INTO invoices VALUES (1);", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  WriteFile(dir / "a.txt", "title: Wall\n\nThe harbour wall of Vellmar was rebuilt before the winter storms came.\n");
  auto r = RunCli("ingest " + dir / "a.txt" + " --db " + db, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("other.db: a SQLite database that is not faultline's (tables: invoices)"));
  ASSERT_EQ(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  EXPECT_EQ(Count(raw, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"), 1);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &q, nullptr);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)), "delete");  // not switched to WAL
  sqlite3_finalize(q);
  sqlite3_close(raw);
  // An empty SQLite file becomes a faultline database.
  ASSERT_EQ(sqlite3_open((dir / "empty.db").c_str(), &raw), SQLITE_OK);
  sqlite3_close(raw);
  r = RunCli("ingest " + dir / "a.txt" + " --db " + dir / "empty.db", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// RunCli as user nobody (setpriv, util-linux): for what root may do whatever the permissions.
testing::RunResult RunCliAsNobody(const std::string& args, const TempDir& dir) {
  const std::string cmd = "setpriv --reuid=65534 --regid=65534 --clear-groups " + testing::Binary() + " " + args +
                          " >" + dir / ".stdout" + " 2>" + dir / ".stderr";
  const int status = std::system(cmd.c_str());
  testing::RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = testing::ReadWholeFile(dir / ".stdout");
  r.err = testing::ReadWholeFile(dir / ".stderr");
  return r;
}

TEST(IngestDurabilityTest, ADatabaseInAReadOnlyFolderIsReportedAsSuch) {
  // Root writes into a read-only folder anyway (CI runs as root): there the second ingest
  // runs as nobody, who owns the database but may not write into its folder.
  const bool root = ::geteuid() == 0;
  if (root && std::system("command -v setpriv >/dev/null") != 0) {
    GTEST_SKIP() << "running as root without setpriv (util-linux): a folder cannot be made read-only for root";
  }
  TempDir dir;
  if (root && RunCliAsNobody("--version", dir).exit_code != 0) {
    GTEST_SKIP() << "running as root, and user nobody cannot run " << testing::Binary()
                 << " (a folder above it closed to others): a folder cannot be made read-only for root";
  }
  WriteFile(dir / "a.txt", "title: Wall\n\nThe harbour wall of Vellmar was rebuilt before the winter storms came.\n");
  const std::string db = dir / "ro/n.db";
  std::filesystem::create_directories(dir / "ro");
  auto r = RunCli("ingest " + dir / "a.txt" + " --db " + db, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  if (root) {
    ::chmod(dir.path().c_str(), 0755);  // mkdtemp's 0700 would keep nobody out of it all
    ASSERT_EQ(::chown((dir / "ro").c_str(), 65534, 65534), 0);
    ASSERT_EQ(::chown(db.c_str(), 65534, 65534), 0);
  }
  ::chmod((dir / "ro").c_str(), 0555);
  const std::string args = "ingest " + dir / "a.txt" + " --db " + db;
  r = root ? RunCliAsNobody(args, dir) : RunCli(args, dir);
  ::chmod((dir / "ro").c_str(), 0755);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("its folder cannot be written"));
  EXPECT_THAT(r.err, Not(HasSubstr("not a faultline database")));
}

}  // namespace
}  // namespace faultline
