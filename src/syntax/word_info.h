// What the tagger and parser know about one word, computed once per token: hashes of
// its form, lower-cased form, affixes and shape, and the prefixes of its word class
// (Brown clusters learned from unlabelled news, Koo et al. 2008), which carry what the
// treebank alone cannot: that "Zelensky" is a name like "Putin", "sanctioned" a verb
// like "penalised".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/linear_model.h"
#include "util/status.h"

namespace faultline::syntax {

// Lower case, every digit as '0': the key of word features and of the class table,
// so "1969" and "1970" share statistics.
std::string NormalizeWord(std::string_view form);

// Word classes: each word's bit string in a binary hierarchy of classes. Read from a
// text table ("bits<TAB>word<TAB>count" per line, the format of Liang's wcluster) and
// carried inside the model file.
class WordClusters {
 public:
  // Reads a table; words are normalised with NormalizeWord as they are read.
  static Result<WordClusters> LoadTable(const std::string& path);
  // From parallel lists (the tool that learns the classes hands them over this way).
  static WordClusters FromLists(const std::vector<std::string>& words, const std::vector<std::string>& bits);

  // The bit string of a normalised word, or empty.
  std::string_view Find(std::string_view normalized) const;
  size_t size() const { return word_hash_.size(); }

  void Write(ByteWriter* out) const;
  bool Read(ByteReader* in);

 private:
  void BuildIndex();
  std::vector<uint64_t> word_hash_;   // HashString of the normalised word
  std::vector<uint32_t> class_of_;    // parallel: index into bits_
  std::vector<std::string> bits_;     // distinct bit strings
  KeyIndex index_;                    // word hash -> position in word_hash_
};

struct WordInfo {
  enum Flag : uint8_t {
    kHasDigit = 1, kHasHyphen = 2, kAllCaps = 4, kTitle = 8, kHasUpper = 16, kPunct = 32,
  };
  uint64_t form = 0;        // as written
  uint64_t lower = 0;       // NormalizeWord
  uint64_t shape = 0;       // "Xx", "X-dx", "d,d": character classes, runs collapsed
  uint64_t suffix[4] = {};  // last 1..4 bytes of the normalised word
  uint64_t prefix[3] = {};  // first 1..3 bytes
  uint64_t cluster[4] = {}; // class bit-string prefixes of 4, 6 and 10 bits, and the whole; 0 unknown
  uint8_t flags = 0;
};

WordInfo DescribeWord(std::string_view form, const WordClusters& clusters);

}  // namespace faultline::syntax
