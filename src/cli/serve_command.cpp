// `faultline serve --db FILE [--port N] [--bind ADDR] [--read-only] [--user NAME]`: the map
// of a database as a web application, with a JSON API, where people can confirm, reject,
// change and add statements (docs/serve.md). Thin: the library's serve/ does the work.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "cli/config_checks.h"
#include "cli/commands.h"
#include "cli/story_origins.h"
#include "ingest/sidecar.h"
#include "serve/api.h"
#include "serve/http_server.h"
#include "serve/request_guard.h"
#include "serve/workspace.h"

namespace faultline::cli {
namespace {

struct ServeArgs {
  std::string db, bind = "127.0.0.1", user, token_file, meta, codebook;
  std::vector<std::string> actor_files;
  int port = 8080;
  bool read_only = false, log = false;
  double rate = 200;
  double max_doc_seconds = 60;  // CPU time to extract one document the cache does not hold
  unsigned threads = 160;
  size_t max_body_kb = 64;
  StoryOriginOptions stories;  // --outlets, --no-stories
};

// The token from --token-file or FAULTLINE_TOKEN, else a new one.
std::optional<std::string> TokenOf(const ServeArgs& a) {
  if (!a.token_file.empty()) {
    std::ifstream in(a.token_file);
    std::string token;
    if (!in || !std::getline(in, token) || token.size() < 16) {
      std::cerr << a.token_file << ": cannot read a token of at least 16 characters from its first line\n";
      return std::nullopt;
    }
    return token;
  }
  if (const char* env = std::getenv("FAULTLINE_TOKEN"); env != nullptr && *env != '\0') return std::string(env);
  return serve::NewToken();
}

std::string DefaultUser(const ServeArgs& a) {
  if (!a.user.empty()) return a.user;
  const char* env = std::getenv("USER");
  return env != nullptr ? env : "";
}

int Run(const ServeArgs& a) {
  // SIGINT and SIGTERM are taken by a thread of their own (below), so every thread the
  // server starts inherits them blocked.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGHUP);  // not a stop: reload
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  serve::WorkspaceOptions wo;
  wo.db = a.db;
  wo.codebook = a.codebook;
  wo.actor_files = a.actor_files;
  wo.read_only = a.read_only;
  wo.stories = !a.stories.disabled;
  wo.outlet_files = a.stories.outlet_files;
  wo.max_doc_seconds = a.max_doc_seconds;
  wo.threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  wo.warn = [](const Status& s) { std::cerr << "warning: " << s.ToString() << "\n"; };
  std::shared_ptr<Sidecar> sidecar;
  if (!a.meta.empty()) {
    Result<Sidecar> loaded = Sidecar::Load(a.meta, [](const Status& s) { std::cerr << s.ToString() << "\n"; });
    if (!loaded.ok()) {
      std::cerr << loaded.status().ToString() << "\n";
      return 1;
    }
    sidecar = std::make_shared<Sidecar>(std::move(loaded).value());
    wo.prepare = [sidecar](Document* d) { sidecar->Apply(d); };
  }
  const auto started = std::chrono::steady_clock::now();
  Result<std::unique_ptr<serve::Workspace>> ws = serve::Workspace::Open(wo);
  if (!ws.ok()) {
    std::cerr << ws.status().ToString() << "\n";
    return 1;
  }
  serve::Workspace& workspace = **ws;
  const bool read_only = a.read_only || workspace.read_only();
  std::optional<std::string> token = read_only ? std::optional<std::string>("") : TokenOf(a);
  if (!token) return 2;

  serve::ApiOptions ao;
  ao.default_user = DefaultUser(a);
  // One line per correction on stderr: who changed what, escaped (names come from requests).
  ao.on_correction = [](const Correction& c) {
    const Statement& s = c.statement;
    std::string what = std::string(CorrectionActionName(c.action)) + " " + s.actor + " " +
                       (s.stance > 0 ? "+" : "-") + " " + s.issue + " in " + s.doc;
    if (c.action == CorrectionAction::kChange)
      what += " (was " + c.target.actor + " " + (c.target.stance > 0 ? "+" : "-") + " " + c.target.issue + ")";
    std::fprintf(stderr, "correction %lld by %s at %s: %s\n", static_cast<long long>(c.id),
                 serve::ForTerminal(c.who).c_str(), c.at.c_str(), serve::ForTerminal(what).c_str());
  };
  serve::Api api(workspace, ao);
  serve::ServerOptions so;
  so.bind = a.bind;
  so.port = a.port;
  so.token = *token;
  so.read_only = read_only;
  so.rate = a.rate;
  so.burst = a.rate * 2;
  so.threads = a.threads;
  so.max_body = a.max_body_kb * 1024;
  if (a.log) so.log = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  serve::HttpServer server(api, so);
  Result<int> port = server.Bind();
  if (!port.ok()) {
    std::cerr << "faultline serve: " << port.status().ToString() << "\n";
    return 1;
  }
  const std::string host = a.bind.find(':') != std::string::npos ? "[" + a.bind + "]" : a.bind;
  std::printf("faultline serve: http://%s:%d/ (%s)\n", host.c_str(), *port, a.db.c_str());
  if (read_only) {
    std::printf("read-only: corrections are refused\n");
  } else {
    std::printf("write token: %s\n", token->c_str());
    std::printf("open http://%s:%d/#token=%s to correct statements as %s\n", host.c_str(), *port, token->c_str(),
                DefaultUser(a).empty() ? "(a name you give in the page)" : DefaultUser(a).c_str());
  }
  if (!serve::IsLoopbackHost(a.bind) && a.bind != "::1")
    std::printf("warning: listening on %s: anyone who can reach it can read the corpus\n", a.bind.c_str());
  std::fflush(stdout);

  // Statements load while the server already answers (the API says "loading" meanwhile).
  std::atomic<bool> loading{true};
  std::thread loader([&] {
    Status s = workspace.Load();
    loading = false;
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (s.ok()) std::fprintf(stderr, "%s: ready in %.2f s: %s\n", a.db.c_str(), seconds, workspace.LoadSummary().c_str());
    else std::fprintf(stderr, "%s\n", s.ToString().c_str());
  });
  std::thread stopper([&] {
    for (;;) {
      int sig = 0;
      sigwait(&stop_signals, &sig);
      if (sig != SIGHUP) break;
      if (loading) continue;
      std::fprintf(stderr, "%s: reloading (SIGHUP)\n", a.db.c_str());
      workspace.StartReload();
    }
    server.Stop();
  });
  server.Run();
  if (loading) {
    // Extraction cannot be interrupted; what it cached so far is committed, and the
    // open batch is safe to lose (SQLite rolls it back).
    std::fprintf(stderr, "faultline serve: stopped while loading (statements extracted so far are cached)\n");
    std::fflush(stderr);
    std::_Exit(0);
  }
  loader.join();
  // Run also returns when the server fails; wake the signal thread so it can end.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  std::fprintf(stderr, "faultline serve: stopped\n");
  return 0;
}

}  // namespace

void RegisterServe(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve the map of a database as a web application with a JSON API (/api/v1/, described\n"
      "in /api/v1/openapi.yaml). People can confirm, reject or change statements and add\n"
      "missing ones; corrections are stored in the database with who and when, and every\n"
      "map of it uses them. Writes need the token printed at start. Stop with Ctrl-C.\n"
      "Examples:\n"
      "  faultline serve --db news.db\n"
      "  faultline serve --db news.db --port 9000 --user ana\n"
      "  faultline serve --db news.db --read-only --bind 0.0.0.0");
  cmd->add_option("--db", args->db, "the database (faultline ingest)")->required();
  cmd->add_option("--port", args->port, "port (default 8080; 0 picks a free one)");
  cmd->add_option("--bind", args->bind, "address to listen on (default 127.0.0.1: this machine only)");
  cmd->add_flag("--read-only", args->read_only, "refuse every correction; never write to the database");
  cmd->add_option("--user", args->user, "who corrections are by when the page gives no name (default $USER)");
  cmd->add_option("--token-file", args->token_file,
                  "read the write token from this file's first line (else FAULTLINE_TOKEN, else a new one)");
  cmd->add_option("--meta", args->meta, "metadata sidecar, as for `faultline map --db`")
      ->check(MetadataFile());
  cmd->add_option("--codebook", args->codebook, "issue codebook (YAML; default the shipped one)")
      ->check(CodebookFile());
  cmd->add_option("--actors", args->actor_files, "extra actor files, as for `faultline map`")
      ->check(ActorFile());
  AddStoryOriginOptions(cmd, &args->stories);
  cmd->add_option("--rate-limit", args->rate, "requests per second per client address (default 200; 0: none)");
  cmd->add_option("--threads", args->threads, "connections served at once (default 160)");
  cmd->add_option("--max-body-kb", args->max_body_kb, "largest request body in KB (default 64)");
  cmd->add_option("--max-doc-seconds", args->max_doc_seconds,
                  "skip (and report) documents whose analysis takes more CPU seconds than this "
                  "(default 60; 0: no limit)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--log", args->log, "one line per request on stderr");
  cmd->callback([args, exit_code] { *exit_code = Run(*args); });
}

}  // namespace faultline::cli
