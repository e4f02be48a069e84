#include "stories/similarity.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace faultline::stories {
namespace {

double SharedFraction(const std::vector<TermId>& a, const std::vector<TermId>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(shared) / std::sqrt(static_cast<double>(a.size()) * static_cast<double>(b.size()));
}

double Root(double x) { return std::sqrt(std::max(0.0, x)); }

}  // namespace

PairSignals CompareProfiles(const StoryProfile& a, const StoryProfile& b) {
  PairSignals s;
  s.text = Dot(a.text, b.text);
  s.lead = Dot(a.lead, b.lead);
  s.names = Dot(a.names, b.names);
  s.numbers = SharedFraction(a.numbers, b.numbers);
  if (a.minhash && b.minhash) s.near = EstimateJaccard(*a.minhash, *b.minhash);
  if (a.day && b.day) s.days_apart = std::llabs(*a.day - *b.day);
  s.min_words = std::min(a.words, b.words);
  return s;
}

PairScore ScorePair(const PairSignals& s, const StoryConfig& c) {
  PairScore out;
  const ScoreWeights& w = c.weights;
  // Square roots: cosines of long texts on one story spread over 0.2-0.6, and the
  // root makes the score about linear in how alike a reader finds them.
  out.linear = w.intercept + w.text * Root(s.text) + w.lead * Root(s.lead) + w.names * Root(s.names) +
               w.numbers * s.numbers;
  double score = out.linear;
  if (s.days_apart && *s.days_apart > c.grace_days) {
    // A story's coverage thins out with time; a follow-up weeks later is another story.
    const double doublings = std::log2(static_cast<double>(*s.days_apart) / std::max(1, c.grace_days));
    out.time_penalty = std::min(c.max_time_penalty, c.penalty_per_doubling * doublings);
    score -= out.time_penalty;
  }
  if (s.min_words < c.short_words) {
    // A stub (a failed scrape, a one-line brief) says little about what the full
    // article tells: trust its score in proportion to its length.
    const double trust = static_cast<double>(s.min_words) / static_cast<double>(c.short_words);
    score = c.prior + (score - c.prior) * trust;
    out.shrunk = true;
  }
  if (s.near && *s.near >= c.near_copy) {
    out.near_copy = true;
    score = std::max(score, c.near_copy_score);
  }
  out.score = std::clamp(score, 0.0, 1.0);
  return out;
}

}  // namespace faultline::stories
