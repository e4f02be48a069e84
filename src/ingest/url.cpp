#include "ingest/url.h"

#include <cctype>

namespace faultline {

std::string HostOfUrl(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  size_t end = rest.find_first_of("/?#");
  std::string_view host = rest.substr(0, end);
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  if (size_t colon = host.rfind(':'); colon != std::string_view::npos && host.front() != '[')
    host = host.substr(0, colon);
  std::string out;
  out.reserve(host.size());
  for (char c : host) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (out.rfind("www.", 0) == 0) out.erase(0, 4);
  return out;
}

}  // namespace faultline
