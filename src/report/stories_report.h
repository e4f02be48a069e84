// Writers of the stories stage's results (stories/stories.h): text for a terminal,
// JSON for programs. Like the map's writers they only read; every figure is computed
// in src/stories/.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <ostream>

#include "stories/stories.h"

namespace faultline::report {

struct StoriesTextOptions {
  size_t min_documents = 1;  // stories with fewer members are only counted
  size_t top = 0;            // at most this many stories (0: all)
};

void WriteStoriesText(const stories::StoryCollection& c, const stories::OutletList& outlets,
                      const StoriesTextOptions& options, std::ostream& out);

// {"format": "faultline-stories", "version": 1, "summary": {...}, "stories": [...]}; see
// docs/stories.md for every field.
nlohmann::ordered_json StoriesToJson(const stories::StoryCollection& c, const stories::OutletList& outlets);
void WriteStoriesJson(const stories::StoryCollection& c, const stories::OutletList& outlets, std::ostream& out);

}  // namespace faultline::report
