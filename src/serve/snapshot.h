// One consistent state of the served corpus: the extracted statements with every stored
// correction applied, indexed for the API, and the maps built from them. A snapshot never
// changes once built (a new correction makes a new one), so requests read it without
// locks; only its caches of maps and responses are shared, behind a mutex.
#pragma once

#include <cstddef>
#include <cstdint>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "corrections/apply.h"
#include "corrections/correction.h"
#include "map/map.h"
#include "serve/view_filter.h"

namespace faultline::serve {

class Snapshot {
 public:
  // Statement::doc names a document as the extraction does (its file name, or its id for
  // a record of a JSONL file): this maps those names to stored document ids.
  using DocumentIds = std::unordered_map<std::string, std::string>;

  // Applies `corrections` (oldest first) to a copy of `machine`. `origin_of` gives each
  // statement its independent origin for the maps (empty: each document its own).
  // `names` (may be null) puts names and labels beside the codes of every map.
  Snapshot(const std::vector<Statement>& machine, std::vector<Correction> corrections, uint64_t generation,
           std::shared_ptr<const DocumentIds> ids, map::OriginOf origin_of = {},
           std::shared_ptr<const map::Names> names = nullptr);

  uint64_t generation() const { return generation_; }
  const std::vector<Statement>& statements() const { return corrected_.statements; }
  const std::vector<Correction>& corrections() const { return corrections_; }
  const CorrectedStatements& corrected() const { return corrected_; }
  size_t machine_statements() const { return machine_count_; }

  // The statement `ref` names, or nullptr.
  const Statement* Find(const StatementRef& ref) const;
  // Indices into statements() of the statements whose doc is `name`.
  const std::vector<size_t>& OfDocument(const std::string& name) const;
  // The stored document id behind a statement's doc name (the name itself if unknown).
  const std::string& DocumentId(const std::string& name) const;
  // The correction with this id, or nullptr.
  const Correction* FindCorrection(int64_t id) const;
  // How a rejected or changed-away statement looked: the correction's copy, with the
  // target's actor, issue and stance for a change.
  Statement RejectedStatement(const StatementRef& ref, const ReviewMark& mark) const;

  // The map for a filter, built on first use and kept (a few at a time, least recently
  // used dropped). Concurrent requests for the same filter build it once.
  std::shared_ptr<const map::Map> MapFor(const ViewFilter& filter) const;

  // A response body kept for a canonical request key (the snapshot never changes, so
  // neither does the answer). Bounded in bytes, least recently used dropped.
  std::optional<std::string> CachedResponse(const std::string& key) const;
  void RememberResponse(const std::string& key, const std::string& body) const;

 private:
  uint64_t generation_;
  size_t machine_count_;
  std::vector<Correction> corrections_;
  CorrectedStatements corrected_;
  std::unordered_map<StatementRef, size_t, StatementRefHash> by_ref_;
  std::unordered_map<std::string, std::vector<size_t>> by_doc_;
  std::shared_ptr<const DocumentIds> ids_;
  map::OriginOf origin_of_;
  std::shared_ptr<const map::Names> names_;

  using MapFuture = std::shared_future<std::shared_ptr<const map::Map>>;
  mutable std::mutex mu_;
  mutable std::list<std::pair<std::string, MapFuture>> maps_;  // most recent first
  mutable std::list<std::pair<std::string, std::string>> responses_;  // most recent first
  mutable std::unordered_map<std::string, std::list<std::pair<std::string, std::string>>::iterator> response_index_;
  mutable size_t response_bytes_ = 0;
};

}  // namespace faultline::serve
