// Placeholder until the cleaning stage lands: accepts ISO dates only.
#include "ingest/dates.h"

#include <cctype>

namespace faultline {

std::string NormalizeDate(std::string_view s) {
  if (s.size() >= 10 && std::isdigit(static_cast<unsigned char>(s[0])) && s[4] == '-' && s[7] == '-')
    return std::string(s.substr(0, 10));
  return {};
}

}  // namespace faultline
