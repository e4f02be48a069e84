// Where a document's report comes from. From its text alone: the outlet it relays (the
// one it attributes its report to, above all in its title and lead), the outlet it
// took its text from (Document::via, "Read on RBC Pro"), and others it cites for part of
// what it tells. Within a story, these and the order of publication give each
// document its chain, outlet <- intermediary <- origin (World Nation News <- RBC <-
// Bloomberg), and the story its origin: who broke it, and when.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ingest/document.h"
#include "stories/attribution.h"
#include "stories/outlets.h"

namespace faultline::stories {

struct DocumentSources {
  int self = -1;                // the document's own outlet in the list; -1 when not known
  std::vector<Attribution> attributions;  // resolved ones only, after DecideSources
  std::vector<Attribution> pending;       // names not (yet) known as outlets
  int origin = -1;              // the outlet it relays; -1: its own report
  std::string origin_date;      // when the text says the origin reported it (ISO), or ""
  int via = -1;                 // the outlet its text was taken from; -1: none shown
  std::vector<int> also_cited;  // other outlets it attributes part of its report to
};

// An attribution weighs 3 in the title or as a dateline credit, 2 in the lead, 1 after.
// The outlet with the most weight is the document's origin when it has at least
// kOriginWeight and at least half of all attribution weight: a report built on one
// source says so early and often; a passing "according to Reuters" deep in the text
// is a citation, not an origin.
constexpr int kOriginWeight = 3;

DocumentSources FindSources(const Document& doc, const OutletList& outlets, const AttributionFinder& finder);
// The same with doc.title and doc.text split already.
DocumentSources FindSources(const Document& doc, const TextWords& title, const TextWords& text,
                            const OutletList& outlets, const AttributionFinder& finder);
// Decides again with `outlets` as they are now: names cited before they were known as
// outlets are resolved (the attributions keep unresolved names until then).
void DecideSources(DocumentSources* sources, const Document& doc, const OutletList& outlets);

// One step of a chain.
struct ChainStep {
  std::string outlet;  // canonical name when known, else as the document names it
  std::string doc;     // the id of a document of the story by this outlet, when there is one
  std::string date;    // when it published (or, for an origin outside the corpus, when the
                       // relays say it reported); "" when unknown
};

// The chains of a story's members, and the story's origin.
struct StoryOrigins {
  std::vector<std::vector<ChainStep>> chains;  // per member: its own outlet first, origin last
  ChainStep origin;                            // the story's origin
  std::vector<std::string> origin_keys;        // per member: the independent origin it counts for
};

// `members`: the documents of one story with their sources and dates, in publication
// order (undated last). `story` is the story's id, used in the origin keys so that two
// stories relayed from one outlet count as two origins.
struct StoryMemberInput {
  const Document* doc;
  const DocumentSources* sources;
  int copy_of = -1;  // an earlier member whose text this one copies (MinHash), or -1
};
StoryOrigins TraceOrigins(const std::vector<StoryMemberInput>& members, const OutletList& outlets,
                          const std::string& story);

// The key a statement of a story member counts under: the outlet its source names
// when that is a known outlet other than the document's own ("Bloomberg" in "according
// to Bloomberg"), else the member's origin key.
std::string StatementOriginKey(const std::string& statement_source, const std::string& member_key,
                               const DocumentSources& sources, const OutletList& outlets, const std::string& story);

}  // namespace faultline::stories
