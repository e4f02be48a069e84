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
#include "statements/statement.h"
#include "stories/attribution.h"
#include "stories/distinctive_terms.h"
#include "stories/framing.h"
#include "stories/omissions.h"
#include "stories/model.h"
#include "stories/origins.h"
#include "stories/outlets.h"
#include "stories/story_index.h"
#include "stories/text_words.h"
#include "store/store.h"

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
  std::vector<FramingCount> framing;  // the contrasting terms it uses
  MemberDelta delta;            // what it keeps, drops and adds (stories of two or more)
};

struct Story {
  std::string id;                    // "S1", "S2", ... in order of first publication
  std::vector<StoryMember> members;  // in publication order, undated last
  ChainStep origin;                  // who broke it, and when
  std::string first, last;           // publication dates (full ISO), "" when none is known
  std::vector<std::string> outlets;  // sorted, unique
  size_t origins = 0;                // independent origins among the members
};

// The contrasting terms one outlet uses, over all its documents.
struct OutletFraming {
  std::string outlet;
  uint32_t documents = 0;
  std::vector<FramingCount> counts;
};

struct StoryCollection {
  std::shared_ptr<const FramingLexicon> framing;  // names the concepts and variants counted
  std::vector<OutletFraming> outlet_framing;       // outlets by name
  std::vector<OutletTerms> distinctive;            // outlets' most distinctive words
  bool with_statements = false;                    // deltas include statements
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
  std::shared_ptr<const FramingLexicon> framing;
  // Of the outlet lists and attribution cues loaded: what stored sources must have been
  // found with to be used (sources_bytes.h).
  std::string sources_fingerprint;

  // The shipped files, plus `outlet_files` (extra outlet lists) and `framing_files`
  // (extra framing concepts) in order.
  static Result<StoriesData> Load(const std::vector<std::string>& outlet_files = {},
                                  const std::string& settings = {}, const std::string& term_stats = {},
                                  const std::vector<std::string>& framing_files = {});
};

// Profiles and sources are computed as documents are added (the text is not kept);
// Finish() clusters them in publication order and traces origins.
class StoryBuilder {
 public:
  explicit StoryBuilder(StoriesData data) : data_(std::move(data)), words_(&data_.model->config().terms) {}

  void Add(const Document& doc);
  // A document with its profile already computed.
  void Add(const Document& doc, StoryProfile profile);
  // A document whose profile and sources were found elsewhere (read back from the store,
  // or by a worker of a cluster run: sources_bytes.h); only its metadata is read, and its
  // sources are decided again with the outlets known now, as FindSources decides them.
  void Add(const Document& doc, StoryProfile profile, DocumentSources sources);
  // A document whose profile and story were stored (`ingest`, story_store.h): it keeps
  // that story and link unless the builder reclusters.
  void AddStored(const Document& doc, StoredStory stored);
  // The same for a document read without its text: false, and nothing added (`stored`
  // untouched), when its stored profile or sources cannot be used as they are; it must
  // then be added with its text.
  bool AddStoredWithoutText(const Document& doc, StoredStory& stored);
  // Only what origins need (stories, chains, origin keys): no framing counts, quotes,
  // distinctive words or deltas, which `map`, `why` and `serve` do not show. With stored
  // sources, AddStored then reads nothing of the text.
  void set_origins_only(bool origins_only) { origins_only_ = origins_only; }
  // Clusters every document again, stored stories or not (their profiles are used).
  void set_recluster(bool recluster) { recluster_ = recluster; }
  // Room for n documents in all, when the caller knows about how many it will add.
  void Reserve(size_t n);
  // The statements of the documents added (by StatementDocName), for what each member
  // of a story keeps, drops and adds.
  void AddStatements(const std::vector<Statement>& statements);
  // True when Finish will cluster documents against stored entries that were added by
  // their summary only (StoredStory::profile empty: Store::ForEachStorySummary, read
  // with origins only): ReadStoredProfiles must then be called first.
  bool NeedsStoredProfiles() const;
  // Reads the full profiles of those entries from the store they came from.
  Status ReadStoredProfiles(const Store& store);
  StoryCollection Finish();

 private:
  struct Stored {
    std::string story, linked_to;
    double score = 0;
  };
  StoriesData data_;
  // `split`: title_words_ and text_words_ hold `doc`'s words already.
  void Append(const Document& doc, StoryProfile profile, DocumentSources sources, bool split);
  // Splits `doc`'s title and text into title_words_ and text_words_.
  void SplitWords(const Document& doc);
  // The outlets' framing and distinctive words, and each story member's framing and delta.
  void AddFramingAndDeltas(StoryCollection* c);

  bool recluster_ = false;
  bool origins_only_ = false;
  bool with_statements_ = false;
  std::vector<std::vector<FramingCount>> framing_;  // per document
  std::vector<MemberClaims> claims_;                // per document
  std::unordered_map<std::string, size_t> by_statement_name_;
  OutletWordCounts words_;
  // The current document's title and text split once for attribution, framing and the
  // word counts, and reused from document to document (their buffers keep their size).
  TextWords title_words_, text_words_;
  // The profiler's buffers, likewise reused from document to document.
  ProfileScratch profile_scratch_;
  std::vector<StoryDocument> docs_;
  std::vector<DocumentSources> sources_;
  std::vector<StoryProfile> profiles_;
  // Per document, with origins only: true when only the summary of its stored profile
  // was read, read in full (ReadStoredProfiles) only when some document is clustered
  // against them.
  std::vector<char> summarised_;
  size_t summarised_count_ = 0;
  std::vector<std::optional<Stored>> stored_;
  // Whether Finish clusters any document (rather than keeping every stored story).
  bool ClustersAny() const;
  // A stored profile as AddStored reads it (with origins only, its summary).
  std::optional<StoryProfile> StoredProfile(const StoredStory& stored) const;
  // Keeps a stored entry's story and link for the document just appended.
  void KeepStored(const StoredStory& stored);
};

// Makes one story per index component: members in publication order, chains, origins.
// `links`: per document its best link (other document, score), as StoryIndex found it.
std::vector<Story> AssembleStories(const std::vector<Document>& docs, const std::vector<DocumentSources>& sources,
                                   const std::vector<uint32_t>& root_of,
                                   const std::vector<std::optional<StoryLink>>& links,
                                   const std::vector<int>& copy_of, const OutletList& outlets);

}  // namespace faultline::stories
