#include "ingest/dates.h"

#include <gtest/gtest.h>

namespace faultline {
namespace {

TEST(NormalizeDate, Iso8601KeepsTheDateAsWritten) {
  EXPECT_EQ(NormalizeDate("2022-03-29"), "2022-03-29");
  EXPECT_EQ(NormalizeDate("2022-03-29T10:00:00Z"), "2022-03-29");
  // The publisher's local date, not converted to UTC.
  EXPECT_EQ(NormalizeDate("2022-03-29T23:30:00-05:00"), "2022-03-29");
  EXPECT_EQ(NormalizeDate("2022/03/29"), "2022-03-29");
  EXPECT_EQ(NormalizeDate("2022-3-9"), "2022-03-09");
}

TEST(NormalizeDate, Rfc2822) {
  EXPECT_EQ(NormalizeDate("Tue, 29 Mar 2022 10:00:00 GMT"), "2022-03-29");
  EXPECT_EQ(NormalizeDate("Fri, 31 Mar 2023 08:15:00 +0200"), "2023-03-31");
}

TEST(NormalizeDate, NumericOrders) {
  EXPECT_EQ(NormalizeDate("29.03.2022"), "2022-03-29");
  EXPECT_EQ(NormalizeDate("29-03-2022"), "2022-03-29");
  EXPECT_EQ(NormalizeDate("03/29/2022"), "2022-03-29");  // US order
  EXPECT_EQ(NormalizeDate("29/03/2022"), "2022-03-29");  // day first: 29 cannot be a month
  EXPECT_EQ(NormalizeDate("04/03/2022"), "2022-04-03");  // ambiguous: US order, documented
  EXPECT_EQ(NormalizeDate("NATO flag - Sputnik International, 1920, 29.03.2022"), "2022-03-29");
}

TEST(NormalizeDate, MonthNamesEnglish) {
  EXPECT_EQ(NormalizeDate("Friday, March 31, 2023"), "2023-03-31");
  EXPECT_EQ(NormalizeDate("Mar. 28, 2022"), "2022-03-28");
  EXPECT_EQ(NormalizeDate("March 28, 2022 10:15"), "2022-03-28");
  EXPECT_EQ(NormalizeDate("28 March 2022"), "2022-03-28");
  EXPECT_EQ(NormalizeDate("the 1st of June, 2022"), "2022-06-01");
  EXPECT_EQ(NormalizeDate("Updated: Jan 25th, 2023"), "2023-01-25");
  EXPECT_EQ(NormalizeDate("Sept. 5, 2022"), "2022-09-05");
  EXPECT_EQ(NormalizeDate("MARCH 28, 2022"), "2022-03-28");
}

TEST(NormalizeDate, MonthAndYearOnly) {
  EXPECT_EQ(NormalizeDate("March 2022"), "2022-03");
  EXPECT_EQ(NormalizeDate("July, 2023"), "2023-07");
}

TEST(NormalizeDate, YearlessIsPartialNeverGuessed) {
  EXPECT_EQ(NormalizeDate("25 February, 01:21 AM"), "--02-25");
  EXPECT_EQ(NormalizeDate("Feb. 24"), "--02-24");
  EXPECT_EQ(NormalizeDate("29 February"), "--02-29");  // possible in a leap year
  EXPECT_EQ(NormalizeDate("30 February"), "");
}

TEST(NormalizeDate, OtherLanguages) {
  EXPECT_EQ(NormalizeDate("29. März 2022"), "2022-03-29");
  EXPECT_EQ(NormalizeDate("1er mars 2022"), "2022-03-01");
  EXPECT_EQ(NormalizeDate("12 décembre 2022"), "2022-12-12");
  EXPECT_EQ(NormalizeDate("29 марта 2022 г."), "2022-03-29");
  EXPECT_EQ(NormalizeDate("25 Февраля 2023"), "2023-02-25");
  EXPECT_EQ(NormalizeDate("Oktober 2022"), "2022-10");
}

TEST(NormalizeDate, ValidatesRanges) {
  EXPECT_EQ(NormalizeDate("2022-02-30"), "");
  EXPECT_EQ(NormalizeDate("2022-13-01"), "");
  EXPECT_EQ(NormalizeDate("31 April 2022"), "");
  EXPECT_EQ(NormalizeDate("2023-02-29"), "");
  EXPECT_EQ(NormalizeDate("2024-02-29"), "2024-02-29");
  EXPECT_EQ(NormalizeDate("32.01.2022"), "");
}

TEST(NormalizeDate, UnixTimestampsWhenAlone) {
  EXPECT_EQ(NormalizeDate("1648548000"), "2022-03-29");
  EXPECT_EQ(NormalizeDate("1648548000000"), "2022-03-29");
  EXPECT_EQ(NormalizeDate("\"1648548000\""), "2022-03-29");
  EXPECT_EQ(NormalizeDate("Order 1648548000 shipped"), "");
}

TEST(NormalizeDate, NothingThatIsNotADate) {
  EXPECT_EQ(NormalizeDate(""), "");
  EXPECT_EQ(NormalizeDate("2022"), "");  // a lone year is not a date
  EXPECT_EQ(NormalizeDate("Sputnik International, 1920"), "");
  EXPECT_EQ(NormalizeDate("They may 5 times refuse"), "");  // "may" in lower case is a verb
  EXPECT_EQ(NormalizeDate("a march of 20 people"), "");
  EXPECT_EQ(NormalizeDate("29.03.22"), "");  // two-digit year: the century would be a guess
  EXPECT_EQ(NormalizeDate("version 1.2.3"), "");
}

TEST(NormalizeDate, MalformedUtf8DoesNotStall) {
  // A lead byte of a two-byte sequence as the last byte once made the scanner loop.
  EXPECT_EQ(NormalizeDate("29.03.2022 \xC3"), "2022-03-29");
  EXPECT_EQ(NormalizeDate("\xD0"), "");
  EXPECT_EQ(NormalizeDate("March\xC3"), "");
  EXPECT_EQ(NormalizeDate(std::string("\xE2\x80", 2)), "");
}

TEST(FindDate, GivesTheSpan) {
  std::string_view s = "Published: March 28, 2022 10:15 by staff";
  DateMatch m = FindDate(s);
  EXPECT_EQ(m.iso, "2022-03-28");
  EXPECT_EQ(s.substr(m.begin, m.end - m.begin), "March 28, 2022");
}

}  // namespace
}  // namespace faultline
