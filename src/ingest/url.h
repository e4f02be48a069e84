// The little URL handling ingest needs: a page's host, to name its outlet when
// nothing better is known.
#pragma once

#include <string>
#include <string_view>

namespace faultline {

// "https://www.bbc.com/news/x" -> "bbc.com" (lower case, "www." dropped); empty when
// `url` has no host.
std::string HostOfUrl(std::string_view url);

}  // namespace faultline
