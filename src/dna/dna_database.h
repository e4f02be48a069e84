// The Discourse Network Analyzer's database (the SQLite `.dna` file of DNA 3), both ways.
//
// Reading: the statements of one statement type (by default DNA's own "DNA Statement":
// person, organization, concept, agreement) become faultline statements — organization is
// the actor, concept the issue, agreement the stance — so `map`, `why` and `evaluate` run
// on hand-coded data; the concepts become a starting codebook (`codebook from-dna`).
//
// Writing: documents and faultline's statements as a DNA 3 database a coder opens in DNA to
// correct the machine coding by hand, then reads back with `--statements FILE.dna`
// (semi-automatic coding). The layout is that of a database DNA 3.0 creates itself (the
// three standard statement types, attribute variables, an Admin coder), plus a coder
// "faultline" who owns the machine's statements and three variables of DNA Statement
// (source, cue, rule) that keep what faultline knows about each one. docs/dna.md has the
// mapping field by field.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ingest/document.h"
#include "statements/statement.h"
#include "util/status.h"

struct sqlite3;

namespace faultline::dna {

// Which statement type and variables carry actor, person, issue and stance.
struct ReadOptions {
  std::string statement_type = "DNA Statement";
  std::string actor = "organization";
  std::string person = "person";
  std::string issue = "concept";
  std::string stance = "agreement";  // boolean (1 for, 0 against) or integer (sign)
};

// One concept (a value of the issue variable) with what the database says of it.
struct Concept {
  std::string value;   // "Cap and trade is the solution."
  std::string alias;   // the Alias attribute (faultline writes the issue id there)
  std::string type;    // the Type attribute
  std::string notes;   // the Notes attribute
  int agree = 0;       // statements coded with it, by stance
  int disagree = 0;
};

struct Contents {
  std::vector<Statement> statements;  // in document order, then text order
  std::vector<Concept> concepts;      // every value of the issue variable, in value order
  std::string version;                // SETTINGS.version ("3.0.7")
  size_t skipped = 0;                 // statements of the type without actor, issue or stance
};

// Reads `path`, which must be a DNA 3 database. Errors name the file and, for a missing
// statement type or variable, what the database has instead.
Result<Contents> ReadDatabase(const std::string& path, const ReadOptions& options = {});

// True when the first bytes of the file are SQLite's header (a .dna, or another database).
bool LooksLikeSqlite(const std::string& path);

struct WriteOptions {
  std::string password = "faultline";  // of both coders, Admin and faultline
  // Issue id -> the proposition written as the concept (the codebook's); ids not in it
  // are written as they are. Either way the id goes to the concept's Alias attribute.
  std::map<std::string, std::string> concepts;
};

class Writer {
 public:
  // Creates `path`; an existing file is never overwritten (it may hold a coder's work).
  static Result<std::unique_ptr<Writer>> Create(const std::string& path, const WriteOptions& options);
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // One document with the statements extracted from it (AttachDocument already applied,
  // or begin/end valid byte offsets into doc.text). Documents without statements belong
  // in the file too: the coder reads them for what the machine missed.
  Status AddDocument(const Document& doc, const std::vector<Statement>& statements);
  // Commits everything; the file is complete only after this.
  Status Finish();

  size_t documents() const { return documents_; }
  size_t statements() const { return statements_; }

 private:
  Writer() = default;
  Status Exec(const char* sql);
  Result<int64_t> Entity(int variable, const std::string& value, const std::string& alias = {});

  sqlite3* db_ = nullptr;
  std::string path_;
  WriteOptions options_;
  std::map<std::pair<int, std::string>, int64_t> entities_;
  size_t documents_ = 0;
  size_t statements_ = 0;
};

}  // namespace faultline::dna
