#include "store/store.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <ctime>
#include <iterator>

#include "store/near_duplicates.h"
#include "store/statement_cache.h"

namespace faultline {
namespace {

// The schema as version 1 created it; a new file gets it and then every migration, so
// new and migrated files are alike.
constexpr const char* kBaseSchema = R"sql(
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  seq INTEGER PRIMARY KEY,          -- insertion order
  id TEXT NOT NULL UNIQUE,
  file TEXT NOT NULL,
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  date TEXT NOT NULL,               -- ISO 8601, partial, or '' when unknown
  outlet TEXT NOT NULL,
  author TEXT NOT NULL,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  duplicate_of TEXT,                -- id of the original for near-duplicates, else NULL
  similarity REAL,                  -- estimated Jaccard with that original
  minhash BLOB,                     -- near_duplicates.h signature, NULL for short texts
  ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_duplicate_of ON documents(duplicate_of);
CREATE TABLE IF NOT EXISTS statements (
  doc TEXT NOT NULL,
  n INTEGER NOT NULL,               -- order within the document
  actor TEXT NOT NULL,
  issue TEXT NOT NULL,
  stance INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  "begin" INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  person TEXT NOT NULL,
  cue TEXT NOT NULL,
  rule TEXT NOT NULL,
  source TEXT NOT NULL,
  date TEXT NOT NULL,
  outlet TEXT NOT NULL,
  PRIMARY KEY (doc, n)
);
)sql";

// kMigrations[i] takes the schema from version i + 1 to i + 2.
constexpr const char* kMigrations[] = {
    // 1 -> 2: the statement cache records what produced each document's statements.
    // Rows a version 1 file may hold say nothing of that, so they cannot be trusted.
    R"sql(
CREATE TABLE IF NOT EXISTS extractions (
  doc TEXT PRIMARY KEY,             -- documents.id
  fingerprint TEXT NOT NULL,        -- codebook, cues, knowledge base, extractor version
  doc_hash TEXT NOT NULL,           -- the document as analysed (text and metadata)
  statements INTEGER NOT NULL,      -- how many rows in statements (0 is a result too)
  extracted_at TEXT NOT NULL
);
DELETE FROM statements;
)sql",
    // 2 -> 3: corrections. The target's key (t_*) names the statement judged; the other
    // columns are the statement as it stands after the correction (corrections/correction.h).
    R"sql(
CREATE TABLE IF NOT EXISTS corrections (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  action TEXT NOT NULL,             -- confirm, reject, change, add
  t_doc TEXT NOT NULL, t_actor TEXT NOT NULL, t_issue TEXT NOT NULL, t_stance INTEGER NOT NULL,
  t_begin INTEGER NOT NULL, t_end INTEGER NOT NULL,
  doc TEXT NOT NULL, actor TEXT NOT NULL, issue TEXT NOT NULL, stance INTEGER NOT NULL,
  evidence TEXT NOT NULL, "begin" INTEGER NOT NULL, "end" INTEGER NOT NULL,
  person TEXT NOT NULL, cue TEXT NOT NULL, rule TEXT NOT NULL, source TEXT NOT NULL,
  date TEXT NOT NULL, outlet TEXT NOT NULL,
  who TEXT NOT NULL,
  at TEXT NOT NULL,                 -- UTC, ISO 8601
  note TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS corrections_doc ON corrections(doc);
)sql",
    // 3 -> 4: stories. The outlet a page says its text was taken from (Document::via), and
    // each document's story profile and story (stories/story_store.h); documents stored
    // before have none until a faultline with stories profiles them.
    R"sql(
ALTER TABLE documents ADD COLUMN via TEXT NOT NULL DEFAULT '';
CREATE TABLE IF NOT EXISTS story_profiles (
  doc TEXT PRIMARY KEY,             -- documents.id
  day INTEGER,                      -- days since 1970-01-01, NULL when undated
  profile BLOB NOT NULL,            -- stories/profile.h
  story TEXT NOT NULL,              -- the id of the document that started the story
  linked_to TEXT NOT NULL,          -- the document it was linked to, '' for none
  score REAL NOT NULL,
  settings TEXT NOT NULL            -- fingerprint of what made the profile
);
CREATE INDEX IF NOT EXISTS story_profiles_story ON story_profiles(story);
)sql",
    // 4 -> 5: cached statements keep the CAMEO code an event-data dictionary gave their
    // actor (Statement::cameo). Only extractions with --actors files can give one, and
    // their fingerprint changed with this version (AnalysisFingerprint), so the entries
    // cached before without the code are never read back as if they had it.
    R"sql(
ALTER TABLE statements ADD COLUMN cameo TEXT NOT NULL DEFAULT '';
)sql",
    // 5 -> 6: each document's sources (stories/sources_bytes.h), so that readers of the
    // stories need not scan every text for attributions again. Entries stored before
    // have none until the next `ingest` adds them; readers find them in the text meanwhile.
    R"sql(
ALTER TABLE story_profiles ADD COLUMN sources BLOB NOT NULL DEFAULT x'';
)sql",
    // 6 -> 7: each cached statement's confidence. Rows cached before read as 1 until they
    // are extracted again, which the fingerprint sees to: it covers the confidence table,
    // which no earlier fingerprint did, so no earlier row is served as current.
    R"sql(
ALTER TABLE statements ADD COLUMN confidence REAL NOT NULL DEFAULT 1;
)sql",
    // 7 -> 8: each document's AnalysedDocumentHash as stored, so that checking a cached
    // entry need not hash the text again. NULL is unknown: rows stored before get theirs
    // from the next writer that reads them (CollectStoredStatements). Any later change of
    // a field the hash covers, by whatever program, makes it unknown again: a stale hash
    // would serve statements of a text that is no longer there.
    R"sql(
ALTER TABLE documents ADD COLUMN analysed_hash TEXT;
CREATE TRIGGER IF NOT EXISTS documents_analysed_hash_unknown
AFTER UPDATE OF id, file, url, title, date, outlet, author, language, text ON documents
BEGIN
  UPDATE documents SET analysed_hash = NULL WHERE seq = NEW.seq;
END;
)sql",
    // 8 -> 9: each cached statement's evidence in UTF-16 code units (Statement::units_begin,
    // units_end), so that a reader of the cache need not read the document's text to
    // count them. NULL is unknown: rows cached before get theirs from the next writer
    // that reads them (CollectStoredStatements). The offsets follow from the text and the
    // byte span, and a changed text is extracted again (its hash changes), so they stay true.
    R"sql(
ALTER TABLE statements ADD COLUMN units_begin INTEGER;
ALTER TABLE statements ADD COLUMN units_end INTEGER;
)sql",
    // 9 -> 10: the documents' metadata in an index of its own, so that listing them
    // without their texts (ForEachStoredDocument, DocumentReading::with_text false) reads
    // only the index: `via` and `analysed_hash` lie after the text in the table's rows, and
    // reading them there walks every text's overflow pages (95 MB on the shared corpora).
    // duplicate_of is in it so that the listing of originals needs nothing else.
    R"sql(
CREATE INDEX IF NOT EXISTS documents_listing ON documents(seq, id, file, url, title, date, outlet, author, language,
                                                          via, analysed_hash, duplicate_of);
)sql",
    // 10 -> 11: each story profile's summary (stories/profile.h ProfileSummaryToBytes: its
    // day and MinHash, 308 bytes of 2 KB), and an index holding what a reader of stored
    // stories needs besides the profile, so that readers that cluster nothing (`map`,
    // `serve`) read neither the profiles (20 MB on the shared corpora) nor the table's
    // pages. Entries stored before have no summary until the next `ingest` adds it;
    // readers read their profile meanwhile.
    R"sql(
