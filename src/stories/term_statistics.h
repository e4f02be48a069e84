// Document frequencies: in how many documents of a reference corpus each term occurs,
// for the inverse document frequency that weighs terms in a profile. A fixed table
// (data/stories/term_stats.tsv, built from a news corpus with
// `faultline stories --write-term-stats`) rather than counts over whatever is being
// clustered, so that a document's profile does not change as the corpus grows: `ingest`
// can profile a new document once and compare it with stored profiles, and the same
// two texts always score the same.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "stories/terms.h"
#include "util/status.h"

namespace faultline::stories {

class TermStatistics {
 public:
  TermStatistics() = default;

  // Lines "term<TAB>df" after a first line "#documents<TAB>N"; '#' lines are comments.
  static Result<TermStatistics> Load(const std::string& path);
  static std::string DefaultPath();  // data/stories/term_stats.tsv

  // ln((N + 1) / (df + 1)) + 1: a term the table does not know is as rare as can be.
  double Idf(TermId term) const;
  // Asks the processor to load where `term`'s Idf will look, without waiting for it: a
  // caller with many terms to look up asks a few terms ahead, and the table (larger than
  // the caches) is then read while other lookups run rather than one miss after another.
  void Prefetch(TermId term) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[HomeSlot(term)]);
  }

  void AddDocument() { ++documents_; }
  void Add(TermId term, uint32_t count = 1);
  uint64_t documents() const { return documents_; }
  size_t terms() const { return terms_; }
  // Hash of the table's content, "" for one built in memory.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  uint64_t documents_ = 0;
  std::string fingerprint_;
  // Document frequencies by term id in an open-addressing table: Idf is asked for every
  // distinct term of every profile vector, and a node-based map's lookups were a
  // measurable share of profiling (bench/stories/README.md).
  struct Slot {
    TermId term = 0;
    uint32_t df = 0;
    bool used = false;
  };
  size_t SlotOf(TermId term) const;  // the slot holding `term` or the empty one for it
  size_t HomeSlot(TermId term) const;  // where SlotOf starts looking
  std::vector<Slot> slots_;           // power-of-two size, at most half full
  size_t terms_ = 0;
};

// Counts, for writing a table: term text -> documents it occurs in.
class TermCounter {
 public:
  explicit TermCounter(const TermOptions* options) : options_(options) {}
  // Counts each distinct content term of `text` once.
  void AddDocument(std::string_view text);
  // Writes the table, terms in byte order, leaving out those seen in fewer than
  // `min_df` documents (rare terms get the maximum weight anyway).
  void Write(std::ostream& out, uint32_t min_df) const;
  uint64_t documents() const { return documents_; }

 private:
  const TermOptions* options_;
  uint64_t documents_ = 0;
  std::unordered_map<std::string, uint32_t> df_;
};

}  // namespace faultline::stories
