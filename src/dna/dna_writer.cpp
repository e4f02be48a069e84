// Writes a DNA 3 database. The tables and their constraints are those DNA 3.0 creates
// for a new SQLite database (SETTINGS version 3.0.7), so DNA opens the file as one of its
// own; see docs/dna.md.
#include <cstdio>
#include <filesystem>

#include "dna/dna_database.h"
#include "dna/dna_sql.h"
#include "dna/password.h"
#include "statements/extractor.h"

namespace faultline::dna {
namespace {

using namespace internal;  // NOLINT: the helpers of this folder

constexpr const char* kSchema = R"sql(
CREATE TABLE SETTINGS(Property TEXT PRIMARY KEY, Value TEXT NOT NULL);
CREATE TABLE CODERS(ID INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL CHECK (LENGTH(Name) < 191),
  Red INTEGER NOT NULL DEFAULT 0 CHECK (Red BETWEEN 0 AND 255),
  Green INTEGER NOT NULL DEFAULT 0 CHECK (Green BETWEEN 0 AND 255),
  Blue INTEGER NOT NULL DEFAULT 0 CHECK (Blue BETWEEN 0 AND 255),
  Refresh INTEGER NOT NULL CHECK (Refresh BETWEEN 0 AND 9999) DEFAULT 0,
  FontSize INTEGER NOT NULL CHECK (FontSize BETWEEN 1 AND 99) DEFAULT 14,
  Password TEXT NOT NULL CHECK (LENGTH(Password) < 191),
  PopupWidth INTEGER CHECK (PopupWidth BETWEEN 100 AND 9999) DEFAULT 300,
  ColorByCoder INTEGER NOT NULL CHECK (ColorByCoder BETWEEN 0 AND 1) DEFAULT 0,
  PopupDecoration INTEGER NOT NULL CHECK (PopupDecoration BETWEEN 0 AND 1) DEFAULT 0,
  PopupAutoComplete INTEGER NOT NULL CHECK (PopupAutoComplete BETWEEN 0 AND 1) DEFAULT 1,
  PermissionAddDocuments INTEGER NOT NULL CHECK (PermissionAddDocuments BETWEEN 0 AND 1) DEFAULT 1,
  PermissionEditDocuments INTEGER NOT NULL CHECK (PermissionEditDocuments BETWEEN 0 AND 1) DEFAULT 1,
  PermissionDeleteDocuments INTEGER NOT NULL CHECK (PermissionDeleteDocuments BETWEEN 0 AND 1) DEFAULT 1,
  PermissionImportDocuments INTEGER NOT NULL CHECK (PermissionImportDocuments BETWEEN 0 AND 1) DEFAULT 1,
  PermissionAddStatements INTEGER NOT NULL CHECK (PermissionAddStatements BETWEEN 0 AND 1) DEFAULT 1,
  PermissionEditStatements INTEGER NOT NULL CHECK (PermissionEditStatements BETWEEN 0 AND 1) DEFAULT 1,
  PermissionDeleteStatements INTEGER NOT NULL CHECK (PermissionDeleteStatements BETWEEN 0 AND 1) DEFAULT 1,
  PermissionEditAttributes INTEGER NOT NULL CHECK (PermissionEditAttributes BETWEEN 0 AND 1) DEFAULT 1,
  PermissionEditRegex INTEGER NOT NULL CHECK (PermissionEditRegex BETWEEN 0 AND 1) DEFAULT 1,
  PermissionEditStatementTypes INTEGER NOT NULL CHECK (PermissionEditStatementTypes BETWEEN 0 AND 1) DEFAULT 1,
  PermissionEditCoders INTEGER NOT NULL CHECK (PermissionEditCoders BETWEEN 0 AND 1) DEFAULT 1,
  PermissionEditCoderRelations INTEGER NOT NULL CHECK (PermissionEditCoderRelations BETWEEN 0 AND 1) DEFAULT 1,
  PermissionViewOthersDocuments INTEGER NOT NULL CHECK (PermissionViewOthersDocuments BETWEEN 0 AND 1) DEFAULT 1,
  PermissionEditOthersDocuments INTEGER NOT NULL CHECK (PermissionEditOthersDocuments BETWEEN 0 AND 1) DEFAULT 1,
  PermissionViewOthersStatements INTEGER NOT NULL CHECK (PermissionViewOthersStatements BETWEEN 0 AND 1) DEFAULT 1,
  PermissionEditOthersStatements INTEGER NOT NULL CHECK (PermissionEditOthersStatements BETWEEN 0 AND 1) DEFAULT 1);
CREATE TABLE DOCUMENTS(ID INTEGER NOT NULL PRIMARY KEY, Title TEXT NOT NULL CHECK (LENGTH(Title) < 191),
  Text TEXT NOT NULL, Coder INTEGER, Author TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Author) < 191),
  Source TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Source) < 191),
  Section TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Section) < 191), Notes TEXT NOT NULL DEFAULT '',
  Type TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Type) < 191), Date INTEGER NOT NULL,
  FOREIGN KEY(Coder) REFERENCES CODERS(ID) ON DELETE CASCADE);
