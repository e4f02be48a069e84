// The map's views: the whole map, one cell, a cell's evidence, an issue, an actor,
// shifts, camps, outlets. Each reads the Map that Snapshot::MapFor builds for the filter.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "serve/api.h"
#include "serve/api_json.h"
#include "serve/snapshot.h"
#include "serve/view_filter.h"

namespace faultline::serve {
namespace {

using nlohmann::json;

// Statements of the cell a person confirmed, changed or added.
int Reviewed(const map::Map& m, const map::Cell& cell, const Snapshot& snap) {
  int n = 0;
  for (size_t i : cell.statements) n += snap.corrected().MarkOf(m.statements[i]) != nullptr;
  return n;
}

json CellJson(const map::Map& m, const map::Cell& c, const Snapshot& snap) {
  return {{"actor", c.actor},
          {"issue", c.issue},
          {"stance", Round4(c.stance)},
          {"count", c.count},
          {"documents", c.documents},
          {"origins", c.origins},
          {"docs_for", c.docs_for},
          {"docs_against", c.docs_against},
          {"outlets", c.outlets.size()},
          {"outlets_disagree", c.outlets_disagree},
          {"first", OrNull(c.first)},
          {"last", OrNull(c.last)},
          {"undated", c.undated},
          {"reviewed", Reviewed(m, c, snap)}};
}

json TimelineJson(const map::Cell& c) {
  json t = json::array();
  for (const auto& w : c.timeline) t.push_back({{"window", w.window}, {"stance", Round4(w.stance)}, {"count", w.count}});
  return t;
}

// The cells `keep` selects, each with its timeline; *windows gets every window they use.
json CellsWithTimelines(const map::Map& m, const Snapshot& snap, const std::function<bool(const map::Cell&)>& keep,
                        std::set<std::string>* windows) {
  json cells = json::array();
  for (const auto& cell : m.cells) {
    if (!keep(cell)) continue;
    json j = CellJson(m, cell, snap);
    j["timeline"] = TimelineJson(cell);
    for (const auto& w : cell.timeline) windows->insert(w.window);
    cells.push_back(j);
  }
  return cells;
}

json WindowEnd(const map::Map& m, const map::WindowStance& w, const Snapshot& snap) {
  json ev = json::array();
  for (size_t k = 0; k < w.statements.size() && k < 2; ++k) ev.push_back(StatementJson(m.statements[w.statements[k]], snap));
  return {{"window", w.window}, {"stance", Round4(w.stance)}, {"count", w.count}, {"evidence", ev}};
}

json ShiftJson(const map::Map& m, const map::Shift& s, const Snapshot& snap) {
  return {{"actor", s.actor},
          {"issue", s.issue},
          {"from", WindowEnd(m, s.from, snap)},
          {"to", WindowEnd(m, s.to, snap)},
          {"timeline", TimelineJson(m.cells[s.cell])}};  // the whole course, for drawing
}

json IssueJson(const map::IssueSummary& is, const map::Map& m, const Workspace& ws) {
  auto actors = [&](const std::vector<size_t>& cells) {
    json a = json::array();
    for (size_t ci : cells) a.push_back(m.cells[ci].actor);
    return a;
  };
  json j = {{"issue", is.issue},           {"split", Round4(is.split)},   {"contested", Round4(is.contested)},
            {"count", is.count},           {"for", actors(is.for_cells)}, {"against", actors(is.against_cells)},
            {"mixed", actors(is.mixed_cells)}};
  if (const Codebook* cb = ws.codebook()) {
    int i = cb->FindIssue(is.issue);
    if (i >= 0) {
      j["label"] = cb->issues()[i].label;
      j["proposition"] = cb->issues()[i].proposition;
    }
  }
  return j;
}

json CampsJson(const map::Camps& camps) {
  json list = json::array();
  for (const auto& c : camps.camps) {
    json profile = json::array();
    for (const auto& [issue, stance] : c.profile) profile.push_back({{"issue", issue}, {"stance", Round4(stance)}});
    list.push_back({{"actors", c.actors}, {"profile", profile}});
  }
  return list;
}

// The statements of a cell gathered under one heading, for the evidence view.
struct EvidenceGroup {
  json head;                    // what names the group: outlet, or origin and label; its stance
  std::vector<size_t> statements;  // indices into Map::statements
};

// By outlet (each with the outlet's own net stance from the map's outlet view), largest first.
std::vector<EvidenceGroup> GroupsByOutlet(const map::Map& m, const map::Cell& cell) {
  std::map<std::string, std::vector<size_t>> groups;
  for (size_t i : cell.statements) groups[m.statements[i].outlet].push_back(i);
  std::map<std::string, double> stance;
  for (size_t oi : cell.outlet_cells) stance[m.outlet_cells[oi].outlet] = m.outlet_cells[oi].stance;
  std::vector<EvidenceGroup> out;
  for (auto& [outlet, idx] : groups) {
    auto v = stance.find(outlet);
    out.push_back({{{"outlet", OrNull(outlet)}, {"stance", v == stance.end() ? json(nullptr) : json(Round4(v->second))}},
                   std::move(idx)});
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.statements.size() > b.statements.size(); });
  return out;
}

// By independent origin (the story's first report, or the outlet a relay names), in the
// map's order: strongest first. Relays of one report fall in one group.
std::vector<EvidenceGroup> GroupsByOrigin(const map::Cell& cell) {
  std::vector<EvidenceGroup> out;
  for (const map::CellOrigin& o : cell.origin_groups)
    out.push_back({{{"origin", o.key}, {"label", o.label}, {"stance", o.stance}}, o.statements});
  return out;
}

const map::Cell* CellOf(const map::Map& m, const ViewContext& c, ApiResponse* error) {
  std::string actor = c.request.param("actor"), issue = c.request.param("issue");
  if (actor.empty() || issue.empty()) {
    *error = ErrorResponse(400, "give actor and issue");
    return nullptr;
  }
  const map::Cell* cell = m.FindCell(actor, issue);
  if (cell == nullptr) *error = ErrorResponse(404, "no statement of " + actor + " on " + issue + " in this view");
  return cell;
}

}  // namespace

