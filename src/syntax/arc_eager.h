// The arc-eager transition system (Nivre 2003) with the root at the end of the buffer
// (Ballesteros & Nivre 2013), and its dynamic oracle (Goldberg & Nivre 2012): for any
// configuration, how many gold arcs each move makes unreachable. Training on the
// oracle's costs lets the parser learn to recover from its own mistakes.
#pragma once

#include <cstdint>
#include <vector>

namespace faultline::syntax {

enum Move : int { kShift = 0, kReduce = 1, kLeft = 2, kRight = 3 };
inline constexpr int kMoves = 4;

class ArcEagerState {
 public:
  // Words 0..n-1; the root is word n, last in the buffer.
  explicit ArcEagerState(int n);

  int words() const { return n_; }
  bool Terminal() const { return buffer_ == n_ && stack_.empty(); }
  bool Legal(Move m) const;
  void Apply(Move m);

  // Positions for features; -1 when there is none.
  int Stack(int k) const { return k < static_cast<int>(stack_.size()) ? stack_[stack_.size() - 1 - k] : -1; }
  int Buffer(int k) const { return buffer_ + k <= n_ ? buffer_ + k : -1; }  // n is the root
  int Head(int i) const { return i >= 0 && i < n_ ? head_[i] : -1; }
  int Leftmost(int i) const { return i >= 0 && i < n_ ? left1_[i] : -1; }
  int Leftmost2(int i) const { return i >= 0 && i < n_ ? left2_[i] : -1; }
  int Rightmost(int i) const { return i >= 0 && i < n_ ? right1_[i] : -1; }
  int Rightmost2(int i) const { return i >= 0 && i < n_ ? right2_[i] : -1; }
  int LeftCount(int i) const { return i >= 0 && i < n_ ? nleft_[i] : 0; }
  int RightCount(int i) const { return i >= 0 && i < n_ ? nright_[i] : 0; }
  bool InStack(int i) const { return in_stack_[i] != 0; }

  // The heads found: n (the root) or a word, -1 for none yet.
  const std::vector<int>& heads() const { return head_; }

  // The cost of each move against gold heads (gold[i] == n for the root's child),
  // or -1 for an illegal move. The gold tree must be projective.
  void Costs(const std::vector<int>& gold, int costs[kMoves]) const;

 private:
  void AddArc(int head, int dep);

  int n_;
  std::vector<int> stack_;
  int buffer_ = 0;
  std::vector<int> head_, left1_, left2_, right1_, right2_;
  std::vector<uint8_t> nleft_, nright_, in_stack_;
};

// Makes a tree projective by lifting each crossing arc's dependent to its head's
// head until no arc crosses (the lifting of Nivre & Nilsson 2005, without encoding
// the lifts in labels). Heads use -1 for the root. Returns the number of lifts.
int Projectivize(std::vector<int>* heads);

}  // namespace faultline::syntax
