// The words a story comparison looks at. A text becomes three bags of term ids:
//   - content terms: lower-cased words that are not stopwords, lightly stemmed so that
//     "talks"/"talk" and "sanctioned"/"sanction" meet;
//   - names: the same ids for the words a text writes capitalised inside a sentence
//     ("Putin", "NATO", "Gwadar"); a capitalised word that only ever opens sentences
//     ("Despite", "Officials") is no name;
//   - numbers: figures of two or more digits other than years ("34 billion", "1,826").
// Ids are 32-bit hashes of the normalised word, so profiles stay small and comparable
// across runs; a collision merges two rare words and costs nothing measurable.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stories/word_ids.h"

namespace faultline::stories {

using TermId = uint32_t;

// Stopwords and the smallest word length kept; loaded from data/stories/similarity.yaml.
struct TermOptions {
  // A flat table, not a std::unordered_set: it is asked about every word of every text,
  // with the word's hash computed once for it and the text's names.
  WordIds stopwords;
  size_t min_length = 3;  // bytes, after lower-casing
};

// The id of a normalised term (FNV-1a 32 over its bytes).
TermId HashTerm(std::string_view term);

// Lower-cases ASCII and strips common English inflections (plural -s/-es/-ies, -ing,
// -ed) and a final silent -e, so that "talks"/"talk" and "negotiate"/"negotiated"/
// "negotiating" meet. Short words keep more of their ending ("bring", "ties").
std::string Stem(std::string_view lower_word);
// The same into `out` (its capacity reused: one buffer for every word of a text).
void StemInto(std::string_view lower_word, std::string* out);

struct TermBags {
  std::vector<TermId> content;  // in text order, repeats kept (term frequency)
  std::vector<TermId> names;    // in text order, repeats kept
  std::vector<TermId> numbers;  // in text order
  size_t words = 0;             // every word token, stopwords included
  size_t lead_content = 0;      // content[0, lead_content) are those of the first lead_words words
};

// A word or number of a text as term extraction splits it: [begin, end) in the text.
struct TermToken {
  size_t begin, end;
  bool number;          // starts with a digit and is all digits, ',' and '.'
  bool capitalised;     // first byte A-Z
  bool sentence_start;  // first word of a sentence or paragraph (quotes skipped)
};

// What term extraction builds of each text on the way to its bags. A caller reading
// many texts keeps one and passes it to every call: the buffers are then allocated once,
// not per text (the token list alone is four bytes per byte of text, and a long text's
// buffers were fresh pages from the kernel each time). Nothing in it outlives a call.
struct TermScratch {
  std::vector<TermToken> tokens;
  std::string lowered;  // the text with A-Z lower-cased
  WordIds names;        // the words the text writes capitalised inside a sentence
  std::string term;     // the term being built
};

// Splits `text` into words (runs of letters and digits; bytes >= 0x80 count as
// letters, so "Zelenskyy" and "Nausėda" are words) and fills the bags. When
// `max_words` is non-zero only the first that many words are read (a lead). The content
// terms of the first `lead_words` words are counted in lead_content: a lead's content
// terms without reading the text a second time (they do not depend on what follows).
TermBags ExtractTerms(std::string_view text, const TermOptions& options, size_t max_words = 0,
                      size_t lead_words = 0);
// The same into `bags` (cleared first, its capacity kept) with `scratch`'s buffers.
void ExtractTerms(std::string_view text, const TermOptions& options, size_t max_words, size_t lead_words,
                  TermScratch* scratch, TermBags* bags);

// The content terms of `text` as strings (stemmed, lower case), in text order: what
// the ids of TermBags::content are hashes of.
std::vector<std::string> ContentTerms(std::string_view text, const TermOptions& options);

}  // namespace faultline::stories
