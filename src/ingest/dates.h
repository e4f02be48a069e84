// Normalising the many ways news writes a date into ISO 8601. Never invents what the
// text does not say: a date without a year stays partial ("--02-25").
//
// Decisions (documented here because every caller inherits them):
//  - A time and zone are dropped, the calendar date is kept as written:
//    "2022-03-29T23:30:00-05:00" -> "2022-03-29" (the publisher's local date, not UTC).
//  - Dots and dashes are day-first ("29.03.2022", "29-03-2022"); slashes are read
//    month-first (US order) unless the first number cannot be a month
//    ("29/03/2022" -> 2022-03-29); an ambiguous "04/03/2022" is read as April 3.
//  - Month and year only ("March 2022") gives "2022-03"; day and month without a
//    year ("25 February, 01:21 AM") gives "--02-25"; a lone year is not a date.
//  - A string that is nothing but a Unix timestamp (10 digits seconds or 13 digits
//    milliseconds, as JSON feeds carry them) is read as UTC, 1990..2100 only.
//  - Two-digit years are read only in the US slash form ("10/24/16" -> 2016-10-24; 00-68
//    are 20xx, 69-99 19xx as POSIX's %y); "29.03.22" is not: the form is too rare to guess.
//  - English, German, French and Russian month names (full, abbreviated, genitive).
//  - Ranges are validated: "2022-02-30" or "31 April 2022" give "".
#pragma once

#include <string>
#include <string_view>

namespace faultline {

// The first recognisable date in `s` (so a line such as "Updated: Mar. 28, 2022 10:15"
// works): "2022-03-29T10:00:00Z", "Tue, 29 Mar 2022 10:00:00 GMT", "29.03.2022",
// "03/29/2022", "Friday, March 31, 2023", "Mar. 28, 2022", "28 March 2022",
// "March 2022" ("2022-03"), "25 February, 01:21 AM" ("--02-25").
// Empty when `s` holds no recognisable date.
std::string NormalizeDate(std::string_view s);

// Like NormalizeDate, also giving where the date was found in `s` (byte offsets of
// its first and one past its last token), so callers can tell a pure date line
// from a sentence that mentions a date.
struct DateMatch {
  std::string iso;   // as NormalizeDate returns it; empty when none
  size_t begin = 0;
  size_t end = 0;
};
DateMatch FindDate(std::string_view s);

}  // namespace faultline
