#include "syntax/brown_clusters.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace faultline::syntax {

void WordSequences::AddSentence(const std::vector<std::string>& words) {
  for (const auto& w : words) {
    auto [it, added] = ids_.emplace(w, static_cast<uint32_t>(names_.size()));
    if (added) {
      names_.push_back(w);
      counts_.push_back(0);
    }
    ++counts_[it->second];
    stream_.push_back(it->second);
    ++tokens_;
  }
  stream_.push_back(kBoundary);
}

namespace {

constexpr uint32_t kBoundary = WordSequences::kBoundary;

// The clustering's view of the corpus: the vocabulary in order of entry and, per
// word, its bigram counts with other vocabulary words to the right and to the left.
struct BrownInput {
  std::vector<uint32_t> vocab;       // corpus ids, most frequent first
  std::vector<int> index_of;         // corpus id -> vocabulary index, -1 if rare
  std::vector<std::vector<std::pair<int, uint64_t>>> right, left;  // neighbour index, count
  std::vector<double> left_total, right_total;  // marginals over the kept bigrams
  double total = 0;

  BrownInput(const WordSequences& c, int min_count) {
    const auto& counts = c.counts();
    const auto& names = c.names();
    for (uint32_t id = 0; id < names.size(); ++id)
      if (counts[id] >= static_cast<uint64_t>(min_count)) vocab.push_back(id);
    std::sort(vocab.begin(), vocab.end(), [&](uint32_t a, uint32_t b) {
      return counts[a] != counts[b] ? counts[a] > counts[b] : names[a] < names[b];
    });
    index_of.assign(names.size(), -1);
    for (size_t i = 0; i < vocab.size(); ++i) index_of[vocab[i]] = static_cast<int>(i);
    std::vector<uint64_t> pairs;  // left index << 32 | right index
    const auto& stream = c.stream();
    for (size_t i = 0; i + 1 < stream.size(); ++i) {
      const uint32_t a = stream[i], b = stream[i + 1];
      if (a == kBoundary || b == kBoundary || index_of[a] < 0 || index_of[b] < 0) continue;
      pairs.push_back(static_cast<uint64_t>(index_of[a]) << 32 | static_cast<uint32_t>(index_of[b]));
    }
    std::sort(pairs.begin(), pairs.end());
    right.resize(vocab.size());
    left.resize(vocab.size());
    left_total.assign(vocab.size(), 0);
    right_total.assign(vocab.size(), 0);
    for (size_t i = 0; i < pairs.size();) {
      size_t j = i;
      while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
      const int a = static_cast<int>(pairs[i] >> 32), b = static_cast<int>(pairs[i] & 0xffffffffu);
      const uint64_t n = j - i;
      right[a].emplace_back(b, n);
      left[b].emplace_back(a, n);
      left_total[a] += n;   // a as the left word of a bigram
      right_total[b] += n;  // b as the right word
      total += n;
      i = j;
    }
  }
};

// The clustering state: up to C+1 active clusters in slots, their bigram counts, the
// cached mutual-information terms q and the merge losses L.
class Clusterer {
 public:
  Clusterer(const BrownInput& in, int classes)
      : in_(in), slots_(classes + 1), cnt_(slots_ * slots_, 0), q_(slots_ * slots_, 0),
        loss_(slots_ * slots_, 0), nl_(slots_, 0), nr_(slots_, 0), lnl_(slots_, 0), lnr_(slots_, 0),
        node_(slots_, -1),
        slot_of_word_(in.vocab.size(), -1), members_(slots_) {
    log_total_ = std::log(in.total);
    inv_total_ = 1.0 / in.total;
  }

  // Adds every word, merging whenever more than C clusters are active, then merges
  // the rest into one tree. Returns each word's bit string.
  std::vector<std::string> Run(const std::function<void(const std::string&)>& log) {
    const size_t words = in_.vocab.size();
    for (size_t w = 0; w < words; ++w) {
      AddWord(static_cast<int>(w));
      if (Active() > slots_ - 1) MergeBest();
      if (log && (w + 1) % 5000 == 0) log("clustered " + std::to_string(w + 1) + " of " + std::to_string(words) + " words");
    }
    // The C clusters are the leaves of the hierarchy: every word of a cluster gets
    // its bit string, as in Liang's wcluster. Merging them down to one builds it.
    children_.clear();
    for (int slot : active_) {
      node_[slot] = -static_cast<int>(leaves_.size()) - 1;
      leaves_.push_back(members_[slot]);
    }
    while (Active() > 1) MergeBest();
    return Paths();
  }