ApiResponse MapView(const ViewContext& c) {
  std::shared_ptr<const map::Map> m = c.snap.MapFor(c.filter);
  json issues = json::array();
  for (const auto& is : m->issues) issues.push_back(IssueJson(is, *m, c.ws));
  json cells = json::array();
  for (const auto& cell : m->cells) cells.push_back(CellJson(*m, cell, c.snap));
  // Names from the knowledge base beside the codes (null: the knowledge base has none).
  json names = json::object();
  for (const auto& a : m->actors) names[a] = OrNull(m->names.ActorName(a));
  return Ok({{"generation", c.snap.generation()},
             {"filter", FilterJson(c.filter)},
             {"summary",
              {{"statements", m->statements.size()}, {"input_statements", m->input_statements},
               {"excluded_by_range", m->excluded_by_range}, {"undated", m->undated},
               {"documents", m->documents}, {"first", OrNull(m->first)}, {"last", OrNull(m->last)},
               {"shifts", m->shifts.size()}, {"corrections", c.snap.corrections().size()}}},
             {"actors", m->actors},
             {"actor_names", names},
             {"outlets", m->outlets},
             {"issues", issues},
             {"cells", cells},
             {"camps", CampsJson(m->camps)}});
}

ApiResponse CellView(const ViewContext& c) {
  std::shared_ptr<const map::Map> m = c.snap.MapFor(c.filter);
  ApiResponse error;
  const map::Cell* cell = CellOf(*m, c, &error);
  if (cell == nullptr) return error;
  json j = CellJson(*m, *cell, c.snap);
  j["timeline"] = TimelineJson(*cell);
  json outlets = json::array();
  for (size_t oi : cell->outlet_cells) {
    const map::OutletCell& oc = m->outlet_cells[oi];
    outlets.push_back({{"outlet", oc.outlet}, {"stance", Round4(oc.stance)}, {"count", oc.count}});
  }
  j["by_outlet"] = outlets;
  json shifts = json::array();
  for (const auto& s : m->shifts)
    if (s.actor == cell->actor && s.issue == cell->issue) shifts.push_back(ShiftJson(*m, s, c.snap));
  j["shifts"] = shifts;
  return Ok({{"generation", c.snap.generation()}, {"filter", FilterJson(c.filter)}, {"cell", j}});
}