ALTER TABLE story_profiles ADD COLUMN summary BLOB;
CREATE INDEX IF NOT EXISTS story_summaries ON story_profiles(doc, settings, story, linked_to, score, day, summary,
                                                            sources);
)sql",
    // 11 -> 12: the stories' finished result (stories/origin_results.h: each document's
    // story and origin, as the map reads them), stored by `ingest` so that `serve` reads
    // it instead of clustering again at every start. Triggers delete it whenever a document
    // or a story entry is added, changed or removed, by any writer: a result that is
    // there is one of the documents as they are. Recording a document's analysed hash
    // (which the map's readers do) changes nothing the stories read, so it leaves it.
    R"sql(
CREATE TABLE IF NOT EXISTS story_results (
  id INTEGER PRIMARY KEY CHECK (id = 1),  -- one result, of the whole store
  stamp TEXT NOT NULL,                    -- of the settings, outlet lists and cues that made it
  result BLOB NOT NULL                    -- stories/origin_table.h OriginTableToBytes
);
CREATE TRIGGER IF NOT EXISTS story_results_document_added AFTER INSERT ON documents
  BEGIN DELETE FROM story_results; END;
CREATE TRIGGER IF NOT EXISTS story_results_document_removed AFTER DELETE ON documents
  BEGIN DELETE FROM story_results; END;
CREATE TRIGGER IF NOT EXISTS story_results_document_changed
  AFTER UPDATE OF seq, id, file, url, title, date, outlet, author, language, text, content_hash, duplicate_of,
                  similarity, minhash, ingested_at, via ON documents
  BEGIN DELETE FROM story_results; END;
CREATE TRIGGER IF NOT EXISTS story_results_story_added AFTER INSERT ON story_profiles
  BEGIN DELETE FROM story_results; END;
CREATE TRIGGER IF NOT EXISTS story_results_story_removed AFTER DELETE ON story_profiles
  BEGIN DELETE FROM story_results; END;
CREATE TRIGGER IF NOT EXISTS story_results_story_changed AFTER UPDATE ON story_profiles
  BEGIN DELETE FROM story_results; END;
)sql",
};
static_assert(std::size(kMigrations) == static_cast<size_t>(kStoreSchemaVersion - 1),
              "one migration per version");

// A prepared statement, finalised on destruction.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s_, nullptr) != SQLITE_OK)
      s_ = nullptr;
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(sqlite3* db, const std::string& sql) : Stmt(db, sql.c_str()) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return s_ != nullptr; }
  sqlite3_stmt* get() const { return s_; }
  void Reset() const {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  void Bind(int i, const std::string& v) const {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, int64_t v) const { sqlite3_bind_int64(s_, i, v); }
  void Bind(int i, double v) const { sqlite3_bind_double(s_, i, v); }
  void BindBlob(int i, const std::string& v) const {
    sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void BindNull(int i) const { sqlite3_bind_null(s_, i); }
  int Step() const { return sqlite3_step(s_); }
  std::string Text(int col) const {
    const unsigned char* p = sqlite3_column_text(s_, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(s_, col)))
             : std::string();
  }
  int64_t Int(int col) const { return sqlite3_column_int64(s_, col); }
  double Double(int col) const { return sqlite3_column_double(s_, col); }
  std::string Blob(int col) const {
    const void* p = sqlite3_column_blob(s_, col);
    return p ? std::string(static_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(s_, col)))
             : std::string();
  }

 private:
  sqlite3_stmt* s_ = nullptr;
};

Status SqlError(sqlite3* db, const std::string& what) {
  return Status::Error(what + ": " + sqlite3_errmsg(db), sqlite3_db_filename(db, "main"));
}

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A SQLite URI for `path` with `query` ("mode=ro"): '%', '?' and '#' are escaped, and
// an absolute path gets an empty authority ("file:///...") so "//x" is no host name.
std::string UriFor(const std::string& path, const std::string& query) {
  std::string out = path.starts_with('/') ? "file://" : "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "?" + query;
}

// Opens `path` for reading only, checking that it can really be read: a WAL-mode file
// in a folder the process may not write cannot get its shared-memory file, and is then
// opened as immutable (no locking, committed WAL frames not seen), which is right for a
// corpus on read-only media and the only way to read it at all.
Result<sqlite3*> OpenReadOnly(const std::string& path) {
  int rc = SQLITE_OK;
  std::string msg;
  for (const char* query : {"mode=ro", "mode=ro&immutable=1"}) {
    sqlite3* db = nullptr;
    rc = sqlite3_open_v2(UriFor(path, query).c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                         nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, "SELECT COUNT(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return db;
    msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    if ((rc & 0xff) != SQLITE_READONLY && (rc & 0xff) != SQLITE_CANTOPEN) break;
  }
  if ((rc & 0xff) == SQLITE_NOTADB) return Status::Error("not a faultline database (" + msg + ")", path);
  return Status::Error("cannot open database read-only: " + msg, path);
}

// Version 4 has the via column; an older file read as it is gives ''. Version 8 has
// the analysed hash; an older file gives NULL (unknown). Without the text, '' stands in
// its place.
std::string DocumentColumns(int64_t schema_version, bool with_text = true) {
  return std::string("id, file, url, title, date, outlet, author, language, ") + (with_text ? "text, " : "'', ") +
         (schema_version >= 4 ? "via" : "''") + (schema_version >= 8 ? ", analysed_hash" : ", NULL");
}
constexpr int kDocumentColumnCount = 11;

Document ReadDocumentRow(const Stmt& s) {
  Document d;
  d.id = s.Text(0);
  d.file = s.Text(1);
  d.url = s.Text(2);
  d.title = s.Text(3);
  d.date = s.Text(4);
  d.outlet = s.Text(5);
  d.author = s.Text(6);
  d.language = s.Text(7);
  d.text = s.Text(8);
  d.via = s.Text(9);
  return d;
}

StoredDocument ReadStoredDocumentRow(const Stmt& s) {
  StoredDocument d;
  d.doc = ReadDocumentRow(s);
  d.analysed_hash = s.Text(10);
  return d;
}

// A statement's fields from `first` on, in the order the statements and corrections
// tables keep them: actor, issue, stance, evidence, begin, end, person, cue, rule,
// source, date, outlet.
void ReadStatementColumns(const Stmt& q, int first, Statement* s) {
  int c = first;
  s->actor = q.Text(c++);
  s->issue = q.Text(c++);
  s->stance = static_cast<int>(q.Int(c++));
  s->evidence = q.Text(c++);
  s->begin = static_cast<size_t>(q.Int(c++));
  s->end = static_cast<size_t>(q.Int(c++));
  s->person = q.Text(c++);
  s->cue = q.Text(c++);
  s->rule = q.Text(c++);
  s->source = q.Text(c++);
  s->date = q.Text(c++);
  s->outlet = q.Text(c);
}

// A statement's UTF-16 offsets from two columns; false (and left as they were) when
// they are NULL: cached before schema 9, or read from such a file.
bool ReadUnits(const Stmt& q, int first, Statement* s) {
  if (sqlite3_column_type(q.get(), first) == SQLITE_NULL || sqlite3_column_type(q.get(), first + 1) == SQLITE_NULL)
    return false;
  s->units_begin = static_cast<size_t>(q.Int(first));
  s->units_end = static_cast<size_t>(q.Int(first + 1));
  return true;
}

Status ExecOn(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) == SQLITE_OK) return Status::Ok();
  std::string msg = err ? err : sqlite3_errmsg(db);
  sqlite3_free(err);
  return Status::Error(msg);
}

