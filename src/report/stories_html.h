// The stories as one self-contained HTML page (inline CSS and JS, no external resources):
// the list of stories, and for the one selected its documents in time order with outlet,
// origin chain, link, framing terms and what each keeps, drops and adds; then the framing
// and the distinctive terms per outlet. The data is the JSON of StoriesToJson inside
// <script type="application/json"> (escaped by JsonForScript) and is rendered with
// textContent only, so article text never becomes markup.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "stories/stories.h"

namespace faultline::report {

struct StoriesHtmlOptions {
  size_t min_documents = 1;  // stories with fewer documents are counted, not listed
  size_t top = 0;            // at most this many stories listed (0: all)
  std::string title = "faultline stories";
};

void WriteStoriesHtml(const stories::StoryCollection& c, const stories::OutletList& outlets,
                      const StoriesHtmlOptions& options, std::ostream& out);

}  // namespace faultline::report
