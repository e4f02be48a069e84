// The settings, term statistics and profiler of the stories stage, loaded together
// once and shared read-only (by every thread, for every document).
#pragma once

#include <memory>
#include <string>

#include "stories/config.h"
#include "stories/profile.h"
#include "stories/similarity.h"
#include "stories/term_statistics.h"

namespace faultline::stories {

class StoryModel {
 public:
  // Empty paths mean the shipped files (data/stories/similarity.yaml, term_stats.tsv).
  static Result<std::shared_ptr<const StoryModel>> Load(const std::string& config_path = {},
                                                        const std::string& stats_path = {});
  // For tests: a model from values in memory.
  static std::shared_ptr<const StoryModel> FromParts(StoryConfig config, TermStatistics stats);

  const StoryConfig& config() const { return config_; }
  const TermStatistics& statistics() const { return stats_; }
  StoryProfile Profile(const Document& doc) const { return profiler_.Profile(doc); }
  StoryProfile Profile(std::string_view title, std::string_view text, std::string_view date) const {
    return profiler_.Profile(title, text, date);
  }
  // The same in a caller's buffers (profile.h), for a caller profiling many documents.
  StoryProfile Profile(const Document& doc, ProfileScratch* scratch) const {
    return profiler_.Profile(doc.title, doc.text, doc.date, scratch);
  }
  PairScore Score(const StoryProfile& a, const StoryProfile& b) const {
    return ScorePair(CompareProfiles(a, b), config_);
  }

 private:
  StoryModel(StoryConfig config, TermStatistics stats)
      : config_(std::move(config)), stats_(std::move(stats)), profiler_(&config_, &stats_) {}

  StoryConfig config_;
  TermStatistics stats_;
  Profiler profiler_;
};

}  // namespace faultline::stories
