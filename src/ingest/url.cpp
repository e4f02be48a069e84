#include "ingest/url.h"

#include <libpsl.h>

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

namespace {

// The list, loaded once and only read afterwards (libpsl contexts are safe to share).
// psl_latest picks the newer of the built-in list and Debian's publicsuffix package.
const psl_ctx_t* PublicSuffixes() {
  static const psl_ctx_t* psl = [] {
    const psl_ctx_t* latest = psl_latest(nullptr);
    return latest != nullptr ? latest : psl_builtin();
  }();
  return psl;
}

bool IsIpLiteral(std::string_view host) {
  if (!host.empty() && host.front() == '[') return true;
  for (char c : host)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') return false;
  return !host.empty();
}

}  // namespace

std::string RegistrableDomain(std::string_view host) {
  std::string h;
  for (char c : host) h += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!h.empty() && h.back() == '.') h.pop_back();
  if (h.empty() || IsIpLiteral(h) || PublicSuffixes() == nullptr) return h;
  const char* domain = psl_registrable_domain(PublicSuffixes(), h.c_str());
  return domain != nullptr ? std::string(domain) : h;
}

std::string OutletOfUrl(std::string_view url) { return RegistrableDomain(HostOfUrl(url)); }

}  // namespace faultline
