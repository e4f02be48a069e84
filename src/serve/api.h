// The JSON API, version 1 (docs/openapi.yaml): routing and answers, independent of HTTP
// so that it can be tested in-process. Security (write token, CSRF, limits) is the HTTP
// layer's (http_server.h); this layer checks what requests say.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "serve/workspace.h"

namespace faultline::serve {

struct ApiRequest {
  std::string method;  // "GET" or "POST"
  std::string path;    // "/api/v1/map"
  // The value of a query parameter, empty when absent.
  std::function<std::string(const std::string&)> param = [](const std::string&) { return std::string(); };
  // The query in a canonical form (parameters sorted): GET answers are cached per
  // snapshot under path + this key.
  std::string query_key;
  std::string body;
  std::string user;  // the X-Faultline-User header, if any
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

struct ApiOptions {
  std::string default_user;  // who corrections are by when a request does not say
  std::string version = FAULTLINE_VERSION;
  // Told of every stored correction (the server's log of who changed what).
  std::function<void(const Correction&)> on_correction = nullptr;
};

class Api {
 public:
  Api(Workspace& workspace, ApiOptions options) : ws_(workspace), options_(std::move(options)) {}
  ApiResponse Handle(const ApiRequest& request) const;

  // Every (method, path) the API answers, for the OpenAPI file's test.
  static std::vector<std::pair<std::string, std::string>> Routes();

 private:
  Workspace& ws_;
  ApiOptions options_;
};

// {"error": {"status": N, "message": "..."}}
ApiResponse ErrorResponse(int status, const std::string& message);

// The view builders (api_views.cpp, api_records.cpp); each returns the response body or
// throws nothing: bad parameters come back as an ApiResponse with an error status.
class Snapshot;
struct ViewFilter;
struct ViewContext {
  const Snapshot& snap;
  const ViewFilter& filter;
  const ApiRequest& request;
  const Workspace& ws;
};
ApiResponse MapView(const ViewContext& c);
ApiResponse CellView(const ViewContext& c);
ApiResponse EvidenceView(const ViewContext& c);
ApiResponse IssueView(const ViewContext& c);
ApiResponse ActorView(const ViewContext& c);
ApiResponse ShiftsView(const ViewContext& c);
ApiResponse CampsView(const ViewContext& c);
ApiResponse OutletsView(const ViewContext& c);
ApiResponse StatementsView(const ViewContext& c);
ApiResponse DocumentView(const ViewContext& c);
ApiResponse CorrectionsView(const ViewContext& c);
ApiResponse VocabularyView(const ViewContext& c);

// A statement as the API gives it: its fields, its id ("sid", stable across
// re-extraction: corrections/correction.h) and how people reviewed it ("review": null,
// or {action, who, at, correction}).
nlohmann::json StatementJson(const Statement& s, const Snapshot& snap);

}  // namespace faultline::serve