CREATE TABLE STATEMENTTYPES(ID INTEGER NOT NULL PRIMARY KEY, Label TEXT NOT NULL CHECK (LENGTH(Label) < 191),
  Red INTEGER NOT NULL DEFAULT 0 CHECK (Red BETWEEN 0 AND 255),
  Green INTEGER NOT NULL DEFAULT 0 CHECK (Green BETWEEN 0 AND 255),
  Blue INTEGER NOT NULL DEFAULT 0 CHECK (Blue BETWEEN 0 AND 255));
CREATE TABLE VARIABLES(ID INTEGER NOT NULL PRIMARY KEY, Variable TEXT NOT NULL CHECK (LENGTH(Variable) < 191),
  DataType TEXT NOT NULL CHECK (DataType = 'boolean' OR DataType = 'integer' OR DataType = 'long text'
    OR DataType = 'short text') DEFAULT 'short text',
  StatementTypeId INTEGER, FOREIGN KEY(StatementTypeId) REFERENCES STATEMENTTYPES(ID) ON DELETE CASCADE,
  UNIQUE (Variable, StatementTypeId));
CREATE TABLE VARIABLELINKS(ID INTEGER NOT NULL PRIMARY KEY, SourceVariableId INTEGER, TargetVariableId INTEGER,
  CHECK (TargetVariableId != SourceVariableId),
  FOREIGN KEY(SourceVariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE,
  FOREIGN KEY(TargetVariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE);
CREATE TABLE REGEXES(Label TEXT PRIMARY KEY CHECK (LENGTH(Label) < 191),
  Red INTEGER NOT NULL DEFAULT 0 CHECK (Red BETWEEN 0 AND 255),
  Green INTEGER NOT NULL DEFAULT 0 CHECK (Green BETWEEN 0 AND 255),
  Blue INTEGER NOT NULL DEFAULT 0 CHECK (Blue BETWEEN 0 AND 255));
CREATE TABLE CODERRELATIONS(ID INTEGER NOT NULL PRIMARY KEY, Coder INTEGER CHECK(Coder > 0),
  OtherCoder INTEGER CHECK(OtherCoder > 0),
  viewStatements INTEGER NOT NULL DEFAULT 1 CHECK(viewStatements BETWEEN 0 AND 1),
  editStatements INTEGER NOT NULL DEFAULT 1 CHECK(editStatements BETWEEN 0 AND 1),
  viewDocuments INTEGER NOT NULL DEFAULT 1 CHECK(viewDocuments BETWEEN 0 AND 1),
  editDocuments INTEGER NOT NULL DEFAULT 1 CHECK(editDocuments BETWEEN 0 AND 1),
  CHECK (Coder != OtherCoder), FOREIGN KEY(Coder) REFERENCES CODERS(ID) ON DELETE CASCADE,
  FOREIGN KEY(OtherCoder) REFERENCES CODERS(ID) ON DELETE CASCADE);
CREATE TABLE STATEMENTS(ID INTEGER NOT NULL PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER,
  Start INTEGER NOT NULL CHECK(Start >= 0), Stop INTEGER NOT NULL CHECK(Stop >= 0), Coder INTEGER,
  CHECK (Start < Stop), FOREIGN KEY(StatementTypeId) REFERENCES STATEMENTTYPES(ID) ON DELETE CASCADE,
  FOREIGN KEY(Coder) REFERENCES CODERS(ID) ON DELETE CASCADE,
  FOREIGN KEY(DocumentId) REFERENCES DOCUMENTS(ID) ON DELETE CASCADE);
CREATE TABLE DATABOOLEAN(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,
  VariableId INTEGER NOT NULL, Value INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
  FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE, UNIQUE (StatementId, VariableId));
CREATE TABLE DATAINTEGER(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,
  VariableId INTEGER NOT NULL, Value INTEGER NOT NULL DEFAULT 0,
  FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
  FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE, UNIQUE (StatementId, VariableId));
CREATE TABLE ENTITIES(ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL,
  Value TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Value) < 191),
  Red INTEGER CHECK (Red BETWEEN 0 AND 255), Green INTEGER CHECK (Green BETWEEN 0 AND 255),
  Blue INTEGER CHECK (Blue BETWEEN 0 AND 255), ChildOf INTEGER CHECK(ChildOf > 0),
  UNIQUE (VariableId, Value), FOREIGN KEY(ChildOf) REFERENCES ENTITIES(ID) ON DELETE CASCADE,
  FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE);
