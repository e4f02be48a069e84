// A document reduced to what story comparison needs, computed once per document and
// small enough to store beside it (store/story_tables): weighted term vectors of the
// whole text and of its lead, the names and figures it mentions, its day and its
// MinHash (store/near_duplicates.h, the same signature the store links near copies by).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/document.h"
#include "stories/config.h"
#include "stories/term_statistics.h"
#include "stories/terms.h"
#include "store/near_duplicates.h"

namespace faultline::stories {

struct TermWeight {
  TermId term = 0;
  float weight = 0;
};

// A sparse vector sorted by term id. Weights are those of the full L2-normalised
// tf-idf vector; only the heaviest are kept, so the dot product of two vectors is
// the cosine of the full ones less what their light terms would add.
using SparseVector = std::vector<TermWeight>;

struct StoryProfile {
  SparseVector text;      // content terms of title and text (sublinear tf x idf)
  SparseVector lead;      // the title and the first lead_words words
  SparseVector names;     // capitalised words used as names (idf-weighted)
  std::vector<TermId> numbers;  // sorted, unique
  std::vector<TermId> index_terms;  // the heaviest text terms, the index keys
  std::optional<int64_t> day;   // days since 1970-01-01, when the date is a full one
  std::optional<MinHash> minhash;
  uint32_t words = 0;           // of the text
  // Set by the stories stage, not the profiler: the id (HashTerm of the canonical name)
  // of the outlet the document relays (origins.h), 0 when it is its own report.
  uint32_t origin = 0;
  uint32_t outlet = 0;  // likewise, of the document's own outlet (its canonical name)
};

// Dot product of two vectors sorted by term id.
double Dot(const SparseVector& a, const SparseVector& b);

// A term with its idf, for a table of one document's distinct terms.
struct TermIdf {
  TermId term = 0;
  double idf = 0;
};

// The buffers a profile is built in. A caller profiling many documents (the stories
// stage) keeps one and passes it to every call, so that they are allocated once rather
// than per document. Nothing in it outlives a call.
struct ProfileScratch {
  TermScratch terms;
  TermBags head, body;
  std::vector<TermId> all, subset;  // term ids, sorted in place
  std::vector<TermIdf> idf;         // the distinct terms of `all`, sorted
};

class Profiler {
 public:
  Profiler(const StoryConfig* config, const TermStatistics* stats) : config_(config), stats_(stats) {}

  StoryProfile Profile(const Document& doc) const { return Profile(doc.title, doc.text, doc.date); }
  StoryProfile Profile(std::string_view title, std::string_view text, std::string_view date) const;
  // The same profile, built in `scratch`'s buffers.
  StoryProfile Profile(std::string_view title, std::string_view text, std::string_view date,
                       ProfileScratch* scratch) const;

 private:
  // The L2-normalised tf-idf vector of `sorted` (term ids sorted, repeats kept), its
  // heaviest `keep` terms; the idf of each term read from `idf`, which holds every term of
  // `sorted` (the document's table, so that the corpus-wide statistics are asked once per
  // distinct term of a document rather than once per vector it is in).
  SparseVector Weigh(const std::vector<TermId>& sorted, const std::vector<TermIdf>& idf, size_t keep) const;

  const StoryConfig* config_;
  const TermStatistics* stats_;
};

// Serialised form for the store (versioned, little-endian); nullopt on a malformed blob.
std::string ProfileToBytes(const StoryProfile& p);
std::optional<StoryProfile> ProfileFromBytes(std::string_view bytes);
// The same blob checked as ProfileFromBytes checks it, but only its day, MinHash, words,
// origin and outlet read: the term vectors stay empty. What a reader of stored stories
// needs when nothing is clustered (serve's start-up reads 9.5k of them).
// Reads a summary's bytes (ProfileSummaryToBytes) as well.
std::optional<StoryProfile> ProfileSummaryFromBytes(std::string_view bytes);
// The summary alone, in the same format with the vectors empty (a tenth of a profile's
// bytes): the store keeps it beside the profile (story_profiles.summary), so that a
// reader of summaries does not read the profiles at all.
std::string ProfileSummaryToBytes(const StoryProfile& p);

}  // namespace faultline::stories
