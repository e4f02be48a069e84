// Counts keyed by dense word ids (WordIds), one table per outlet. An open-addressing table
// of (id, count) pairs in one array: an update touches one slot, where
// std::unordered_map<uint32_t, uint32_t> allocated a node per word and walked a bucket
// list (a tenth of the stories stage went to those updates and the lookups before them).
#pragma once

#include <cstdint>
#include <vector>

namespace faultline::stories {

class IdCounts {
 public:
  void Add(uint32_t id, uint32_t n) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Slot& s = slots_[Probe(id)];
    if (s.id == kEmpty) {
      s.id = id;
      ++size_;
    }
    s.count += n;
  }
  size_t size() const { return size_; }

  // Calls fn(id, count) for every id counted, in no particular order.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (const Slot& s : slots_)
      if (s.id != kEmpty) fn(s.id, s.count);
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t id = kEmpty;
    uint32_t count = 0;
  };
  // Ids are dense, so a multiplicative hash spreads consecutive ones over the table.
  size_t Probe(uint32_t id) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = (id * 0x9E3779B1u) & mask;; i = (i + 1) & mask)
      if (slots_[i].id == id || slots_[i].id == kEmpty) return i;
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    for (const Slot& s : old)
      if (s.id != kEmpty) slots_[Probe(s.id)] = s;
  }

  std::vector<Slot> slots_;  // power-of-two size, at most half full
  size_t size_ = 0;
};

}  // namespace faultline::stories
