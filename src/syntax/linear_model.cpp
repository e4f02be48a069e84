#include "syntax/linear_model.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <new>

#include <sys/mman.h>

namespace faultline::syntax {

namespace {
constexpr size_t kHugePage = size_t{2} << 20;
}  // namespace

void* AllocateTable(size_t bytes) {
  if (bytes < kHugePage) {
    // Cache-line aligned, as the parser's buckets must be, whatever the size.
    void* p = std::aligned_alloc(64, (bytes + 63) / 64 * 64);
    if (p == nullptr) throw std::bad_alloc();
    return p;
  }
  const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, rounded);
  if (p == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  madvise(p, rounded, MADV_HUGEPAGE);  // a hint: without it the table still works, on small pages
#endif
  return p;
}

void FreeTable(void* p, size_t) { std::free(p); }

uint32_t KeyIndex::Insert(uint64_t key) {
  if ((size_ + 1) * 2 > keys_.size()) Grow();
  for (uint64_t slot = key & mask_;; slot = (slot + 1) & mask_) {
    if (keys_[slot] == key) return rows_[slot];
    if (keys_[slot] == 0) {
      keys_[slot] = key;
      rows_[slot] = static_cast<uint32_t>(size_);
      return static_cast<uint32_t>(size_++);
    }
  }
}

void KeyIndex::Grow() {
  std::vector<uint64_t> old_keys = std::move(keys_);
  std::vector<uint32_t> old_rows = std::move(rows_);
  const size_t capacity = std::max<size_t>(64, old_keys.size() * 2);
  keys_.assign(capacity, 0);
  rows_.assign(capacity, 0);
  mask_ = capacity - 1;
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] == 0) continue;
    uint64_t slot = old_keys[i] & mask_;
    while (keys_[slot] != 0) slot = (slot + 1) & mask_;
    keys_[slot] = old_keys[i];
    rows_[slot] = old_rows[i];
  }
}

void LinearModel::ScoreDense(const uint64_t* features, size_t n, float* scores) const {
  uint32_t keys[kBatch];
  for (size_t i = 0; i < n; ++i) {
    keys[i] = static_cast<uint32_t>(StoredKey(features[i]));
    __builtin_prefetch(&dense_[HomeBucket(keys[i])]);
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t b = HomeBucket(keys[i]);; b = NextBucket(b)) {
      const DenseBucket& bucket = dense_[b];
      // All five keys compared at once: where the key sits in its bucket is random, and
      // a loop that stops at it mispredicts a branch on nearly every probe.
      unsigned match = 0;
      for (int k = 0; k < kBucketKeys; ++k) match |= unsigned{bucket.key[k] == keys[i]} << k;
      if (match != 0) {
        const int16_t* q = bucket.q[__builtin_ctz(match)];
        for (int c = 0; c < classes_; ++c) scores[c] += q[c] * scale_;
        break;
      }
      if (bucket.spilled == 0) break;
    }
  }
}

void LinearModel::ScoreSparse(const uint64_t* features, size_t n, float* scores) const {
  uint32_t keys[kBatch];
  for (size_t i = 0; i < n; ++i) {
    keys[i] = static_cast<uint32_t>(StoredKey(features[i]));
    const size_t home = Home(keys[i]);  // both lines a probe may read, as in ScoreDense
    __builtin_prefetch(&table_[home]);
    __builtin_prefetch(&table_[std::min(home + 2, capacity_ - 1)]);
  }
  uint32_t refs[kBatch];
  size_t found = 0;
  for (size_t i = 0; i < n; ++i) {
    for (size_t slot = Home(keys[i]);; slot = Next(slot)) {
      const Slot& s = table_[slot];
      if (s.key == keys[i]) {
        refs[found++] = s.ref;
        if (!(s.ref & kInline) && (s.ref & 0xff) != 0) __builtin_prefetch(entries_.data() + (s.ref >> 8));
        break;
      }
      if (s.key == 0) break;
    }
  }
  // Weights are added in feature order, inline or not, so that scores do not depend
  // on the table's layout.
  for (size_t f = 0; f < found; ++f) {
    const uint32_t ref = refs[f];
    if (ref & kInline) {
      scores[(ref >> 16) & 0x7fff] += static_cast<int16_t>(ref & 0xffff) * scale_;
      continue;
    }
    if ((ref & 0xff) == 0) {
      const int16_t* row = rows_.data() + size_t{ref >> 8} * classes_;
      for (int c = 0; c < classes_; ++c) scores[c] += row[c] * scale_;
      continue;
    }
    const Entry* e = entries_.data() + (ref >> 8);
    for (const Entry* end = e + (ref & 0xff); e < end; ++e) scores[e->cls] += e->q * scale_;
  }
}

