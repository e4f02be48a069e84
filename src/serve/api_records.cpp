// The API's records: statements (search), documents, corrections, and the vocabulary
// the correction forms offer.
#include <algorithm>
#include <set>

#include "report/json_report.h"
#include "serve/api.h"
#include "serve/api_json.h"
#include "serve/snapshot.h"
#include "statements/extractor.h"
#include "text/segment.h"

namespace faultline::serve {
namespace {

using nlohmann::json;

std::string Lower(std::string s) {
  for (char& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}

// Case-insensitive (ASCII) search over what a reader would look for in a statement.
bool Matches(const Statement& s, const std::string& q_lower) {
  if (q_lower.empty()) return true;
  for (const std::string* f : {&s.evidence, &s.actor, &s.issue, &s.person, &s.source, &s.outlet, &s.doc, &s.cue})
    if (Lower(*f).find(q_lower) != std::string::npos) return true;
  return false;
}

json RejectedJson(const StatementRef& ref, const ReviewMark& mark, const Snapshot& snap) {
  json j = StatementJson(snap.RejectedStatement(ref, mark), snap);
  j["review"] = {{"action", mark.action == CorrectionAction::kChange ? "changed" : "rejected"},
                 {"who", mark.who}, {"at", mark.at}, {"correction", mark.correction}};
  return j;
}

}  // namespace

json StatementJson(const Statement& s, const Snapshot& snap) {
  json j = report::StatementToJson(s, 0);
  j["sid"] = RefId(RefOf(s));
  j["doc_id"] = snap.DocumentId(s.doc);
  const ReviewMark* m = snap.corrected().MarkOf(s);
  j["review"] = m == nullptr ? json(nullptr)
                             : json{{"action", CorrectionActionName(m->action)}, {"who", m->who}, {"at", m->at},
                                    {"correction", m->correction}};
  return j;
}

ApiResponse StatementsView(const ViewContext& c) {
  ApiResponse error;
  long offset = 0, limit = 0;
  if (!IntParam(c.request, "offset", 0, 0, 100000000, &offset, &error) ||
      !IntParam(c.request, "limit", 50, 1, 500, &limit, &error))
    return error;
  std::string review = c.request.param("review");
  if (review.empty()) review = "any";
  if (review != "any" && review != "reviewed" && review != "unreviewed" && review != "rejected")
    return ErrorResponse(400, "review must be any, reviewed, unreviewed or rejected");
  const std::string q = Lower(c.request.param("q"));
  auto keep = [&](const Statement& s) {
    return c.filter.KeepsActor(s) && map::Selected(s, c.filter.map) && Matches(s, q);
  };
  json page = json::array();
  size_t total = 0;
  auto take = [&](json&& j) {
    if (total >= static_cast<size_t>(offset) && page.size() < static_cast<size_t>(limit)) page.push_back(std::move(j));
    ++total;
  };
  if (review == "rejected") {
    // Ordered by correction, oldest first, like the list of corrections.
    std::vector<std::pair<StatementRef, ReviewMark>> rejected(c.snap.corrected().rejected.begin(),
                                                               c.snap.corrected().rejected.end());
    std::sort(rejected.begin(), rejected.end(),
              [](const auto& a, const auto& b) { return a.second.correction < b.second.correction; });
    for (const auto& [ref, mark] : rejected)
      if (keep(c.snap.RejectedStatement(ref, mark))) take(RejectedJson(ref, mark, c.snap));
  } else {
    for (const Statement& s : c.snap.statements()) {
      if (!keep(s)) continue;
      if (review != "any" && (c.snap.corrected().MarkOf(s) != nullptr) != (review == "reviewed")) continue;
      // Only the page is serialised; the rest is counted.
      if (total >= static_cast<size_t>(offset) && page.size() < static_cast<size_t>(limit))
        page.push_back(StatementJson(s, c.snap));
      ++total;
    }
  }
  return Ok({{"generation", c.snap.generation()}, {"filter", FilterJson(c.filter)}, {"q", c.request.param("q")},
             {"review", review}, {"total", total}, {"offset", offset}, {"limit", limit}, {"statements", page}});
}

ApiResponse DocumentView(const ViewContext& c) {
  std::string id = c.request.param("id");
  if (id.empty()) return ErrorResponse(400, "give id");
  Result<Document> doc = c.ws.GetDocument(id);
  if (!doc.ok()) return ErrorResponse(404, "no stored document with id \"" + id + "\"");
  json sentences = json::array();
  for (const Span& sp : SplitSentences(doc->text)) sentences.push_back({sp.begin, sp.end});
  json statements = json::array();
  const std::string name = StatementDocName(*doc);
  for (size_t i : c.snap.OfDocument(name)) statements.push_back(StatementJson(c.snap.statements()[i], c.snap));
  json rejected = json::array();
  for (const auto& [ref, mark] : c.snap.corrected().rejected)
    if (ref.doc == name) rejected.push_back(RejectedJson(ref, mark, c.snap));
  return Ok({{"generation", c.snap.generation()},
             {"id", doc->id},
             {"file", doc->file},
             {"url", OrNull(doc->url)},
             {"title", OrNull(doc->title)},
             {"date", OrNull(doc->date)},
             {"outlet", OrNull(doc->outlet)},
             {"author", OrNull(doc->author)},
             {"language", OrNull(doc->language)},
             {"text", doc->text},
             {"sentences", sentences},
             {"statements", statements},
             {"rejected", rejected}});
}

ApiResponse CorrectionsView(const ViewContext& c) {
  ApiResponse error;
  long offset = 0, limit = 0;
  if (!IntParam(c.request, "offset", 0, 0, 100000000, &offset, &error) ||
      !IntParam(c.request, "limit", 100, 1, 1000, &limit, &error))
    return error;
  const std::string doc = c.request.param("doc");
  const auto& all = c.snap.corrections();
  const auto& outcomes = c.snap.corrected().outcomes;
  json list = json::array();
  size_t total = 0;
  for (size_t k = all.size(); k-- > 0;) {  // newest first
    const Correction& x = all[k];
    if (!doc.empty() && x.statement.doc != doc) continue;
    if (total++ < static_cast<size_t>(offset) || list.size() >= static_cast<size_t>(limit)) continue;
    json j = {{"id", x.id},
              {"action", CorrectionActionName(x.action)},
              {"who", x.who},
              {"at", x.at},
              {"note", x.note},
              {"outcome", CorrectionOutcomeName(outcomes[k])},
              {"statement", report::StatementToJson(x.statement, 0)}};
    j["statement"]["doc_id"] = c.snap.DocumentId(x.statement.doc);
    if (x.action != CorrectionAction::kAdd)
      j["target"] = {{"doc", x.target.doc},     {"actor", x.target.actor}, {"issue", x.target.issue},
                     {"stance", x.target.stance}, {"begin", x.target.begin}, {"end", x.target.end}};
    list.push_back(j);
  }
  return Ok({{"generation", c.snap.generation()}, {"total", total}, {"offset", offset}, {"corrections", list}});
}

ApiResponse VocabularyView(const ViewContext& c) {
  json issues = json::array();
  if (const Codebook* cb = c.ws.codebook())
    for (const Issue& is : cb->issues())
      issues.push_back({{"id", is.id}, {"label", is.label}, {"proposition", is.proposition}});
  std::set<std::string> actors, outlets;
  for (const Statement& s : c.snap.statements()) {
    actors.insert(s.actor);
    if (!s.outlet.empty()) outlets.insert(s.outlet);
  }
  return Ok({{"generation", c.snap.generation()}, {"issues", issues}, {"actors", actors}, {"outlets", outlets}});
}

}  // namespace faultline::serve
