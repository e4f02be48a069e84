// A closed-loop HTTP load generator for `faultline serve` (bench/serve.sh runs it): N
// clients, each on its own keep-alive connection from its own loopback address
// (127.0.0.2, 127.0.0.3, ...: distinct clients to the server's per-address rate limit), send
// GET requests one after another, cycling through the paths given, for a fixed time, then
// stop. Prints requests, errors, throughput and latency percentiles; exits 1 when a request
// failed or p99 is over the bound. Loopback only, by construction.
//
// Each client sends at most RATE requests a second (0: as fast as answers come): a
// request is sent when the answer to the last one is in and 1/RATE seconds have passed
// since it was sent, and time lost in a stall is not made up. So in any T seconds a client
// sends at most RATE * T + 1 requests, and a RATE under the server's per-address limit
// never meets that limit, however the machine stalls: a 429 is then the limiter's fault.
// Unpaced, a client whose answers come fast after a stall (the other clients still
// descheduled) can outrun the limit, which is the limit working, not the server failing.
//
//   serve_load PORT SECONDS CLIENTS P99_BOUND_MS RATE PATH...
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct ClientResult {
  std::vector<double> latencies_ms;
  long errors = 0;
  long rate_limited = 0;  // of the errors, HTTP 429
  std::string first_error;
};

// A connection from 127.0.0.<source> to 127.0.0.1:port, or -1.
int Connect(int port, int source) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in from{};
  from.sin_family = AF_INET;
  from.sin_addr.s_addr = htonl(0x7f000000u | static_cast<unsigned>(source));
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  timeval tv{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  if (bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
      connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Sends one GET and reads the whole response; the HTTP status, or -1 on a broken connection.
int Exchange(int fd, const std::string& request, std::string* buffer) {
  if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) return -1;
  buffer->clear();
  size_t header_end = std::string::npos;
  char chunk[65536];
  while (header_end == std::string::npos) {
    ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return -1;
    buffer->append(chunk, static_cast<size_t>(n));
    header_end = buffer->find("\r\n\r\n");
  }
  int status = std::atoi(buffer->c_str() + 9);  // "HTTP/1.1 200"
  size_t length = 0;
  for (const char* name : {"Content-Length: ", "content-length: "}) {
    size_t at = buffer->find(name);
    if (at != std::string::npos && at < header_end) length = std::strtoul(buffer->c_str() + at + 16, nullptr, 10);
  }
  const size_t want = header_end + 4 + length;
  while (buffer->size() < want) {
    ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return -1;
    buffer->append(chunk, static_cast<size_t>(n));
  }
  return status;
}

struct ClientPlan {
  int port = 0;
  Clock::time_point end;
  Clock::duration interval{0};  // between two requests' sends at least; 0: unpaced
};

void RunClient(const ClientPlan& plan, int index, const std::vector<std::string>& paths, ClientResult* out) {
  const int port = plan.port;
  const int source = 2 + index;  // 127.0.0.2 ...
  std::string buffer;
  int fd = -1;
  Clock::time_point next_send = Clock::now();
  for (size_t k = static_cast<size_t>(index); Clock::now() < plan.end; ++k) {
    if (plan.interval.count() > 0) {
      std::this_thread::sleep_until(next_send);
      next_send = std::max(Clock::now(), next_send) + plan.interval;  // a stall is not made up
    }
    if (fd < 0) fd = Connect(port, source);
    if (fd < 0) {
      if (out->errors++ == 0) out->first_error = std::string("connect: ") + std::strerror(errno);
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      continue;
    }
    const std::string& path = paths[k % paths.size()];
    const std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                                "\r\nAccept: application/json\r\n\r\n";
    auto t0 = Clock::now();
    int status = Exchange(fd, request, &buffer);
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    if (status == -1) {
      // The server closed a keep-alive connection (after its request limit): reconnect and
      // retry once; a second failure is an error.
      close(fd);
      fd = Connect(port, source);
      t0 = Clock::now();
      status = fd < 0 ? -1 : Exchange(fd, request, &buffer);
      ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    }
    if (status != 200) {
      if (status == 429) ++out->rate_limited;
      if (out->errors++ == 0) out->first_error = path + ": " + (status < 0 ? "connection failed" : "status " + std::to_string(status));
      if (status < 0 && fd >= 0) {
        close(fd);
        fd = -1;
      }
      continue;
    }
    out->latencies_ms.push_back(ms);
  }
  if (fd >= 0) close(fd);
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  size_t i = static_cast<size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(i, sorted.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 7) {
    std::fprintf(stderr, "usage: serve_load PORT SECONDS CLIENTS P99_BOUND_MS RATE PATH...\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const double seconds = std::atof(argv[2]);
  const int clients = std::atoi(argv[3]);
  const double bound_ms = std::atof(argv[4]);
  const double rate = std::atof(argv[5]);
  std::vector<std::string> paths(argv + 6, argv + argc);
  if (clients < 1 || clients > 250 || seconds <= 0 || seconds > 600 || rate < 0) {
    std::fprintf(stderr, "serve_load: 1-250 clients, at most 600 seconds, a rate of 0 (unpaced) or more\n");
    return 2;
  }
  const auto start = Clock::now();
  ClientPlan plan;
  plan.port = port;
  plan.end = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  if (rate > 0) plan.interval = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1 / rate));
  std::vector<ClientResult> results(static_cast<size_t>(clients));
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i)
    threads.emplace_back(RunClient, std::cref(plan), i, std::cref(paths), &results[static_cast<size_t>(i)]);
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();

  std::vector<double> all;
  long errors = 0, rate_limited = 0;
  std::string first_error;
  for (const auto& r : results) {
    all.insert(all.end(), r.latencies_ms.begin(), r.latencies_ms.end());
    errors += r.errors;
    rate_limited += r.rate_limited;
    if (first_error.empty()) first_error = r.first_error;
  }
  std::sort(all.begin(), all.end());
  const double p99 = Percentile(all, 0.99);
  std::printf("clients %d (%s), %.1f s, %zu paths: %zu requests ok, %ld errors (%ld of them HTTP 429), %.0f requests/s\n",
              clients, rate > 0 ? ("each at most " + std::to_string(static_cast<int>(rate)) + "/s").c_str() : "unpaced",
              elapsed, paths.size(), all.size(), errors, rate_limited, static_cast<double>(all.size()) / elapsed);
  std::printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f\n", Percentile(all, 0.5), Percentile(all, 0.9), p99,
              all.empty() ? 0.0 : all.back());
  if (errors > 0) std::printf("first error: %s\n", first_error.c_str());
  const bool ok = errors == 0 && !all.empty() && p99 < bound_ms;
  std::printf("%s: no error and p99 < %.0f ms\n", ok ? "PASS" : "FAIL", bound_ms);
  return ok ? 0 : 1;
}
