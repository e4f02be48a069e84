#include "stories/model.h"

namespace faultline::stories {

Result<std::shared_ptr<const StoryModel>> StoryModel::Load(const std::string& config_path,
                                                            const std::string& stats_path) {
  Result<StoryConfig> config = StoryConfig::Load(config_path.empty() ? StoryConfig::DefaultPath() : config_path);
  if (!config.ok()) return config.status();
  Result<TermStatistics> stats =
      TermStatistics::Load(stats_path.empty() ? TermStatistics::DefaultPath() : stats_path);
  if (!stats.ok()) return stats.status();
  return FromParts(std::move(config).value(), std::move(stats).value());
}

std::shared_ptr<const StoryModel> StoryModel::FromParts(StoryConfig config, TermStatistics stats) {
  // Not make_shared: the constructor is private. The profiler points into the model,
  // which therefore never moves once built.
  return std::shared_ptr<const StoryModel>(new StoryModel(std::move(config), std::move(stats)));
}

}  // namespace faultline::stories
