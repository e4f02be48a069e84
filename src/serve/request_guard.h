// What the HTTP layer checks before a request reaches the API: a rate limit per client
// address, the Host header (against DNS rebinding when serving on loopback), and for
// writes the token, the content type and the origin (CSRF). Plain functions of the
// request's fields, so that they are tested without a socket.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace faultline::serve {

// A token bucket per client address: `rate` requests a second on average, bursts of up
// to `burst`. rate <= 0 turns it off.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  RateLimiter(double rate, double burst) : rate_(rate), burst_(burst) {}
  // True when the client may go on; otherwise *retry_after is the seconds to wait.
  bool Allow(const std::string& client, Clock::time_point now, double* retry_after = nullptr);

 private:
  struct Bucket {
    double tokens;
    Clock::time_point last;
  };
  double rate_, burst_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

// A fresh write token: 32 hex digits from the system's random source.
std::string NewToken();

// Equal strings, in time that does not depend on where they differ.
bool SameSecret(const std::string& a, const std::string& b);

// True when `host` (a Host header, perhaps with a port) names this machine's loopback
// interface: localhost, 127.x.x.x or [::1].
bool IsLoopbackHost(const std::string& host);

// A write request's headers, as the guard needs them.
struct WriteHeaders {
  std::string authorization;   // "Bearer <token>"
  std::string content_type;
  std::string origin;          // empty when absent
  std::string host;
  std::string sec_fetch_site;  // empty when absent
};

struct Refusal {
  int status;
  std::string message;
};

// Why a write must be refused, or nothing. The token must come in the Authorization
// header, which a cross-site form or image cannot set, the body must be JSON (a cross-site
// request with that content type needs a CORS preflight, which this server never grants),
// and a browser's Origin and Sec-Fetch-Site, when sent, must say the page is this server's.
std::optional<Refusal> CheckWrite(const WriteHeaders& h, const std::string& token);

// Text from a request made safe for a terminal: control characters as \xNN, cut to `max`.
std::string ForTerminal(const std::string& s, size_t max = 200);

}  // namespace faultline::serve