CREATE TABLE DATASHORTTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,
  VariableId INTEGER NOT NULL, Entity INTEGER NOT NULL,
  FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
  FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE,
  FOREIGN KEY(Entity) REFERENCES ENTITIES(ID) ON DELETE CASCADE, UNIQUE (StatementId, VariableId));
CREATE TABLE DATALONGTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,
  VariableId INTEGER NOT NULL, Value TEXT DEFAULT '',
  FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
  FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE, UNIQUE (StatementId, VariableId));
CREATE TABLE ATTRIBUTEVARIABLES(ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL,
  AttributeVariable TEXT NOT NULL CHECK (LENGTH(AttributeVariable) < 191),
  UNIQUE(VariableId, AttributeVariable), FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE);
CREATE TABLE ATTRIBUTEVALUES(ID INTEGER PRIMARY KEY NOT NULL, EntityId INTEGER NOT NULL,
  AttributeVariableId INTEGER NOT NULL, AttributeValue TEXT NOT NULL DEFAULT ''
  CHECK (LENGTH(AttributeValue) < 191), UNIQUE (EntityId, AttributeVariableId),
  FOREIGN KEY(EntityId) REFERENCES ENTITIES(ID) ON DELETE CASCADE,
  FOREIGN KEY(AttributeVariableId) REFERENCES ATTRIBUTEVARIABLES(ID) ON DELETE CASCADE);
)sql";

// The statement types and variables of a new DNA database, then faultline's own three
// variables of DNA Statement. Variable ids are fixed: the writer refers to them.
constexpr const char* kContents = R"sql(
INSERT INTO SETTINGS VALUES ('version', '3.0.7'), ('date', '2022-06-10');
INSERT INTO STATEMENTTYPES VALUES (1, 'DNA Statement', 239, 208, 51), (2, 'NPF Story Element', 100, 200, 190),
  (3, 'Annotation', 211, 211, 211);
INSERT INTO VARIABLES VALUES (1, 'person', 'short text', 1), (2, 'organization', 'short text', 1),
  (3, 'concept', 'short text', 1), (4, 'agreement', 'boolean', 1), (5, 'narrator', 'short text', 2),
  (6, 'victim', 'short text', 2), (7, 'villain', 'short text', 2), (8, 'plot', 'short text', 2),
  (9, 'hero', 'short text', 2), (10, 'policy solution', 'short text', 2), (11, 'note', 'long text', 3),
  (12, 'source', 'short text', 1), (13, 'cue', 'short text', 1), (14, 'rule', 'short text', 1),
  (15, 'confidence', 'short text', 1);
