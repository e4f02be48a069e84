// Where a text says its report comes from: every place it attributes what it tells to
// a known outlet ("Bloomberg reported on Monday", "according to a document obtained by
// Bloomberg", "WSJ report says", "told the agency", "WASHINGTON (AP) -"). The cue words
// live in data/stories/attribution.yaml.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/document.h"
#include "stories/key_filter.h"
#include "stories/outlets.h"
#include "stories/text_words.h"
#include "util/status.h"
#include "util/string_view_hash.h"

namespace faultline::stories {

struct Attribution {
  int outlet = -1;        // index into OutletList::outlets(); -1 while only `name` is known
  std::string name;       // a capitalised name cited but not (yet) a known outlet: resolved
                          // once every document's outlet is known ("The Atlantic Ledger")
  size_t begin = 0;       // the outlet's name (or "the agency") in the title or text
  size_t end = 0;
  bool in_title = false;  // offsets are into Document::title, else into Document::text
  bool lead = false;      // in the title or the first paragraph
  std::string cue;        // the words that make it an attribution ("according to", "reported",
                          // "credit" for a dateline credit, "relay" for Document::via)
  std::string date;       // when the text says the outlet reported it ("on Monday" read against
                          // the document's date), ISO; empty when it does not say
};

// Cue phrases (lower-case words), longest first, and which of them have a given word at
// their keyed end (the last word of a cue before a name, the first of a cue after it or
// of an anaphor), in that order: a spot tries only the few that can match its
// neighbouring word instead of every phrase (a text has hundreds of capitalised names,
// each one a spot).
struct CuePhrases {
  std::vector<std::vector<std::string>> phrases;
  std::unordered_map<std::string, std::vector<uint32_t>, StringViewHash, std::equal_to<>> by_word;
  KeyFilter keyed;  // the words of by_word: anaphora are looked for at every word of a text
  void Index(bool by_last_word);
  const std::vector<uint32_t>* With(std::string_view word) const;
};

class AttributionFinder {
 public:
  static std::string DefaultPath();  // data/stories/attribution.yaml
  static Result<AttributionFinder> Load(const std::string& path);

  // The attributions of `doc`, title first, then text, in order: to known outlets
  // other than its own (`self`, an index into `outlets`, or -1), and to other
  // capitalised names with `outlet` -1 (most are people: "Putin said"; those that turn
  // out to be outlets are resolved later, see DecideSources in origins.h).
  std::vector<Attribution> Find(const Document& doc, const OutletList& outlets, int self) const;
  // The same with the title and text split already (TextWords of doc.title and doc.text),
  // as the stories stage shares one split of each text among its readers.
  std::vector<Attribution> Find(const Document& doc, const TextWords& title, const TextWords& text,
                                const OutletList& outlets, int self) const;

 private:
  CuePhrases before_, after_, anaphora_;
};

// Reads a report date the words after an attribution give ("on Monday", "on Feb. 24",
// "on 24 February") against the document's date `doc_date` (full ISO): the latest such
// day not after it. Empty when `words` names no day or `doc_date` is not a full date.
std::string ReportDate(std::string_view words, std::string_view doc_date);

}  // namespace faultline::stories
