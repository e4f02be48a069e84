#include "stories/origin_results.h"

#include "stories/origin_collector.h"
#include "stories/origin_table.h"

namespace faultline::stories {

Result<ResultsStored> StoreOriginResults(Store* store, const std::vector<std::string>& outlet_files) {
  if (!store->has_story_results()) return Status::Error("the database has no table for the stories' result");
  OriginCollector collector;
  Status st = collector.Start(outlet_files, store, /*stored_results=*/true);
  if (!st.ok()) return st;
  if (collector.uses_stored_results()) return ResultsStored::kAlreadyCurrent;
  // The documents as `serve` hands them to its collector (statement_cache.h): originals,
  // in store order, without their texts, each read only for a document whose stored
  // story cannot be used as it is.
  DocumentReading reading;
  reading.with_text = false;
  Status failure;
  st = store->ForEachStoredDocument([&](StoredDocument&& stored) {
    if (!failure.ok()) return;
    if (stored.has_text) {
      collector.Add(stored.doc);
      return;
    }
    if (collector.AddWithoutText(stored.doc)) return;
    Result<std::string> text = store->DocumentText(stored.doc.id);
    if (!text.ok()) {
      failure = text.status();
      return;
    }
    stored.doc.text = std::move(text).value();
    collector.Add(stored.doc);
  }, reading);
  if (st.ok()) st = failure;
  if (!st.ok()) return st;
  Result<OriginCollector::Finished> finished = collector.FinishTable(store);
  if (!finished.ok()) return finished.status();
  const OriginTable empty;
  const OriginTable& table = finished->table ? *finished->table : empty;
  st = store->PutStoryResults(StoredResults{collector.results_stamp(), OriginTableToBytes(table)});
  if (!st.ok()) return st;
  return ResultsStored::kStored;
}

}  // namespace faultline::stories
