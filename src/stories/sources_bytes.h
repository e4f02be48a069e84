// A document's sources (origins.h) in the form the store keeps beside its story
// (story_profiles.sources), so that `map`, `why` and `serve` with --db trace origins
// without scanning every text for attributions again. Outlets are written by canonical
// name, not by their index in one run's outlet list, so the bytes mean the same to any
// reader; names that were not known outlets when the text was read stay names, and are
// resolved against the outlets the reader knows (DecideSources), as in a run on files.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "stories/origins.h"
#include "stories/outlets.h"

namespace faultline::stories {

// `data_fingerprint` names the outlet lists and attribution cues that found the
// sources (StoriesData::sources_fingerprint); bytes made with other data are not read.
std::string SourcesToBytes(const DocumentSources& sources, const OutletList& outlets,
                           std::string_view data_fingerprint);

// The attributions of stored sources, to be decided with DecideSources; nullopt when
// the bytes are malformed, empty (none stored) or made with other data.
std::optional<DocumentSources> SourcesFromBytes(std::string_view bytes, const OutletList& outlets,
                                                std::string_view data_fingerprint);

}  // namespace faultline::stories