 private:
  double& Cnt(int a, int b) { return cnt_[a * slots_ + b]; }
  double& Q(int a, int b) { return q_[a * slots_ + b]; }
  double& Loss(int a, int b) { return loss_[std::min(a, b) * slots_ + std::max(a, b)]; }
  int Active() const { return static_cast<int>(active_.size()); }

  // The mutual-information term of n bigrams between classes whose marginals have
  // logarithms ll and lr.
  double Term(double n, double ll, double lr) const {
    return n > 0 ? n * inv_total_ * (std::log(n) + log_total_ - ll - lr) : 0.0;
  }
  double QOf(int a, int b) { return Term(Cnt(a, b), lnl_[a], lnr_[b]); }

  // What merging c and d changes in the terms with a third cluster x; lcd and rcd
  // are the logarithms of the merged marginals.
  double ThirdParty(int c, int d, int x, double lcd, double rcd) {
    return Q(c, x) + Q(x, c) + Q(d, x) + Q(x, d) - Term(Cnt(c, x) + Cnt(d, x), lcd, lnr_[x]) -
           Term(Cnt(x, c) + Cnt(x, d), lnl_[x], rcd);
  }
  // The whole loss of merging c and d.
  double FullLoss(int c, int d) {
    const double lcd = std::log(nl_[c] + nl_[d]), rcd = std::log(nr_[c] + nr_[d]);
    double l = Q(c, c) + Q(c, d) + Q(d, c) + Q(d, d) - Term(Cnt(c, c) + Cnt(c, d) + Cnt(d, c) + Cnt(d, d), lcd, rcd);
    for (int x : active_)
      if (x != c && x != d) l += ThirdParty(c, d, x, lcd, rcd);
    return l;
  }

  void AddWord(int w) {
    const int k = free_.empty() ? static_cast<int>(active_.size()) : free_.back();
    if (!free_.empty()) free_.pop_back();
    slot_of_word_[w] = k;
    members_[k] = {w};
    nl_[k] = in_.left_total[w];
    nr_[k] = in_.right_total[w];
    lnl_[k] = std::log(std::max(nl_[k], 1e-9));
    lnr_[k] = std::log(std::max(nr_[k], 1e-9));
    for (int x : active_) Cnt(k, x) = Cnt(x, k) = 0;
    Cnt(k, k) = 0;
    for (const auto& [x, n] : in_.right[w])
      if (slot_of_word_[x] >= 0) Cnt(k, slot_of_word_[x]) += n;
    for (const auto& [x, n] : in_.left[w])
      if (x != w && slot_of_word_[x] >= 0) Cnt(slot_of_word_[x], k) += n;
    Q(k, k) = QOf(k, k);
    for (int x : active_) {
      Q(k, x) = QOf(k, x);
      Q(x, k) = QOf(x, k);
    }
    // Every existing pair's loss gains the terms with the new cluster.
    for (size_t i = 0; i < active_.size(); ++i)
      for (size_t j = i + 1; j < active_.size(); ++j) {
        const int c = active_[i], d = active_[j];
        Loss(c, d) += ThirdParty(c, d, k, std::log(nl_[c] + nl_[d]), std::log(nr_[c] + nr_[d]));
      }
    active_.push_back(k);
    for (int x : active_)
      if (x != k) Loss(k, x) = FullLoss(k, x);
  }

  void MergeBest() {
    int best_a = -1, best_b = -1;
    double best = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < active_.size(); ++i)
      for (size_t j = i + 1; j < active_.size(); ++j) {
        const double l = Loss(active_[i], active_[j]);
        if (l < best) {
          best = l;
          best_a = active_[i];
          best_b = active_[j];
        }
      }
    Merge(best_a, best_b);
  }

