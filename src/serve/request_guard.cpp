#include "serve/request_guard.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <random>

namespace faultline::serve {
namespace {

std::string LowerAscii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The host part of a Host header or an origin's authority: "[::1]:8080" -> "[::1]".
std::string HostPart(const std::string& authority) {
  if (authority.starts_with('[')) {
    size_t close = authority.find(']');
    return close == std::string::npos ? authority : authority.substr(0, close + 1);
  }
  size_t colon = authority.rfind(':');
  return colon == std::string::npos ? authority : authority.substr(0, colon);
}

}  // namespace

bool RateLimiter::Allow(const std::string& client, Clock::time_point now, double* retry_after) {
  if (rate_ <= 0) return true;
  std::lock_guard<std::mutex> lock(mu_);
  if (buckets_.size() > 100000) {
    // Forget clients whose bucket has refilled: they would start full anyway.
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      double idle = std::chrono::duration<double>(now - it->second.last).count();
      it = it->second.tokens + idle * rate_ >= burst_ ? buckets_.erase(it) : std::next(it);
    }
  }
  auto [it, fresh] = buckets_.try_emplace(client, Bucket{burst_, now});
  Bucket& b = it->second;
  if (!fresh) {
    double elapsed = std::chrono::duration<double>(now - b.last).count();
    b.tokens = std::min(burst_, b.tokens + std::max(0.0, elapsed) * rate_);
    b.last = now;
  }
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return true;
  }
  if (retry_after) *retry_after = (1 - b.tokens) / rate_;
  return false;
}

std::string NewToken() {
  std::random_device rd;  // /dev/urandom on Linux
  std::string out;
  char buf[9];
  for (int i = 0; i < 4; ++i) {
    std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(rd()));
    out += buf;
  }
  return out;
}

bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;  // the length is no secret
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

bool IsLoopbackHost(const std::string& host) {
  std::string h = LowerAscii(HostPart(host));
  if (h == "localhost" || h == "[::1]") return true;
  if (!h.starts_with("127.")) return false;
  return std::all_of(h.begin(), h.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

std::optional<Refusal> CheckWrite(const WriteHeaders& h, const std::string& token) {
  const std::string ct = LowerAscii(h.content_type);
  if (!ct.starts_with("application/json"))
    return Refusal{415, "writes take a JSON body (Content-Type: application/json)"};
  if (!h.origin.empty()) {
    // "http://host:port" must be this server as the browser addressed it.
    std::string origin = LowerAscii(h.origin);
    size_t scheme = origin.find("://");
    if (scheme == std::string::npos || origin.substr(scheme + 3) != LowerAscii(h.host))
      return Refusal{403, "cross-origin write refused (Origin does not match Host)"};
  }
  if (!h.sec_fetch_site.empty() && h.sec_fetch_site != "same-origin" && h.sec_fetch_site != "none")
    return Refusal{403, "cross-site write refused (Sec-Fetch-Site: " + ForTerminal(h.sec_fetch_site, 40) + ")"};
  const std::string prefix = "Bearer ";
  if (!h.authorization.starts_with(prefix) || !SameSecret(h.authorization.substr(prefix.size()), token))
    return Refusal{401, "writes need the token `faultline serve` printed at start (Authorization: Bearer TOKEN)"};
  return std::nullopt;
}

std::string ForTerminal(const std::string& s, size_t max) {
  std::string out;
  for (unsigned char c : s.substr(0, max)) {
    if (c < 0x20 || c == 0x7f) {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (s.size() > max) out += "...";
  return out;
}

}  // namespace faultline::serve
