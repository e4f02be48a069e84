// Does a span overlap any of a set of spans? Answered in logarithmic time, so a rule
// that asks once per occurrence of a name stays linear in a long document.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace faultline::actors_internal {

class SpanIndex {
 public:
  // Replaces the indexed spans ([begin, end) pairs, in any order).
  void Assign(std::vector<std::pair<size_t, size_t>> spans) {
    spans_ = std::move(spans);
    std::sort(spans_.begin(), spans_.end());
    max_end_.resize(spans_.size());
    size_t m = 0;
    for (size_t i = 0; i < spans_.size(); ++i) max_end_[i] = m = std::max(m, spans_[i].second);
  }

  // True when some indexed span [b', e') has b' < e and b < e'.
  bool Overlaps(size_t b, size_t e) const {
    // The spans starting before e are a prefix; one of them reaches past b iff the
    // largest end among them does.
    const auto it = std::lower_bound(spans_.begin(), spans_.end(), std::make_pair(e, size_t{0}));
    const size_t n = static_cast<size_t>(it - spans_.begin());
    return n > 0 && max_end_[n - 1] > b;
  }

 private:
  std::vector<std::pair<size_t, size_t>> spans_;
  std::vector<size_t> max_end_;  // max_end_[i]: the largest end among spans_[0..i]
};

}  // namespace faultline::actors_internal