  // Merges b into a; the losses of other pairs are updated in O(1) each.
  void Merge(int a, int b) {
    std::vector<int> others;
    for (int x : active_)
      if (x != a && x != b) others.push_back(x);
    // The merged cluster's counts and terms, computed before the tables change.
    std::vector<double> out(slots_, 0), in(slots_, 0), q_out(slots_, 0), q_in(slots_, 0);
    const double nl = nl_[a] + nl_[b], nr = nr_[a] + nr_[b];
    const double lnl = std::log(nl), lnr = std::log(nr);
    for (int x : others) {
      out[x] = Cnt(a, x) + Cnt(b, x);
      in[x] = Cnt(x, a) + Cnt(x, b);
      q_out[x] = Term(out[x], lnl, lnr_[x]);
      q_in[x] = Term(in[x], lnl_[x], lnr);
    }
    for (size_t i = 0; i < others.size(); ++i)
      for (size_t j = i + 1; j < others.size(); ++j) {
        const int c = others[i], d = others[j];
        const double lcd = std::log(nl_[c] + nl_[d]), rcd = std::log(nr_[c] + nr_[d]);
        const double with_u = q_in[c] + q_out[c] + q_in[d] + q_out[d] - Term(in[c] + in[d], lcd, lnr) -
                              Term(out[c] + out[d], lnl, rcd);
        Loss(c, d) += with_u - ThirdParty(c, d, a, lcd, rcd) - ThirdParty(c, d, b, lcd, rcd);
      }
    // The merged cluster takes slot a.
    const double self = Cnt(a, a) + Cnt(a, b) + Cnt(b, a) + Cnt(b, b);
    for (int x : others) {
      Cnt(a, x) = out[x];
      Cnt(x, a) = in[x];
      Q(a, x) = q_out[x];
      Q(x, a) = q_in[x];
    }
    Cnt(a, a) = self;
    nl_[a] = nl;
    nr_[a] = nr;
    lnl_[a] = lnl;
    lnr_[a] = lnr;
    Q(a, a) = QOf(a, a);
    for (int w : members_[b]) slot_of_word_[w] = a;
    members_[a].insert(members_[a].end(), members_[b].begin(), members_[b].end());
    members_[b].clear();
    children_.push_back({node_[a], node_[b]});
    node_[a] = static_cast<int>(children_.size()) - 1;
    node_[b] = -1;
    active_.erase(std::find(active_.begin(), active_.end(), b));
    free_.push_back(b);
    for (int x : active_)
      if (x != a) Loss(a, x) = FullLoss(a, x);
  }

  // Bit strings: the path from the root, 0 for the first child, 1 for the second.
  std::vector<std::string> Paths() const {
    std::vector<std::string> bits(in_.vocab.size());
    if (active_.empty()) return bits;
    std::vector<std::pair<int, std::string>> stack = {{node_[active_[0]], ""}};
    while (!stack.empty()) {
      auto [node, path] = std::move(stack.back());
      stack.pop_back();
      if (node < 0) {  // a leaf cluster
        for (int w : leaves_[-node - 1]) bits[w] = path.empty() ? "0" : path;
        continue;
      }
      stack.emplace_back(children_[node].second, path + "1");
      stack.emplace_back(children_[node].first, path + "0");
    }
    return bits;
  }

  const BrownInput& in_;
  int slots_;
  std::vector<double> cnt_, q_, loss_, nl_, nr_, lnl_, lnr_;
  std::vector<int> node_;          // slot -> tree node once the hierarchy is built (-1 - leaf index for a leaf)
  std::vector<int> slot_of_word_;  // vocabulary index -> slot, -1 before it enters
  std::vector<std::vector<int>> members_;
  std::vector<int> active_, free_;
  std::vector<std::pair<int, int>> children_;  // tree node -> its two children
  std::vector<std::vector<int>> leaves_;       // leaf cluster -> its words
  double log_total_ = 0, inv_total_ = 0;
};

}  // namespace

WordClassTable BrownCluster(const WordSequences& corpus, const BrownOptions& options) {
  BrownInput in(corpus, options.min_count);
  if (options.log)
    options.log(std::to_string(in.vocab.size()) + " words seen at least " + std::to_string(options.min_count) +
                " times, " + std::to_string(static_cast<uint64_t>(in.total)) + " bigrams among them");
  WordClassTable table;
  if (in.vocab.empty() || in.total == 0) return table;
  Clusterer clusterer(in, std::max(2, options.classes));
  const std::vector<std::string> bits = clusterer.Run(options.log);
  for (size_t i = 0; i < in.vocab.size(); ++i) {
    table.words.push_back(corpus.names()[in.vocab[i]]);
    table.bits.push_back(bits[i]);
    table.counts.push_back(corpus.counts()[in.vocab[i]]);
  }
  return table;
}

}  // namespace faultline::syntax
