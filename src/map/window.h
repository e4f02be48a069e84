// Dates as the map sees them: statement dates are ISO 8601 ("2022-03-29", "2022-03",
// "2022"), partial without a year ("--02-25") or empty. Only dates with a year can be
// placed in a time window or checked against --from/--to; the rest still count in cells.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace faultline::map {

enum class Window { kMonth, kQuarter, kYear };

// "month", "quarter", "year" -> Window; false for anything else.
bool ParseWindow(std::string_view name, Window* out);
const char* WindowName(Window w);

// True when `date` starts with a four-digit year.
bool HasYear(std::string_view date);

// The window label for `date`: "2022-03" (month), "2022-Q1" (quarter), "2022" (year).
// Labels sort chronologically as strings. Empty when the date is too coarse for the
// window (no year, or a year without a month for month and quarter windows).
std::string WindowOf(std::string_view date, Window w);

// The --from and --to bounds that select exactly the window `label` (as WindowOf gives
// it): "2022-Q2" -> 2022-04, 2022-06; "2022-03" and "2022" -> themselves.
std::pair<std::string, std::string> WindowBounds(std::string_view label);

// True when `bound` is a valid --from/--to value: YYYY, YYYY-MM or YYYY-MM-DD.
bool IsDateBound(std::string_view bound);

// Whether a dated statement falls within [from, to] (either may be empty: open).
// Compared at the precision both share, so "2022-03" lies within --from 2022-03-15:
// a coarse date is kept when its period overlaps the range. Dates without a year
// are never within a bounded range.
bool WithinRange(std::string_view date, std::string_view from, std::string_view to);

}  // namespace faultline::map
