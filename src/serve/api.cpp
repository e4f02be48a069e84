#include "serve/api.h"

#include "serve/api_json.h"
#include "serve/snapshot.h"
#include "serve/view_filter.h"

namespace faultline::serve {
namespace {

using nlohmann::json;
using View = ApiResponse (*)(const ViewContext&);

struct Route {
  const char* path;
  View view;
  bool cached;  // the answer depends on the snapshot and the query only
};

// GET routes; the corrections list changes only with the snapshot, so it is cached too.
const Route kGetRoutes[] = {
    {"/api/v1/map", MapView, true},           {"/api/v1/cell", CellView, true},
    {"/api/v1/evidence", EvidenceView, true}, {"/api/v1/issue", IssueView, true},
    {"/api/v1/actor", ActorView, true},       {"/api/v1/shifts", ShiftsView, true},
    {"/api/v1/camps", CampsView, true},       {"/api/v1/outlets", OutletsView, true},
    {"/api/v1/statements", StatementsView, true}, {"/api/v1/document", DocumentView, false},
    {"/api/v1/corrections", CorrectionsView, true}, {"/api/v1/vocabulary", VocabularyView, true},
};

// A JSON body's field as a string ("" when absent); false when present but not a string.
bool StringField(const json& j, const char* name, std::string* out) {
  if (!j.contains(name) || j[name].is_null()) return true;
  if (!j[name].is_string()) return false;
  *out = j[name].get<std::string>();
  return true;
}

bool SizeField(const json& j, const char* name, size_t* out) {
  if (!j.contains(name)) return true;
  if (!j[name].is_number_unsigned()) return false;
  *out = j[name].get<size_t>();
  return true;
}

bool StanceField(const json& j, const char* name, int* out) {
  if (!j.contains(name) || j[name].is_null()) return true;
  if (!j[name].is_number_integer()) return false;
  *out = j[name].get<int>();
  return *out == 1 || *out == -1;
}

// The correction a POST body asks for; an error message when it is malformed.
std::variant<CorrectionRequest, std::string> ParseCorrection(const std::string& body) {
  json j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::string("the body must be a JSON object");
  CorrectionRequest r;
  std::string action;
  if (!StringField(j, "action", &action) || !ParseCorrectionAction(action, &r.action))
    return std::string("action must be confirm, reject, change or add");
  if (r.action != CorrectionAction::kAdd) {
    if (!j.contains("target") || !j["target"].is_object())
      return std::string("target must be the statement judged: {doc, actor, issue, stance, begin, end}");
    const json& t = j["target"];
    if (!StringField(t, "doc", &r.target.doc) || !StringField(t, "actor", &r.target.actor) ||
        !StringField(t, "issue", &r.target.issue) || !StanceField(t, "stance", &r.target.stance) ||
        !SizeField(t, "begin", &r.target.begin) || !SizeField(t, "end", &r.target.end) || r.target.stance == 0)
      return std::string("target needs doc, actor, issue (strings), stance (1 or -1), begin and end (offsets)");
  }
  if (!StringField(j, "actor", &r.actor) || !StringField(j, "issue", &r.issue) ||
      !StanceField(j, "stance", &r.stance) || !StringField(j, "doc", &r.doc) || !SizeField(j, "begin", &r.begin) ||
      !SizeField(j, "end", &r.end) || !StringField(j, "who", &r.who) || !StringField(j, "note", &r.note))
    return std::string("actor, issue, doc, who, note must be strings; stance 1 or -1; begin, end offsets");
  if (r.action == CorrectionAction::kAdd && (r.doc.empty() || r.actor.empty() || r.issue.empty() || r.stance == 0))
    return std::string("add needs doc, begin, end, actor, issue and stance");
  return r;
}

json CorrectionJson(const Correction& c) {
  json j = {{"id", c.id}, {"action", CorrectionActionName(c.action)}, {"who", c.who}, {"at", c.at},
            {"note", c.note}};
  if (c.action != CorrectionAction::kAdd)
    j["target"] = {{"doc", c.target.doc},     {"actor", c.target.actor}, {"issue", c.target.issue},
                   {"stance", c.target.stance}, {"begin", c.target.begin}, {"end", c.target.end}};
  return j;
}

ApiResponse PostCorrection(Workspace& ws, const ApiOptions& options, const ApiRequest& r) {
  auto parsed = ParseCorrection(r.body);
  if (auto* message = std::get_if<std::string>(&parsed)) return ErrorResponse(400, *message);
  CorrectionRequest req = std::get<CorrectionRequest>(parsed);
  if (req.who.empty()) req.who = r.user;
  if (req.who.empty()) req.who = options.default_user;
  auto done = ws.Correct(req);
  if (auto* e = std::get_if<WorkspaceError>(&done)) return ErrorResponse(e->status, e->message);
  const Correction& c = std::get<Correction>(done);
  if (options.on_correction) options.on_correction(c);
  std::shared_ptr<const Snapshot> snap = ws.Current();
  json j = CorrectionJson(c);
  j["statement"] = StatementJson(c.statement, *snap);
  j["generation"] = snap->generation();
  return ApiResponse{201, Dump(j)};
}

ApiResponse StatusView(const Workspace& ws, const ApiOptions& options) {
  std::string message;
  std::string state = ws.State(&message);
  std::shared_ptr<const Snapshot> snap = ws.Current();
  json j = {{"api", "v1"},
            {"version", options.version},
            {"state", state},
            {"message", message},
            {"read_only", ws.read_only()},
            {"reloading", ws.reloading()},
            {"user", options.default_user}};
  if (snap) {
    j["generation"] = snap->generation();
    j["statements"] = snap->statements().size();
    j["machine_statements"] = snap->machine_statements();
    j["corrections"] = snap->corrections().size();
    j["loaded"] = ws.LoadSummary();
  }
  return ApiResponse{200, Dump(j)};
}

}  // namespace

ApiResponse ErrorResponse(int status, const std::string& message) {
  return ApiResponse{status, Dump(json{{"error", {{"status", status}, {"message", message}}}})};
}

std::vector<std::pair<std::string, std::string>> Api::Routes() {
  std::vector<std::pair<std::string, std::string>> out = {
      {"GET", "/api/v1/status"}, {"POST", "/api/v1/corrections"}, {"POST", "/api/v1/reload"}};
  for (const Route& r : kGetRoutes) out.emplace_back("GET", r.path);
  return out;
}

ApiResponse Api::Handle(const ApiRequest& r) const {
  if (r.method == "GET" && r.path == "/api/v1/status") return StatusView(ws_, options_);
  if (r.path == "/api/v1/corrections" && r.method == "POST") {
    return PostCorrection(ws_, options_, r);
  }
  if (r.path == "/api/v1/reload" && r.method == "POST") {
    if (!ws_.StartReload()) return ErrorResponse(409, "a reload is running already");
    return ApiResponse{202, Dump(json{{"reloading", true}})};
  }
  const Route* route = nullptr;
  for (const Route& candidate : kGetRoutes)
    if (r.path == candidate.path) route = &candidate;
  if (route == nullptr) {
    for (const auto& [method, path] : Routes())
      if (path == r.path) return ErrorResponse(405, r.method + " is not allowed on " + r.path);
    return ErrorResponse(404, "no such endpoint: " + r.path + " (see /api/v1/openapi.yaml)");
  }
  if (r.method != "GET") return ErrorResponse(405, r.method + " is not allowed on " + r.path);
  std::shared_ptr<const Snapshot> snap = ws_.Current();
  if (!snap) {
    std::string message;
    std::string state = ws_.State(&message);
    if (state == "failed") return ErrorResponse(500, "loading the statements failed: " + message);
    return ErrorResponse(503, "the statements are still being loaded");
  }
  const std::string cache_key = r.path + "?" + r.query_key;
  if (route->cached)
    if (std::optional<std::string> body = snap->CachedResponse(cache_key)) return ApiResponse{200, *body};
  Result<ViewFilter> filter = ParseViewFilter(r.param);
  if (!filter.ok()) return ErrorResponse(400, filter.status().reason());
  ApiResponse out = route->view(ViewContext{*snap, *filter, r, ws_});
  if (route->cached && out.status == 200) snap->RememberResponse(cache_key, out.body);
  return out;
}

}  // namespace faultline::serve
