#include "store/near_duplicates.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace faultline {
namespace {

// SplitMix64's finaliser: a fast, well-mixing 64-bit hash step.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Hash function i is h_i(x) = (a_i * x + b_i) >> 32 over the mixed shingle hash x,
// with odd a_i: fixed constants so signatures stay comparable across runs.
struct Permutations {
  std::array<uint64_t, kMinHashSize> a, b;
  Permutations() {
    uint64_t s = 0x9e3779b97f4a7c15ULL;
    for (int i = 0; i < kMinHashSize; ++i) {
      a[i] = Mix(s += 0x9e3779b97f4a7c15ULL) | 1;
      b[i] = Mix(s += 0x9e3779b97f4a7c15ULL);
    }
  }
};

const Permutations& Perms() {
  static const Permutations p;  // immutable after construction
  return p;
}

// The signature's minima over every shingle of `words` (word hashes). Most of MinHash's
// time is here: 64 hash functions of 64-bit multiplies per shingle. Built twice, and the
// one the processor runs picked at load time: for x86-64-v4 (AVX-512, whose vpmullq
// multiplies eight 64-bit lanes at once: about five times faster) and for the baseline
// (SSE2, where each 64-bit multiply is emulated with three 32-bit ones). The same
// integer arithmetic either way, so the same signatures.
__attribute__((target_clones("arch=x86-64-v4", "default")))
void MinOverShingles(const std::vector<uint64_t>& words, const Permutations& p, MinHash* out) {
  MinHash m = *out;
  for (size_t w = 0; w + kShingleWords <= words.size(); ++w) {
    uint64_t x = 0;
    for (int k = 0; k < kShingleWords; ++k) x = Mix(x ^ words[w + k]);
    // A branch-free min over a local signature: the compiler vectorises it (a quarter
    // less time than a compare-and-store per hash function).
    for (int j = 0; j < kMinHashSize; ++j)
      m[j] = std::min(m[j], static_cast<uint32_t>((p.a[j] * x + p.b[j]) >> 32));
  }
  *out = m;
}

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

std::optional<MinHash> ComputeMinHash(std::string_view text) {
  // Word hashes (FNV-1a over lower-cased bytes).
  std::vector<uint64_t> words;
  words.reserve(text.size() / 6);
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size()) break;
    uint64_t h = 0xcbf29ce484222325ULL;
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
      h = (h ^ c) * 0x100000001b3ULL;
      ++i;
    }
    words.push_back(h);
  }
  if (words.size() < static_cast<size_t>(kMinWordsForNearDuplicate)) return std::nullopt;
  MinHash m;
  m.fill(std::numeric_limits<uint32_t>::max());
  MinOverShingles(words, Perms(), &m);
  return m;
}

double EstimateJaccard(const MinHash& a, const MinHash& b) {
  int same = 0;
  for (int i = 0; i < kMinHashSize; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / kMinHashSize;
}

std::string MinHashToBytes(const MinHash& m) {
  std::string out(kMinHashSize * 4, '\0');
  for (int i = 0; i < kMinHashSize; ++i)
    for (int k = 0; k < 4; ++k) out[i * 4 + k] = static_cast<char>((m[i] >> (8 * k)) & 0xff);
  return out;
}

std::optional<MinHash> MinHashFromBytes(std::string_view bytes) {
  if (bytes.size() != kMinHashSize * 4) return std::nullopt;
  MinHash m;
  for (int i = 0; i < kMinHashSize; ++i) {
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i * 4 + k])) << (8 * k);
    m[i] = v;
  }
  return m;
}

uint64_t LshBandKey(const MinHash& m, int band) {
  uint64_t h = static_cast<uint64_t>(band) + 1;
  for (int r = 0; r < kLshRows; ++r) h = Mix(h ^ m[band * kLshRows + r]);
  return h;
}

std::optional<int64_t> DayNumber(std::string_view d) {
  if (d.size() < 10 || d[4] != '-' || d[7] != '-') return std::nullopt;
  auto num = [&](size_t from, size_t len) -> int {
    int v = 0;
    for (size_t i = from; i < from + len; ++i) {
      if (d[i] < '0' || d[i] > '9') return -1;
      v = v * 10 + (d[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), mo = num(5, 2), da = num(8, 2);
  if (y < 0 || mo < 1 || mo > 12 || da < 1 || da > 31) return std::nullopt;
  // Howard Hinnant's days_from_civil.
  y -= mo <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + da - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::optional<std::string> NearDuplicateIndex::Find(const MinHash& m, std::string_view date,
                                                    double* similarity) const {
  std::optional<int64_t> day = DayNumber(date);
  int best = -1;
  double best_score = 0;
  for (int band = 0; band < kLshBands; ++band) {
    auto it = buckets_[band].find(LshBandKey(m, band));
    if (it == buckets_[band].end()) continue;
    for (uint32_t cand : it->second) {
      if (day && days_[cand] && std::abs(*day - *days_[cand]) > kMaxDaysBetweenNearDuplicates)
        continue;
      double score = EstimateJaccard(m, signatures_[cand]);
      if (score >= threshold_ && score > best_score) {
        best = static_cast<int>(cand);
        best_score = score;
      }
    }
  }
  if (best < 0) return std::nullopt;
  if (similarity) *similarity = best_score;
  return ids_[best];
}

void NearDuplicateIndex::Add(std::string id, const MinHash& m, std::string_view date) {
  uint32_t index = static_cast<uint32_t>(ids_.size());
  ids_.push_back(std::move(id));
  signatures_.push_back(m);
  days_.push_back(DayNumber(date));
  for (int band = 0; band < kLshBands; ++band) buckets_[band][LshBandKey(m, band)].push_back(index);
}

}  // namespace faultline
