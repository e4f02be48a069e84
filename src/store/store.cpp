#include "store/store.h"

#include <sqlite3.h>

#include <cstdio>
#include <ctime>

#include "store/near_duplicates.h"

namespace faultline {
namespace {

constexpr const char* kSchema = R"sql(
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

// A prepared statement, finalised on destruction.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s_, nullptr) != SQLITE_OK)
      s_ = nullptr;
  }
  ~Stmt() { sqlite3_finalize(s_); }
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
  std::string Blob(int col) const {
    const void* p = sqlite3_column_blob(s_, col);
    return p ? std::string(static_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(s_, col)))
             : std::string();
  }

 private:
  sqlite3* db_;
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

constexpr const char* kDocumentColumns =
    "id, file, url, title, date, outlet, author, language, text";

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
  return d;
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
  bool in_batch = false;
  int batch_count = 0;
  NearDuplicateIndex near{0.8};
  std::unique_ptr<Stmt> find_hash, find_id, insert, replace_del, replace_ins;
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
    impl_->insert.reset();
    impl_->replace_del.reset();
    impl_->replace_ins.reset();
    sqlite3_close(impl_->db);
  }
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
  int flags = SQLITE_OPEN_READWRITE | (options.create_if_missing ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::Error("cannot open database: " + msg, path);
  }
  sqlite3_busy_timeout(db, 5000);
  std::unique_ptr<Store> store(new Store(db, options));
  // Not a database at all (e.g. a text file passed as --db) fails here.
  Status s = store->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
  if (!s.ok()) return Status::Error("not a faultline database (" + s.reason() + ")", path);
  s = store->Exec(kSchema);
  if (!s.ok()) return s;
  {
    Stmt v(db, "SELECT version FROM schema_version");
    if (!v.ok()) return SqlError(db, "reading schema version");
    if (v.Step() == SQLITE_ROW) {
      int64_t version = v.Int(0);
      if (version != kStoreSchemaVersion)
        return Status::Error("database schema version " + std::to_string(version) +
                                 ", this faultline reads version " +
                                 std::to_string(kStoreSchemaVersion),
                             path);
    } else {
      Stmt ins(db, "INSERT INTO schema_version(version) VALUES (?)");
      ins.Bind(1, static_cast<int64_t>(kStoreSchemaVersion));
      if (ins.Step() != SQLITE_DONE) return SqlError(db, "writing schema version");
    }
  }
  Impl& im = *store->impl_;
  im.find_hash = std::make_unique<Stmt>(db, "SELECT id FROM documents WHERE content_hash = ?");
  im.find_id = std::make_unique<Stmt>(db, "SELECT 1 FROM documents WHERE id = ?");
  im.insert = std::make_unique<Stmt>(
      db,
      "INSERT INTO documents (id, file, url, title, date, outlet, author, language, text, "
      "content_hash, duplicate_of, similarity, minhash, ingested_at) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  im.replace_del = std::make_unique<Stmt>(db, "DELETE FROM statements WHERE doc = ?");
  im.replace_ins = std::make_unique<Stmt>(
      db,
      "INSERT INTO statements (doc, n, actor, issue, stance, evidence, \"begin\", \"end\", person, "
      "cue, rule, source, date, outlet) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  for (auto* st : {im.find_hash.get(), im.find_id.get(), im.insert.get(), im.replace_del.get(),
                   im.replace_ins.get()})
    if (!st->ok()) return SqlError(db, "preparing statements");
  s = store->LoadSignatures();
  if (!s.ok()) return s;
  return store;
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
  impl_->in_batch = false;
  return Exec("COMMIT");
}

