#include "map/networks.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace faultline::map {

bool ParseNormalization(const std::string& name, Normalization* out) {
  if (name == "none" || name == "no") *out = Normalization::kNone;
  else if (name == "average") *out = Normalization::kAverage;
  else if (name == "jaccard") *out = Normalization::kJaccard;
  else if (name == "cosine") *out = Normalization::kCosine;
  else return false;
  return true;
}

const char* NormalizationName(Normalization n) {
  switch (n) {
    case Normalization::kNone: return "none";
    case Normalization::kAverage: return "average";
    case Normalization::kJaccard: return "jaccard";
    case Normalization::kCosine: return "cosine";
  }
  return "none";
}

bool ParseTieBasis(const std::string& name, TieBasis* out) {
  if (name == "net") *out = TieBasis::kNet;
  else if (name == "any") *out = TieBasis::kAny;
  else return false;
  return true;
}

const char* TieBasisName(TieBasis b) { return b == TieBasis::kNet ? "net" : "any"; }

Networks BuildNetworks(const std::vector<std::string>& actors, const std::vector<Cell>& cells,
                       Normalization normalization, TieBasis basis) {
  Networks net;
  net.basis = basis;
  net.actors = actors;
  net.normalization = normalization;
  const size_t n = actors.size();
  net.congruence.assign(n * n, 0.0);
  net.conflict.assign(n * n, 0.0);
  if (n == 0) return net;

  std::unordered_map<std::string, size_t> actor_index;
  for (size_t i = 0; i < n; ++i) actor_index.emplace(actors[i], i);

  // Per issue, the actors holding each stance (binary: DNA's duplicates across range).
  struct Holders { std::vector<size_t> pro, con; };
  std::unordered_map<std::string, Holders> by_issue;
  std::vector<double> activity(n, 0.0);  // sum of a over issues and stances
  for (const Cell& c : cells) {
    auto it = actor_index.find(c.actor);
    if (it == actor_index.end()) continue;
    Holders& h = by_issue[c.issue];
    bool pro = basis == TieBasis::kAny ? c.docs_for > 0 : c.stance > 0;
    bool con = basis == TieBasis::kAny ? c.docs_against > 0 : c.stance < 0;
    if (pro) { h.pro.push_back(it->second); activity[it->second] += 1; }
    if (con) { h.con.push_back(it->second); activity[it->second] += 1; }
  }
  // shared[i][j]: sum over issues and stances of a_i * a_j (the raw congruence, DNA's m11).
  for (const auto& [issue, h] : by_issue) {
    for (const auto* list : {&h.pro, &h.con})
      for (size_t x = 0; x < list->size(); ++x)
        for (size_t y = x + 1; y < list->size(); ++y) {
          size_t i = (*list)[x], j = (*list)[y];
          net.congruence[i * n + j] += 1;
          net.congruence[j * n + i] += 1;
        }
    for (size_t i : h.pro)
      for (size_t j : h.con) {
        if (i == j) continue;  // an actor on both sides is not in conflict with itself
        net.conflict[i * n + j] += 1;
        net.conflict[j * n + i] += 1;
      }
  }
  if (normalization == Normalization::kNone) return net;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j) {
      if (i == j) continue;
      double norm = 1.0;
      switch (normalization) {
        case Normalization::kNone: break;
        case Normalization::kAverage: norm = (activity[i] + activity[j]) / 2; break;
        case Normalization::kJaccard: {
          // DNA: m10 + m01 + m11, where m11 is the shared count (binary entries).
          double m11 = net.congruence[i * n + j];
          norm = (activity[i] - m11) + (activity[j] - m11) + m11;
          break;
        }
        case Normalization::kCosine: norm = activity[i] * activity[j]; break;  // DNA's term
      }
      net.congruence[i * n + j] = norm == 0 ? 0 : net.congruence[i * n + j] / norm;
      net.conflict[i * n + j] = norm == 0 ? 0 : net.conflict[i * n + j] / norm;
    }
  return net;
}

}  // namespace faultline::map
