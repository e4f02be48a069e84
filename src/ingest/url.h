// The little URL handling ingest needs: a page's host, to name its outlet when
// nothing better is known.
#pragma once

#include <string>
#include <string_view>

namespace faultline {

// "https://www.bbc.com/news/x" -> "bbc.com" (lower case, "www." dropped); empty when
// `url` has no host.
std::string HostOfUrl(std::string_view url);

// The registrable domain of `host` by the Public Suffix List (libpsl, Debian's list):
// "edition.cnn.com" -> "cnn.com", "news.bbc.co.uk" -> "bbc.co.uk". One outlet publishes
// under many subdomains; a multi-tenant suffix such as blogspot.com keeps each tenant
// ("x.blogspot.com"). An IP address, "localhost" or a host the list cannot place comes
// back as given (lower case).
std::string RegistrableDomain(std::string_view host);

// The outlet a URL names when nothing better is known: RegistrableDomain(HostOfUrl(url)).
std::string OutletOfUrl(std::string_view url);

}  // namespace faultline
