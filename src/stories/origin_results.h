// The stories' finished result kept in the store (Store::PutStoryResults, schema 12):
// `ingest` computes, once its documents are stored, what `serve` would compute at every
// start (each document's story and origin: origin_table.h) and stores it; `serve` reads
// it back (OriginCollector::Start with stored results) while it is current. It is
// current while no document or story entry has changed since (the store's triggers
// delete it) and the stories' settings, outlet lists and cues are those that made it
// (its stamp); otherwise the reader computes the stories as before, and the next
// `ingest` stores them again.
#pragma once

#include <string>
#include <vector>

#include "store/store.h"
#include "util/status.h"

namespace faultline::stories {

enum class ResultsStored { kStored, kAlreadyCurrent };

// Computes the result over every original document of `store` (as `serve` lists them,
// with the shipped stories data plus `outlet_files`) and stores it, unless the stored
// one is current already.
Result<ResultsStored> StoreOriginResults(Store* store, const std::vector<std::string>& outlet_files);

}  // namespace faultline::stories