bool LinearModel::BuildDense() {
  // Two and a half keys a bucket on average (of five places): few buckets fill up, so
  // few probes, absent keys' included, go on to a second, serial miss. Fuller buckets
  // made a smaller table but were slower: at four keys a bucket the parse step took
  // longer than with the slots, at three and a third 10% less, at two and a half 14%
  // less (42 MB for the shipped parser, against 39 MB of slots).
  buckets_ = keys_.size() * 2 / 5 + 1;
  dense_.assign(buckets_, DenseBucket{});
  uint32_t first = 0;
  for (size_t r = 0; r < keys_.size(); ++r) {
    const uint32_t key = keys_[r];
    const uint32_t count = counts_[r];
    if (first + count > entries_.size()) return false;
    for (size_t b = HomeBucket(key);; b = NextBucket(b)) {
      DenseBucket& bucket = dense_[b];
      int k = 0;
      while (k < kBucketKeys && bucket.key[k] != 0 && bucket.key[k] != key) ++k;
      if (k < kBucketKeys && bucket.key[k] == key) return false;
      if (k == kBucketKeys) {
        bucket.spilled = 1;
        continue;
      }
      bucket.key[k] = key;
      for (uint32_t e = first; e < first + count; ++e) bucket.q[k][entries_[e].cls] = entries_[e].q;
      break;
    }
    first += count;
  }
  return first == entries_.size();
}

bool LinearModel::BuildTable() {
  dense_.clear();
  table_.clear();
  rows_.clear();
  if (counts_.size() != keys_.size() || entries_.size() >= (size_t{1} << 23)) return false;
  if (classes_ <= kDenseClasses) return BuildDense();
  capacity_ = keys_.size() * 2 + 1;  // load at most one half: short probes, also for absent keys
  table_.assign(capacity_, Slot{0, 0});
  uint32_t first = 0;
  for (size_t r = 0; r < keys_.size(); ++r) {
    const uint32_t key = keys_[r];
    const uint32_t count = counts_[r];
    if (first + count > entries_.size()) return false;
    size_t slot = Home(key);
    while (table_[slot].key != 0) {
      if (table_[slot].key == key) return false;
      slot = Next(slot);
    }
    if (count == 1) {
      const Entry& e = entries_[first];
      table_[slot] = Slot{key, kInline | uint32_t{e.cls} << 16 | static_cast<uint16_t>(e.q)};
    } else if (count * kRowShare >= static_cast<uint32_t>(classes_)) {
      const size_t row = rows_.size() / classes_;
      rows_.resize(rows_.size() + classes_, 0);
      int16_t* w = rows_.data() + row * classes_;
      for (uint32_t e = first; e < first + count; ++e) w[entries_[e].cls] = entries_[e].q;
      table_[slot] = Slot{key, static_cast<uint32_t>(row) << 8};
    } else {
      table_[slot] = Slot{key, first << 8 | count};
    }
    first += count;
  }
  return first == entries_.size();
}

LinearModel LinearModel::Pruned(float min_weight) const {
  LinearModel m;
  m.classes_ = classes_;
  m.scale_ = scale_;
  const bool dense = classes_ <= kDenseClasses;
  auto weighty = [&](const Entry& e) { return std::abs(e.q) * scale_ >= min_weight; };
  size_t first = 0;
  for (size_t r = 0; r < keys_.size(); ++r) {
    const Entry* begin = entries_.data() + first;
    const Entry* end = begin + counts_[r];
    first += counts_[r];
    if (std::none_of(begin, end, weighty)) continue;
    uint8_t kept = 0;
    for (const Entry* e = begin; e < end; ++e) {
      if (!dense && !weighty(*e)) continue;
      m.entries_.push_back(*e);
      ++kept;
    }
    m.keys_.push_back(keys_[r]);
    m.counts_.push_back(kept);
  }
  m.BuildTable();
  return m;
}

