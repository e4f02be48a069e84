#include "map/camps.h"

#include <igraph.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <unordered_map>

namespace faultline::map {
namespace {

// Debian builds igraph without thread-local state (IGRAPH_THREAD_SAFE 0): its error
// handler, its "finally" stack of cleanups and its default RNG are shared by the whole
// process. `serve` builds maps for concurrent requests, and two igraph calls at once
// corrupt that stack ("Corrupt finally stack") and abort. So every use of igraph holds
// this lock; camp detection is a small part of a map, so serialising it costs little.
std::mutex& IgraphLock() {
  static std::mutex lock;
  return lock;
}

// Exclusive use of igraph; within it errors return codes instead of aborting.
class IgraphErrorScope {
 public:
  IgraphErrorScope()
      : hold_(IgraphLock()), previous_(igraph_set_error_handler(igraph_error_handler_ignore)) {}
  ~IgraphErrorScope() { igraph_set_error_handler(previous_); }
 private:
  std::lock_guard<std::mutex> hold_;
  igraph_error_handler_t* previous_;
};

// The signed tie of two actors: how much they agree minus how much they disagree.
double NetTie(const Networks& net, size_t i, size_t j) { return net.congruence_at(i, j) - net.conflict_at(i, j); }

// Multilevel membership over the graph of positive net ties; false when igraph failed.
bool Multilevel(const Networks& net, std::vector<int>* membership, bool* has_modularity) {
  const size_t n = net.actors.size();
  membership->assign(n, -1);
  std::vector<igraph_integer_t> edge_list;
  std::vector<double> weight_list;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j)
      if (NetTie(net, i, j) > 0) {
        edge_list.push_back(static_cast<igraph_integer_t>(i));
        edge_list.push_back(static_cast<igraph_integer_t>(j));
        weight_list.push_back(NetTie(net, i, j));
      }
  *has_modularity = !weight_list.empty();
  if (weight_list.empty()) {
    for (size_t i = 0; i < n; ++i) (*membership)[i] = static_cast<int>(i);
    return true;
  }
  IgraphErrorScope scope;  // holds the igraph lock
  igraph_rng_seed(igraph_rng_default(), 20220328);  // reproducible camps run to run
  igraph_vector_int_t edges;
  igraph_vector_int_view(&edges, edge_list.data(), static_cast<igraph_integer_t>(edge_list.size()));
  igraph_vector_t weights;
  igraph_vector_view(&weights, weight_list.data(), static_cast<igraph_integer_t>(weight_list.size()));
  igraph_t graph;
  if (igraph_create(&graph, &edges, static_cast<igraph_integer_t>(n), IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS)
    return false;
  igraph_vector_int_t memb;
  igraph_vector_t mods;
  igraph_vector_int_init(&memb, 0);
  igraph_vector_init(&mods, 0);
  bool ok = igraph_community_multilevel(&graph, &weights, 1.0, &memb, nullptr, &mods) ==
            IGRAPH_SUCCESS;
  if (ok)
    for (size_t i = 0; i < n; ++i) (*membership)[i] = static_cast<int>(VECTOR(memb)[i]);
  igraph_vector_destroy(&mods);
  igraph_vector_int_destroy(&memb);
  igraph_destroy(&graph);
  return ok;
}

// Louvain joins actors through chains of agreement, so an actor can land in a camp whose
// members it mostly contradicts (Russia beside Poland because both spoke against one
// measure). Each such actor moves to the camp it agrees with most on balance, or to a camp
// of its own, until none is left; actors are visited in order, so the result is
// deterministic.
// The signed network of the camps: each pair's agreement minus disagreement, split into a
// positive part (w+) and a negative part (w-), with each actor's positive and negative
// strength. Signed modularity (Gomez, Jensen and Arenas 2009) rewards agreement within
// camps beyond what the actors' overall agreeableness predicts, and penalises
// disagreement within camps beyond what their overall combativeness predicts.
struct SignedGraph {
  size_t n = 0;
  std::vector<double> pos, neg;           // n x n
  std::vector<double> pos_deg, neg_deg;   // strengths
  double pos_total = 0, neg_total = 0;    // 2w+, 2w-
  double at(size_t i, size_t j) const { return pos[i * n + j] - neg[i * n + j]; }
};

SignedGraph Signed(const Networks& net) {
  SignedGraph g;
  g.n = net.actors.size();
  g.pos.assign(g.n * g.n, 0);
  g.neg.assign(g.n * g.n, 0);
  g.pos_deg.assign(g.n, 0);
  g.neg_deg.assign(g.n, 0);
  for (size_t i = 0; i < g.n; ++i)
    for (size_t j = 0; j < g.n; ++j) {
      if (i == j) continue;
      const double w = NetTie(net, i, j);
      (w > 0 ? g.pos : g.neg)[i * g.n + j] = std::abs(w);
      (w > 0 ? g.pos_deg : g.neg_deg)[i] += std::abs(w);
      (w > 0 ? g.pos_total : g.neg_total) += std::abs(w);
    }
  return g;
}

// Gomez et al.'s signed modularity of `membership`, in -1..1.
double SignedModularity(const SignedGraph& g, const std::vector<int>& membership) {
  if (g.pos_total + g.neg_total == 0) return 0;
  double q = 0;
  for (size_t i = 0; i < g.n; ++i)
    for (size_t j = 0; j < g.n; ++j) {
      if (membership[i] != membership[j]) continue;
      q += g.at(i, j);
      if (g.pos_total > 0) q -= g.pos_deg[i] * g.pos_deg[j] / g.pos_total;
      if (g.neg_total > 0) q += g.neg_deg[i] * g.neg_deg[j] / g.neg_total;
    }
  return q / (g.pos_total + g.neg_total);
}

// True when i disagrees with some member of camp c more than it agrees with them.
bool Opposes(const SignedGraph& g, const std::vector<int>& m, size_t i, int c) {
  for (size_t j = 0; j < g.n; ++j)
    if (j != i && m[j] == c && g.at(i, j) < -1e-12) return true;
  return false;
}

// Louvain joins actors through chains of agreement and never sees disagreement, so a camp
// can hold adversaries (Russia beside Poland because both spoke against one measure).
// While a camp holds a pair that disagrees more than it agrees, its member with the
// weakest ties to the camp (of those in such a pair) leaves for a camp of its own. Each
// step removes at least one such pair, so it ends.
void BreakUpAdversaries(const SignedGraph& g, std::vector<int>* membership, int* next_camp) {
  std::vector<int>& m = *membership;
  for (bool moved = true; moved;) {
    moved = false;
    size_t worst = g.n;
    double worst_pull = 0;
    for (size_t i = 0; i < g.n; ++i) {
      if (!Opposes(g, m, i, m[i])) continue;
      double pull = 0;
      for (size_t j = 0; j < g.n; ++j)
        if (j != i && m[j] == m[i]) pull += g.at(i, j);
      if (worst == g.n || pull < worst_pull) { worst = i; worst_pull = pull; }
    }
    if (worst < g.n) {
      m[worst] = (*next_camp)++;
      moved = true;
    }
  }
}

// Then every actor in turn moves to the camp where the signed modularity rises most, or
// to a camp of its own, never into a camp with a member it opposes, until no move raises
// it. Each move raises it, so the loop ends; actors are visited in order, so it is
// deterministic.
void RefineSigned(const SignedGraph& g, std::vector<int>* membership, int* next_camp) {
  std::vector<int>& m = *membership;
  const size_t n = g.n;
  std::map<int, std::pair<double, double>> strength;  // camp -> its members' positive, negative strength
  for (size_t i = 0; i < n; ++i) {
    strength[m[i]].first += g.pos_deg[i];
    strength[m[i]].second += g.neg_deg[i];
  }
  for (bool moved = true; moved;) {
    moved = false;
    for (size_t i = 0; i < n; ++i) {
      std::map<int, double> tie;  // camp -> net ties of i to its members
      for (size_t j = 0; j < n; ++j)
        if (j != i) tie[m[j]] += g.at(i, j);
      // The gain in modularity of i joining camp c (i itself left out of it), up to a
      // constant factor.
      auto gain = [&](int c) {
        double kp = strength[c].first, kn = strength[c].second;
        if (c == m[i]) { kp -= g.pos_deg[i]; kn -= g.neg_deg[i]; }
        double v = tie.count(c) ? tie[c] : 0;
        if (g.pos_total > 0) v -= g.pos_deg[i] * kp / g.pos_total;
        if (g.neg_total > 0) v += g.neg_deg[i] * kn / g.neg_total;
        return v;
      };
      int best = m[i];
      double best_gain = gain(m[i]);
      for (const auto& [c, w] : tie)
        if (c != m[i] && gain(c) > best_gain + 1e-12 && !Opposes(g, m, i, c)) { best = c; best_gain = gain(c); }
      if (best_gain < -1e-12) { best = (*next_camp)++; best_gain = 0; }  // alone is better
      if (best == m[i]) continue;
      strength[m[i]].first -= g.pos_deg[i];
      strength[m[i]].second -= g.neg_deg[i];
      strength[best].first += g.pos_deg[i];
      strength[best].second += g.neg_deg[i];
      m[i] = best;
      moved = true;
    }
  }
}

}  // namespace

Camps FindCamps(const Networks& net, const std::vector<Cell>& cells,
                const std::vector<std::string>& issue_order) {
  Camps camps;
  camps.algorithm = "Louvain (igraph " + std::string(IGRAPH_VERSION) +
                    ") on agreement minus disagreement; no camp holds a pair that disagrees more than it agrees";
  const size_t n = net.actors.size();
  if (n == 0) return camps;
  std::vector<int> membership;
  if (!Multilevel(net, &membership, &camps.has_modularity)) {
    // igraph failed (out of memory): every actor its own camp, and say so.
    camps.algorithm += " (igraph failed; no camps)";
    camps.has_modularity = false;
    membership.resize(n);
    for (size_t i = 0; i < n; ++i) membership[i] = static_cast<int>(i);
  }
  const SignedGraph signed_graph = Signed(net);
  int next_camp = *std::max_element(membership.begin(), membership.end()) + 1;
  BreakUpAdversaries(signed_graph, &membership, &next_camp);
  RefineSigned(signed_graph, &membership, &next_camp);
  if (camps.has_modularity) camps.modularity = SignedModularity(signed_graph, membership);
  std::map<int, Camp> by_id;
  for (size_t i = 0; i < n; ++i) by_id[membership[i]].actors.push_back(net.actors[i]);

  std::unordered_map<std::string, std::vector<const Cell*>> cells_of_actor;
  for (const Cell& c : cells) cells_of_actor[c.actor].push_back(&c);
  for (auto& [id, camp] : by_id) {
    std::sort(camp.actors.begin(), camp.actors.end());
    for (const std::string& issue : issue_order) {
      double sum = 0;
      int k = 0;
      for (const std::string& a : camp.actors)
        for (const Cell* c : cells_of_actor[a])
          if (c->issue == issue) { sum += c->stance; ++k; }
      if (k > 0) camp.profile.emplace_back(issue, sum / k);
    }
    camps.camps.push_back(std::move(camp));
  }
  std::stable_sort(camps.camps.begin(), camps.camps.end(), [](const Camp& a, const Camp& b) {
    if (a.actors.size() != b.actors.size()) return a.actors.size() > b.actors.size();
    return a.actors < b.actors;
  });
  return camps;
}

}  // namespace faultline::map
