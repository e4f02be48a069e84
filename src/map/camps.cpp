#include "map/camps.h"

#include <igraph.h>

#include <algorithm>
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

// Multilevel membership over the congruence graph; false when igraph failed.
bool Multilevel(const Networks& net, std::vector<int>* membership, double* modularity,
                bool* has_modularity) {
  const size_t n = net.actors.size();
  membership->assign(n, -1);
  std::vector<igraph_integer_t> edge_list;
  std::vector<double> weight_list;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j)
      if (net.congruence_at(i, j) > 0) {
        edge_list.push_back(static_cast<igraph_integer_t>(i));
        edge_list.push_back(static_cast<igraph_integer_t>(j));
        weight_list.push_back(net.congruence_at(i, j));
      }
  *has_modularity = !weight_list.empty();
  if (weight_list.empty()) {
    for (size_t i = 0; i < n; ++i) (*membership)[i] = static_cast<int>(i);
    return true;
  }
  IgraphErrorScope scope;
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
  if (ok) {
    for (size_t i = 0; i < n; ++i) (*membership)[i] = static_cast<int>(VECTOR(memb)[i]);
    igraph_real_t q = 0;
    ok = igraph_modularity(&graph, &memb, &weights, 1.0, IGRAPH_UNDIRECTED, &q) == IGRAPH_SUCCESS;
    *modularity = q;
  }
  igraph_vector_destroy(&mods);
  igraph_vector_int_destroy(&memb);
  igraph_destroy(&graph);
  return ok;
}

}  // namespace

Camps FindCamps(const Networks& net, const std::vector<Cell>& cells,
                const std::vector<std::string>& issue_order) {
  Camps camps;
  camps.algorithm = "multilevel modularity optimisation (Louvain), igraph " + std::string(IGRAPH_VERSION);
  const size_t n = net.actors.size();
  if (n == 0) return camps;
  std::vector<int> membership;
  if (!Multilevel(net, &membership, &camps.modularity, &camps.has_modularity)) {
    // igraph failed (out of memory): every actor its own camp, and say so.
    camps.algorithm += " (igraph failed; no camps)";
    camps.has_modularity = false;
    for (size_t i = 0; i < n; ++i) membership[i] = static_cast<int>(i);
  }
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