INSERT INTO ATTRIBUTEVARIABLES (VariableId, AttributeVariable) VALUES (1, 'Type'), (2, 'Type'), (3, 'Type'),
  (1, 'Alias'), (2, 'Alias'), (3, 'Alias'), (1, 'Notes'), (2, 'Notes'), (3, 'Notes');
)sql";

enum Variable {
  kPerson = 1, kOrganization = 2, kConcept = 3, kAgreement = 4, kSource = 12, kCue = 13, kRule = 14, kConfidence = 15
};

// Three decimals, as the calibration gives them.
std::string ConfidenceText(double c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", c);
  return buf;
}

std::string Notes(const Document& doc) {
  std::string notes;
  auto line = [&](const char* key, const std::string& v) {
    if (!v.empty()) notes += std::string(notes.empty() ? "" : "\n") + key + ": " + v;
  };
  line("file", StatementDocName(doc));
  line("url", doc.url);
  if (!IsFullDate(doc.date)) line("date", doc.date);  // partial: kept as written
  return notes;
}

}  // namespace

Writer::~Writer() {
  if (db_ != nullptr) sqlite3_close(db_);
}

Result<std::unique_ptr<Writer>> Writer::Create(const std::string& path, const WriteOptions& options) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec))
    return Status::Error("exists already; faultline never overwrites a DNA database (it may hold a "
                         "coder's work): remove it or choose another name",
                         path);
  std::unique_ptr<Writer> w(new Writer());
  w->path_ = path;
  w->options_ = options;
  if (sqlite3_open_v2(path.c_str(), &w->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
    return DbError(w->db_, "cannot create DNA database", path);
  Result<std::string> digest = NewPasswordDigest(options.password);
  if (!digest.ok()) return digest.status().WithLocation(path);
  if (Status s = w->Exec("PRAGMA foreign_keys = ON; BEGIN;"); !s.ok()) return s;
  if (Status s = w->Exec(kSchema); !s.ok()) return s;
  if (Status s = w->Exec(kContents); !s.ok()) return s;
  // Admin may do everything, as in a new DNA database; faultline owns the machine coding.
  Query coders(w->db_,
               "INSERT INTO CODERS (ID, Name, Red, Green, Blue, Password, PermissionEditStatementTypes, "
               "PermissionEditCoders, PermissionEditOthersDocuments, PermissionEditOthersStatements) "
               "VALUES (?, ?, ?, ?, ?, ?, 1, 1, 1, 1)");
  coders.Bind(1, 1).Bind(2, std::string("Admin")).Bind(3, 255).Bind(4, 255).Bind(5, 0).Bind(6, *digest);
  if (!coders.Run()) return DbError(w->db_, "cannot write coders", path);
  coders.Bind(1, 2).Bind(2, std::string("faultline")).Bind(3, 70).Bind(4, 130).Bind(5, 180).Bind(6, *digest);
  if (!coders.Run()) return DbError(w->db_, "cannot write coders", path);
  // Each coder sees and edits the other's documents and statements (DNA's default).
  if (Status s = w->Exec("INSERT INTO CODERRELATIONS (Coder, OtherCoder) VALUES (1, 2), (2, 1);"); !s.ok())
    return s;
  // DNA keeps an empty entity per short-text variable, with its attribute values.
  for (int v : {kPerson, kOrganization, kConcept, kSource, kCue, kRule})
    if (Result<int64_t> e = w->Entity(v, ""); !e.ok()) return e.status();
  return w;
}

Status Writer::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) == SQLITE_OK) return Status::Ok();
  std::string msg = err ? err : "unknown error";
  sqlite3_free(err);
  return Status::Error("cannot write DNA database: " + msg, path_);
}

