// Stories kept in the corpus database, so that `ingest` assigns each new document to a
// story without clustering everything again, and `stories`, `map` and `why` with --db
// read the stories instead of recomputing them. Each stored original has a profile
// (stories/profile.h), its story (the id of the document that started it) and the link
// that put it there (Store::PutStory).
//
// Opening loads every stored profile into a StoryIndex in the documents' insertion
// order. A new document is profiled once, linked through the index (the same rules as
// `stories` on files), and stored; when it links two stored stories, the younger one's
// documents move into the older (Store::MergeStories). Profiles made with other settings
// or term statistics (the fingerprint differs), and documents stored before there were
// stories, are profiled again from their text on opening and assigned as if ingested then.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/store.h"
#include "stories/stories.h"

namespace faultline::stories {

// Of what makes a profile: the settings and term statistics as loaded, and the format.
std::string SettingsFingerprint(const StoryModel& model);

struct StoryStoreStats {
  uint64_t loaded = 0;      // profiles read back
  uint64_t reprofiled = 0;  // stored documents profiled again (missing or stale)
  uint64_t sourced = 0;     // stored documents whose sources were found again (story kept)
  uint64_t summarised = 0;  // stored entries given the summary they lacked (before schema 11)
  uint64_t added = 0;       // new documents assigned
  uint64_t joined = 0;      // of the new and re-profiled, those that joined a story
  uint64_t merged = 0;      // stories merged into another
};

class StoryStore {
 public:
  // `store` must outlive this object and be writable.
  static Result<std::unique_ptr<StoryStore>> Open(Store* store, StoriesData data);

  // Profiles, links and stores a document just stored under `id` (Store::Add).
  Status Add(const Document& doc, const std::string& id);
  const StoryStoreStats& stats() const { return stats_; }

 private:
  StoryStore(Store* store, StoriesData data);
  Status Load();
  Status Assign(const Document& doc, const std::string& id, StoryProfile profile);

  Store* store_;
  StoriesData data_;
  std::string fingerprint_;
  std::unique_ptr<StoryIndex> index_;
  std::vector<std::string> ids_;          // index position -> document id
  std::vector<std::string> story_of_root_;  // index position (of a root) -> stored story id
  StoryStoreStats stats_;
};

// What `stories`, `map` and `why` read back with --db: each stored original's profile,
// story and link, by document id; entries made with other settings are left out (the
// reader profiles those documents again).
struct StoredStories {
  std::unordered_map<std::string, StoredStory> by_doc;
};
Result<StoredStories> ReadStoredStories(const Store& store, const StoryModel& model);
// The same with each entry's summary instead of its profile where the store has one
// (Store::ForEachStorySummary): for a StoryBuilder with origins only, which reads the
// profiles (StoryBuilder::ReadStoredProfiles) only when it clusters documents.
Result<StoredStories> ReadStoredSummaries(const Store& store, const StoryModel& model);

}  // namespace faultline::stories
