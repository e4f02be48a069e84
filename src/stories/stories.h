// Stories across outlets: documents grouped into the stories they tell, each story
// with its origin and each member with its chain back to it. Built from documents
// (profiles, sources) by StoryBuilder, or from what `ingest` stored; read by the
// reports, by `map` (independent origins per cell) and by `why`.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/document.h"
#include "stories/attribution.h"
#include "stories/model.h"
#include "stories/origins.h"
#include "stories/outlets.h"
#include "stories/story_index.h"

namespace faultline::stories {

// What a story keeps of a document (not its text).
struct StoryDocument {
  std::string id, file, title, date, outlet, url, via;
  std::string statement_name;  // what its statements name it (StatementDocName)
};

struct StoryMember {
  size_t doc = 0;               // index into StoryCollection::documents
  std::string linked_to;        // the member it was linked to (its best link), "" for the first
  double score = 0;             // that link's score
  std::vector<ChainStep> chain; // its own outlet first, its origin last
  std::string origin_key;       // the independent origin it counts for
};

struct Story {
  std::string id;                    // "S1", "S2", ... in order of first publication
  std::vector<StoryMember> members;  // in publication order, undated last
  ChainStep origin;                  // who broke it, and when
  std::string first, last;           // publication dates (full ISO), "" when none is known
  std::vector<std::string> outlets;  // sorted, unique
  size_t origins = 0;                // independent origins among the members
};

struct StoryCollection {
  std::vector<StoryDocument> documents;   // in the order they were added
  std::vector<DocumentSources> sources;   // per document
  std::vector<Story> stories;             // by first publication (undated last), then id
  std::vector<size_t> story_of;           // per document: index into stories
  uint64_t comparisons = 0;               // pairs scored

  // The story index of the document with this id, or -1.
  int StoryOfId(const std::string& id) const;
  // The member entry of a document.
  const StoryMember* MemberOf(size_t doc) const;

 private:
  friend class StoryBuilder;
  std::unordered_map<std::string, size_t> by_id_;
};

// Everything the stage reads from data/: settings and term statistics, outlets,
// attribution cues. Loaded once; shared read-only.
struct StoriesData {
  std::shared_ptr<const StoryModel> model;
  std::shared_ptr<OutletList> outlets;  // grows with the document outlets seen
  std::shared_ptr<const AttributionFinder> finder;

  // The shipped files, plus `outlet_files` (extra outlet lists) in order.
  static Result<StoriesData> Load(const std::vector<std::string>& outlet_files = {},
                                  const std::string& settings = {}, const std::string& term_stats = {});
};

// Profiles and sources are computed as documents are added (the text is not kept);
// Finish() clusters them in publication order and traces origins.
class StoryBuilder {
 public:
  explicit StoryBuilder(StoriesData data) : data_(std::move(data)) {}

  void Add(const Document& doc);
  // A document with its profile already computed (read back from the store).
  void Add(const Document& doc, StoryProfile profile);
  StoryCollection Finish();

 private:
  StoriesData data_;
  std::vector<StoryDocument> docs_;
  std::vector<DocumentSources> sources_;
  std::vector<StoryProfile> profiles_;
  std::vector<Document> light_;  // metadata only, for origins
};

// Makes one story per index component: members in publication order, chains, origins.
// `links`: per document its best link (other document, score), as StoryIndex found it.
std::vector<Story> AssembleStories(const std::vector<Document>& docs, const std::vector<DocumentSources>& sources,
                                   const std::vector<uint32_t>& root_of,
                                   const std::vector<std::optional<StoryLink>>& links,
                                   const std::vector<int>& copy_of, const OutletList& outlets);

}  // namespace faultline::stories
