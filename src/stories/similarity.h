// How likely two documents tell the same story, in [0, 1] (1: the same story), from
// signals any reader of the two would weigh: the words they share (weighted by how
// rare the words are), above all in the headline and lead; the people, places and
// organisations they name; the figures they give; whether one copies the other; and
// how far apart they were published. The weights come from data/stories/similarity.yaml,
// fitted to pairs rated by hand on the 1-4 scale of SemEval-2022 Task 8 (bench/stories).
// The same score links documents into stories and is what `stories --score-pairs`
// prints.
#pragma once

#include <optional>

#include "stories/config.h"
#include "stories/profile.h"

namespace faultline::stories {

struct PairSignals {
  double text = 0;      // cosine of the text vectors
  double lead = 0;      // cosine of the lead vectors
  double names = 0;     // cosine of the name vectors
  double numbers = 0;   // shared figures / sqrt(figures of one * figures of other)
  std::optional<double> near;       // estimated Jaccard of 5-word shingles (MinHash)
  std::optional<int64_t> days_apart;
  uint32_t min_words = 0;           // words of the shorter text
};

PairSignals CompareProfiles(const StoryProfile& a, const StoryProfile& b);

// The score, and the parts it was made of (for --explain).
struct PairScore {
  double score = 0;
  double linear = 0;        // intercept + weighted signals
  double time_penalty = 0;
  bool near_copy = false;
  bool shrunk = false;      // pulled toward the prior: a text was too short to judge
};

PairScore ScorePair(const PairSignals& s, const StoryConfig& config);

}  // namespace faultline::stories
