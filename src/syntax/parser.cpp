#include "syntax/parser.h"

#include <algorithm>
#include <numeric>

#include "syntax/feature_hash.h"
#include "syntax/random.h"

namespace faultline::syntax {

namespace {

constexpr uint64_t kRoot = 0x524f4f54ULL;

int DistanceBucket(int d) {
  if (d <= 4) return d;
  if (d <= 6) return 5;
  if (d <= 10) return 6;
  return 7;
}

}  // namespace

ParserWords::ParserWords(const std::vector<WordInfo>& words, const std::vector<int>& tags)
    : n(static_cast<int>(words.size())) {
  word.resize(n + 2);
  tag.resize(n + 2);
  cluster.resize(n + 2);
  cluster_full.resize(n + 2);
  for (int i = 0; i < n; ++i) {
    word[i] = words[i].lower;
    tag[i] = static_cast<uint64_t>(tags[i]) + 1;
    cluster[i] = words[i].cluster[1] ? words[i].cluster[1] : words[i].shape;
    cluster_full[i] = words[i].cluster[3] ? words[i].cluster[3] : words[i].lower;
  }
  for (auto* v : {&word, &tag, &cluster, &cluster_full}) {
    (*v)[n] = kRoot;
    (*v)[n + 1] = kNoneFeature;
  }
}

int ParserFeatures(const ArcEagerState& st, const ParserWords& w, uint64_t* out) {
  const int s0 = w.At(st.Stack(0)), s1 = w.At(st.Stack(1));
  const int n0 = w.At(st.Buffer(0)), n1 = w.At(st.Buffer(1)), n2 = w.At(st.Buffer(2));
  const int s0_raw = st.Stack(0);
  const int s0h = w.At(st.Head(s0_raw));  // the root's sentinel when attached to it
  const int s0h2 = w.At(s0h < w.n ? st.Head(s0h) : -1);
  const int s0l = w.At(st.Leftmost(s0_raw)), s0l2 = w.At(st.Leftmost2(s0_raw));
  const int s0r = w.At(st.Rightmost(s0_raw)), s0r2 = w.At(st.Rightmost2(s0_raw));
  const int n0_raw = st.Buffer(0) < w.n ? st.Buffer(0) : -1;
  const int n0l = w.At(st.Leftmost(n0_raw)), n0l2 = w.At(st.Leftmost2(n0_raw));
  const auto& W = w.word;
  const auto& P = w.tag;
  const auto& C = w.cluster;
  const auto& CF = w.cluster_full;
  const uint64_t dist = s0_raw >= 0 && n0_raw >= 0 ? DistanceBucket(n0_raw - s0_raw) : 99;
  const uint64_t s0vl = st.LeftCount(s0_raw), s0vr = st.RightCount(s0_raw), n0vl = st.LeftCount(n0_raw);
  const uint64_t s0_has_head = s0_raw >= 0 && st.Head(s0_raw) >= 0;
  int k = 0;
  uint32_t t = 0;
  // Inlined, so that the ninety hash chains overlap instead of queuing behind calls.
  auto f = [&](uint64_t a, uint64_t b = 0, uint64_t c = 0) __attribute__((always_inline)) {
    out[k++] = FeatureKey(++t, a, b, c);
  };
  // single words
  f(W[s0], P[s0]); f(W[s0]); f(P[s0]);
  f(W[n0], P[n0]); f(W[n0]); f(P[n0]);
  f(W[n1], P[n1]); f(W[n1]); f(P[n1]);
  f(W[n2], P[n2]); f(W[n2]); f(P[n2]);
  // pairs
  f(W[s0] ^ P[s0] * 31, W[n0], P[n0]); f(W[s0], P[s0], W[n0]); f(W[s0], W[n0], P[n0]);
  f(W[s0], P[s0], P[n0]); f(P[s0], W[n0], P[n0]); f(W[s0], W[n0]); f(P[s0], P[n0]); f(P[n0], P[n1]);
  // triples
  f(P[n0], P[n1], P[n2]); f(P[s0], P[n0], P[n1]); f(P[s0h], P[s0], P[n0]);
  f(P[s0], P[s0l], P[n0]); f(P[s0], P[s0r], P[n0]); f(P[s0], P[n0], P[n0l]);
  // distance
  f(W[s0], dist); f(P[s0], dist); f(W[n0], dist); f(P[n0], dist); f(W[s0], W[n0], dist); f(P[s0], P[n0], dist);
  // valency
  f(W[s0], s0vr); f(P[s0], s0vr); f(W[s0], s0vl); f(P[s0], s0vl); f(W[n0], n0vl); f(P[n0], n0vl);
  // heads and outermost children
  f(W[s0h]); f(P[s0h]); f(W[s0l]); f(P[s0l]); f(W[s0r]); f(P[s0r]); f(W[n0l]); f(P[n0l]);
  f(W[s0h2]); f(P[s0h2]); f(W[s0l2]); f(P[s0l2]); f(W[s0r2]); f(P[s0r2]); f(W[n0l2]); f(P[n0l2]);
  f(P[s0], P[s0l], P[s0l2]); f(P[s0], P[s0r], P[s0r2]); f(P[s0], P[s0h], P[s0h2]); f(P[n0], P[n0l], P[n0l2]);
  // whether the stack top is attached yet, and the second stack word
  f(P[s0], s0_has_head); f(P[s0], s0_has_head, P[n0]); f(P[s1]); f(W[s1]); f(P[s1], P[s0], P[n0]);
  f(P[s1], P[n0]);
  // word classes (Koo, Carreras & Collins 2008)
  f(C[s0]); f(C[n0]); f(C[n1]); f(C[s0], C[n0]); f(C[s0], P[n0]); f(P[s0], C[n0]);
  f(CF[s0], P[n0]); f(P[s0], CF[n0]); f(C[n0], C[n1]); f(C[s0], P[s0], P[n0]); f(CF[s0], CF[n0]);
  f(C[s0h], P[s0], P[n0]); f(C[s0], dist, P[n0]);
  // Attachment of a phrase to the stack top or to its head: in UD the buffer front of a
  // prepositional phrase is its noun, whose leftmost child is the preposition, so these
  // are the (verb | noun, preposition, noun) statistics of PP attachment, in words and
  // word classes ("sent ... to Ukraine" against "weapons to Ukraine").
  f(W[s0], W[n0l], W[n0]); f(W[s0h], W[n0l], W[n0]); f(W[s0], W[n0l], P[n0]); f(W[s0h], W[n0l], P[n0]);
  f(C[s0], W[n0l], C[n0]); f(C[s0h], W[n0l], C[n0]); f(P[s0], W[n0l], P[n0]); f(P[s0h], W[n0l], P[n0]);
  f(W[s0], W[s0h], P[n0]); f(W[s0], W[s0r], P[n0]); f(W[n0], W[n0l]);
  f(W[s1], W[s0], P[n0]); f(P[s1], P[s0]); f(W[s1], P[s0], P[n0]);
  return k;
}

void SingleRoot(std::vector<int>* heads, int n) {
  int root = -1;
  for (int i = 0; i < n; ++i)
    if ((*heads)[i] == n || (*heads)[i] < 0) {
      if (root < 0 && (*heads)[i] == n) root = i;
    }
  if (root < 0)
    for (int i = 0; i < n && root < 0; ++i)
      if ((*heads)[i] < 0) root = i;
  for (int i = 0; i < n; ++i) {
    if (i == root) (*heads)[i] = -1;
    else if ((*heads)[i] == n || (*heads)[i] < 0) (*heads)[i] = root;
  }
}

void Parser::Parse(const std::vector<WordInfo>& words, const std::vector<int>& tags, std::vector<int>* heads) const {
  const int n = static_cast<int>(words.size());
  ParserWords w(words, tags);
  ArcEagerState st(n);
  uint64_t feats[kMaxParserFeatures];
  while (!st.Terminal()) {
    const int nf = ParserFeatures(st, w, feats);
    float scores[kMoves] = {0, 0, 0, 0};
    model_.Score(feats, nf, scores);
    int best = -1;
    for (int m = 0; m < kMoves; ++m)
      if (st.Legal(static_cast<Move>(m)) && (best < 0 || scores[m] > scores[best])) best = m;
    st.Apply(static_cast<Move>(best));
  }
  *heads = st.heads();
  SingleRoot(heads, n);
}

void Parser::Train(const std::vector<ParserSentence>& train, const ParserOptions& options) {
  // Gold heads in the transition system's terms: projective, the root child headed by n.
  std::vector<std::vector<int>> gold(train.size());
  for (size_t i = 0; i < train.size(); ++i) {
    gold[i] = train[i].heads;
    Projectivize(&gold[i]);
    const int n = static_cast<int>(gold[i].size());
    for (int& h : gold[i])
      if (h < 0) h = n;
  }
  Perceptron p(kMoves);
  std::vector<size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  SplitMix64 rng(options.seed);
  uint64_t feats[kMaxParserFeatures];
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    Shuffle(&order, &rng);
    const bool explore = epoch >= options.explore_after;
    for (size_t idx : order) {
      const ParserSentence& s = train[idx];
      const int n = static_cast<int>(s.words.size());
      ParserWords w(s.words, s.tags);
      ArcEagerState st(n);
      while (!st.Terminal()) {
        const int nf = ParserFeatures(st, w, feats);
        float scores[kMoves] = {0, 0, 0, 0};
        p.Score(feats, nf, scores);
        int costs[kMoves];
        st.Costs(gold[idx], costs);
        int guess = -1, best_gold = -1;
        for (int m = 0; m < kMoves; ++m) {
          if (costs[m] < 0) continue;
          if (guess < 0 || scores[m] > scores[guess]) guess = m;
          if (costs[m] == 0 && (best_gold < 0 || scores[m] > scores[best_gold])) best_gold = m;
        }
        if (best_gold < 0) best_gold = guess;  // cannot happen on a projective tree; be safe
        if (costs[guess] > 0) p.Update(feats, nf, best_gold, guess);
        p.Tick();
        const bool follow = costs[guess] == 0 || (explore && rng.Uniform() < options.explore_rate);
        st.Apply(static_cast<Move>(follow ? guess : best_gold));
      }
    }
  }
  model_ = p.Average();
}

}  // namespace faultline::syntax
