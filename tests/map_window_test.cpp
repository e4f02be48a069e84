#include <gtest/gtest.h>

#include "map/window.h"

namespace faultline::map {
namespace {

TEST(MapWindow, Labels) {
  EXPECT_EQ(WindowOf("2022-03-29", Window::kMonth), "2022-03");
  EXPECT_EQ(WindowOf("2022-03-29T10:00:00Z", Window::kQuarter), "2022-Q1");
  EXPECT_EQ(WindowOf("2022-11-02", Window::kQuarter), "2022-Q4");
  EXPECT_EQ(WindowOf("2023-02-25", Window::kYear), "2023");
  EXPECT_EQ(WindowOf("2022", Window::kYear), "2022");
  EXPECT_EQ(WindowOf("2022", Window::kMonth), "");  // too coarse for a month
  EXPECT_EQ(WindowOf("--02-25", Window::kMonth), "");
  EXPECT_EQ(WindowOf("--02-25", Window::kYear), "");
  EXPECT_EQ(WindowOf("", Window::kMonth), "");
  EXPECT_EQ(WindowOf("2022-13-01", Window::kMonth), "");
}

TEST(MapWindow, LabelsSortChronologically) {
  EXPECT_LT(WindowOf("2022-09-01", Window::kMonth), WindowOf("2022-10-01", Window::kMonth));
  EXPECT_LT(WindowOf("2022-12-01", Window::kQuarter), WindowOf("2023-01-01", Window::kQuarter));
}

TEST(MapWindow, Bounds) {
  EXPECT_TRUE(IsDateBound("2022"));
  EXPECT_TRUE(IsDateBound("2022-03"));
  EXPECT_TRUE(IsDateBound("2022-03-28"));
  EXPECT_FALSE(IsDateBound("2022-3"));
  EXPECT_FALSE(IsDateBound("March 2022"));
  EXPECT_FALSE(IsDateBound("2022-00"));
}

TEST(MapWindow, RangeComparesAtSharedPrecision) {
  EXPECT_TRUE(WithinRange("2022-03-28", "2022-03", "2022-03"));
  EXPECT_FALSE(WithinRange("2022-04-01", "2022-03", "2022-03"));
  EXPECT_TRUE(WithinRange("2022-03", "2022-03-15", ""));  // the month overlaps the range
  EXPECT_TRUE(WithinRange("2022-12-31T23:00:00Z", "", "2022"));
  EXPECT_FALSE(WithinRange("2023-01-01", "", "2022"));
  EXPECT_TRUE(WithinRange("--02-25", "", ""));    // no range: everything is in
  EXPECT_FALSE(WithinRange("--02-25", "2022", ""));  // a bounded range needs a year
  EXPECT_FALSE(WithinRange("", "", "2023"));
}

}  // namespace
}  // namespace faultline::map
