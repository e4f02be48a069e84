#include "store/statement_cache.h"

#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

#include "statements/extractor.h"
#include "util/hash.h"
#include "util/work_pool.h"

namespace faultline {

std::string AnalysedDocumentHash(const Document& doc) { return AnalysedDocumentHash(doc, doc.id); }

std::string AnalysedDocumentHash(const Document& doc, std::string_view id) {
  FieldHasher h;
  h.Add(id).Add(doc.file).Add(doc.url).Add(doc.title).Add(doc.date).Add(doc.outlet);
  h.Add(doc.author).Add(doc.language).Add(doc.text);
  return h.Hex();
}

namespace {

// The fields AnalysedDocumentHash covers besides the text, which `prepare` never changes.
struct Metadata {
  std::string id, file, url, title, date, outlet, author, language;
  explicit Metadata(const Document& d)
      : id(d.id), file(d.file), url(d.url), title(d.title), date(d.date), outlet(d.outlet), author(d.author),
        language(d.language) {}
  bool operator==(const Metadata&) const = default;
};

// Reads the text of a document read without it; `stored_id` is its id as stored (before
// `prepare`).
Status EnsureText(const Store& store, StoredDocument* stored, const std::string& stored_id, StatementCacheStats* st) {
  if (stored->has_text) return Status::Ok();
  Result<std::string> text = store.DocumentText(stored_id);
  if (!text.ok()) return text.status();
  stored->doc.text = std::move(text).value();
  stored->has_text = true;
  ++st->texts;
  return Status::Ok();
}

// The document's AnalysedDocumentHash after `prepare`: the one recorded in the store when
// the metadata is as stored, else computed from the text (and recorded, when it was
// unknown and the store takes it; problems go to `warn`).
Result<std::string> HashOf(Store& store, StoredDocument* stored, const std::string& stored_id,
                           const StatementCacheOptions& options, StatementCacheStats* st,
                           const std::function<void(const Status&)>& warn) {
  Document& doc = stored->doc;
  bool as_stored = true;
  if (options.prepare) {
    const Metadata before(doc);
    options.prepare(&doc);
    as_stored = Metadata(doc) == before;
  }
  if (as_stored && !stored->analysed_hash.empty()) return std::move(stored->analysed_hash);
  Status text = EnsureText(store, stored, stored_id, st);
  if (!text.ok()) return text;
  ++st->hashed;
  std::string hash = AnalysedDocumentHash(doc);
  if (as_stored && store.can_record_analysed_hash()) {
    Status s = store.RecordAnalysedHash(doc.id, hash);
    if (!s.ok() && st->cache_errors++ == 0) warn(s);
  }
  return hash;
}

// Hands the document to the options' visit hooks: as it is when `visit_without_text`
// takes it, else with its text.
Status Visit(const Store& store, StoredDocument* stored, const std::string& stored_id,
             const StatementCacheOptions& options, StatementCacheStats* st) {
  if (!stored->has_text && options.visit_without_text && options.visit_without_text(stored->doc))
    return Status::Ok();
  if (!options.visit) return Status::Ok();
  Status text = EnsureText(store, stored, stored_id, st);
  if (!text.ok()) return text;
  options.visit(stored->doc);
  return Status::Ok();
}

// The entry cached for the document under `hash`, taken out of `cache`; nullopt when it
// has no entry or one for another hash.
std::optional<CacheEntry> TakeCached(std::unordered_map<std::string, CacheEntry>* cache, const std::string& id,
                                     const std::string& hash) {
  auto it = cache->find(id);
  if (it == cache->end() || it->second.doc_hash != hash) return std::nullopt;
  CacheEntry entry = std::move(it->second);
  cache->erase(it);
  return entry;
}

// Cached statements as the extraction gives them (AttachDocument): named, titled, and
// with their UTF-16 offsets, read from the cache when it has them, else counted in the
// text (read for it) and recorded when the store takes them (problems go to `warn`).
Status PlaceCached(Store& store, StoredDocument* stored, const std::string& stored_id, CacheEntry* entry,
                   StatementCacheStats* st, const std::function<void(const Status&)>& warn) {
  const Document& doc = stored->doc;
  // Stored under the document id; extraction names them as StatementDocName does.
  const std::string name = StatementDocName(doc);
  for (Statement& s : entry->statements) s.doc = name;
  if (entry->statements.empty()) return Status::Ok();
  if (entry->has_units) {
    // What AttachDocument sets besides the offsets.
    for (Statement& s : entry->statements) {
      s.title = doc.title;
      s.author = doc.author;
    }
    return Status::Ok();
  }
  Status text = EnsureText(store, stored, stored_id, st);
  if (!text.ok()) return text;
  AttachDocument(doc, &entry->statements);
  if (store.can_record_statement_units()) {
    Status s = store.RecordStatementUnits(stored_id, entry->statements);
    if (!s.ok() && st->cache_errors++ == 0) warn(s);
  }
  return Status::Ok();
}

struct Job {
  size_t index = 0;
  std::string hash;
  Document doc;
};

struct Extracted {
  size_t index = 0;
  std::string id, hash;
  Result<std::vector<Statement>> statements = std::vector<Statement>{};
};

}  // namespace

Status CollectStoredStatements(Store& store, const StatementCacheOptions& options,
                               std::vector<Statement>* out, StatementCacheStats* stats) {
  StatementCacheStats local;
  StatementCacheStats& st = stats ? *stats : local;
  st = StatementCacheStats{};
  st.writable = store.has_statement_cache() && !store.read_only();
  auto warn = [&](const Status& s) {
    if (options.warn) options.warn(s);
  };

  std::vector<std::vector<Statement>> results;  // by document, in store order
  std::unique_ptr<WorkPool<Job, Extracted>> pool;
  Status failure;  // what stops the run: a text that could not be read, an extraction that could not load
  std::vector<Extracted> pending;  // extracted, to be written in the next transaction

  auto write_pending = [&] {
    for (Extracted& e : pending) {
      if (!e.statements.ok()) {
        ++st.failed;
        if (options.error) options.error(e.statements.status());
        else warn(e.statements.status());
        continue;
      }
      if (st.writable) {
        Status s = store.CacheStatements(e.id, options.fingerprint, e.hash, *e.statements);
        if (s.ok()) {
          ++st.cached;
        } else {
          // Only the first is shown: a full disk would otherwise print one per document.
          if (st.cache_errors++ == 0) warn(s);
        }
      }
      results[e.index] = std::move(e.statements).value();
    }
    pending.clear();
    if (st.writable) {
      Status s = store.Flush();
      if (!s.ok()) {
        warn(s);
        ++st.cache_errors;
      }
    }
  };
  auto finished = [&](Extracted&& e) {
    pending.push_back(std::move(e));
    if (pending.size() >= options.write_batch) write_pending();
  };

  // The whole cache in one read, rather than a lookup per document.
  std::unordered_map<std::string, CacheEntry> cache;
  if (!options.refresh) {
    Result<std::unordered_map<std::string, CacheEntry>> read = store.CachedStatementsFor(options.fingerprint);
    if (read.ok()) cache = std::move(read).value();
    else if (st.cache_errors++ == 0) warn(read.status());  // every document is extracted
  }
  // Texts are read with the documents only when most will be needed: every document is
  // extracted, or the store records no hashes to check cache entries against.
  DocumentReading reading;
  reading.with_text = options.refresh || !store.has_analysed_hashes();
  Status read = store.ForEachStoredDocument([&](StoredDocument&& stored) {
    if (!failure.ok()) return;  // nothing more to do but let the read finish
    const std::string stored_id = stored.doc.id;
    Result<std::string> hash = HashOf(store, &stored, stored_id, options, &st, warn);
    if (!hash.ok()) {
      failure = hash.status();
      return;
    }
    Document& doc = stored.doc;
    const size_t index = results.size();
    results.emplace_back();
    ++st.documents;
    std::optional<CacheEntry> cached = TakeCached(&cache, doc.id, *hash);
    // Extraction reads the text; cached statements only when their offsets are not stored.
    Status text = cached ? PlaceCached(store, &stored, stored_id, &*cached, &st, warn)
                         : EnsureText(store, &stored, stored_id, &st);
    if (text.ok()) text = Visit(store, &stored, stored_id, options, &st);
    if (!text.ok()) {
      failure = text;
      return;
    }
    if (cached) {
      results[index] = std::move(cached->statements);
      ++st.from_cache;
      return;
    }
    if (!pool) {
      Result<ExtractFunction> extract = Status::Error("no extraction to load");
      if (options.load) extract = options.load();
      if (!extract.ok()) {
        failure = extract.status();
        return;
      }
      pool = std::make_unique<WorkPool<Job, Extracted>>(
          options.threads, [extract = std::move(extract).value()](Job& job) {
            Extracted e{job.index, job.doc.id, std::move(job.hash), extract(job.doc)};
            // Their UTF-16 offsets are cached with them, whatever the extraction set.
            if (e.statements.ok()) AttachDocument(job.doc, &*e.statements);
            return e;
          });
    }
    ++st.extracted;
    pool->Submit(Job{index, std::move(hash).value(), std::move(doc)});
    pool->Collect(finished);
  }, reading);
  if (pool) pool->Finish(finished);
  write_pending();
  if (!read.ok()) return read;
  if (!failure.ok()) return failure;
  for (auto& r : results)
    for (Statement& s : r) out->push_back(std::move(s));
  return Status::Ok();
}

}  // namespace faultline
