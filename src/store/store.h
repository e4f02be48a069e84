// The document store: one SQLite file (WAL mode) holding documents and, for later
// stages, the statements found in them. Writes go in batches, one transaction each,
// so a run that fails half way keeps every batch it committed.
//
// Re-ingesting the same content adds nothing (exact hash of the whitespace-normalised
// text); a near-duplicate (see near_duplicates.h) is stored but linked to its original
// through `duplicate_of`, and is left out when documents are read back by default.
//
// The schema is versioned (table schema_version): a file written by an older faultline
// is migrated when it is opened writable, and read as it is when it cannot be written;
// a file from a newer faultline is refused with a message saying so.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "corrections/correction.h"
#include "ingest/document.h"
#include "store/near_duplicates.h"
#include "statements/statement.h"
#include "util/status.h"

struct sqlite3;

namespace faultline {

// 1: documents, statements. 2: + extractions (what produced each document's statements).
// 3: + corrections (what people confirmed, rejected, changed or added).
// 4: + documents.via, story_profiles (each document's story profile and story).
// 5: + statements.cameo (the CAMEO code beside the actor, from event-data dictionaries).
// 6: + story_profiles.sources (each document's attributions, for its origin).
// 7: + statements.confidence (statements/confidence.h; 1 for rows cached before).
// 8: + documents.analysed_hash (statement_cache.h AnalysedDocumentHash of the row as
//    stored; NULL until known, and again after any change of the fields it covers).
// 9: + statements.units_begin, units_end (the evidence in UTF-16 code units, so that
//    cached statements need not have their document's text read; NULL until known).
// 10: + index documents_listing (the documents' metadata, so that listing them without
//    their texts reads no text pages).
// 11: + story_profiles.summary and index story_summaries (each profile's summary, so that
//    a reader of the stories that needs no clustering reads no profile).
constexpr int kStoreSchemaVersion = 12;

struct StoreOptions {
  int batch_size = 500;                 // documents per transaction
  double near_duplicate_threshold = 0.8;  // estimated Jaccard of 5-word shingles
  bool create_if_missing = true;  // false for readers: a mistyped --db is an error, not a new file
  // Never write (nor migrate). A file the process may not write is opened this way
  // anyway, whatever this says.
  bool read_only = false;
  // The database may not grow beyond this many bytes (0: no limit). A write past it
  // fails as on a full disk; for shared disks, and how tests make a disk full.
  int64_t max_bytes = 0;
  // Hold the database's single-writer lock (`ingest`): a second process asking for it
  // is refused while this store is open. Two ingests at once would each link near
  // duplicates only against what it had seen itself.
  bool exclusive_writer = false;
};

// A document's place in the stories (stories/story_store.h): its profile, its story and
// the link that put it there.
struct StoredStory {
  std::string doc;        // documents.id
  std::optional<int64_t> day;  // days since 1970-01-01, when its date is a full one
  std::string profile;    // stories/profile.h ProfileToBytes
  std::string story;      // the story's id: the id of the document that started it
  std::string linked_to;  // the document it was linked to; "" when it started its story
  double score = 0;       // that link's score
  std::string settings;   // fingerprint of the settings and term statistics that made the profile
  std::string sources;    // stories/sources_bytes.h SourcesToBytes; "" when none was stored
  // stories/profile.h ProfileSummaryToBytes of the profile; "" when none was stored
  // (an entry stored before schema 11, until the next `ingest` adds it).
  std::string summary;
};

// The stories' finished result as stored (Store::PutStoryResults): opaque bytes to the
// store, and the stamp of the settings and data that made them.
struct StoredResults {
  std::string stamp;
  std::string bytes;
};

// A stored document with what the store knows of it beyond its fields.
struct StoredDocument {
  Document doc;
  // AnalysedDocumentHash(doc) as recorded when the row was written; "" when unknown (a row
  // stored by an older faultline, or changed since).
  std::string analysed_hash;
  // False when read without its text (DocumentReading::with_text): doc.text is then
  // empty, and Store::DocumentText reads it.
  bool has_text = true;
};

// How ForEachStoredDocument reads.
struct DocumentReading {
  bool include_duplicates = false;  // near-duplicates too
  // Copying every text out of the database is most of what reading documents costs; a
  // reader that needs few of them leaves them out and asks for those (DocumentText).
  bool with_text = true;
};

// A document's statements as cached (Store::CachedStatementsFor), with the key they
// were cached under.
struct CacheEntry {
  std::string doc_hash;  // of the document as analysed (statement_cache.h)
  std::vector<Statement> statements;  // their `doc` is the document id
  // Every statement's units_begin and units_end are as stored (schema 9 on); false when
  // any was cached without them, and they must be counted in the text.
  bool has_units = false;
};

enum class AddKind { kAdded, kExactDuplicate, kNearDuplicate };

struct AddOutcome {
  AddKind kind = AddKind::kAdded;
  std::string id;            // the id it is stored under (may gain a "~2" suffix on a clash)
  std::string duplicate_of;  // the original's id, for both kinds of duplicate
  double similarity = 1.0;   // estimated Jaccard for near-duplicates
};

struct CorpusStats {
  int64_t documents = 0;        // originals (not duplicates)
  int64_t near_duplicates = 0;  // stored, linked to an original
  int64_t characters = 0;       // of originals' text
  int64_t undated = 0;
  int64_t statements = 0;         // cached statements, over all documents
  int64_t cached_documents = 0;   // originals whose statements are cached (perhaps none found)
  std::string first_date, last_date;                       // over full ISO dates
  std::vector<std::pair<std::string, int64_t>> outlets;    // by count, descending
  std::vector<std::pair<std::string, int64_t>> languages;  // by count, descending
  int64_t storied_documents = 0;   // originals with a story (ingested by a faultline with stories)
  int64_t stories = 0;             // stories among them
  int64_t stories_with_relays = 0; // stories of two or more documents
  struct StorySummary {
    std::string story, title, first, last;  // first/last: full ISO dates, "" when unknown
    int64_t documents = 0, outlets = 0;
  };
  std::vector<StorySummary> largest_stories;  // most documents first (at most 10)
};

// The normalised-text hash used for exact duplicates (whitespace runs collapsed).
std::string ContentHash(const std::string& text);

// What Store::Add computes from a document's text alone (its exact hash and near-duplicate
// signature): a pure function, so `ingest` computes it on its worker threads.
struct DocumentKeys {
  std::string hash;
  std::optional<MinHash> signature;  // none for texts too short to shingle
};
DocumentKeys KeysOf(const Document& doc);

class Store {
 public:
  // Opens or creates the database at `path`, creating or checking the schema.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, StoreOptions options = {});
  ~Store();  // commits the open batch
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Adds one document inside the current batch (committing every batch_size adds).
  Result<AddOutcome> Add(const Document& doc);
  // The same with the keys computed beforehand (KeysOf), perhaps on another thread.
  Result<AddOutcome> Add(const Document& doc, const DocumentKeys& keys);
  // Commits the open batch now.
  Status Flush();
  // Writes that must be stored together or not at all (a document and its story entry):
  // between BeginGroup and EndGroup a full batch is not committed, so a crash never
  // keeps one without the other. EndGroup commits the batch when it is full and says
  // whether it did; AbortGroup undoes the group's writes only, the rest of the batch stays.
  Status BeginGroup();
  Result<bool> EndGroup();
  void AbortGroup();
  // Undoes the open batch (after a write failed, e.g. a full disk): the store is then
  // as the last commit left it.
  void Rollback();