bool FolderWritable(const std::string& path) {
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  return ::access(dir.c_str(), W_OK) == 0;
}

int64_t PageSize(sqlite3* db) {
  Stmt q(db, "PRAGMA page_size");
  return q.ok() && q.Step() == SQLITE_ROW && q.Int(0) > 0 ? q.Int(0) : 4096;
}

// A SQLite file that holds tables but not ours is someone else's: faultline would add
// its tables and switch it to WAL. Refused (an empty file becomes a faultline database).
Status CheckNotForeign(sqlite3* db, const std::string& path) {
  Stmt q(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  if (!q.ok()) return Status::Ok();  // not SQLite at all: the WAL switch says so
  std::string tables;
  int n = 0;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    const std::string name = q.Text(0);
    if (name == "schema_version") return Status::Ok();
    if (++n <= 5) tables += (tables.empty() ? "" : ", ") + name;
  }
  if (rc != SQLITE_DONE || n == 0) return Status::Ok();
  return Status::Error("a SQLite database that is not faultline's (tables: " + tables + (n > 5 ? ", ..." : "") +
                           "); refused, nothing changed: give faultline a new file",
                       path);
}

}  // namespace

std::string ContentHash(const std::string& text) {
  // FNV-1a 64 over the text with whitespace runs collapsed to one space and the ends
  // trimmed, plus the normalised length: re-extractions that differ only in line
  // breaks hash alike.
  uint64_t h = 0xcbf29ce484222325ULL;
  uint64_t len = 0;
  bool pending_space = false;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
      pending_space = len > 0;
      continue;
    }
    if (pending_space) {
      h = (h ^ ' ') * 0x100000001b3ULL;
      ++len;
      pending_space = false;
    }
    h = (h ^ c) * 0x100000001b3ULL;
    ++len;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%016llx-%llu", static_cast<unsigned long long>(h),
                static_cast<unsigned long long>(len));
  return buf;
}

struct Store::Impl {
  sqlite3* db = nullptr;
  StoreOptions options;
  bool read_only = false;
  std::string read_only_reason;
  int lock_fd = -1;  // exclusive_writer: flock()ed, closed after the database
  int64_t schema_version = kStoreSchemaVersion;
  bool in_batch = false;
  bool in_group = false;  // BeginGroup .. EndGroup: a full batch waits for EndGroup
  int batch_count = 0;
  // Loaded by the first Add: readers (map, corpus, extract --db) never need it.
  bool near_loaded = false;
  NearDuplicateIndex near{0.8};
  std::unique_ptr<Stmt> find_hash, find_id, insert, text_of;
  std::unique_ptr<Stmt> set_analysed_hash;  // null unless writable and of version 8 on
  // The statement cache; null when the schema has none.
  std::unique_ptr<Stmt> cache_find, cache_read, cache_del, cache_ins, cache_mark;
  std::unique_ptr<Stmt> set_units;  // null unless writable and of version 9 on
};

Store::Store(sqlite3* db, StoreOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->db = db;
  impl_->options = options;
  impl_->near = NearDuplicateIndex(options.near_duplicate_threshold);
}

Store::~Store() {
  if (impl_ && impl_->db) {
    Flush();
    impl_->find_hash.reset();
    impl_->find_id.reset();
    impl_->text_of.reset();
    impl_->insert.reset();
    impl_->set_analysed_hash.reset();
    impl_->cache_find.reset();
    impl_->cache_read.reset();
    impl_->cache_del.reset();
    impl_->cache_ins.reset();
    impl_->cache_mark.reset();
    impl_->set_units.reset();
    sqlite3_close(impl_->db);
  }
  // Only now: closing any descriptor of the file drops the process's POSIX locks, which
  // SQLite's connection relies on while it is open.
  if (impl_ && impl_->lock_fd >= 0) ::close(impl_->lock_fd);
}

