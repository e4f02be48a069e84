#include "syntax/linear_model.h"

#include <algorithm>
#include <cmath>

namespace faultline::syntax {

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

void LinearModel::ScoreBatch(const uint64_t* features, size_t n, float* scores) const {
  if (table_.empty()) return;
  uint32_t keys[kBatch];
  for (size_t i = 0; i < n; ++i) {
    keys[i] = static_cast<uint32_t>(StoredKey(features[i]));
    __builtin_prefetch(&table_[keys[i] & mask_]);
  }
  uint32_t refs[kBatch];
  size_t found = 0;
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t slot = keys[i] & mask_;; slot = (slot + 1) & mask_) {
      const Slot& s = table_[slot];
      if (s.key == keys[i]) {
        refs[found++] = s.ref;
        __builtin_prefetch(entries_.data() + (s.ref >> 8));
        break;
      }
      if (s.key == 0) break;
    }
  }
  for (size_t f = 0; f < found; ++f) {
    const Entry* e = entries_.data() + (refs[f] >> 8);
    for (const Entry* end = e + (refs[f] & 0xff); e < end; ++e) scores[e->cls] += e->q * scale_;
  }
}

bool LinearModel::BuildTable(const std::vector<uint8_t>& counts) {
  size_t capacity = 64;
  while (capacity < keys_.size() * 2) capacity *= 2;
  table_.assign(capacity, Slot{0, 0});
  mask_ = static_cast<uint32_t>(capacity - 1);
  if (entries_.size() >= (size_t{1} << 24)) return false;
  uint32_t first = 0;
  for (size_t r = 0; r < keys_.size(); ++r) {
    const uint32_t key = keys_[r];
    uint32_t slot = key & mask_;
    while (table_[slot].key != 0) {
      if (table_[slot].key == key) return false;
      slot = (slot + 1) & mask_;
    }
    table_[slot] = Slot{key, first << 8 | counts[r]};
    first += counts[r];
  }
  return first == entries_.size();
}

void LinearModel::Write(ByteWriter* out) const {
  out->Put<uint32_t>(static_cast<uint32_t>(classes_));
  out->Put<float>(scale_);
  out->PutVector(keys_);
  // Entries per row, recovered from the table.
  std::vector<uint8_t> counts(keys_.size());
  for (size_t r = 0; r < keys_.size(); ++r) {
    for (uint32_t slot = keys_[r] & mask_;; slot = (slot + 1) & mask_)
      if (table_[slot].key == keys_[r]) {
        counts[r] = static_cast<uint8_t>(table_[slot].ref & 0xff);
        break;
      }
  }
  out->PutVector(counts);
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
  std::vector<uint8_t> counts, cls;
  std::vector<int16_t> q;
  if (!in->Get(&classes) || !in->Get(&scale_) || !in->GetVector(&keys_) || !in->GetVector(&counts) ||
      !in->GetVector(&cls) || !in->GetVector(&q))
    return false;
  classes_ = static_cast<int>(classes);
  if (classes_ < 1 || classes_ > 255 || !(scale_ > 0) || counts.size() != keys_.size() || q.size() != cls.size())
    return false;
  entries_.resize(cls.size());
  for (size_t e = 0; e < cls.size(); ++e) {
    if (cls[e] >= classes_) return false;
    entries_[e] = Entry{cls[e], q[e]};
  }
  for (uint32_t k : keys_)
    if (k == 0) return false;
  return BuildTable(counts);
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
  std::vector<uint8_t> counts;
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
    counts.push_back(kept);
  }
  m.BuildTable(counts);
  return m;
}

}  // namespace faultline::syntax