  // Calls `fn` for every stored document in insertion order; near-duplicates only
  // when `include_duplicates`. Documents are read a page at a time with no query left
  // open while `fn` runs, so `fn` may write to the store.
  Status ForEachDocument(const std::function<void(Document&&)>& fn,
                         bool include_duplicates = false) const;
  // The same, with what is recorded of each document (StoredDocument).
  Status ForEachStoredDocument(const std::function<void(StoredDocument&&)>& fn,
                               bool include_duplicates = false) const;
  Status ForEachStoredDocument(const std::function<void(StoredDocument&&)>& fn, DocumentReading reading) const;
  // The text of the stored document with this id.
  Result<std::string> DocumentText(const std::string& id) const;
  // Rows carry their AnalysedDocumentHash (version 8 on; a row may still lack one).
  bool has_analysed_hashes() const;
  // Records a stored document's AnalysedDocumentHash, inside the current batch; for rows
  // whose hash is unknown. An error on a read-only store or a file older than version 8.
  Status RecordAnalysedHash(const std::string& doc_id, const std::string& hash);
  bool can_record_analysed_hash() const;
  // The stored document with this id.
  Result<Document> GetDocument(const std::string& id) const;

  Result<CorpusStats> Stats() const;

  // The statement cache (statement_cache.h decides when it is used). Per document, the
  // statements one extraction found (perhaps none) and two keys: `fingerprint`, of
  // what extracted them (codebook, cue lexicon, knowledge base, extractor version), and
  // `doc_hash`, of the document as it was analysed (text and metadata).
  //
  // The statements cached for `doc_id` if both keys match, else nullopt. Their `doc`
  // is the document id.
  Result<std::optional<std::vector<Statement>>> CachedStatements(const std::string& doc_id,
                                                                 const std::string& fingerprint,
                                                                 const std::string& doc_hash) const;
  // Every cache entry made with `fingerprint`, by document id, in one pass: a reader of
  // the whole cache (serve's start-up, `map --db`) spends far less than in a lookup per
  // document. Entries of other fingerprints are left out.
  Result<std::unordered_map<std::string, CacheEntry>> CachedStatementsFor(const std::string& fingerprint) const;
  // Replaces the document's cached statements and keys, inside the current batch
  // (committed every batch_size writes or by Flush). A failure undoes this document's
  // writes only: what was cached for it before stays, as does the rest of the batch.
  // The statements' UTF-16 offsets are stored as they are: AttachDocument counts them.
  Status CacheStatements(const std::string& doc_id, const std::string& fingerprint,
                         const std::string& doc_hash, const std::vector<Statement>& statements);
  // Records the UTF-16 offsets of a document's cached statements (their units_begin and
  // units_end, counted over its text), inside the current batch; for entries cached
  // without them. The offsets depend on the span alone, so rows are found by it.
  Status RecordStatementUnits(const std::string& doc_id, const std::vector<Statement>& statements);
  bool can_record_statement_units() const;

