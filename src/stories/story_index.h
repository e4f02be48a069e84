// Incremental story clustering. Each document added is compared only with candidates
// an index finds, never with every document:
//   - documents sharing at least min_shared_index_terms of their heaviest terms, in
//     week buckets within window_days of its day (postings per term and week);
//   - documents whose MinHash shares an LSH band (near copies, store/near_duplicates.h);
// and of those only the max_candidates sharing the most index terms, skipping posting
// lists longer than max_postings: the work of one query is bounded whatever the corpus.
// A candidate scoring at least the threshold is linked. Links between dated documents
// merge their stories (single link, union-find), as long as the merged story spans at
// most max_span_days, so a topic covered every day does not become one endless story.
// An undated document joins the story of its best link and never merges two stories:
// with no date it cannot say that two reports a year apart are one story.
//
// Adding documents in a fixed order (by date, then id) gives the same stories
// whatever order they were read in; `ingest` adds them as they arrive, so a story
// found later can differ in which undated document or span-limited link it kept.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "stories/model.h"
#include "stories/profile.h"

namespace faultline::stories {

struct StoryLink {
  uint32_t other = 0;  // index of the document linked to
  double score = 0;
};

class StoryIndex {
 public:
  explicit StoryIndex(std::shared_ptr<const StoryModel> model, int max_span_days = 21);

  // Adds a profile and links it; returns its index (0, 1, 2, ... in order of adding).
  // `absorbed`, when given, receives the roots of stories merged into another one by
  // this document's links (two stories found to be one).
  uint32_t Add(StoryProfile profile, std::vector<uint32_t>* absorbed = nullptr);
  // Adds a document already assigned (read back from the store): indexed and put in
  // the story of `story_of` (an index added before it, or itself), without scoring.
  uint32_t AddAssigned(StoryProfile profile, uint32_t story_of);
  // Room for n documents in all: a profile is a few hundred bytes moved at each growth
  // (9.5k of them at serve's start).
  void Reserve(size_t n);

  size_t size() const { return profiles_.size(); }
  // The story of document i: the smallest index among its members.
  uint32_t StoryOf(uint32_t i) const;
  // The strongest link made when document i was added (nullopt: it started a story or
  // found no link).
  const std::optional<StoryLink>& best_link(uint32_t i) const { return best_[i]; }
  const StoryProfile& profile(uint32_t i) const { return profiles_[i]; }
  // Pairs scored so far (for benchmarks: the index, not all pairs).
  uint64_t comparisons() const { return comparisons_; }

 private:
  // The documents a profile not yet added is scored against, in index order.
  std::vector<uint32_t> Candidates(const StoryProfile& p);
  void Index(uint32_t i);
  uint32_t Find(uint32_t i) const;
  bool Union(uint32_t a, uint32_t b);

  std::shared_ptr<const StoryModel> model_;
  int max_span_days_;
  std::vector<StoryProfile> profiles_;
  std::vector<std::optional<StoryLink>> best_;
  mutable std::vector<uint32_t> parent_;
  std::vector<int64_t> first_day_, last_day_;  // per root; INT64_MAX/MIN when undated
  // Postings: (term, week) -> documents; undated documents under week kUndated, and
  // every document under its term alone for undated queries.
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_term_week_;
  std::unordered_map<uint32_t, std::vector<uint32_t>> by_term_;
  std::vector<std::unordered_map<uint64_t, std::vector<uint32_t>>> lsh_;
  std::vector<uint32_t> shared_;  // Candidates' scratch: shared index terms per document, 0 between calls
  uint32_t indexed_ = 0;  // profiles [0, indexed_) are in the postings
  uint64_t comparisons_ = 0;
};

}  // namespace faultline::stories
