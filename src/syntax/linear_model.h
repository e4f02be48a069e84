// The linear classifiers of the tagger, the parser and the labeller: a score per
// class as the sum of the weights of the features that fire. `Perceptron` learns the
// weights (averaged perceptron, Collins 2002); `LinearModel` is its frozen, pruned
// form, read-only and shared by all threads.
//
// Weights are sparse per feature: a perceptron only ever touches the classes it
// confused, so a feature carries a handful of class weights, not one per class.
#pragma once

#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <vector>

#include "syntax/binary_io.h"

namespace faultline::syntax {

// A map from feature keys (never 0) to dense row numbers, by open addressing.
class KeyIndex {
 public:
  // The row of `key`, or -1.
  int64_t Find(uint64_t key) const {
    if (keys_.empty()) return -1;
    for (uint64_t slot = key & mask_;; slot = (slot + 1) & mask_) {
      const uint64_t k = keys_[slot];
      if (k == key) return rows_[slot];
      if (k == 0) return -1;
    }
  }
  // The row of `key`, adding it as row size() when absent.
  uint32_t Insert(uint64_t key);
  size_t size() const { return size_; }

 private:
  void Grow();
  std::vector<uint64_t> keys_;  // 0 = empty slot
  std::vector<uint32_t> rows_;
  uint64_t mask_ = 0;
  size_t size_ = 0;
};

// Stored features are keyed by 32 bits of their 64-bit hash and weights are stored as
// 16-bit integers with one scale per model: the file stays small, and the rare
// collision among a million keys changes scores less than the training noise does.
inline uint64_t StoredKey(uint64_t feature) {
  const uint64_t k = feature >> 32;
  return k == 0 ? 1 : k;
}

class LinearModel {
 public:
  int classes() const { return classes_; }
  size_t features() const { return keys_.size(); }
  size_t weights() const { return entries_.size(); }

  // Adds the weights of features[0..n) into scores[0..classes()).
  void Score(const uint64_t* features, size_t n, float* scores) const {
    for (size_t i = 0; i < n; i += kBatch) ScoreBatch(features + i, std::min(kBatch, n - i), scores);
  }

  void Write(ByteWriter* out) const;
  // False when the bytes do not hold a model.
  bool Read(ByteReader* in);

 private:
  friend class Perceptron;
  // One open-addressing table probe finds a feature's weights: the slot holds the key
  // and where its entries start, so scoring touches two cache lines per feature.
  struct Slot {
    uint32_t key;  // StoredKey, 0 = empty
    uint32_t ref;  // first entry << 8 | number of entries
  };
  struct Entry {
    uint16_t cls;
    int16_t q;  // weight / scale_
  };
  // Scoring is bound by memory latency, not arithmetic: a batch of features is
  // looked up in three passes (prefetch the slots, find them and prefetch their
  // entries, add the weights) so that the cache misses overlap.
  static constexpr size_t kBatch = 128;
  void ScoreBatch(const uint64_t* features, size_t n, float* scores) const;

  // Rebuilds the table from keys_, counts and entries_; false on duplicate keys or
  // too many entries for `ref`.
  bool BuildTable(const std::vector<uint8_t>& counts);

  int classes_ = 0;
  float scale_ = 1;
  std::vector<uint32_t> keys_;  // row -> StoredKey, ascending (the file's order)
  std::vector<Entry> entries_;  // rows' entries, row after row
  std::vector<Slot> table_;
  uint32_t mask_ = 0;
};

class Perceptron {
 public:
  explicit Perceptron(int classes) : classes_(classes) {}
  int classes() const { return classes_; }

  // The current (not averaged) weights, as LinearModel::Score.
  void Score(const uint64_t* features, size_t n, float* scores) const;
  // Moves weight from class `bad` to class `good` on every feature.
  void Update(const uint64_t* features, size_t n, int good, int bad, float step = 1.0f);
  // One training instance has been seen: the averaging clock advances.
  void Tick() { clock_ += 1; }

  // The averaged weights, quantised; entries whose magnitude is below `prune` are
  // dropped.
  LinearModel Average(float prune = 0.0f) const;

 private:
  struct Entry {
    uint32_t cls;
    float w;
    double u;  // sum of clock * update, for averaging without touching every weight per step
  };
  int classes_;
  double clock_ = 1;
  KeyIndex index_;
  std::vector<std::vector<Entry>> rows_;
  std::vector<uint64_t> row_keys_;
};

}  // namespace faultline::syntax
