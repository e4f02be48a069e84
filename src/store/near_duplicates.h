// Near-duplicate detection: the same report republished with other page furniture or
// small edits. MinHash over word shingles estimates the Jaccard similarity of two
// texts' shingle sets; LSH banding finds candidate pairs without comparing every pair.
//
// Parameters (chosen for "same article, different furniture"):
//   - shingles of 5 consecutive words (lower-cased ASCII, other bytes kept), so a
//     changed word disturbs only 5 shingles;
//   - 64 hash functions, in 16 bands of 4 rows: a pair with Jaccard 0.8 becomes a
//     candidate with probability 1-(1-0.8^4)^16 = 0.9998, one with 0.3 with 0.12;
//   - candidates are kept when the estimated Jaccard is >= 0.8 (default threshold): a
//     500-word article with 60 words of different furniture scores about 0.85, two
//     different reports of the same event well below 0.5;
//   - texts under 20 words are too short to judge and are never near-duplicates.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace faultline {

constexpr int kMinHashSize = 64;
constexpr int kLshBands = 16;
constexpr int kLshRows = kMinHashSize / kLshBands;
constexpr int kShingleWords = 5;
constexpr int kMinWordsForNearDuplicate = 20;

using MinHash = std::array<uint32_t, kMinHashSize>;

// The signature of `text`, or nullopt when it has fewer than kMinWordsForNearDuplicate words.
std::optional<MinHash> ComputeMinHash(std::string_view text);

// Fraction of equal positions: an unbiased estimate of the shingle sets' Jaccard index.
double EstimateJaccard(const MinHash& a, const MinHash& b);

// Serialised form for storage (little-endian uint32s).
std::string MinHashToBytes(const MinHash& m);
std::optional<MinHash> MinHashFromBytes(std::string_view bytes);

class NearDuplicateIndex {
 public:
  explicit NearDuplicateIndex(double threshold = 0.8) : threshold_(threshold) {}

  // The id of the most similar indexed text whose estimated Jaccard with `m` is at
  // least the threshold, or nullopt.
  std::optional<std::string> Find(const MinHash& m, double* similarity = nullptr) const;
  void Add(std::string id, const MinHash& m);
  size_t size() const { return ids_.size(); }

 private:
  static uint64_t BandKey(const MinHash& m, int band);

  double threshold_;
  std::vector<std::string> ids_;
  std::vector<MinHash> signatures_;
  std::array<std::unordered_map<uint64_t, std::vector<uint32_t>>, kLshBands> buckets_;
};

}  // namespace faultline
