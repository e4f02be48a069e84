// `faultline serve`'s HTTP side (cpp-httplib, Debian's libcpp-httplib-dev): the embedded
// web application, the API under /api/v1/, and the checks every request passes first
// (request_guard.h). Security headers on every answer: a content security policy that
// allows this server's own scripts, styles and API only, no framing, no sniffing.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "serve/api.h"
#include "util/status.h"

namespace httplib {
class Server;
}

namespace faultline::serve {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;               // 0: any free port (tests)
  std::string token;             // the write token; required unless read_only
  bool read_only = false;        // refuse every write with 403
  size_t max_body = 64 * 1024;   // bytes of a request body; more is refused with 413
  double rate = 200;             // requests per second per client address (0: no limit)
  double burst = 400;
  double write_rate = 2;         // corrections per second per client address
  double write_burst = 30;
  unsigned threads = 160;        // cpp-httplib serves one open connection per thread
  std::function<void(const std::string&)> log;  // one line per request, when set
};

class HttpServer {
 public:
  HttpServer(const Api& api, ServerOptions options);
  ~HttpServer();

  // Binds the address; returns the port (the one chosen when options.port is 0).
  Result<int> Bind();
  // Serves until Stop(); returns when stopped.
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The Content-Security-Policy sent with every answer.
extern const char* const kContentSecurityPolicy;

}  // namespace faultline::serve
