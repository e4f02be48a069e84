// Normalising the many ways news writes a date into ISO 8601. Never invents what the
// text does not say: a date without a year stays partial ("--02-25").
#pragma once

#include <string>
#include <string_view>

namespace faultline {

// "2022-03-29T10:00:00Z", "29.03.2022", "Friday, March 31, 2023", "Mar 28, 2022",
// "25 February, 01:21 AM" ("--02-25"). Empty when `s` holds no recognisable date.
std::string NormalizeDate(std::string_view s);

}  // namespace faultline
