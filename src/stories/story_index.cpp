#include "stories/story_index.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <unordered_map>

namespace faultline::stories {
namespace {

constexpr uint32_t kUndated = 0xFFFFFFFFu;

int64_t Week(int64_t day) { return day >= 0 ? day / 7 : (day - 6) / 7; }

uint64_t Key(TermId term, uint32_t week) { return (static_cast<uint64_t>(term) << 32) | week; }

}  // namespace

StoryIndex::StoryIndex(std::shared_ptr<const StoryModel> model, int max_span_days)
    : model_(std::move(model)), max_span_days_(max_span_days), lsh_(kLshBands) {}

uint32_t StoryIndex::Find(uint32_t i) const {
  while (parent_[i] != i) {
    parent_[i] = parent_[parent_[i]];
    i = parent_[i];
  }
  return i;
}

uint32_t StoryIndex::StoryOf(uint32_t i) const { return Find(i); }

bool StoryIndex::Union(uint32_t a, uint32_t b) {
  uint32_t ra = Find(a), rb = Find(b);
  if (ra == rb) return true;
  const int64_t first = std::min(first_day_[ra], first_day_[rb]);
  const int64_t last = std::max(last_day_[ra], last_day_[rb]);
  if (first != INT64_MAX && last - first > max_span_days_) return false;
  if (rb < ra) std::swap(ra, rb);  // the root is the smallest index: stable story ids
  parent_[rb] = ra;
  first_day_[ra] = first;
  last_day_[ra] = last;
  return true;
}

// The work of one query is bounded whatever the size of the corpus, as in any retrieval
// index: posting lists longer than max_postings are skipped (a term in that many documents
// of one bucket says little about which story a document tells: stop-listing by document
// frequency), and of the documents found only the max_candidates sharing the most index
// terms are scored. Without these bounds an undated document, which looks at every week,
// was compared with a share of the whole corpus, and the undated part of a corpus was
// compared all against all (bench/stories/README.md, 2026-12-05).
std::vector<uint32_t> StoryIndex::Candidates(const StoryProfile& p) {
  const StoryConfig& c = model_->config();
  // Shared index terms per document, counted in a dense array, four bytes a document, rather
  // than a hash map (the index was 7.8% of the profile with one); `found` lists the entries
  // to rank and then reset.
  shared_.resize(profiles_.size(), 0);
  std::vector<uint32_t> found;
  auto count = [&](const std::vector<uint32_t>* docs) {
    if (docs == nullptr || docs->size() > c.max_postings) return;
    for (uint32_t d : *docs)
      if (shared_[d]++ == 0) found.push_back(d);
  };
  for (TermId t : p.index_terms) {
    if (!p.day) {
      auto it = by_term_.find(t);
      count(it == by_term_.end() ? nullptr : &it->second);
      continue;
    }
    const int64_t from = Week(*p.day - c.window_days), to = Week(*p.day + c.window_days);
    for (int64_t w = from; w <= to; ++w) {
      auto it = by_term_week_.find(Key(t, static_cast<uint32_t>(w)));
      if (it != by_term_week_.end()) count(&it->second);
    }
    auto it = by_term_week_.find(Key(t, kUndated));
    if (it != by_term_week_.end()) count(&it->second);
  }
  // A near copy (a shared LSH band) is a candidate whatever terms it shares, and comes
  // first: the flag sits above any count of shared terms.
  constexpr uint32_t kNearCopy = 1u << 31;
  if (p.minhash) {
    for (int band = 0; band < kLshBands; ++band) {
      auto it = lsh_[band].find(LshBandKey(*p.minhash, band));
      if (it == lsh_[band].end() || it->second.size() > c.max_postings) continue;
      for (uint32_t d : it->second) {
        if (shared_[d] == 0) found.push_back(d);
        shared_[d] |= kNearCopy;
      }
    }
  }
  std::vector<uint32_t> out;
  for (uint32_t d : found) {
    const uint32_t n = shared_[d];
    const StoryProfile& q = profiles_[d];
    const bool in_window = !p.day || !q.day || std::abs(*p.day - *q.day) <= c.window_days;
    if ((n >= kNearCopy || n >= c.min_shared_index_terms) && in_window) out.push_back(d);
    else shared_[d] = 0;
  }
  if (out.size() > c.max_candidates) {
    // Most shared terms first; among equals the latest added (for a dated query, the
    // closest in time): a total order, so the choice does not depend on hash order.
    auto better = [&](uint32_t a, uint32_t b) { return shared_[a] != shared_[b] ? shared_[a] > shared_[b] : a > b; };
    std::nth_element(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(c.max_candidates) - 1, out.end(), better);
  }
  for (uint32_t d : out) shared_[d] = 0;  // every count is back to 0 for the next query
  if (out.size() > c.max_candidates) out.resize(c.max_candidates);
  std::sort(out.begin(), out.end());
  return out;
}

void StoryIndex::Index(uint32_t i) {
  const StoryProfile& p = profiles_[i];
  for (TermId t : p.index_terms) {
    by_term_[t].push_back(i);
    const uint32_t week = p.day ? static_cast<uint32_t>(Week(*p.day)) : kUndated;
    by_term_week_[Key(t, week)].push_back(i);
  }
  if (p.minhash)
    for (int band = 0; band < kLshBands; ++band) lsh_[band][LshBandKey(*p.minhash, band)].push_back(i);
}

void StoryIndex::Reserve(size_t n) {
  profiles_.reserve(n);
  best_.reserve(n);
  parent_.reserve(n);
  first_day_.reserve(n);
  last_day_.reserve(n);
}

uint32_t StoryIndex::AddAssigned(StoryProfile profile, uint32_t story_of) {
  const uint32_t i = static_cast<uint32_t>(profiles_.size());
  profiles_.push_back(std::move(profile));
  best_.emplace_back();
  parent_.push_back(i);
  const std::optional<int64_t>& day = profiles_[i].day;
  first_day_.push_back(day ? *day : INT64_MAX);
  last_day_.push_back(day ? *day : INT64_MIN);
  if (story_of < i) {
    const uint32_t root = Find(story_of);
    parent_[i] = root;
    first_day_[root] = std::min(first_day_[root], first_day_[i]);
    last_day_[root] = std::max(last_day_[root], last_day_[i]);
  }
  return i;
}

uint32_t StoryIndex::Add(StoryProfile profile, std::vector<uint32_t>* absorbed) {
  const StoryConfig& c = model_->config();
  // Postings are made when first needed: a reader whose documents all have their story
  // already (map --db, serve) never pays for them.
  while (indexed_ < profiles_.size()) Index(indexed_++);
  const std::vector<uint32_t> candidates = Candidates(profile);
  const uint32_t i = AddAssigned(std::move(profile), UINT32_MAX);
  const StoryProfile& p = profiles_[i];
  std::vector<StoryLink> links;
  for (uint32_t d : candidates) {
    const StoryProfile& q = profiles_[d];
    ++comparisons_;
    double s = model_->Score(p, q).score;
    // Two relays of one outlet's report, or a relay and the report it relays, tell
    // one story, however much each adds.
    if ((p.origin != 0 && (p.origin == q.origin || p.origin == q.outlet)) || (q.origin != 0 && q.origin == p.outlet))
      s += c.same_origin_bonus;
    if (s >= c.threshold) links.push_back({d, s});
  }
  std::sort(links.begin(), links.end(), [](const StoryLink& a, const StoryLink& b) {
    return a.score != b.score ? a.score > b.score : a.other < b.other;
  });
  if (links.empty()) return i;
  best_[i] = links.front();
  std::vector<uint32_t> roots_before;
  for (const StoryLink& l : links) roots_before.push_back(Find(l.other));
  const auto report = [&] {
    if (absorbed == nullptr) return;
    const uint32_t now = Find(i);
    for (uint32_t r : roots_before)
      if (r != now && Find(r) == now && std::find(absorbed->begin(), absorbed->end(), r) == absorbed->end())
        absorbed->push_back(r);
  };
  if (!p.day) {
    // Undated: joins the story of its best link only.
    Union(i, links.front().other);
    report();
    return i;
  }
  for (const StoryLink& l : links)
    if (profiles_[l.other].day) Union(i, l.other);
  if (Find(i) == i) {
    // Only undated documents (or span-limited ones) to link to: join the best one's story.
    for (const StoryLink& l : links)
      if (Union(i, l.other)) break;
  }
  report();
  return i;
}

}  // namespace faultline::stories