  // Corrections (corrections/correction.h), kept apart from the statement cache so that
  // re-extracting never touches them. AddCorrection commits the open batch, then stores
  // `c` in a transaction of its own, and returns it with its id and time (UTC) set.
  Result<Correction> AddCorrection(Correction c);
  // Every stored correction, oldest first (none on a file older than schema version 3).
  Result<std::vector<Correction>> Corrections() const;

  // Stories (schema 4; see stories/story_store.h). PutStory writes one document's entry
  // inside the current batch; MergeStories moves every document of story `from` into
  // story `to`; ForEachStory reads every entry of an original (not a near-duplicate) in
  // the documents' insertion order. ForEachStoryUnordered reads every entry in the
  // table's order, without looking at the documents: for a reader that keys them by
  // document (only originals are given entries, and a reader looks up the documents it
  // lists), it spares three B-tree searches a row. ForEachStorySummary reads the same
  // entries with their summary and an empty `profile` (from an index: no profile's pages
  // are read), except entries without a summary, which come with their profile (all of
  // them on a file older than schema 11).
  bool has_stories() const;
  Status PutStory(const StoredStory& s);
  Status MergeStories(const std::string& from, const std::string& to);
  Status ForEachStory(const std::function<void(StoredStory&&)>& fn) const;
  Status ForEachStoryUnordered(const std::function<void(StoredStory&&)>& fn) const;
  Status ForEachStorySummary(const std::function<void(StoredStory&&)>& fn) const;
  // The stories' finished result (schema 12; stories/origin_results.h), with the stamp
  // of what made it; none when no `ingest` stored one since the documents or story
  // entries last changed: every write to them deletes it (triggers, whoever writes).
  bool has_story_results() const;
  Result<std::optional<StoredResults>> StoryResults() const;
  // Replaces it, and commits (with the open batch).
  Status PutStoryResults(const StoredResults& r);
  // The distinct outlet names of the stored originals.
  Result<std::vector<std::string>> Outlets() const;

  // Opened without write access (StoreOptions::read_only, or a file or folder the
  // process may not write).
  bool read_only() const;
  // Why, when it is: "opened read-only", "the file cannot be written", "its folder
  // cannot be written (...)".
  const std::string& read_only_reason() const;
  // The schema has the statement cache: false only for a version 1 file read as it is.
  bool has_statement_cache() const;
  // The schema has the corrections table: false for a file older than version 3 read as it is.
  bool has_corrections() const;

 private:
  Store(sqlite3* db, StoreOptions options);
  Status Exec(const char* sql) const;
  Status Begin();
  Status CommitIfFull();
  Status LockWriter(const std::string& path);
  Status PrepareSchema(const std::string& path);
  Status LoadSignatures();

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace faultline