void LinearModel::Write(ByteWriter* out) const {
  out->Put<uint32_t>(static_cast<uint32_t>(classes_));
  out->Put<float>(scale_);
  out->PutVector(keys_);
  out->PutVector(counts_);
  std::vector<uint8_t> cls(entries_.size());
  std::vector<int16_t> q(entries_.size());
  for (size_t e = 0; e < entries_.size(); ++e) {
    cls[e] = static_cast<uint8_t>(entries_[e].cls);
    q[e] = entries_[e].q;
  }
  out->PutVector(cls);
  out->PutVector(q);
}

bool LinearModel::Read(ByteReader* in) {
  uint32_t classes = 0;
  std::vector<uint8_t> cls;
  std::vector<int16_t> q;
  if (!in->Get(&classes) || !in->Get(&scale_) || !in->GetVector(&keys_) || !in->GetVector(&counts_) ||
      !in->GetVector(&cls) || !in->GetVector(&q))
    return false;
  classes_ = static_cast<int>(classes);
  if (classes_ < 1 || classes_ > 255 || !(scale_ > 0) || counts_.size() != keys_.size() || q.size() != cls.size())
    return false;
  entries_.resize(cls.size());
  for (size_t e = 0; e < cls.size(); ++e) {
    if (cls[e] >= classes_) return false;
    entries_[e] = Entry{cls[e], q[e]};
  }
  for (uint32_t k : keys_)
    if (k == 0) return false;
  return BuildTable();
}

void Perceptron::Score(const uint64_t* features, size_t n, float* scores) const {
  for (size_t i = 0; i < n; ++i) {
    const int64_t row = index_.Find(features[i]);
    if (row < 0) continue;
    for (const Entry& e : rows_[row]) scores[e.cls] += e.w;
  }
}

void Perceptron::Update(const uint64_t* features, size_t n, int good, int bad, float step) {
  if (good == bad) return;
  auto add = [this](std::vector<Entry>& row, int cls, float delta) {
    for (Entry& e : row) {
      if (e.cls == static_cast<uint32_t>(cls)) {
        e.w += delta;
        e.u += clock_ * delta;
        return;
      }
    }
    row.push_back(Entry{static_cast<uint32_t>(cls), delta, clock_ * delta});
  };
  for (size_t i = 0; i < n; ++i) {
    const uint32_t row = index_.Insert(features[i]);
    if (row == rows_.size()) {
      rows_.emplace_back();
      row_keys_.push_back(features[i]);
    }
    if (good >= 0) add(rows_[row], good, step);
    if (bad >= 0) add(rows_[row], bad, -step);
  }
}

LinearModel Perceptron::Average(float prune) const {
  // Averaged weights per stored key (keys that share 32 bits add up), in key order so
  // that one training run always writes the same file.
  std::vector<std::pair<uint32_t, uint32_t>> order;  // stored key, row
  order.reserve(rows_.size());
  for (uint32_t r = 0; r < rows_.size(); ++r) order.emplace_back(static_cast<uint32_t>(StoredKey(row_keys_[r])), r);
  std::sort(order.begin(), order.end());
  double max_abs = 0;
  for (const auto& row : rows_)
    for (const Entry& e : row) max_abs = std::max(max_abs, std::fabs(e.w - e.u / clock_));
  LinearModel m;
  m.classes_ = classes_;
  m.scale_ = max_abs > 0 ? static_cast<float>(max_abs / 32767.0) : 1.0f;
  std::vector<double> sum(classes_, 0.0);
  for (size_t i = 0; i < order.size();) {
    const uint32_t key = order[i].first;
    std::fill(sum.begin(), sum.end(), 0.0);
    for (; i < order.size() && order[i].first == key; ++i)
      for (const Entry& e : rows_[order[i].second]) sum[e.cls] += e.w - e.u / clock_;
    uint8_t kept = 0;
    for (int c = 0; c < classes_; ++c) {
      const long q = std::clamp(std::lround(sum[c] / m.scale_), -32767L, 32767L);
      if (q == 0 || std::fabs(sum[c]) <= prune) continue;
      m.entries_.push_back(LinearModel::Entry{static_cast<uint16_t>(c), static_cast<int16_t>(q)});
      ++kept;
    }
    if (kept == 0) continue;
    m.keys_.push_back(key);
    m.counts_.push_back(kept);
  }
  m.BuildTable();
  return m;
}

}  // namespace faultline::syntax
