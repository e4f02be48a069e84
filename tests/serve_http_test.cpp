// The HTTP layer of `faultline serve` on a loopback port: embedded assets and security
// headers, the write token, CSRF checks, read-only mode, size and rate limits, JSON
// errors; and the guard's pieces on their own.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <httplib.h>

#include <thread>

#include <nlohmann/json.hpp>

#include "serve/http_server.h"
#include "serve/request_guard.h"
#include "serve_test_util.h"

namespace faultline::serve {
namespace {

using ::testing::HasSubstr;

const char* kToken = "0123456789abcdef0123456789abcdef";

// A server on a free loopback port, stopped at the end of the test.
class Running {
 public:
  Running(const Api& api, ServerOptions o) : server_(api, o) {
    Result<int> port = server_.Bind();
    EXPECT_TRUE(port.ok()) << port.status().ToString();
    port_ = port.ok() ? *port : 0;
    thread_ = std::thread([this] { server_.Run(); });
  }
  ~Running() {
    server_.Stop();
    thread_.join();
  }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    return c;
  }

 private:
  HttpServer server_;
  int port_ = 0;
  std::thread thread_;
};

ServerOptions Options() {
  ServerOptions o;
  o.port = 0;
  o.token = kToken;
  o.threads = 8;
  return o;
}

std::string FirstTarget(httplib::Client& c) {
  auto ev = c.Get("/api/v1/evidence?actor=FRA&issue=talks");
  auto s = nlohmann::json::parse(ev->body)["groups"][0]["statements"][0];
  nlohmann::json target = {{"doc", s["doc"]}, {"actor", s["actor"]}, {"issue", s["issue"]},
                           {"stance", s["stance"]}, {"begin", s["begin"]}, {"end", s["end"]}};
  return nlohmann::json{{"action", "confirm"}, {"target", target}, {"who", "ana"}}.dump();
}

TEST(ServeHttp, AppAndApiWithSecurityHeaders) {
  testing::ServedCorpus corpus;
  Api api(corpus.workspace(), ApiOptions{"ana"});
  Running server(api, Options());
  httplib::Client c = server.Client();
  auto page = c.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_THAT(page->get_header_value("Content-Type"), HasSubstr("text/html"));
  EXPECT_THAT(page->body, HasSubstr("/app.js"));
  const std::string csp = page->get_header_value("Content-Security-Policy");
  EXPECT_THAT(csp, HasSubstr("script-src 'self'"));
  EXPECT_THAT(csp, HasSubstr("default-src 'none'"));
  EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(page->get_header_value("X-Frame-Options"), "DENY");
  auto js = c.Get("/app.js");
  EXPECT_EQ(js->status, 200);
  EXPECT_THAT(js->body, HasSubstr("textContent"));
  // No page of the application builds markup from strings.
  EXPECT_EQ(js->body.find("innerHTML"), std::string::npos);
  EXPECT_EQ(js->body.find("insertAdjacentHTML"), std::string::npos);
  EXPECT_EQ(c.Get("/api/v1/openapi.yaml")->status, 200);
  auto map = c.Get("/api/v1/map?issue=talks");
  EXPECT_EQ(map->status, 200);
  EXPECT_THAT(map->get_header_value("Content-Type"), HasSubstr("application/json"));
  EXPECT_EQ(map->get_header_value("Cache-Control"), "no-store");
  EXPECT_THAT(map->get_header_value("Content-Security-Policy"), HasSubstr("default-src 'none'"));
  auto missing = c.Get("/nothing.html");
  EXPECT_EQ(missing->status, 404);
  EXPECT_THAT(missing->body, HasSubstr("\"error\""));
  EXPECT_EQ(c.Delete("/api/v1/corrections")->status, 405);
}

TEST(ServeHttp, WritesNeedTheTokenJsonAndTheSameOrigin) {
  testing::ServedCorpus corpus;
  Api api(corpus.workspace(), ApiOptions{"ana"});
  Running server(api, Options());
  httplib::Client c = server.Client();
  const std::string body = FirstTarget(c);
  EXPECT_EQ(c.Post("/api/v1/corrections", body, "application/json")->status, 401);
  httplib::Headers wrong = {{"Authorization", "Bearer 0123456789abcdef0123456789abcdee"}};
  EXPECT_EQ(c.Post("/api/v1/corrections", wrong, body, "application/json")->status, 401);
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  // A cross-site form posts text/plain or form data: refused before the token is looked at.
  EXPECT_EQ(c.Post("/api/v1/corrections", auth, body, "text/plain")->status, 415);
  httplib::Headers foreign = auth;
  foreign.emplace("Origin", "http://evil.example");
  EXPECT_EQ(c.Post("/api/v1/corrections", foreign, body, "application/json")->status, 403);
  httplib::Headers cross = auth;
  cross.emplace("Sec-Fetch-Site", "cross-site");
  EXPECT_EQ(c.Post("/api/v1/corrections", cross, body, "application/json")->status, 403);
  // DNS rebinding: a foreign host name on the loopback address.
  httplib::Headers rebound = {{"Host", "evil.example"}};
  EXPECT_EQ(c.Get("/api/v1/map", rebound)->status, 403);
  auto ok = c.Post("/api/v1/corrections", auth, body, "application/json");
  EXPECT_EQ(ok->status, 201) << ok->body;
  // Too large a body.
  EXPECT_EQ(c.Post("/api/v1/corrections", auth, std::string(100 * 1024, ' '), "application/json")->status, 413);
}

TEST(ServeHttp, ReadOnlyAndRateLimits) {
  testing::ServedCorpus corpus;
  Api api(corpus.workspace(), ApiOptions{"ana"});
  ServerOptions o = Options();
  o.read_only = true;
  o.rate = 5;
  o.burst = 5;
  Running server(api, o);
  httplib::Client c = server.Client();
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  EXPECT_EQ(c.Post("/api/v1/corrections", auth, "{}", "application/json")->status, 403);
  int limited = 0;
  for (int i = 0; i < 12; ++i) {
    auto r = c.Get("/api/v1/status");
    if (r->status == 429) {
      ++limited;
      EXPECT_FALSE(r->get_header_value("Retry-After").empty());
    }
  }
  EXPECT_GT(limited, 0);
}

TEST(RequestGuard, Pieces) {
  RateLimiter limiter(1, 2);
  auto t = RateLimiter::Clock::now();
  EXPECT_TRUE(limiter.Allow("a", t));
  EXPECT_TRUE(limiter.Allow("a", t));
  double wait = 0;
  EXPECT_FALSE(limiter.Allow("a", t, &wait));
  EXPECT_GT(wait, 0);
  EXPECT_TRUE(limiter.Allow("b", t));  // per client
  EXPECT_TRUE(limiter.Allow("a", t + std::chrono::milliseconds(1100)));
  EXPECT_TRUE(RateLimiter(0, 0).Allow("a", t));  // off

  EXPECT_EQ(NewToken().size(), 32u);
  EXPECT_NE(NewToken(), NewToken());
  EXPECT_TRUE(SameSecret("abc", "abc"));
  EXPECT_FALSE(SameSecret("abc", "abd"));
  EXPECT_FALSE(SameSecret("", ""));
  EXPECT_TRUE(IsLoopbackHost("localhost:8080"));
  EXPECT_TRUE(IsLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackHost("[::1]:8080"));
  EXPECT_FALSE(IsLoopbackHost("127.0.0.1.evil.example"));
  EXPECT_FALSE(IsLoopbackHost("example.org"));

  WriteHeaders h{"Bearer secret-token-123456", "application/json; charset=utf-8", "http://localhost:8080",
                 "localhost:8080", "same-origin"};
  EXPECT_FALSE(CheckWrite(h, "secret-token-123456").has_value());
  h.origin = "http://localhost:9999";
  EXPECT_EQ(CheckWrite(h, "secret-token-123456")->status, 403);
  EXPECT_EQ(ForTerminal("a\x1b[31mb\n"), "a\\x1b[31mb\\x0a");
}

}  // namespace
}  // namespace faultline::serve
