#include "syntax/arc_eager.h"

#include <algorithm>

namespace faultline::syntax {

ArcEagerState::ArcEagerState(int n)
    : n_(n),
      head_(n, -1), left1_(n, -1), left2_(n, -1), right1_(n, -1), right2_(n, -1),
      nleft_(n, 0), nright_(n, 0), in_stack_(n + 1, 0) {
  stack_.reserve(n);
}

bool ArcEagerState::Legal(Move m) const {
  const bool has_stack = !stack_.empty();
  switch (m) {
    case kShift: return buffer_ < n_;
    case kReduce: return has_stack && head_[stack_.back()] >= 0;
    case kLeft: return has_stack && head_[stack_.back()] < 0;
    case kRight: return has_stack && buffer_ < n_;
  }
  return false;
}

void ArcEagerState::AddArc(int head, int dep) {
  head_[dep] = head;
  if (head >= n_) return;
  if (dep < head) {  // left dependents arrive right to left: each is the new leftmost
    left2_[head] = left1_[head];
    left1_[head] = dep;
    if (nleft_[head] < 255) ++nleft_[head];
  } else {  // right dependents arrive left to right
    right2_[head] = right1_[head];
    right1_[head] = dep;
    if (nright_[head] < 255) ++nright_[head];
  }
}

void ArcEagerState::Apply(Move m) {
  switch (m) {
    case kShift:
      in_stack_[buffer_] = 1;
      stack_.push_back(buffer_++);
      break;
    case kReduce:
      in_stack_[stack_.back()] = 0;
      stack_.pop_back();
      break;
    case kLeft:
      AddArc(buffer_, stack_.back());
      in_stack_[stack_.back()] = 0;
      stack_.pop_back();
      break;
    case kRight:
      AddArc(stack_.back(), buffer_);
      in_stack_[buffer_] = 1;
      stack_.push_back(buffer_++);
      break;
  }
}

void ArcEagerState::Costs(const std::vector<int>& gold, int costs[kMoves]) const {
  for (int m = 0; m < kMoves; ++m) costs[m] = Legal(static_cast<Move>(m)) ? 0 : -1;
  const int b = buffer_;
  const int s = stack_.empty() ? -1 : stack_.back();
  // Gold dependents of `h` still waiting on the stack without a head.
  auto headless_deps_in_stack = [&](int h) {
    int c = 0;
    for (int k : stack_) c += gold[k] == h && head_[k] < 0;
    return c;
  };
  // Gold dependents of `h` in the buffer (the root never is one).
  auto deps_in_buffer = [&](int h) {
    int c = 0;
    for (int k = b; k < n_; ++k) c += gold[k] == h;
    return c;
  };
  if (costs[kShift] >= 0) costs[kShift] = (gold[b] < n_ && in_stack_[gold[b]]) + headless_deps_in_stack(b);
  if (costs[kRight] >= 0) {
    const int g = gold[b];
    const bool lost_head = g != s && (g > b || (g < n_ && in_stack_[g]));
    costs[kRight] = lost_head + headless_deps_in_stack(b);
  }
  if (costs[kLeft] >= 0) {
    const int g = gold[s];
    costs[kLeft] = (g != b && g >= b) + deps_in_buffer(s);
  }
  if (costs[kReduce] >= 0) costs[kReduce] = deps_in_buffer(s);
}

namespace {

// True when the arc head->dep crosses some other arc of the tree.
bool Crosses(const std::vector<int>& heads, int dep) {
  const int n = static_cast<int>(heads.size());
  const int h = heads[dep];
  const int lo = std::min(h, dep), hi = std::max(h, dep);
  for (int k = lo + 1; k < hi; ++k) {
    // every word strictly between must descend from the head
    int a = k;
    for (int steps = 0; a >= 0 && a != h && steps <= n; ++steps) a = heads[a];
    if (a != h) return true;
  }
  return false;
}

}  // namespace

int Projectivize(std::vector<int>* heads) {
  int lifts = 0;
  const int n = static_cast<int>(heads->size());
  for (bool changed = true; changed;) {
    changed = false;
    // Lift the shortest crossing arc first, as Nivre & Nilsson do.
    int best = -1, best_len = n + 1;
    for (int d = 0; d < n; ++d) {
      const int h = (*heads)[d];
      if (h < 0) continue;
      const int len = std::abs(h - d);
      if (len < best_len && Crosses(*heads, d)) {
        best = d;
        best_len = len;
      }
    }
    // An arc from the root word never crosses (everything descends from it), so a
    // crossing arc's head always has a head of its own.
    if (best >= 0 && (*heads)[(*heads)[best]] >= 0) {
      (*heads)[best] = (*heads)[(*heads)[best]];
      ++lifts;
      changed = true;
    }
  }
  return lifts;
}

}  // namespace faultline::syntax
