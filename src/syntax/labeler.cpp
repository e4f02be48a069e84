#include "syntax/labeler.h"

#include <algorithm>
#include <numeric>
#include <span>

#include "syntax/feature_hash.h"
#include "syntax/random.h"

namespace faultline::syntax {

namespace {

constexpr uint64_t kRootValue = 0x524f4f54ULL;

uint64_t Bucket(int d) {
  d = std::abs(d);
  return d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : 6;
}

// Words in labelling order (top-down, siblings left to right) and each word's
// children, in flat arrays (a sentence is labelled with a handful of allocations).
struct TreeOrder {
  std::vector<int> first;  // h -> start of h's children in kids; first[n] = n
  std::vector<int> kids;   // children grouped by head, each group left to right
  std::vector<int> order;
  explicit TreeOrder(const std::vector<int>& heads) {
    const int n = static_cast<int>(heads.size());
    first.assign(n + 1, 0);
    for (int i = 0; i < n; ++i)
      if (heads[i] >= 0 && heads[i] < n) ++first[heads[i] + 1];
    for (int h = 0; h < n; ++h) first[h + 1] += first[h];
    kids.assign(first[n], 0);
    std::vector<int> fill(first.begin(), first.end() - 1);
    for (int i = 0; i < n; ++i)
      if (heads[i] >= 0 && heads[i] < n) kids[fill[heads[i]]++] = i;
    std::vector<uint8_t> seen(n, 0);
    for (int i = 0; i < n; ++i)
      if (heads[i] < 0 || heads[i] >= n) {
        order.push_back(i);
        seen[i] = 1;
      }
    for (size_t q = 0; q < order.size(); ++q)
      for (int c : Children(order[q]))
        if (!seen[c]) {
          seen[c] = 1;
          order.push_back(c);
        }
    for (int i = 0; i < n; ++i)  // a cycle in a damaged tree: label the rest anyway
      if (!seen[i]) order.push_back(i);
  }
  std::span<const int> Children(int h) const {
    return std::span<const int>(kids.data() + first[h], first[h + 1] - first[h]);
  }
};

// The function-word child of `d` of part of speech `upos`, or -1.
int FirstChildWith(const LabelerSentence& s, std::span<const int> kids, Upos upos) {
  for (int c : kids)
    if (s.upos[c] == upos) return c;
  return -1;
}

int LabelFeatures(const LabelerSentence& s, const TreeOrder& tree, int d, const std::vector<int>& labels,
                  std::vector<uint64_t>* out) {
  out->clear();
  const int n = static_cast<int>(s.words.size());
  const int h = s.heads[d];
  auto W = [&](int i) { return i < 0 ? kNoneFeature : i >= n ? kRootValue : s.words[i].lower; };
  auto P = [&](int i) { return i < 0 ? kNoneFeature : i >= n ? kRootValue : static_cast<uint64_t>(s.tags[i]) + 1; };
  auto C = [&](int i) { return i < 0 || i >= n ? kNoneFeature : s.words[i].cluster[1] ? s.words[i].cluster[1] : s.words[i].shape; };
  auto L = [&](int i) { return i < 0 || i >= n || labels[i] < 0 ? kNoneFeature : static_cast<uint64_t>(labels[i]) + 1; };
  const uint64_t dir = h < 0 ? 2 : h < d ? 1 : 0;
  const uint64_t dist = h < 0 ? 9 : Bucket(h - d);
  const int gh = h >= 0 ? s.heads[h] : -1;
  const std::span<const int> kids = tree.Children(d);
  const int case_child = FirstChildWith(s, kids, Upos::kAdp);
  const int mark_child = FirstChildWith(s, kids, Upos::kSconj);
  const int part_child = FirstChildWith(s, kids, Upos::kPart);
  const int det_child = FirstChildWith(s, kids, Upos::kDet);
  uint32_t t = 0;
  auto f = [&](uint64_t a, uint64_t b = 0, uint64_t c = 0) { out->push_back(FeatureKey(++t + 200, a, b, c)); };
  f(P(d)); f(W(d)); f(W(d), P(d)); f(P(h)); f(W(h)); f(W(h), P(h));
  f(P(d), P(h)); f(W(d), P(h)); f(P(d), W(h)); f(W(d), W(h));
  f(dir, dist); f(P(d), P(h), dir); f(P(d), P(h), dist); f(W(d), dir);
  f(L(h)); f(L(h), P(d), P(h)); f(P(gh), P(h), P(d)); f(L(h), W(d));
  f(W(case_child)); f(W(case_child), P(h)); f(W(case_child), P(d)); f(W(case_child), W(h));
  f(W(mark_child)); f(W(mark_child), P(h)); f(W(part_child), P(d)); f(W(det_child), P(d));
  f(kids.empty() ? kNoneFeature : P(kids.front()), P(d)); f(kids.empty() ? kNoneFeature : P(kids.back()), P(d));
  f(std::min<size_t>(kids.size(), 5), P(d));
  f(s.words[d].suffix[2], P(h)); f(C(d), P(h)); f(C(d), C(h)); f(P(d), C(h));
  f(P(d - 1 >= 0 ? d - 1 : -1), P(d)); f(P(d), P(d + 1 < n ? d + 1 : -1));
  // Siblings: their tags and, for those labelled already, relations.
  if (h >= 0) {
    int prev_sibling = -1;
    for (int c : tree.Children(h)) {
      if (c == d) continue;
      const uint64_t side = c < d ? 1 : 2;
      f(P(c), side, P(d));
      if (h < c && c < d) f(W(c), P(d), side);  // what lies between head and word
      if (c < d) prev_sibling = c;
      if (labels[c] >= 0) f(L(c), side, P(d));
    }
    f(L(prev_sibling), P(d), P(h));
    f(std::min<size_t>(tree.Children(h).size(), 6), P(h), dir);
    // punctuation or commas between the word and its head
    int commas = 0;
    for (int k = std::min(h, d) + 1; k < std::max(h, d); ++k) commas += s.upos[k] == Upos::kPunct;
    f(std::min(commas, 3), P(d), P(h));
  } else {
    f(kRootValue, P(d));
  }
  return static_cast<int>(out->size());
}

}  // namespace

int Labeler::IdOf(const std::string& name) const {
  for (size_t i = 0; i < relations_.size(); ++i)
    if (relations_[i] == name) return static_cast<int>(i);
  return -1;
}

void Labeler::Label(const LabelerSentence& s, std::vector<int>* labels) const {
  const int n = static_cast<int>(s.words.size());
  labels->assign(n, -1);
  TreeOrder tree(s.heads);
  std::vector<uint64_t> feats;
  feats.reserve(128);
  float scores[256];
  const int root = IdOf("root");
  for (int d : tree.order) {
    if (s.heads[d] < 0 && root >= 0) {
      (*labels)[d] = root;
      continue;
    }
    LabelFeatures(s, tree, d, *labels, &feats);
    std::fill(scores, scores + relations(), 0.0f);
    model_.Score(feats.data(), feats.size(), scores);
    int best = -1;
    for (int k = 0; k < relations(); ++k)
      if (k != root && (best < 0 || scores[k] > scores[best])) best = k;
    (*labels)[d] = best;
  }
}

void Labeler::Train(const std::vector<LabelerSentence>& train, const LabelerOptions& options) {
  Perceptron p(relations());
  std::vector<size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  SplitMix64 rng(options.seed);
  std::vector<uint64_t> feats;
  std::vector<float> scores(relations());
  const int root = IdOf("root");
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    Shuffle(&order, &rng);
    for (size_t idx : order) {
      const LabelerSentence& s = train[idx];
      TreeOrder tree(s.heads);
      std::vector<int> labels(s.words.size(), -1);
      for (int d : tree.order) {
        if (s.heads[d] < 0) {
          labels[d] = root;
          continue;
        }
        LabelFeatures(s, tree, d, labels, &feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        p.Score(feats.data(), feats.size(), scores.data());
        int guess = -1;
        for (int k = 0; k < relations(); ++k)
          if (k != root && (guess < 0 || scores[k] > scores[guess])) guess = k;
        p.Update(feats.data(), feats.size(), s.labels[d], guess);
        p.Tick();
        labels[d] = guess;
      }
    }
  }
  model_ = p.Average();
}

void Labeler::Write(ByteWriter* out) const {
  out->PutStrings(relations_);
  model_.Write(out);
}

bool Labeler::Read(ByteReader* in) {
  if (!in->GetStrings(&relations_) || relations_.empty() || relations_.size() > 255) return false;
  return model_.Read(in) && model_.classes() == relations();
}

}  // namespace faultline::syntax
