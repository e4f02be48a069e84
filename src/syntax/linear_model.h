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

// Memory for the run-time tables, on 2 MB pages where the system grants them
// (transparent huge pages, asked for with madvise). Scoring probes tens of megabytes
// at random: on 4 kB pages nearly every probe also misses the TLB, and the page walks,
// not the cache misses, then bound the speed.
void* AllocateTable(size_t bytes);
void FreeTable(void* p, size_t bytes);

template <typename T>
struct TableAllocator {
  using value_type = T;
  TableAllocator() = default;
  template <typename U>
  TableAllocator(const TableAllocator<U>&) {}
  T* allocate(size_t n) { return static_cast<T*>(AllocateTable(n * sizeof(T))); }
  void deallocate(T* p, size_t n) { FreeTable(p, n * sizeof(T)); }
  template <typename U>
  bool operator==(const TableAllocator<U>&) const { return true; }
};

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
    if (dense_.empty() && table_.empty()) return;  // never trained nor read
    for (size_t i = 0; i < n; i += kBatch) {
      const size_t m = std::min(kBatch, n - i);
      if (dense_.empty()) ScoreSparse(features + i, m, scores);
      else ScoreDense(features + i, m, scores);
    }
  }

  // A copy without its least weighty features, so that the tables shrink and more of
  // them stays in cache: a feature whose largest weight magnitude is below
  // `min_weight` (in the weights' own units, as Score adds them) is dropped. A kept
  // feature of a sparse model (tagger, labeller) also loses its weights below it; a
  // dense model's (parser) keeps all of them, as they share the slot anyway.
  // min_weight <= 0 keeps everything.
  LinearModel Pruned(float min_weight) const;

  void Write(ByteWriter* out) const;
  // False when the bytes do not hold a model.
  bool Read(ByteReader* in);

 private:
  friend class Perceptron;
  struct Entry {
    uint16_t cls;
    int16_t q;  // weight / scale_
  };
  // Scoring is bound by memory latency, not arithmetic: each feature is a probe into
  // a table of tens of megabytes, so the run-time tables are laid out to touch as few
  // cache lines per feature as possible, and a batch of features is looked up in
  // passes (prefetch every slot, then read them) so that the misses overlap.
  //
  // A model of at most kDenseClasses classes (the parser's four moves) keeps all of a
  // feature's weights next to its key, in buckets of one cache line each: a feature's
  // home bucket holds it unless the bucket filled up, so a probe, found or not, nearly
  // always touches exactly one line (a 12-byte slot per key straddled two lines about
  // half the time, and both had to be fetched).
  static constexpr int kDenseClasses = 4;
  static constexpr int kBucketKeys = 5;
  struct alignas(64) DenseBucket {
    uint32_t key[kBucketKeys];  // StoredKey, 0 = empty
    int16_t q[kBucketKeys][kDenseClasses];
    // Nonzero when a key whose probe reached this bucket was stored further on: only
    // then must a probe that misses here go on to the next bucket.
    uint32_t spilled;
  };
  static_assert(sizeof(DenseBucket) == 64, "one bucket, one cache line");
  // Other models (tagger, labeller: dozens of classes, a few weights per feature)
  // point from the slot to the feature's entries, except that a feature with a
  // single weight (most of them) keeps it in the slot: ref is then kInline | class
  // << 16 | uint16 weight, else first entry << 8 | number of entries.
  //
  // A feature with weights for many classes (the bias, the previous tag: the most
  // frequent features) instead points to a row of one weight per class (ref = row << 8,
  // count 0), added with vector instructions where the entries would be added one
  // scattered class at a time. The classes without an entry hold 0 and add +0, so
  // the scores come out the same to the bit.
  struct Slot {
    uint32_t key;  // StoredKey, 0 = empty
    uint32_t ref;
  };
  static constexpr uint32_t kInline = 0x80000000u;
  // A feature with weights for at least a quarter of the classes gets a row: two bytes
  // a class against four an entry, so a row costs at most twice its entries' memory.
  static constexpr uint32_t kRowShare = 4;
  static constexpr size_t kBatch = 128;
  void ScoreDense(const uint64_t* features, size_t n, float* scores) const;
  void ScoreSparse(const uint64_t* features, size_t n, float* scores) const;
  // The first slot to probe for `key`: multiply-shift maps the (uniform) 32-bit key
  // onto a table of any size, so tables need not be rounded up to a power of two.
  size_t Home(uint32_t key) const { return (static_cast<uint64_t>(key) * capacity_) >> 32; }
  size_t Next(size_t slot) const { return slot + 1 == capacity_ ? 0 : slot + 1; }
  // As Home and Next, over the dense model's buckets.
  size_t HomeBucket(uint32_t key) const { return (static_cast<uint64_t>(key) * buckets_) >> 32; }
  size_t NextBucket(size_t b) const { return b + 1 == buckets_ ? 0 : b + 1; }
  bool BuildDense();

  // Rebuilds the run-time table from keys_, counts_ and entries_; false on duplicate
  // keys, counts that do not add up, or too many entries.
  bool BuildTable();

  int classes_ = 0;
  float scale_ = 1;
  // The model as stored: rows in ascending key order, each with counts_[row] entries.
  std::vector<uint32_t> keys_;  // row -> StoredKey
  std::vector<uint8_t> counts_;
  std::vector<Entry, TableAllocator<Entry>> entries_;
  // The run-time table: one of these, by the number of classes.
  std::vector<DenseBucket, TableAllocator<DenseBucket>> dense_;
  std::vector<Slot, TableAllocator<Slot>> table_;
  std::vector<int16_t> rows_;  // the wide features' rows, classes_ weights each
  size_t capacity_ = 0;  // slots of table_
  size_t buckets_ = 0;   // buckets of dense_
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