Status Store::Exec(const char* sql) const {
  char* err = nullptr;
  if (sqlite3_exec(impl_->db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::Error(std::string("SQL error: ") + msg, sqlite3_db_filename(impl_->db, "main"));
  }
  return Status::Ok();
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, StoreOptions options) {
  sqlite3* db = nullptr;
  bool read_only = options.read_only;
  std::string why_read_only;
  if (!read_only) {
    int flags = SQLITE_OPEN_READWRITE | (options.create_if_missing ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
      std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
      sqlite3_close(db);
      return Status::Error("cannot open database: " + msg, path);
    }
    // Before the first statement: a reader that holds the file for a moment (serve, a
    // test polling it) must make the switch to WAL below wait, not fail as "locked".
    sqlite3_busy_timeout(db, 5000);
    // SQLite quietly opens a file the process may not write read-only; such a file is
    // opened again the way read_only does, which also copes with a read-only folder.
    if (sqlite3_db_readonly(db, "main") == 1) {
      sqlite3_close(db);
      db = nullptr;
      read_only = true;
      why_read_only = "the file cannot be written";
    } else if (Status foreign = CheckNotForeign(db, path); !foreign.ok()) {
      sqlite3_close(db);
      return foreign;
    } else if (Status wal = ExecOn(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"); !wal.ok()) {
      sqlite3_close(db);
      db = nullptr;
      // A writable file in a folder that is not: SQLite cannot create the -wal and -shm
      // files it needs beside the database. Read it as it is, and say why.
      if (!FolderWritable(path)) {
        read_only = true;
        why_read_only = "its folder cannot be written (SQLite keeps -wal and -shm files beside the database)";
      } else {
        // Not a database at all (e.g. a text file passed as --db) fails here.
        return Status::Error("not a faultline database (" + wal.reason() + ")", path);
      }
    }
  }
  if (read_only) {
    Result<sqlite3*> opened = OpenReadOnly(path);
    if (!opened.ok()) return opened.status();
    db = *opened;
  }
  sqlite3_busy_timeout(db, 5000);
  // Pages are read through a memory map rather than copied in by read(): a reader of
  // every document (serve's start-up, `map --db`) otherwise spends much of its time in
  // those copies, above all walking the overflow pages of texts to reach the columns
  // after them. Writes still go through the journal as before.
  (void)ExecOn(db, "PRAGMA mmap_size = 1073741824");  // best effort: without it pages are read as before
  std::unique_ptr<Store> store(new Store(db, options));
  store->impl_->read_only = read_only;
  store->impl_->read_only_reason = options.read_only ? "opened read-only" : why_read_only;
  if (!read_only && options.exclusive_writer) {
    Status s = store->LockWriter(path);
    if (!s.ok()) return s;
  }
  if (!read_only && options.max_bytes > 0) {
    const std::string pragma = "PRAGMA max_page_count = " +
                               std::to_string(std::max<int64_t>(1, options.max_bytes / PageSize(db)));
    Status s = store->Exec(pragma.c_str());
    if (!s.ok()) return s;
  }
  Status s = store->PrepareSchema(path);
  if (!s.ok()) return s;
  Impl& im = *store->impl_;
  im.find_hash = std::make_unique<Stmt>(db, "SELECT id FROM documents WHERE content_hash = ?");
  im.find_id = std::make_unique<Stmt>(db, "SELECT 1 FROM documents WHERE id = ?");
  im.text_of = std::make_unique<Stmt>(db, "SELECT text FROM documents WHERE id = ?");
  std::vector<Stmt*> all = {im.find_hash.get(), im.find_id.get(), im.text_of.get()};
  // Only a file of this version is written to (an older one read as it is has no via).
  if (im.schema_version == kStoreSchemaVersion) {
    im.insert = std::make_unique<Stmt>(
        db,
        "INSERT INTO documents (id, file, url, title, date, outlet, author, language, text, "
        "content_hash, duplicate_of, similarity, minhash, ingested_at, via, analysed_hash) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    im.set_analysed_hash = std::make_unique<Stmt>(db, "UPDATE documents SET analysed_hash = ? WHERE id = ?");
    all.push_back(im.insert.get());
    all.push_back(im.set_analysed_hash.get());
  }
  if (store->has_statement_cache()) {
    im.cache_find = std::make_unique<Stmt>(db, "SELECT fingerprint, doc_hash FROM extractions WHERE doc = ?");
    // A file older than version 5 (read as it is) has no cameo column, one older than 7 no
    // confidence: those statements read with no CAMEO code and a confidence of 1.
    const bool has_cameo = im.schema_version >= 5;
    const bool has_confidence = im.schema_version >= 7;
    const bool has_units = im.schema_version >= 9;
    im.cache_read = std::make_unique<Stmt>(
        db, std::string("SELECT actor, issue, stance, evidence, \"begin\", \"end\", person, cue, rule, source, "
                        "date, outlet, ") +
                (has_cameo ? "cameo, " : "'', ") + (has_confidence ? "confidence, " : "1.0, ") +
                (has_units ? "units_begin, units_end" : "NULL, NULL") + " FROM statements WHERE doc = ? ORDER BY n");
    im.cache_del = std::make_unique<Stmt>(db, "DELETE FROM statements WHERE doc = ?");
    // Prepared for every version (an older file is only read, never written through it).
    im.cache_ins = std::make_unique<Stmt>(
        db, std::string("INSERT INTO statements (doc, n, actor, issue, stance, evidence, \"begin\", \"end\", "
                        "person, cue, rule, source, date, outlet") +
                (has_units ? ", cameo, confidence, units_begin, units_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                 : has_confidence ? ", cameo, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                                  : ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    im.cache_mark = std::make_unique<Stmt>(
        db,
        "INSERT OR REPLACE INTO extractions (doc, fingerprint, doc_hash, statements, extracted_at) "
        "VALUES (?,?,?,?,?)");
    for (Stmt* st : {im.cache_find.get(), im.cache_read.get(), im.cache_del.get(),
                     im.cache_ins.get(), im.cache_mark.get()})
      all.push_back(st);
    if (has_units && !read_only) {
      im.set_units = std::make_unique<Stmt>(
          db, "UPDATE statements SET units_begin = ?, units_end = ? WHERE doc = ? AND \"begin\" = ? AND \"end\" = ?");
      all.push_back(im.set_units.get());
    }
  }
  for (Stmt* st : all)
    if (!st->ok()) return SqlError(db, "preparing statements");
  return store;
}

Status Store::PrepareSchema(const std::string& path) {
  sqlite3* db = impl_->db;
  // 0 for a file without our schema (a new one).
  auto read_version = [&]() -> Result<int64_t> {
    Stmt t(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
    if (!t.ok()) return Status::Error(std::string("not a faultline database (") + sqlite3_errmsg(db) + ")", path);
    if (t.Step() != SQLITE_ROW) return int64_t{0};
    Stmt v(db, "SELECT MAX(version) FROM schema_version");
    if (!v.ok() || v.Step() != SQLITE_ROW) return SqlError(db, "reading schema version");
    return v.Int(0);
  };
  Result<int64_t> version = read_version();
  if (!version.ok()) return version.status();
  if (*version > kStoreSchemaVersion)
    return Status::Error("database schema version " + std::to_string(*version) +
                             " is newer than this faultline reads (" +
                             std::to_string(kStoreSchemaVersion) + "): use a newer faultline",
                         path);
  if (impl_->read_only) {
    // Version 1 documents read as version 2 ones do; only the statement cache is missing.
    if (*version < 1)
      return Status::Error("not a faultline database (no schema, and read-only)", path);
    impl_->schema_version = *version;
    return Status::Ok();
  }
  if (*version == kStoreSchemaVersion) return Status::Ok();

  // Create or migrate in one transaction, after reading the version again under the
  // write lock: another process may have done it meanwhile.
  Status s = Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s.WithLocation(path);
  auto fail = [&](const Status& err) {
    Exec("ROLLBACK");
    return err;
  };
  version = read_version();
  if (!version.ok()) return fail(version.status());
  int64_t v = *version;
  if (v == 0) {
    s = Exec(kBaseSchema);
    if (!s.ok()) return fail(s);
    Stmt ins(db, "INSERT INTO schema_version(version) VALUES (1)");
    if (ins.Step() != SQLITE_DONE) return fail(SqlError(db, "writing schema version"));
    v = 1;
  }
  for (; v < kStoreSchemaVersion; ++v) {
    s = Exec(kMigrations[v - 1]);
    if (!s.ok())
      return fail(Status::Error("migrating the schema from version " + std::to_string(v) + ": " +
                                    s.reason(),
                                path));
    Stmt up(db, "UPDATE schema_version SET version = ?");
    up.Bind(1, v + 1);
    if (up.Step() != SQLITE_DONE) return fail(SqlError(db, "writing schema version"));
  }
  return Exec("COMMIT");
}

bool Store::read_only() const { return impl_->read_only; }

const std::string& Store::read_only_reason() const { return impl_->read_only_reason; }

Status Store::LockWriter(const std::string& path) {
  impl_->lock_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (impl_->lock_fd < 0) return Status::Error("cannot open the database to lock it", path);
  // flock(), not fcntl(): independent of SQLite's own POSIX locks on the same file.
  if (::flock(impl_->lock_fd, LOCK_EX | LOCK_NB) != 0)
    return Status::Error(
        "another faultline ingest is writing to this database; one writer at a time (wait for it "
        "to finish, or ingest into another file)",
        path);
  return Status::Ok();
}

bool Store::has_statement_cache() const { return impl_->schema_version >= 2; }

bool Store::has_corrections() const { return impl_->schema_version >= 3; }

bool Store::has_stories() const { return impl_->schema_version >= 4; }

bool Store::has_analysed_hashes() const { return impl_->schema_version >= 8; }

bool Store::can_record_analysed_hash() const { return impl_->set_analysed_hash && !impl_->read_only; }

bool Store::can_record_statement_units() const { return impl_->set_units && !impl_->read_only; }

Status Store::PutStory(const StoredStory& s) {
  Impl& im = *impl_;
  if (im.read_only) return Status::Error("the database is open read-only", sqlite3_db_filename(im.db, "main"));
  if (!has_stories()) return Status::Error("the database has no story tables");
  Status st = Begin();
  if (!st.ok()) return st;
  Stmt q(im.db,
         "INSERT OR REPLACE INTO story_profiles (doc, day, profile, story, linked_to, score, settings, sources, summary) "
         "VALUES (?,?,?,?,?,?,?,?,?)");
  if (!q.ok()) return SqlError(im.db, "storing the story of " + s.doc);
  q.Bind(1, s.doc);
  if (s.day) q.Bind(2, *s.day);
  else q.BindNull(2);
  q.BindBlob(3, s.profile);
  q.Bind(4, s.story);
  q.Bind(5, s.linked_to);
  q.Bind(6, s.score);
  q.Bind(7, s.settings);
  q.BindBlob(8, s.sources);
  if (s.summary.empty()) q.BindNull(9);
  else q.BindBlob(9, s.summary);
  if (q.Step() != SQLITE_DONE) return SqlError(im.db, "storing the story of " + s.doc);
  ++im.batch_count;
  return CommitIfFull();
}

Status Store::MergeStories(const std::string& from, const std::string& to) {
  Impl& im = *impl_;
  if (im.read_only) return Status::Error("the database is open read-only", sqlite3_db_filename(im.db, "main"));
  if (!has_stories()) return Status::Error("the database has no story tables");
  Status st = Begin();
  if (!st.ok()) return st;
  Stmt q(im.db, "UPDATE story_profiles SET story = ? WHERE story = ?");
  if (!q.ok()) return SqlError(im.db, "merging stories");
  q.Bind(1, to);
  q.Bind(2, from);
  if (q.Step() != SQLITE_DONE) return SqlError(im.db, "merging story " + from + " into " + to);
  return Status::Ok();
}

bool Store::has_story_results() const { return impl_->schema_version >= 12; }

Result<std::optional<StoredResults>> Store::StoryResults() const {
  Impl& im = *impl_;
  if (!has_story_results()) return std::optional<StoredResults>();
  Stmt q(im.db, "SELECT stamp, result FROM story_results WHERE id = 1");
  if (!q.ok()) return SqlError(im.db, "reading the stories' stored result");
  const int rc = q.Step();
  if (rc == SQLITE_DONE) return std::optional<StoredResults>();
  if (rc != SQLITE_ROW) return SqlError(im.db, "reading the stories' stored result");
  return std::optional<StoredResults>(StoredResults{q.Text(0), q.Blob(1)});
}

Status Store::PutStoryResults(const StoredResults& r) {
  Impl& im = *impl_;
  if (im.read_only) return Status::Error("the database is open read-only", sqlite3_db_filename(im.db, "main"));
  if (!has_story_results()) return Status::Error("the database has no table for the stories' result");
  Status st = Begin();
  if (!st.ok()) return st;
  Stmt q(im.db, "INSERT OR REPLACE INTO story_results (id, stamp, result) VALUES (1, ?, ?)");
  if (!q.ok()) return SqlError(im.db, "storing the stories' result");
  q.Bind(1, r.stamp);
  q.BindBlob(2, r.bytes);
  if (q.Step() != SQLITE_DONE) return SqlError(im.db, "storing the stories' result");
  ++im.batch_count;
  return Flush();
}

namespace {

// The stories' columns; a version 4 or 5 file read as it is has no sources, one older
// than 11 no summaries. `profile` false leaves the profile out (ForEachStorySummary).
std::string StoryColumns(int64_t schema_version, const char* table, bool profile = true) {
  const std::string t = std::string(table) + ".";
  return t + "doc, " + t + "day, " + (profile ? t + "profile" : std::string("x''")) + ", " + t + "story, " + t +
         "linked_to, " + t + "score, " + t + "settings, " + (schema_version >= 6 ? t + "sources" : std::string("x''")) +
         ", " + (schema_version >= 11 ? t + "summary" : std::string("NULL"));
}

// A row of the StoryColumns.
StoredStory StoryRow(const Stmt& q) {
  StoredStory s;
  s.doc = q.Text(0);
  if (sqlite3_column_type(q.get(), 1) != SQLITE_NULL) s.day = q.Int(1);
  s.profile = q.Blob(2);
  s.story = q.Text(3);
  s.linked_to = q.Text(4);
  s.score = sqlite3_column_double(q.get(), 5);
  s.settings = q.Text(6);
  s.sources = q.Blob(7);
  if (sqlite3_column_type(q.get(), 8) != SQLITE_NULL) s.summary = q.Blob(8);
  return s;
}

Status ReadStories(sqlite3* db, const std::string& sql, const std::function<void(StoredStory&&)>& fn) {
  Stmt q(db, sql.c_str());
  if (!q.ok()) return SqlError(db, "reading stories");
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) fn(StoryRow(q));
  if (rc != SQLITE_DONE) return SqlError(db, "reading stories");
  return Status::Ok();
}

}  // namespace

Status Store::ForEachStory(const std::function<void(StoredStory&&)>& fn) const {
  if (!has_stories()) return Status::Ok();
  return ReadStories(impl_->db,
                     "SELECT " + StoryColumns(impl_->schema_version, "s") +
                         " FROM story_profiles s JOIN documents d ON d.id = s.doc WHERE d.duplicate_of IS NULL "
                         "ORDER BY d.seq",
                     fn);
}

Status Store::ForEachStoryUnordered(const std::function<void(StoredStory&&)>& fn) const {
  if (!has_stories()) return Status::Ok();
  return ReadStories(impl_->db, "SELECT " + StoryColumns(impl_->schema_version, "s") + " FROM story_profiles s", fn);
}

Status Store::ForEachStorySummary(const std::function<void(StoredStory&&)>& fn) const {
  if (impl_->schema_version < 11) return ForEachStoryUnordered(fn);
  // The index by name: without statistics the planner would rather scan the table.
  std::vector<std::string> without_summary;
  Status st = ReadStories(impl_->db,
                          "SELECT " + StoryColumns(impl_->schema_version, "s", false) +
                              " FROM story_profiles s INDEXED BY story_summaries",
                          [&](StoredStory&& s) {
                            if (s.summary.empty()) without_summary.push_back(std::move(s.doc));
                            else fn(std::move(s));
                          });
  if (!st.ok()) return st;
  if (without_summary.empty()) return Status::Ok();
  // Stored before schema 11 and not yet given a summary by an `ingest`: with the profile.
  const std::string one = "SELECT " + StoryColumns(impl_->schema_version, "s") + " FROM story_profiles s WHERE doc = ?";
  Stmt q(impl_->db, one.c_str());
  if (!q.ok()) return SqlError(impl_->db, "reading stories");
  for (const std::string& doc : without_summary) {
    q.Reset();
    q.Bind(1, doc);
    const int rc = q.Step();
    if (rc == SQLITE_ROW) fn(StoryRow(q));
    else if (rc != SQLITE_DONE) return SqlError(impl_->db, "reading the story of " + doc);  // DONE: deleted since
  }
  return Status::Ok();
}

Result<std::vector<std::string>> Store::Outlets() const {
  Stmt q(impl_->db, "SELECT DISTINCT outlet FROM documents WHERE duplicate_of IS NULL AND outlet != '' ORDER BY outlet");
  if (!q.ok()) return SqlError(impl_->db, "reading outlets");
  std::vector<std::string> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out.push_back(q.Text(0));
  if (rc != SQLITE_DONE) return SqlError(impl_->db, "reading outlets");
  return out;
}

Result<Correction> Store::AddCorrection(Correction c) {
  Impl& im = *impl_;
  if (im.read_only) return Status::Error("the database is open read-only", sqlite3_db_filename(im.db, "main"));
  if (!has_corrections()) return Status::Error("the database has no corrections table");
  Status s = Flush();
  if (!s.ok()) return s;
  Stmt ins(im.db,
           "INSERT INTO corrections (action, t_doc, t_actor, t_issue, t_stance, t_begin, t_end, doc, "
           "actor, issue, stance, evidence, \"begin\", \"end\", person, cue, rule, source, date, "
           "outlet, who, at, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!ins.ok()) return SqlError(im.db, "storing a correction");
  c.at = NowIso();
  const Statement& st = c.statement;
  ins.Bind(1, std::string(CorrectionActionName(c.action)));
  ins.Bind(2, c.target.doc);
  ins.Bind(3, c.target.actor);
  ins.Bind(4, c.target.issue);
  ins.Bind(5, static_cast<int64_t>(c.target.stance));
  ins.Bind(6, static_cast<int64_t>(c.target.begin));
  ins.Bind(7, static_cast<int64_t>(c.target.end));
  int col = 8;
  for (const std::string* v : std::initializer_list<const std::string*>{&st.doc, &st.actor, &st.issue}) ins.Bind(col++, *v);
  ins.Bind(col++, static_cast<int64_t>(st.stance));
  ins.Bind(col++, st.evidence);
  ins.Bind(col++, static_cast<int64_t>(st.begin));
  ins.Bind(col++, static_cast<int64_t>(st.end));
  for (const std::string* v : std::initializer_list<const std::string*>{&st.person, &st.cue, &st.rule, &st.source, &st.date, &st.outlet,
                               &c.who, &c.at, &c.note})
    ins.Bind(col++, *v);
  if (ins.Step() != SQLITE_DONE) return SqlError(im.db, "storing a correction");
  c.id = sqlite3_last_insert_rowid(im.db);
  return c;
}

Result<std::vector<Correction>> Store::Corrections() const {
  std::vector<Correction> out;
  if (!has_corrections()) return out;
  Stmt q(impl_->db,
         "SELECT id, action, t_doc, t_actor, t_issue, t_stance, t_begin, t_end, doc, actor, issue, "
         "stance, evidence, \"begin\", \"end\", person, cue, rule, source, date, outlet, who, at, "
         "note FROM corrections ORDER BY id");
  if (!q.ok()) return SqlError(impl_->db, "reading corrections");
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    Correction c;
    c.id = q.Int(0);
    if (!ParseCorrectionAction(q.Text(1), &c.action))
      return Status::Error("correction " + std::to_string(c.id) + " has an unknown action \"" +
                               q.Text(1) + "\"",
                           sqlite3_db_filename(impl_->db, "main"));
    c.target = StatementRef{q.Text(2), q.Text(3), q.Text(4), static_cast<int>(q.Int(5)),
                            static_cast<size_t>(q.Int(6)), static_cast<size_t>(q.Int(7))};
    c.statement.doc = q.Text(8);
    ReadStatementColumns(q, 9, &c.statement);
    c.who = q.Text(21);
    c.at = q.Text(22);
    c.note = q.Text(23);
    out.push_back(std::move(c));
  }
  if (rc != SQLITE_DONE) return SqlError(impl_->db, "reading corrections");
  return out;
}

Status Store::LoadSignatures() {
  Stmt q(impl_->db,
         "SELECT id, minhash, date FROM documents WHERE duplicate_of IS NULL AND minhash IS NOT NULL "
         "ORDER BY seq");
  if (!q.ok()) return SqlError(impl_->db, "reading signatures");
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    std::optional<MinHash> m = MinHashFromBytes(q.Blob(1));
    if (m) impl_->near.Add(q.Text(0), *m, q.Text(2));
  }
  if (rc != SQLITE_DONE) return SqlError(impl_->db, "reading signatures");
  return Status::Ok();
}

Status Store::Begin() {
  if (impl_->in_batch) return Status::Ok();
  Status s = Exec("BEGIN IMMEDIATE");
  if (s.ok()) {
    impl_->in_batch = true;
    impl_->batch_count = 0;
  }
  return s;
}

Status Store::Flush() {
  if (!impl_->in_batch) return Status::Ok();
  // The batch stays open when COMMIT fails (a busy database): a later Flush retries it
  // instead of a BEGIN failing inside a transaction nobody ends.
  Status s = Exec("COMMIT");
  if (s.ok()) impl_->in_batch = false;
  return s;
}

Status Store::CommitIfFull() {
  if (impl_->in_group || impl_->batch_count < impl_->options.batch_size) return Status::Ok();
  return Flush();
}

Status Store::BeginGroup() {
  Status s = Begin();
  if (!s.ok()) return s;
  s = Exec("SAVEPOINT write_group");
  if (s.ok()) impl_->in_group = true;
  return s;
}

Result<bool> Store::EndGroup() {
  if (!impl_->in_group) return false;
  impl_->in_group = false;
  Status s = Exec("RELEASE write_group");
  if (!s.ok()) return s;
  if (impl_->batch_count < impl_->options.batch_size) return false;
  s = Flush();
  if (!s.ok()) return s;
  return true;
}

void Store::AbortGroup() {
  if (!impl_->in_group) return;
  impl_->in_group = false;
  Exec("ROLLBACK TO write_group");
  Exec("RELEASE write_group");
}

void Store::Rollback() {
  impl_->in_group = false;
  if (!impl_->in_batch) return;
  Exec("ROLLBACK");
  impl_->in_batch = false;
  impl_->batch_count = 0;
}

DocumentKeys KeysOf(const Document& doc) {
  DocumentKeys k;
  k.hash = ContentHash(doc.text);
  k.signature = ComputeMinHash(doc.text);
  return k;
}

Result<AddOutcome> Store::Add(const Document& doc) { return Add(doc, KeysOf(doc)); }

Result<AddOutcome> Store::Add(const Document& doc, const DocumentKeys& keys) {
  Impl& im = *impl_;
  if (!im.insert) return Status::Error("the database cannot be added to (read-only or an older version)");
  if (!im.near_loaded) {
    Status loaded = LoadSignatures();
    if (!loaded.ok()) return loaded;
    im.near_loaded = true;
  }
  Status s = Begin();
  if (!s.ok()) return s;
  AddOutcome out;
  const std::string& hash = keys.hash;
  im.find_hash->Reset();
  im.find_hash->Bind(1, hash);
  if (im.find_hash->Step() == SQLITE_ROW) {
    out.kind = AddKind::kExactDuplicate;
    out.duplicate_of = im.find_hash->Text(0);
    out.id = out.duplicate_of;
    im.find_hash->Reset();
    return out;
  }
  im.find_hash->Reset();

  // A different document under an id already taken ("article" from two folders)
  // gets a suffix rather than replacing the first.
  std::string id = doc.id.empty() ? hash : doc.id;
  for (int n = 2;; ++n) {
    im.find_id->Reset();
    im.find_id->Bind(1, id);
    bool taken = im.find_id->Step() == SQLITE_ROW;
    im.find_id->Reset();
    if (!taken) break;
    id = (doc.id.empty() ? hash : doc.id) + "~" + std::to_string(n);
  }
  out.id = id;

  const std::optional<MinHash>& sig = keys.signature;
  if (sig) {
    double sim = 0;
    if (std::optional<std::string> orig = im.near.Find(*sig, doc.date, &sim)) {
      out.kind = AddKind::kNearDuplicate;
      out.duplicate_of = *orig;
      out.similarity = sim;
    }
  }

  const Stmt& ins = *im.insert;
  ins.Reset();
  ins.Bind(1, id);
  ins.Bind(2, doc.file);
  ins.Bind(3, doc.url);
  ins.Bind(4, doc.title);
  ins.Bind(5, doc.date);
  ins.Bind(6, doc.outlet);
  ins.Bind(7, doc.author);
  ins.Bind(8, doc.language);
  ins.Bind(9, doc.text);
  ins.Bind(10, hash);
  if (out.kind == AddKind::kNearDuplicate) {
    ins.Bind(11, out.duplicate_of);
    ins.Bind(12, out.similarity);
  } else {
    ins.BindNull(11);
    ins.BindNull(12);
  }
  if (sig) ins.BindBlob(13, MinHashToBytes(*sig));
  else ins.BindNull(13);
  ins.Bind(14, NowIso());
  ins.Bind(15, doc.via);
  ins.Bind(16, AnalysedDocumentHash(doc, id));
  int rc = ins.Step();
  ins.Reset();
  // A failed insert undoes only itself; the batch's transaction goes on.
  if (rc != SQLITE_DONE) return SqlError(im.db, "storing " + doc.file);
  if (sig && out.kind == AddKind::kAdded) im.near.Add(id, *sig, doc.date);
  ++im.batch_count;
  s = CommitIfFull();
  if (!s.ok()) return s;
  return out;
}

Status Store::ForEachDocument(const std::function<void(Document&&)>& fn,
                              bool include_duplicates) const {
  return ForEachStoredDocument([&](StoredDocument&& d) { fn(std::move(d.doc)); }, include_duplicates);
}

Status Store::ForEachStoredDocument(const std::function<void(StoredDocument&&)>& fn,
                                    bool include_duplicates) const {
  return ForEachStoredDocument(fn, DocumentReading{.include_duplicates = include_duplicates});
}

Status Store::ForEachStoredDocument(const std::function<void(StoredDocument&&)>& fn, DocumentReading reading) const {
  // A page at a time, the query finished before its documents are handed over.
  constexpr int kPage = 256;
  // Named, not left to the planner: without statistics it prefers documents_duplicate_of
  // and reads the rows from the table.
  const bool by_index = !reading.with_text && impl_->schema_version >= 10;
  std::string sql = "SELECT " + DocumentColumns(impl_->schema_version, reading.with_text) + ", seq FROM documents" +
                    (by_index ? " INDEXED BY documents_listing" : "") + " WHERE seq > ?" + (reading.include_duplicates ? "" : " AND duplicate_of IS NULL") +
                    " ORDER BY seq LIMIT " + std::to_string(kPage);
  Stmt q(impl_->db, sql.c_str());
  if (!q.ok()) return SqlError(impl_->db, "reading documents");
  int64_t after = INT64_MIN;
  std::vector<StoredDocument> page;
  for (;;) {
    page.clear();
    q.Reset();
    q.Bind(1, after);
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      page.push_back(ReadStoredDocumentRow(q));
      page.back().has_text = reading.with_text;
      after = q.Int(kDocumentColumnCount);
    }
    if (rc != SQLITE_DONE) return SqlError(impl_->db, "reading documents");
    q.Reset();
    for (StoredDocument& d : page) fn(std::move(d));
    if (page.size() < static_cast<size_t>(kPage)) return Status::Ok();
  }
}

Result<Document> Store::GetDocument(const std::string& id) const {
  std::string sql = "SELECT " + DocumentColumns(impl_->schema_version) + " FROM documents WHERE id = ?";
  Stmt q(impl_->db, sql.c_str());
  if (!q.ok()) return SqlError(impl_->db, "reading a document");
  q.Bind(1, id);
  if (q.Step() != SQLITE_ROW) return Status::Error("no stored document with id " + id);
  return ReadDocumentRow(q);
}

Result<std::string> Store::DocumentText(const std::string& id) const {
  const Stmt& q = *impl_->text_of;
  q.Reset();
  q.Bind(1, id);
  const int rc = q.Step();
  std::string text = rc == SQLITE_ROW ? q.Text(0) : std::string();
  q.Reset();
  if (rc == SQLITE_ROW) return text;
  if (rc == SQLITE_DONE) return Status::Error("no stored document with id " + id);
  return SqlError(impl_->db, "reading the text of " + id);
}

Status Store::RecordAnalysedHash(const std::string& doc_id, const std::string& hash) {
  Impl& im = *impl_;
  if (!can_record_analysed_hash())
    return Status::Error("the database cannot record analysed hashes (read-only or an older version)",
                         sqlite3_db_filename(im.db, "main"));
  Status s = Begin();
  if (!s.ok()) return s;
  const Stmt& up = *im.set_analysed_hash;
  up.Reset();
  up.Bind(1, hash);
  up.Bind(2, doc_id);
  const int rc = up.Step();
  up.Reset();
  if (rc != SQLITE_DONE) return SqlError(im.db, "recording the analysed hash of " + doc_id);
  ++im.batch_count;
  return CommitIfFull();
}

Result<CorpusStats> Store::Stats() const {
  CorpusStats st;
  sqlite3* db = impl_->db;
  {
    Stmt q(db,
           "SELECT SUM(duplicate_of IS NULL), SUM(duplicate_of IS NOT NULL), "
           "SUM(CASE WHEN duplicate_of IS NULL THEN length(CAST(text AS BLOB)) ELSE 0 END), "
           "SUM(duplicate_of IS NULL AND date = '') FROM documents");
    if (!q.ok() || q.Step() != SQLITE_ROW) return SqlError(db, "computing statistics");
    st.documents = q.Int(0);
    st.near_duplicates = q.Int(1);
    st.characters = q.Int(2);
    st.undated = q.Int(3);
  }
  {
    // Only full dates (YYYY-MM-DD...) bound the range; "--02-25" has no year.
    Stmt q(db,
           "SELECT MIN(substr(date,1,10)), MAX(substr(date,1,10)) FROM documents "
           "WHERE duplicate_of IS NULL AND date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'");
    if (!q.ok() || q.Step() != SQLITE_ROW) return SqlError(db, "computing the date range");
    st.first_date = q.Text(0);
    st.last_date = q.Text(1);
  }
  auto counts = [&](const char* column, std::vector<std::pair<std::string, int64_t>>* out) {
    std::string sql = std::string("SELECT ") + column + ", COUNT(*) AS n FROM documents " +
                      "WHERE duplicate_of IS NULL GROUP BY " + column + " ORDER BY n DESC, " +
                      column;
    Stmt q(db, sql.c_str());
    if (!q.ok()) return false;
    while (q.Step() == SQLITE_ROW) out->emplace_back(q.Text(0), q.Int(1));
    return true;
  };
  if (!counts("outlet", &st.outlets) || !counts("language", &st.languages))
    return SqlError(db, "counting outlets and languages");
  if (has_statement_cache()) {  // a version 1 file's statements say not what made them
    {
      Stmt q(db, "SELECT COUNT(*) FROM statements");
      if (!q.ok() || q.Step() != SQLITE_ROW) return SqlError(db, "counting statements");
      st.statements = q.Int(0);
    }
    Stmt q(db,
           "SELECT COUNT(*) FROM extractions JOIN documents ON documents.id = extractions.doc "
           "WHERE documents.duplicate_of IS NULL");
    if (!q.ok() || q.Step() != SQLITE_ROW) return SqlError(db, "counting cached documents");
    st.cached_documents = q.Int(0);
  }
  if (has_stories()) {
    Stmt q(db,
           "SELECT COUNT(*), COUNT(DISTINCT s.story) FROM story_profiles s JOIN documents d ON d.id = s.doc "
           "WHERE d.duplicate_of IS NULL");
    if (!q.ok() || q.Step() != SQLITE_ROW) return SqlError(db, "counting stories");
    st.storied_documents = q.Int(0);
    st.stories = q.Int(1);
    Stmt big(db,
             "SELECT s.story, COUNT(*) AS n, COUNT(DISTINCT d.outlet), "
             "MIN(CASE WHEN d.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(d.date,1,10) END), "
             "MAX(CASE WHEN d.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(d.date,1,10) END), "
             "(SELECT title FROM documents WHERE id = s.story) "
             "FROM story_profiles s JOIN documents d ON d.id = s.doc WHERE d.duplicate_of IS NULL "
             "GROUP BY s.story HAVING n > 1 ORDER BY n DESC, s.story");
    if (!big.ok()) return SqlError(db, "listing stories");
    while (big.Step() == SQLITE_ROW) {
      ++st.stories_with_relays;
      if (st.largest_stories.size() >= 10) continue;
      CorpusStats::StorySummary s;
      s.story = big.Text(0);
      s.documents = big.Int(1);
      s.outlets = big.Int(2);
      s.first = big.Text(3);
      s.last = big.Text(4);
      s.title = big.Text(5);
      st.largest_stories.push_back(std::move(s));
    }
  }
  return st;
}

Result<std::optional<std::vector<Statement>>> Store::CachedStatements(
    const std::string& doc_id, const std::string& fingerprint, const std::string& doc_hash) const {
  const Impl& im = *impl_;
  if (!has_statement_cache()) return std::optional<std::vector<Statement>>();
  const Stmt& find = *im.cache_find;
  find.Reset();
  find.Bind(1, doc_id);
  int rc = find.Step();
  const bool hit = rc == SQLITE_ROW && find.Text(0) == fingerprint && find.Text(1) == doc_hash;
  find.Reset();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return SqlError(im.db, "reading the statement cache");
  if (!hit) return std::optional<std::vector<Statement>>();

  const Stmt& q = *im.cache_read;
  q.Reset();
  q.Bind(1, doc_id);
  std::vector<Statement> out;
  while ((rc = q.Step()) == SQLITE_ROW) {
    Statement s;
    s.doc = doc_id;
    ReadStatementColumns(q, 0, &s);
    s.cameo = q.Text(12);
    s.confidence = q.Double(13);
    ReadUnits(q, 14, &s);
    out.push_back(std::move(s));
  }
  q.Reset();
  if (rc != SQLITE_DONE) return SqlError(im.db, "reading cached statements");
  return std::optional<std::vector<Statement>>(std::move(out));
}

Result<std::unordered_map<std::string, CacheEntry>> Store::CachedStatementsFor(const std::string& fingerprint) const {
  std::unordered_map<std::string, CacheEntry> out;
  if (!has_statement_cache()) return out;
  // One query, so one consistent read while a writer may add entries; an entry without
  // statements comes as one row whose statement columns are NULL.
  const int64_t v = impl_->schema_version;
  const std::string sql =
      std::string("SELECT e.doc, e.doc_hash, s.n, s.actor, s.issue, s.stance, s.evidence, s.\"begin\", s.\"end\", "
                  "s.person, s.cue, s.rule, s.source, s.date, s.outlet, ") +
      (v >= 5 ? "s.cameo, " : "'', ") + (v >= 7 ? "s.confidence, " : "1.0, ") +
      (v >= 9 ? "s.units_begin, s.units_end" : "NULL, NULL") + " FROM extractions e LEFT JOIN statements s ON s.doc = e.doc WHERE e.fingerprint = ? ORDER BY e.rowid, s.n";
  Stmt q(impl_->db, sql);
  if (!q.ok()) return SqlError(impl_->db, "reading the statement cache");
  q.Bind(1, fingerprint);
  int rc;
  std::string doc;
  CacheEntry* entry = nullptr;
  while ((rc = q.Step()) == SQLITE_ROW) {
    std::string id = q.Text(0);
    if (entry == nullptr || id != doc) {
      doc = id;
      entry = &out[std::move(id)];
      entry->doc_hash = q.Text(1);
      entry->has_units = true;
    }
    if (sqlite3_column_type(q.get(), 2) == SQLITE_NULL) continue;  // no statements
    Statement& s = entry->statements.emplace_back();
    s.doc = doc;
    ReadStatementColumns(q, 3, &s);
    s.cameo = q.Text(15);
    s.confidence = q.Double(16);
    if (!ReadUnits(q, 17, &s)) entry->has_units = false;
  }
  if (rc != SQLITE_DONE) return SqlError(impl_->db, "reading the statement cache");
  return out;
}

Status Store::CacheStatements(const std::string& doc_id, const std::string& fingerprint,
                              const std::string& doc_hash, const std::vector<Statement>& statements) {
  Impl& im = *impl_;
  if (im.read_only) return Status::Error("the database is open read-only", sqlite3_db_filename(im.db, "main"));
  if (!has_statement_cache()) return Status::Error("the database has no statement cache");
  Status s = Begin();
  if (!s.ok()) return s;
  // A savepoint per document: its delete and inserts stand or fall together, and a
  // failure leaves the batch's other documents in place.
  s = Exec("SAVEPOINT cache_doc");
  if (!s.ok()) return s;
  auto fail = [&](const Stmt& st, const std::string& what) {
    Status err = SqlError(im.db, what + " of " + doc_id);
    st.Reset();
    Exec("ROLLBACK TO cache_doc");
    Exec("RELEASE cache_doc");
    return err;
  };
  im.cache_del->Reset();
  im.cache_del->Bind(1, doc_id);
  if (im.cache_del->Step() != SQLITE_DONE) return fail(*im.cache_del, "replacing the statements");
  im.cache_del->Reset();
  const Stmt& ins = *im.cache_ins;
  int64_t n = 0;
  for (const Statement& st : statements) {
    ins.Reset();
    ins.Bind(1, doc_id);
    ins.Bind(2, n++);
    ins.Bind(3, st.actor);
    ins.Bind(4, st.issue);
    ins.Bind(5, static_cast<int64_t>(st.stance));
    ins.Bind(6, st.evidence);
    ins.Bind(7, static_cast<int64_t>(st.begin));
    ins.Bind(8, static_cast<int64_t>(st.end));
    ins.Bind(9, st.person);
    ins.Bind(10, st.cue);
    ins.Bind(11, st.rule);
    ins.Bind(12, st.source);
    ins.Bind(13, st.date);
    ins.Bind(14, st.outlet);
    if (im.schema_version >= 7) {
      ins.Bind(15, st.cameo);
      ins.Bind(16, st.confidence);
    }
    if (im.schema_version >= 9) {
      ins.Bind(17, static_cast<int64_t>(st.units_begin));
      ins.Bind(18, static_cast<int64_t>(st.units_end));
    }
    if (ins.Step() != SQLITE_DONE) return fail(ins, "storing the statements");
  }
  ins.Reset();
  const Stmt& mark = *im.cache_mark;
  mark.Reset();
  mark.Bind(1, doc_id);
  mark.Bind(2, fingerprint);
  mark.Bind(3, doc_hash);
  mark.Bind(4, n);
  mark.Bind(5, NowIso());
  if (mark.Step() != SQLITE_DONE) return fail(mark, "recording the extraction");
  mark.Reset();
  s = Exec("RELEASE cache_doc");
  if (!s.ok()) return s;
  ++im.batch_count;
  return CommitIfFull();
}

Status Store::RecordStatementUnits(const std::string& doc_id, const std::vector<Statement>& statements) {
  Impl& im = *impl_;
  if (!can_record_statement_units())
    return Status::Error("the database cannot record statement offsets (read-only or an older version)",
                         sqlite3_db_filename(im.db, "main"));
  Status s = Begin();
  if (!s.ok()) return s;
  const Stmt& up = *im.set_units;
  for (const Statement& st : statements) {
    up.Reset();
    up.Bind(1, static_cast<int64_t>(st.units_begin));
    up.Bind(2, static_cast<int64_t>(st.units_end));
    up.Bind(3, doc_id);
    up.Bind(4, static_cast<int64_t>(st.begin));
    up.Bind(5, static_cast<int64_t>(st.end));
    const int rc = up.Step();
    up.Reset();
    if (rc != SQLITE_DONE) return SqlError(im.db, "recording the statement offsets of " + doc_id);
  }
  ++im.batch_count;
  return CommitIfFull();
}

}  // namespace faultline
