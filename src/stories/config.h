// What the stories stage reads from data/stories/similarity.yaml: stopwords, how much of
// a text a profile keeps, the weights that turn pair signals into a score, and the
// clustering's threshold and time window. docs/stories.md explains each number.
#pragma once

#include <cstddef>
#include <string>

#include "stories/terms.h"
#include "util/status.h"

namespace faultline::stories {

// score = intercept + text * sqrt(text cosine) + lead * sqrt(lead cosine)
//       + names * sqrt(names cosine) + numbers * (shared numbers), before the
// adjustments below; see similarity.h.
struct ScoreWeights {
  double intercept = 0;
  double text = 0;
  double lead = 0;
  double names = 0;
  double numbers = 0;
};

struct StoryConfig {
  TermOptions terms;
  size_t max_terms = 128;     // content terms a profile keeps (the heaviest)
  size_t max_names = 64;
  size_t max_numbers = 32;
  size_t lead_words = 100;    // words of the text that make the lead (with the title)
  size_t index_terms = 12;    // heaviest terms under which a document is indexed
  size_t min_shared_index_terms = 2;  // a candidate shares at least this many of them
  // Bounds on the work of one query, so that it does not grow with the corpus:
  size_t max_candidates = 64;  // candidates scored: those sharing the most index terms
  size_t max_postings = 1000;  // a posting list (or LSH bucket) longer than this is skipped

  ScoreWeights weights;
  double near_copy = 0.5;       // MinHash Jaccard from which two texts are one story
  double near_copy_score = 0.95;
  int grace_days = 3;           // publication gaps up to this cost nothing
  double penalty_per_doubling = 0.1;  // then this much per doubling of the gap
  double max_time_penalty = 0.3;
  size_t short_words = 50;      // a shorter text is weak evidence: its score is
  double prior = 0.45;          // pulled toward this (the mean of unrelated pairs and stories)

  std::string fingerprint;      // hash of the settings file's content (what made a stored profile)

  double threshold = 0.7;       // score from which two documents are one story
  double same_origin_bonus = 0.1;  // added when both relay the same outlet's report
  int window_days = 14;         // documents further apart are never compared

  // stories/similarity.yaml in the data directory (util/data_path.h).
  static std::string DefaultPath();
  static Result<StoryConfig> Load(const std::string& path);
};

}  // namespace faultline::stories
