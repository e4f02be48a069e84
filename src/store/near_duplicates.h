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
//   - texts under 20 words are too short to judge and are never near-duplicates;
//   - when both texts have full dates more than 30 days apart they are separate
//     documents even if alike: recurring official texts (annual notices, yearly
//     letters to Congress) repeat last year's wording, a republished report does not
//     wait a month.
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

constexpr int kMaxDaysBetweenNearDuplicates = 30;

// The LSH key of `band` (0..kLshBands-1): two signatures equal on the band's rows share
// it. Shared with the stories stage, which finds near copies the same way.
uint64_t LshBandKey(const MinHash& m, int band);

// Days since 1970-01-01 of an ISO date ("2022-03-29..."), or nullopt when `date` is
// empty, partial or malformed.
std::optional<int64_t> DayNumber(std::string_view date);

class NearDuplicateIndex {
 public:
  explicit NearDuplicateIndex(double threshold = 0.8) : threshold_(threshold) {}

  // The id of the most similar indexed text whose estimated Jaccard with `m` is at
  // least the threshold and whose date (when both are known) is within
  // kMaxDaysBetweenNearDuplicates of `date`, or nullopt.
  std::optional<std::string> Find(const MinHash& m, std::string_view date = {},
                                  double* similarity = nullptr) const;
  void Add(std::string id, const MinHash& m, std::string_view date = {});
  size_t size() const { return ids_.size(); }

 private:
  double threshold_;
  std::vector<std::string> ids_;
  std::vector<MinHash> signatures_;
  std::vector<std::optional<int64_t>> days_;
  std::array<std::unordered_map<uint64_t, std::vector<uint32_t>>, kLshBands> buckets_;
};

}  // namespace faultline
