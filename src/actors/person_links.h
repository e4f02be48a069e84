// The two most recent people named before a position ("the two leaders"), found in about
// one step per mention still running at that position, so a rule that asks once per
// phrase stays linear in a long document (issue 12).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "actors/mention.h"

namespace faultline::actors_internal {

// Links over mentions sorted by begin that skip what a backward search for people would
// only step over: mentions naming no person, and runs naming one person. A plain scan
// went back over every mention of the one person an article names, looking for a
// second one (a long article repeating "the two leaders" after one name was quadratic).
class PersonLinks {
 public:
  // `ms` sorted by begin; it must outlive this and not change.
  explicit PersonLinks(const std::vector<Mention>& ms)
      : ms_(ms), last_(ms.size() + 1, kNone), other_(ms.size(), kNone) {
    for (size_t i = 0; i < ms.size(); ++i) {
      last_[i + 1] = ms[i].person.empty() ? last_[i] : i;
      const size_t k = last_[i];
      if (ms[i].person.empty() || k == kNone) continue;
      // The last person before i is someone else, or the same one: then whoever was
      // last before that one and is someone else.
      other_[i] = ms[k].person != ms[i].person ? k : other_[k];
    }
  }

  // Among the mentions ending at or before `pos`, the last naming a person and the last
  // before it naming someone else ("latest", "earlier"); null where there is none. "Last"
  // is in the order of `ms`.
  std::pair<const Mention*, const Mention*> LastTwoBefore(size_t pos) const {
    // Mentions beginning at or after `pos` cannot end before it; of those beginning
    // before it, the ones still running at `pos` are stepped over one by one.
    const size_t first_from = static_cast<size_t>(
        std::lower_bound(ms_.begin(), ms_.end(), pos,
                         [](const Mention& m, size_t p) { return m.begin < p; }) -
        ms_.begin());
    size_t a = last_[first_from];
    while (a != kNone && ms_[a].end > pos) a = last_[a];
    if (a == kNone) return {nullptr, nullptr};
    size_t b = last_[a];
    while (b != kNone && (ms_[b].person == ms_[a].person || ms_[b].end > pos))
      b = ms_[b].person == ms_[a].person ? other_[b] : last_[b];
    return {&ms_[a], b == kNone ? nullptr : &ms_[b]};
  }

 private:
  static constexpr size_t kNone = SIZE_MAX;
  const std::vector<Mention>& ms_;
  std::vector<size_t> last_;   // last_[i]: the last mention naming a person in ms[0, i)
  std::vector<size_t> other_;  // other_[i], for person mentions: the last one before i
                               // naming someone else
};

}  // namespace faultline::actors_internal