Result<int64_t> Writer::Entity(int variable, const std::string& value, const std::string& alias) {
  const std::string v = Fit(value);
  if (auto it = entities_.find({variable, v}); it != entities_.end()) return it->second;
  Query q(db_, "INSERT INTO ENTITIES (VariableId, Value, Red, Green, Blue) VALUES (?, ?, 0, 0, 0)");
  q.Bind(1, variable).Bind(2, v);
  if (!q.Run()) return DbError(db_, "cannot write entity", path_);
  const int64_t id = sqlite3_last_insert_rowid(db_);
  Query attrs(db_,
              "INSERT INTO ATTRIBUTEVALUES (EntityId, AttributeVariableId, AttributeValue) "
              "SELECT ?, ID, CASE WHEN AttributeVariable = 'Alias' THEN ? ELSE '' END "
              "FROM ATTRIBUTEVARIABLES WHERE VariableId = ?");
  attrs.Bind(1, id).Bind(2, Fit(alias)).Bind(3, variable);
  if (!attrs.Run()) return DbError(db_, "cannot write entity attributes", path_);
  entities_[{variable, v}] = id;
  return id;
}

Status Writer::AddDocument(const Document& doc, const std::vector<Statement>& statements) {
  Query d(db_, "INSERT INTO DOCUMENTS (Title, Text, Coder, Author, Source, Notes, Date) VALUES (?, ?, 2, ?, ?, ?, ?)");
  const std::string title = doc.title.empty() ? StatementDocName(doc) : doc.title;
  d.Bind(1, Fit(title)).Bind(2, doc.text).Bind(3, Fit(doc.author)).Bind(4, Fit(doc.outlet));
  d.Bind(5, Notes(doc)).Bind(6, EpochSeconds(doc.date));
  if (!d.Run()) return DbError(db_, "cannot write document '" + title + "'", path_);
  const int64_t doc_id = sqlite3_last_insert_rowid(db_);
  ++documents_;
  std::vector<Statement> located = statements;
  AttachDocument(doc, &located);  // DNA's offsets, counted over this text
  Query st(db_, "INSERT INTO STATEMENTS (StatementTypeId, DocumentId, Start, Stop, Coder) VALUES (1, ?, ?, ?, 2)");
  Query text(db_, "INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (?, ?, ?)");
  Query agree(db_, "INSERT INTO DATABOOLEAN (StatementId, VariableId, Value) VALUES (?, 4, ?)");
  for (const Statement& s : located) {
    if (s.units_end <= s.units_begin) continue;  // DNA needs Start < Stop
    st.Bind(1, doc_id).Bind(2, static_cast<int64_t>(s.units_begin)).Bind(3, static_cast<int64_t>(s.units_end));
    if (!st.Run()) return DbError(db_, "cannot write statement", path_);
    const int64_t id = sqlite3_last_insert_rowid(db_);
    auto concept_it = options_.concepts.find(s.issue);
    const std::string concept_value = concept_it == options_.concepts.end() ? s.issue : concept_it->second;
    const std::pair<int, Result<int64_t>> values[] = {
        {kPerson, Entity(kPerson, s.person)},
        {kOrganization, Entity(kOrganization, s.actor)},
        {kConcept, Entity(kConcept, concept_value, s.issue)},
        {kSource, Entity(kSource, s.source)},
        {kCue, Entity(kCue, s.cue)},
        {kRule, Entity(kRule, s.rule)},
        {kConfidence, Entity(kConfidence, ConfidenceText(s.confidence))}};
    for (const auto& [variable, entity] : values) {
      if (!entity.ok()) return entity.status();
      text.Bind(1, id).Bind(2, variable).Bind(3, *entity);
      if (!text.Run()) return DbError(db_, "cannot write statement values", path_);
    }
    agree.Bind(1, id).Bind(2, s.stance > 0 ? 1 : 0);
    if (!agree.Run()) return DbError(db_, "cannot write agreement", path_);
    ++statements_;
  }
  return Status::Ok();
}

Status Writer::Finish() { return Exec("COMMIT;"); }

}  // namespace faultline::dna
