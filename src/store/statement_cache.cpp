#include "store/statement_cache.h"

#include <memory>
#include <optional>
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

// The document's AnalysedDocumentHash after `prepare`: the one recorded in the store when
// the metadata is as stored, else computed from the text (and recorded, when it was
// unknown and the store takes it; problems go to `warn`).
std::string HashOf(Store& store, StoredDocument* stored, const StatementCacheOptions& options,
                   StatementCacheStats* st, const std::function<void(const Status&)>& warn) {
  Document& doc = stored->doc;
  bool as_stored = true;
  if (options.prepare) {
    const Metadata before(doc);
    options.prepare(&doc);
    as_stored = Metadata(doc) == before;
  }
  if (as_stored && !stored->analysed_hash.empty()) return std::move(stored->analysed_hash);
  ++st->hashed;
  std::string hash = AnalysedDocumentHash(doc);
  if (as_stored && store.can_record_analysed_hash()) {
    Status s = store.RecordAnalysedHash(doc.id, hash);
    if (!s.ok() && st->cache_errors++ == 0) warn(s);
  }
  return hash;
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
  Status load_error;
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

  Status read = store.ForEachStoredDocument([&](StoredDocument&& stored) {
    if (!load_error.ok()) return;  // nothing more to do but let the read finish
    std::string hash = HashOf(store, &stored, options, &st, warn);
    Document& doc = stored.doc;
    const size_t index = results.size();
    results.emplace_back();
    ++st.documents;
    if (!options.refresh) {
      Result<std::optional<std::vector<Statement>>> cached =
          store.CachedStatements(doc.id, options.fingerprint, hash);
      if (!cached.ok()) {
        if (st.cache_errors++ == 0) warn(cached.status());
      } else if (cached->has_value()) {
        // Stored under the document id; extraction names them as StatementDocName does.
        const std::string name = StatementDocName(doc);
        for (Statement& s : **cached) s.doc = name;
        AttachDocument(doc, &**cached);
        results[index] = std::move(**cached);
        ++st.from_cache;
        return;
      }
    }
    if (!pool) {
      Result<ExtractFunction> extract = Status::Error("no extraction to load");
      if (options.load) extract = options.load();
      if (!extract.ok()) {
        load_error = extract.status();
        return;
      }
      pool = std::make_unique<WorkPool<Job, Extracted>>(
          options.threads, [extract = std::move(extract).value()](Job& job) {
            return Extracted{job.index, job.doc.id, std::move(job.hash), extract(job.doc)};
          });
    }
    ++st.extracted;
    pool->Submit(Job{index, std::move(hash), std::move(doc)});
    pool->Collect(finished);
  });
  if (pool) pool->Finish(finished);
  write_pending();
  if (!read.ok()) return read;
  if (!load_error.ok()) return load_error;
  for (auto& r : results)
    for (Statement& s : r) out->push_back(std::move(s));
  return Status::Ok();
}

}  // namespace faultline
