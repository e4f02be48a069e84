// OrderedPool: results come back on the submitting thread in input order, whatever order
// the workers finish in.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "util/ordered_pool.h"

namespace faultline {
namespace {

TEST(OrderedPoolTest, ResultsInInputOrder) {
  const auto caller = std::this_thread::get_id();
  std::vector<int> got;
  bool on_caller = true;
  OrderedPool<int, int> pool(
      4,
      [](int& i) {
        // Early items take longest, so later ones finish first.
        std::this_thread::sleep_for(std::chrono::microseconds((i % 7) * 300));
        return i * 10;
      },
      [&](int&& v) {
        on_caller &= std::this_thread::get_id() == caller;
        got.push_back(v);
      });
  for (int i = 0; i < 200; ++i) pool.Submit(i);
  pool.Finish();
  ASSERT_EQ(got.size(), 200u);
  for (int i = 0; i < 200; ++i) EXPECT_EQ(got[i], i * 10);
  EXPECT_TRUE(on_caller);
}

TEST(OrderedPoolTest, NothingSubmitted) {
  int calls = 0;
  OrderedPool<int, int> pool(2, [](int& i) { return i; }, [&](int&&) { ++calls; });
  pool.Finish();
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace faultline