Result<AddOutcome> Store::Add(const Document& doc) {
  Impl& im = *impl_;
  Status s = Begin();
  if (!s.ok()) return s;
  AddOutcome out;
  std::string hash = ContentHash(doc.text);
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

  std::optional<MinHash> sig = ComputeMinHash(doc.text);
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
  int rc = ins.Step();
  ins.Reset();
  // A failed insert undoes only itself; the batch's transaction goes on.
  if (rc != SQLITE_DONE) return SqlError(im.db, "storing " + doc.file);
  if (sig && out.kind == AddKind::kAdded) im.near.Add(id, *sig, doc.date);
  if (++im.batch_count >= im.options.batch_size) {
    s = Flush();
    if (!s.ok()) return s;
  }
  return out;
}

Status Store::ForEachDocument(const std::function<void(Document&&)>& fn,
                              bool include_duplicates) const {
  std::string sql = std::string("SELECT ") + kDocumentColumns + " FROM documents" +
                    (include_duplicates ? "" : " WHERE duplicate_of IS NULL") + " ORDER BY seq";
  Stmt q(impl_->db, sql.c_str());
  if (!q.ok()) return SqlError(impl_->db, "reading documents");
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) fn(ReadDocumentRow(q));
  if (rc != SQLITE_DONE) return SqlError(impl_->db, "reading documents");
  return Status::Ok();
}

Result<Document> Store::GetDocument(const std::string& id) const {
  std::string sql = std::string("SELECT ") + kDocumentColumns + " FROM documents WHERE id = ?";
  Stmt q(impl_->db, sql.c_str());
  if (!q.ok()) return SqlError(impl_->db, "reading a document");
  q.Bind(1, id);
  if (q.Step() != SQLITE_ROW) return Status::Error("no stored document with id " + id);
  return ReadDocumentRow(q);
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
  {
    Stmt q(db, "SELECT COUNT(*) FROM statements");
    if (!q.ok() || q.Step() != SQLITE_ROW) return SqlError(db, "counting statements");
    st.statements = q.Int(0);
  }
  return st;
}

Status Store::ReplaceStatements(const std::string& doc_id,
                                const std::vector<Statement>& statements) {
  Impl& im = *impl_;
  bool own_transaction = !im.in_batch;
  if (own_transaction) {
    Status s = Exec("BEGIN IMMEDIATE");
    if (!s.ok()) return s;
  }
  auto fail = [&](const std::string& what) {
    Status err = SqlError(im.db, what);
    if (own_transaction) Exec("ROLLBACK");
    return err;
  };
  im.replace_del->Reset();
  im.replace_del->Bind(1, doc_id);
  if (im.replace_del->Step() != SQLITE_DONE) return fail("deleting statements");
  im.replace_del->Reset();
  const Stmt& ins = *im.replace_ins;
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
    if (ins.Step() != SQLITE_DONE) {
      ins.Reset();
      return fail("storing statements");
    }
  }
  ins.Reset();
  if (own_transaction) return Exec("COMMIT");
  return Status::Ok();
}

Result<std::vector<Statement>> Store::ReadStatements(const std::string& doc_id) const {
  Stmt q(impl_->db,
         "SELECT actor, issue, stance, evidence, \"begin\", \"end\", person, cue, rule, source, "
         "date, outlet FROM statements WHERE doc = ? ORDER BY n");
  if (!q.ok()) return SqlError(impl_->db, "reading statements");
  q.Bind(1, doc_id);
  std::vector<Statement> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    Statement s;
    s.doc = doc_id;
    s.actor = q.Text(0);
    s.issue = q.Text(1);
    s.stance = static_cast<int>(q.Int(2));
    s.evidence = q.Text(3);
    s.begin = static_cast<size_t>(q.Int(4));
    s.end = static_cast<size_t>(q.Int(5));
    s.person = q.Text(6);
    s.cue = q.Text(7);
    s.rule = q.Text(8);
    s.source = q.Text(9);
    s.date = q.Text(10);
    s.outlet = q.Text(11);
    out.push_back(std::move(s));
  }
  if (rc != SQLITE_DONE) return SqlError(impl_->db, "reading statements");
  return out;
}

}  // namespace faultline
