// The statement cache: statements of stored documents are extracted once per document
// and per extraction setup, then read back from the database. Each document's entry
// carries two keys (Store::CacheStatements): the fingerprint of what extracted it
// (statements/analyzer.h, AnalysisFingerprint) and the hash of the document as analysed,
// so a changed codebook, cue lexicon, knowledge base, extractor version or --meta value
// makes exactly the documents it concerns be extracted again, and documents added by a
// later `ingest` are the only ones a run extracts.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/document.h"
#include "statements/statement.h"
#include "store/store.h"
#include "util/status.h"

namespace faultline {

// The document as its statements depend on it: the text and every metadata field (the
// date picks role holders, outlet and URL the official voice, file and id name the
// statements' doc), taken after --meta has been applied.
std::string AnalysedDocumentHash(const Document& doc);
// The same for the document stored under `id` (Store::Add may have changed doc.id).
std::string AnalysedDocumentHash(const Document& doc, std::string_view id);

// One document's statements, or why the document could not be analysed (it ran out of
// its time budget); called from several threads at once. A function returning the
// statements alone converts to it.
using ExtractFunction = std::function<Result<std::vector<Statement>>(const Document&)>;

struct StatementCacheOptions {
  // Of what extracts: cached statements are used only when theirs is the same.
  std::string fingerprint;
  // Builds the extraction, once, when the first document needs it: a run that finds
  // everything cached never loads the knowledge base or compiles the recognizer.
  std::function<Result<ExtractFunction>()> load;
  bool refresh = false;  // extract every document again, replacing what is cached
  unsigned threads = 1;
  // Extracted documents written per transaction: short transactions, so that a
  // concurrent `ingest` is not kept waiting while documents are being extracted.
  size_t write_batch = 256;
  // Applied to each document before it is hashed and analysed (the --meta sidecar). It
  // may change the metadata, never the text, and may be given the document without its
  // text: documents are read without it, and it is read only for those that need it (to
  // be hashed, extracted, have the UTF-16 offsets of cached statements counted in it when
  // the cache has not stored them (schema 9 stores them), or for `visit`). A
  // document whose metadata it leaves as stored is checked against the hash recorded in
  // the store, without its text.
  std::function<void(Document*)> prepare;
  // Every document after `prepare`, with its text, in store order (the stories stage of
  // `map` and `serve`).
  std::function<void(const Document&)> visit;
  // Tried instead of `visit` on a document read without its text: true when it took the
  // document as it is (a stored story needs no text), false to have `visit` called with
  // the text.
  std::function<bool(const Document&)> visit_without_text;
  // Problems that do not stop the run: a document that could not be cached.
  std::function<void(const Status&)> warn;
  // A document the extraction gave up on: it has no statements and is not cached, so a
  // later run tries it again. Unset: `warn` gets it.
  std::function<void(const Status&)> error;
};

struct StatementCacheStats {
  uint64_t documents = 0;     // read from the store (duplicates left out)
  uint64_t from_cache = 0;    // whose statements were read from the cache
  uint64_t extracted = 0;     // run through the extraction
  uint64_t cached = 0;        // of those, written to the cache
  uint64_t cache_errors = 0;  // documents the cache could not be read or written for
  uint64_t failed = 0;        // extracted without a result (ExtractFunction's error), not cached
  uint64_t hashed = 0;        // whose text was hashed (no recorded hash, or other metadata)
  uint64_t texts = 0;         // whose text was read (all when read with the documents)
  bool writable = false;      // the store takes new entries (not read-only, schema has the cache)
};

// Appends the statements of every stored document (duplicates left out) to *out: in
// store order, each document's as the extraction returned them, and the same whether
// they come from the cache or not. A store that cannot be written (see `writable`)
// still gives every statement, extracted. The error is reading the documents or
// loading the extraction; write problems go to `warn` and the run goes on.
Status CollectStoredStatements(Store& store, const StatementCacheOptions& options,
                               std::vector<Statement>* out, StatementCacheStats* stats = nullptr);

}  // namespace faultline