ApiResponse EvidenceView(const ViewContext& c) {
  std::shared_ptr<const map::Map> m = c.snap.MapFor(c.filter);
  ApiResponse error;
  const map::Cell* cell = CellOf(*m, c, &error);
  if (cell == nullptr) return error;
  long limit = 0;
  if (!IntParam(c.request, "limit", 50, 1, 500, &limit, &error)) return error;
  const std::string by = c.request.param("group").empty() ? "outlet" : c.request.param("group");
  if (by != "outlet" && by != "origin") return ErrorResponse(400, "group must be outlet or origin, not " + by);
  json out = json::array();
  for (EvidenceGroup& g : by == "origin" ? GroupsByOrigin(*cell) : GroupsByOutlet(*m, *cell)) {
    std::stable_sort(g.statements.begin(), g.statements.end(),
                     [&](size_t a, size_t b) { return m->statements[a].date < m->statements[b].date; });
    json list = json::array();
    std::set<std::string> outlets;
    for (size_t k = 0; k < g.statements.size(); ++k) {
      const Statement& s = m->statements[g.statements[k]];
      if (!s.outlet.empty()) outlets.insert(s.outlet);
      if (k < static_cast<size_t>(limit)) list.push_back(StatementJson(s, c.snap));
    }
    json j = std::move(g.head);
    j["count"] = g.statements.size();
    j["more"] = g.statements.size() > static_cast<size_t>(limit) ? g.statements.size() - limit : 0;
    if (by == "origin") j["outlets"] = outlets;  // who carried this origin's report
    j["statements"] = list;
    out.push_back(std::move(j));
  }
  // What people took out of this cell, within the view's filters, so that it can be put back.
  json rejected = json::array();
  for (const auto& [ref, mark] : c.snap.corrected().rejected) {
    if (ref.actor != cell->actor || ref.issue != cell->issue) continue;
    Statement s = c.snap.RejectedStatement(ref, mark);
    if (!map::Selected(s, c.filter.map)) continue;
    json j = StatementJson(s, c.snap);
    j["review"] = {{"action", mark.action == CorrectionAction::kChange ? "changed" : "rejected"},
                   {"who", mark.who}, {"at", mark.at}, {"correction", mark.correction}};
    rejected.push_back(j);
  }
  return Ok({{"generation", c.snap.generation()},
             {"actor", cell->actor},
             {"issue", cell->issue},
             {"stance", Round4(cell->stance)},
             {"count", cell->count},
             {"origins", cell->origins},
             {"group", by},
             {"groups", out},
             {"rejected", rejected}});
}

ApiResponse IssueView(const ViewContext& c) {
  std::string issue = c.request.param("issue");
  if (issue.empty()) return ErrorResponse(400, "give issue");
  std::shared_ptr<const map::Map> m = c.snap.MapFor(c.filter);
  auto it = std::find_if(m->issues.begin(), m->issues.end(), [&](const auto& is) { return is.issue == issue; });
  if (it == m->issues.end()) return ErrorResponse(404, "no statement on " + issue + " in this view");
  std::set<std::string> windows;
  json cells = CellsWithTimelines(*m, c.snap, [&](const map::Cell& cell) { return cell.issue == issue; }, &windows);
  json shifts = json::array();
  for (const auto& s : m->shifts)
    if (s.issue == issue) shifts.push_back(ShiftJson(*m, s, c.snap));
  return Ok({{"generation", c.snap.generation()}, {"filter", FilterJson(c.filter)},
             {"issue", IssueJson(*it, *m, c.ws)}, {"windows", windows}, {"cells", cells}, {"shifts", shifts}});
}

ApiResponse ActorView(const ViewContext& c) {
  std::string actor = c.request.param("actor");
  if (actor.empty()) return ErrorResponse(400, "give actor");
  // The actor's cells come from the map of everyone (the filter's actor is this one
  // anyway), so that its camp is the camp it has among the others.
  ViewFilter all = c.filter;
  all.actor.clear();
  std::shared_ptr<const map::Map> m = c.snap.MapFor(all);
  std::set<std::string> windows;
  json cells = CellsWithTimelines(*m, c.snap, [&](const map::Cell& cell) { return cell.actor == actor; }, &windows);
  if (cells.empty()) return ErrorResponse(404, "no statement of " + actor + " in this view");
  json shifts = json::array();
  for (const auto& s : m->shifts)
    if (s.actor == actor) shifts.push_back(ShiftJson(*m, s, c.snap));
  json camp = nullptr;
  for (const auto& cp : m->camps.camps)
    if (std::binary_search(cp.actors.begin(), cp.actors.end(), actor)) camp = cp.actors;
  return Ok({{"generation", c.snap.generation()}, {"filter", FilterJson(c.filter)}, {"actor", actor},
             {"windows", windows}, {"cells", cells}, {"shifts", shifts}, {"camp", camp}});
}

