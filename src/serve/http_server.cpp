#include "serve/http_server.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "serve/assets.h"
#include "serve/request_guard.h"

namespace faultline::serve {

// Scripts, styles and requests from this server only; nothing inline, nothing framed.
// The application builds its DOM with textContent, so article text never becomes markup;
// this policy is the second line: an injected <script> or handler would not run.
const char* const kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

struct HttpServer::Impl {
  Impl(const Api& a, ServerOptions o)
      : api(a),
        options(std::move(o)),
        reads(options.rate, options.burst),
        writes(options.write_rate, options.write_burst) {}

  const Api& api;
  ServerOptions options;
  RateLimiter reads, writes;
  httplib::Server server;
  std::atomic<bool> run_called{false}, run_returned{false}, stop_requested{false};

  bool loopback() const { return IsLoopbackHost(options.bind) || options.bind == "::1"; }
  httplib::Server::HandlerResponse Guard(const httplib::Request& req, httplib::Response& res);
  void Routes();
};

namespace {

void SetJson(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json; charset=utf-8");
  res.set_header("Cache-Control", "no-store");
}

void SetError(httplib::Response& res, int status, const std::string& message) {
  SetJson(res, status, ErrorResponse(status, message).body);
}

void SecurityHeaders(httplib::Response& res) {
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cross-Origin-Opener-Policy", "same-origin");
  res.set_header("Cross-Origin-Resource-Policy", "same-origin");
}

bool IsWrite(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

// The query in canonical form: httplib's params are a multimap, so already sorted by name.
std::string QueryKey(const httplib::Request& req) {
  std::string key;
  for (const auto& [name, value] : req.params) {
    key += name;
    key += '=';
    key += value;
    key += '\x1f';
  }
  return key;
}

}  // namespace

httplib::Server::HandlerResponse HttpServer::Impl::Guard(const httplib::Request& req, httplib::Response& res) {
  using HR = httplib::Server::HandlerResponse;
  SecurityHeaders(res);
  // A page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) would
  // send its own name as Host: on loopback only loopback names are served.
  if (loopback() && !IsLoopbackHost(req.get_header_value("Host"))) {
    SetError(res, 403, "this server answers to localhost and 127.0.0.1 only");
    return HR::Handled;
  }
  const auto now = RateLimiter::Clock::now();
  double wait = 0;
  const bool write = IsWrite(req.method);
  if (!reads.Allow(req.remote_addr, now, &wait) || (write && !writes.Allow(req.remote_addr, now, &wait))) {
    res.set_header("Retry-After", std::to_string(static_cast<int>(wait) + 1));
    SetError(res, 429, "too many requests from " + req.remote_addr + ": slow down");
    return HR::Handled;
  }
  if (!write) return HR::Unhandled;
  if (req.method != "POST") {
    SetError(res, 405, req.method + " is not allowed");
    return HR::Handled;
  }
  if (options.read_only) {
    SetError(res, 403, "the server is read-only (--read-only)");
    return HR::Handled;
  }
  WriteHeaders h{req.get_header_value("Authorization"), req.get_header_value("Content-Type"),
                 req.get_header_value("Origin"), req.get_header_value("Host"),
                 req.get_header_value("Sec-Fetch-Site")};
  if (std::optional<Refusal> refused = CheckWrite(h, options.token)) {
    SetError(res, refused->status, refused->message);
    return HR::Handled;
  }
  return HR::Unhandled;
}

void HttpServer::Impl::Routes() {
  auto api_call = [this](const httplib::Request& req, httplib::Response& res) {
    ApiRequest r;
    r.method = req.method;
    r.path = req.path;
    r.param = [&req](const std::string& name) { return req.get_param_value(name); };
    r.query_key = QueryKey(req);
    r.body = req.body;
    r.user = req.get_header_value("X-Faultline-User");
    ApiResponse out = api.Handle(r);
    SetJson(res, out.status, out.body);
  };
  server.Get(".*", [api_call](const httplib::Request& req, httplib::Response& res) {
    const std::string path = req.path == "/" ? "/index.html" : req.path;
    const Asset* asset = path == "/api/v1/openapi.yaml" ? FindAsset("/openapi.yaml")
                         : path.starts_with("/api/") ? nullptr
                                                     : FindAsset(path);
    if (asset != nullptr) {
      res.set_content(asset->data, asset->size, asset->content_type);
      res.set_header("Cache-Control", "no-cache");
    } else if (req.path.starts_with("/api/")) {
      api_call(req, res);
    } else {
      SetError(res, 404, "not found: " + req.path);
    }
  });
  server.Post(".*", [api_call](const httplib::Request& req, httplib::Response& res) { api_call(req, res); });
  // PUT, PATCH, DELETE never get here: Guard answers them with 405.
  // Errors httplib answers by itself (413 body too large, 400 bad request, ...) get a JSON body too.
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty())
      SetError(res, res.status, res.status == 413 ? "the request body is too large" : "bad request");
    SecurityHeaders(res);
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SetError(res, 500, "internal error");
  });
}

HttpServer::HttpServer(const Api& api, ServerOptions options) : impl_(std::make_unique<Impl>(api, std::move(options))) {
  Impl& im = *impl_;
  const unsigned threads = std::max(4u, im.options.threads);
  im.server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  im.server.set_payload_max_length(im.options.max_body);
  im.server.set_read_timeout(5, 0);
  im.server.set_write_timeout(5, 0);
  im.server.set_keep_alive_timeout(5);
  im.server.set_keep_alive_max_count(1000);
  // cpp-httplib writes an answer's headers and body in separate sends; with Nagle's
  // algorithm on, the body waits for the ACK of the headers, which the client delays:
  // ~40 ms on every request after the first on a keep-alive connection.
  im.server.set_tcp_nodelay(true);
  im.server.set_pre_routing_handler(
      [&im](const httplib::Request& req, httplib::Response& res) { return im.Guard(req, res); });
  if (im.options.log) {
    im.server.set_logger([&im](const httplib::Request& req, const httplib::Response& res) {
      im.options.log(req.remote_addr + " " + req.method + " " + ForTerminal(req.target) + " " +
                     std::to_string(res.status));
    });
  }
  im.Routes();
}

HttpServer::~HttpServer() { Stop(); }

Result<int> HttpServer::Bind() {
  Impl& im = *impl_;
  if (!im.options.read_only && im.options.token.empty())
    return Status::Error("a write token is needed unless the server is read-only");
  if (im.options.port == 0) {
    int port = im.server.bind_to_any_port(im.options.bind);
    if (port < 0) return Status::Error("cannot listen on " + im.options.bind);
    return port;
  }
  if (!im.server.bind_to_port(im.options.bind, im.options.port))
    return Status::Error("cannot listen on " + im.options.bind + ":" + std::to_string(im.options.port) +
                         " (in use? try --port)");
  return im.options.port;
}

void HttpServer::Run() {
  impl_->run_called = true;
  if (impl_->stop_requested) return;
  impl_->server.listen_after_bind();
  impl_->run_returned = true;
}

void HttpServer::Stop() {
  if (!impl_) return;
  impl_->stop_requested = true;
  // cpp-httplib's stop() does nothing until the server runs: a Stop that comes between
  // Run's start and the listening loop waits for the loop, so that Run always returns.
  if (!impl_->run_called) return;
  for (int i = 0; i < 500 && !impl_->server.is_running() && !impl_->run_returned; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  impl_->server.stop();
}

}  // namespace faultline::serve
