// Camps from signed ties: no camp holds two actors who disagree more than they agree, and
// within that the partition is a local optimum of the signed modularity; adversaries tied
// through a common ally are parted.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <vector>
#include <string>

#include "map/camps.h"

namespace faultline::map {
namespace {

Networks Make(size_t n) {
  Networks net;
  // Appended, not "A" + std::to_string(...): GCC 12 -Wrestrict false positive.
  for (size_t i = 0; i < n; ++i) net.actors.push_back(std::to_string(100 + i).insert(0, 1, 'A'));
  net.congruence.assign(n * n, 0);
  net.conflict.assign(n * n, 0);
  return net;
}

void Tie(Networks* net, size_t i, size_t j, double congruence, double conflict) {
  const size_t n = net->actors.size();
  net->congruence[i * n + j] = net->congruence[j * n + i] = congruence;
  net->conflict[i * n + j] = net->conflict[j * n + i] = conflict;
}

int CampOf(const Camps& c, const std::string& a) {
  for (size_t k = 0; k < c.camps.size(); ++k)
    for (const auto& x : c.camps[k].actors)
      if (x == a) return static_cast<int>(k);
  return -1;
}

TEST(Camps, AdversariesWithACommonAllyArePartedAndAlliesKept) {
  // A100, A101 agree strongly; A102 agrees a little with A101 but clashes with A100.
  Networks net = Make(5);
  Tie(&net, 0, 1, 3, 0);
  Tie(&net, 1, 2, 1, 0);
  Tie(&net, 0, 2, 0, 3);
  Tie(&net, 3, 4, 2, 0);
  Tie(&net, 2, 3, 0.5, 0);
  Camps c = FindCamps(net, {}, {});
  EXPECT_EQ(CampOf(c, "A100"), CampOf(c, "A101"));
  EXPECT_NE(CampOf(c, "A100"), CampOf(c, "A102"));
  EXPECT_EQ(CampOf(c, "A103"), CampOf(c, "A104"));
  EXPECT_TRUE(c.has_modularity);
  EXPECT_GT(c.modularity, 0.0);
}

// Signed modularity (Gomez, Jensen and Arenas 2009) of a partition, written out from the
// definition: the camps must be a local optimum of it.
double SignedQ(const Networks& net, const std::vector<int>& camp) {
  const size_t n = net.actors.size();
  std::vector<double> kp(n, 0), kn(n, 0);
  double wp = 0, wn = 0;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j) {
      if (i == j) continue;
      const double w = net.congruence_at(i, j) - net.conflict_at(i, j);
      if (w > 0) { kp[i] += w; wp += w; } else { kn[i] -= w; wn -= w; }
    }
  double q = 0;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j)
      if (camp[i] == camp[j])
        q += (i == j ? 0 : net.congruence_at(i, j) - net.conflict_at(i, j)) - (wp > 0 ? kp[i] * kp[j] / wp : 0) +
             (wn > 0 ? kn[i] * kn[j] / wn : 0);
  return q / (wp + wn);
}

TEST(Camps, NoAdversariesInACampAndNoMoveImprovesTheSignedModularity) {
  // A pseudo-random signed network (fixed seed) with two latent sides blurred by noise.
  const size_t n = 40;
  Networks net = Make(n);
  uint64_t x = 88172645463325252ull;
  auto next = [&] { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x; };
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      const uint64_t r = next();
      if (r % 3 == 0) continue;
      const bool same = (i % 2) == (j % 2);
      Tie(&net, i, j, static_cast<double>((r >> 8) % (same ? 4 : 2)), static_cast<double>((r >> 16) % (same ? 2 : 4)));
    }
  Camps c = FindCamps(net, {}, {});
  std::vector<int> camp(n, -1);
  for (size_t k = 0; k < c.camps.size(); ++k)
    for (const auto& a : c.camps[k].actors)
      for (size_t i = 0; i < n; ++i)
        if (net.actors[i] == a) camp[i] = static_cast<int>(k);
  for (int k : camp) ASSERT_GE(k, 0);
  const double q = SignedQ(net, camp);
  EXPECT_NEAR(c.modularity, q, 1e-9);
  EXPECT_GT(q, 0.1);  // the two latent sides are found
  auto opposes = [&](size_t i, int k) {
    for (size_t j = 0; j < n; ++j)
      if (j != i && camp[j] == k && net.congruence_at(i, j) < net.conflict_at(i, j)) return true;
    return false;
  };
  for (size_t i = 0; i < n; ++i) EXPECT_FALSE(opposes(i, camp[i])) << net.actors[i] << " is among adversaries";
  for (size_t i = 0; i < n; ++i)
    for (int k = 0; k <= static_cast<int>(c.camps.size()); ++k) {  // every camp it may join, and a new one
      if (opposes(i, k)) continue;
      std::vector<int> moved = camp;
      moved[i] = k;
      EXPECT_LE(SignedQ(net, moved), q + 1e-9) << net.actors[i] << " to camp " << k;
    }
  // Deterministic: the same network gives the same camps.
  Camps again = FindCamps(net, {}, {});
  ASSERT_EQ(again.camps.size(), c.camps.size());
  for (size_t k = 0; k < c.camps.size(); ++k) EXPECT_EQ(again.camps[k].actors, c.camps[k].actors);
}

}  // namespace
}  // namespace faultline::map