ApiResponse ShiftsView(const ViewContext& c) {
  std::shared_ptr<const map::Map> m = c.snap.MapFor(c.filter);
  json shifts = json::array();
  for (const auto& s : m->shifts) shifts.push_back(ShiftJson(*m, s, c.snap));
  return Ok({{"generation", c.snap.generation()}, {"filter", FilterJson(c.filter)}, {"shifts", shifts}});
}

ApiResponse CampsView(const ViewContext& c) {
  std::shared_ptr<const map::Map> m = c.snap.MapFor(c.filter);
  json by_window = json::array();
  for (const auto& w : m->camps_by_window) {
    json camps = json::array();
    for (const auto& cp : w.camps.camps) camps.push_back(cp.actors);
    by_window.push_back({{"window", w.window},
                         {"modularity", w.camps.has_modularity ? json(Round4(w.camps.modularity)) : json(nullptr)},
                         {"camps", camps}});
  }
  // The strongest ties, enough to draw: congruence and conflict per pair.
  const map::Networks& n = m->networks;
  struct Tie { size_t i, j; double congruence, conflict; };
  std::vector<Tie> ties;
  for (size_t i = 0; i < n.actors.size(); ++i)
    for (size_t j = i + 1; j < n.actors.size(); ++j)
      if (n.congruence_at(i, j) > 0 || n.conflict_at(i, j) > 0)
        ties.push_back({i, j, n.congruence_at(i, j), n.conflict_at(i, j)});
  std::stable_sort(ties.begin(), ties.end(), [](const Tie& a, const Tie& b) {
    return a.congruence + a.conflict > b.congruence + b.conflict;
  });
  if (ties.size() > 600) ties.resize(600);
  json tie_list = json::array();
  for (const Tie& t : ties)
    tie_list.push_back({{"source", n.actors[t.i]}, {"target", n.actors[t.j]},
                        {"congruence", Round4(t.congruence)}, {"conflict", Round4(t.conflict)}});
  return Ok({{"generation", c.snap.generation()},
             {"filter", FilterJson(c.filter)},
             {"algorithm", m->camps.algorithm},
             {"modularity", m->camps.has_modularity ? json(Round4(m->camps.modularity)) : json(nullptr)},
             {"normalization", map::NormalizationName(n.normalization)},
             {"tie_basis", map::TieBasisName(n.basis)},
             {"camps", CampsJson(m->camps)},
             {"by_window", by_window},
             {"ties", tie_list}});
}

ApiResponse OutletsView(const ViewContext& c) {
  std::shared_ptr<const map::Map> m = c.snap.MapFor(c.filter);
  std::map<std::string, std::pair<int, int>> totals;  // outlet -> statements, cells
  for (const auto& oc : m->outlet_cells) {
    totals[oc.outlet].first += oc.count;
    totals[oc.outlet].second += 1;
  }
  json outlets = json::array();
  for (const auto& [name, t] : totals) outlets.push_back({{"outlet", name}, {"statements", t.first}, {"cells", t.second}});
  std::stable_sort(outlets.begin(), outlets.end(), [](const json& a, const json& b) { return a["statements"] > b["statements"]; });
  // Cells told by several outlets: disagreements first, then the best attested.
  std::vector<const map::Cell*> shared;
  for (const auto& cell : m->cells)
    if (cell.outlets.size() > 1) shared.push_back(&cell);
  std::stable_sort(shared.begin(), shared.end(), [](const map::Cell* a, const map::Cell* b) {
    if (a->outlets_disagree != b->outlets_disagree) return a->outlets_disagree;
    return a->count > b->count;
  });
  json cells = json::array();
  for (const map::Cell* cell : shared) {
    json views = json::array();
    for (size_t oi : cell->outlet_cells) {
      const map::OutletCell& oc = m->outlet_cells[oi];
      views.push_back({{"outlet", oc.outlet}, {"stance", Round4(oc.stance)}, {"count", oc.count}});
    }
    json j = CellJson(*m, *cell, c.snap);
    j["by_outlet"] = views;
    cells.push_back(j);
  }
  return Ok({{"generation", c.snap.generation()}, {"filter", FilterJson(c.filter)}, {"outlets", outlets},
             {"shared_cells", cells}});
}

}  // namespace faultline::serve
