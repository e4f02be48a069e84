#include "report/json_report.h"

#include <cmath>

namespace faultline::report {
namespace {

using nlohmann::json;

// Rounded so that output is stable and readable; the map's figures are ratios of counts.
double Round(double v) { return std::round(v * 1e6) / 1e6; }

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json Ids(const std::vector<size_t>& idx) {
  json a = json::array();
  for (size_t i : idx) a.push_back(i + 1);
  return a;
}

json WindowJson(const map::WindowStance& w) {
  return json{{"window", w.window}, {"stance", Round(w.stance)}, {"count", w.count},
              {"statements", Ids(w.statements)}};
}

json OriginGroups(const map::Cell& c) {
  json a = json::array();
  for (const map::CellOrigin& g : c.origin_groups)
    a.push_back({{"origin", g.label}, {"key", g.key}, {"stance", g.stance}, {"statements", Ids(g.statements)}});
  return a;
}

json ActorsOf(const map::Map& m, const std::vector<size_t>& cells) {
  json a = json::array();
  for (size_t ci : cells) a.push_back(m.cells[ci].actor);
  return a;
}

}  // namespace

json StatementToJson(const Statement& s, size_t id) {
  json j;
  if (id > 0) j["id"] = id;
  j["doc"] = s.doc;
  j["actor"] = s.actor;
  j["issue"] = s.issue;
  j["stance"] = s.stance;
  j["evidence"] = s.evidence;
  j["begin"] = s.begin;
  j["end"] = s.end;
  j["person"] = s.person;
  if (!s.cameo.empty()) j["cameo"] = s.cameo;
  j["cue"] = s.cue;
  j["rule"] = s.rule;
  j["confidence"] = s.confidence;
  j["source"] = s.source;
  j["date"] = s.date;
  j["outlet"] = s.outlet;
  return j;
}

json MapToJson(const map::Map& m, bool with_statements) {
  json j;
  j["format"] = "faultline-map";
  j["version"] = 1;
  j["options"] = {{"from", OrNull(m.options.from)},
                  {"to", OrNull(m.options.to)},
                  {"window", map::WindowName(m.options.window)},
                  {"outlet", OrNull(m.options.outlet)},
                  {"issue", OrNull(m.options.issue)},
                  {"actor", OrNull(m.options.actor)},
                  {"normalization", map::NormalizationName(m.options.normalization)},
                  {"tie_basis", map::TieBasisName(m.options.basis)},
                  {"min_confidence", m.options.min_confidence},
                  {"weight_by_confidence", m.options.weight_by_confidence}};
  j["summary"] = {{"statements", m.statements.size()},
                  {"input_statements", m.input_statements},
                  {"excluded_by_range", m.excluded_by_range},
                  {"undated", m.undated},
                  {"documents", m.documents},
                  {"first", OrNull(m.first)},
                  {"last", OrNull(m.last)},
                  {"actors", m.actors},
                  {"outlets", m.outlets}};

  // What the codes stand for, for the actors and issues of this map.
  json actor_names = json::object(), issue_texts = json::object();
  for (const auto& a : m.actors) actor_names[a] = OrNull(m.names.ActorName(a));
  for (const auto& is : m.issues)
    issue_texts[is.issue] = {{"label", OrNull(m.names.IssueLabel(is.issue))},
                             {"proposition", OrNull(m.names.IssueProposition(is.issue))}};
  j["names"] = {{"actors", std::move(actor_names)}, {"issues", std::move(issue_texts)}};

  json issues = json::array();
  for (const auto& is : m.issues)
    issues.push_back({{"issue", is.issue},
                      {"label", OrNull(m.names.IssueLabel(is.issue))},
                      {"proposition", OrNull(m.names.IssueProposition(is.issue))},
                      {"split", Round(is.split)},
                      {"contested", Round(is.contested)},
                      {"weight_for", Round(is.weight_for)},
                      {"weight_against", Round(is.weight_against)},
                      {"count", is.count},
                      {"for", ActorsOf(m, is.for_cells)},
                      {"against", ActorsOf(m, is.against_cells)},
                      {"mixed", ActorsOf(m, is.mixed_cells)}});
  j["issues"] = std::move(issues);

  json cells = json::array();
  for (const auto& c : m.cells) {
    json timeline = json::array();
    for (const auto& w : c.timeline) timeline.push_back(WindowJson(w));
    cells.push_back({{"actor", c.actor},
                     {"actor_name", OrNull(m.names.ActorName(c.actor))},
                     {"issue", c.issue},
                     {"issue_label", OrNull(m.names.IssueLabel(c.issue))},
                     {"stance", Round(c.stance)},
                     {"count", c.count},
                     {"documents", c.documents},
                     {"origins", c.origins},
                     {"origins_for", c.origins_for},
                     {"origins_against", c.origins_against},
                     {"origin_groups", OriginGroups(c)},
                     {"docs_for", c.docs_for},
                     {"docs_against", c.docs_against},
                     {"outlets", c.outlets},
                     {"outlets_disagree", c.outlets_disagree},
                     {"first", OrNull(c.first)},
                     {"last", OrNull(c.last)},
                     {"undated", c.undated},
                     {"timeline", std::move(timeline)},
                     {"statements", Ids(c.statements)}});
  }
  j["cells"] = std::move(cells);

  json shifts = json::array();
  for (const auto& s : m.shifts)
    shifts.push_back({{"actor", s.actor}, {"issue", s.issue}, {"from", WindowJson(s.from)}, {"to", WindowJson(s.to)}});
  j["shifts"] = std::move(shifts);

  json camps = json::array();
  for (const auto& c : m.camps.camps) {
    json profile = json::array();
    for (const auto& [issue, s] : c.profile) profile.push_back({{"issue", issue}, {"stance", Round(s)}});
    camps.push_back({{"actors", c.actors}, {"profile", std::move(profile)}});
  }
  j["camps"] = std::move(camps);
  json by_window = json::array();
  for (const auto& wc : m.camps_by_window) {
    json cs = json::array();
    for (const auto& c : wc.camps.camps) cs.push_back({{"actors", c.actors}});
    by_window.push_back({{"window", wc.window},
                         {"modularity", wc.camps.has_modularity ? json(Round(wc.camps.modularity)) : json(nullptr)},
                         {"camps", std::move(cs)}});
  }
  j["camps_by_window"] = std::move(by_window);
  j["camp_detection"] = {{"algorithm", m.camps.algorithm},
                         {"network", "congruence"},
                         {"tie_basis", map::TieBasisName(m.networks.basis)},
                         {"normalization", map::NormalizationName(m.networks.normalization)},
                         {"modularity", m.camps.has_modularity ? json(Round(m.camps.modularity)) : json(nullptr)}};

  json ties = json::array();
  const auto& net = m.networks;
  for (size_t a = 0; a < net.actors.size(); ++a)
    for (size_t b = a + 1; b < net.actors.size(); ++b) {
      double cg = net.congruence_at(a, b), cf = net.conflict_at(a, b);
      if (cg == 0 && cf == 0) continue;
      ties.push_back({{"source", net.actors[a]}, {"target", net.actors[b]},
                      {"congruence", Round(cg)}, {"conflict", Round(cf)}});
    }
  j["networks"] = {{"normalization", map::NormalizationName(net.normalization)},
                   {"tie_basis", map::TieBasisName(net.basis)},
                   {"actors", net.actors},
                   {"ties", std::move(ties)}};

  json outlets = json::array();
  for (size_t k = 0; k < m.outlet_cells.size();) {
    const std::string& name = m.outlet_cells[k].outlet;
    json oc = json::array();
    int count = 0;
    for (; k < m.outlet_cells.size() && m.outlet_cells[k].outlet == name; ++k) {
      const auto& c = m.outlet_cells[k];
      count += c.count;
      oc.push_back({{"actor", c.actor}, {"issue", c.issue}, {"stance", Round(c.stance)},
                    {"count", c.count}, {"statements", Ids(c.statements)}});
    }
    outlets.push_back({{"outlet", name}, {"count", count}, {"cells", std::move(oc)}});
  }
  j["outlets"] = std::move(outlets);

  if (with_statements) {
    json statements = json::array();
    for (size_t i = 0; i < m.statements.size(); ++i) statements.push_back(StatementToJson(m.statements[i], i + 1));
    j["statements"] = std::move(statements);
  }
  return j;
}

void WriteJson(const map::Map& m, std::ostream& out) {
  // The statements are streamed one a line after the rest of the map rather than built
  // as one tree: a million of them would otherwise take most of the time and memory.
  std::string head = MapToJson(m, false).dump(2, ' ', false, json::error_handler_t::replace);
  head.pop_back();  // the closing brace
  while (!head.empty() && (head.back() == '\n' || head.back() == ' ')) head.pop_back();
  out << head << ",\n  \"statements\": [";
  for (size_t i = 0; i < m.statements.size(); ++i)
    out << (i ? ",\n    " : "\n    ")
        << StatementToJson(m.statements[i], i + 1).dump(-1, ' ', false, json::error_handler_t::replace);
  out << (m.statements.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

void WriteWhyJson(const map::Map& m, const std::string& actor, const std::string& issue,
                  std::ostream& out) {
  json j;
  j["actor"] = actor;
  j["actor_name"] = OrNull(m.names.ActorName(actor));
  j["issue"] = issue;
  j["issue_label"] = OrNull(m.names.IssueLabel(issue));
  j["proposition"] = OrNull(m.names.IssueProposition(issue));
  const map::Cell* c = m.FindCell(actor, issue);
  json statements = json::array();
  if (c != nullptr) {
    j["stance"] = Round(c->stance);
    j["count"] = c->count;
    j["documents"] = c->documents;
    j["origins"] = c->origins;
    j["origin_groups"] = OriginGroups(*c);
    j["outlets"] = c->outlets;
    j["first"] = OrNull(c->first);
    j["last"] = OrNull(c->last);
    for (size_t i : c->statements) statements.push_back(StatementToJson(m.statements[i], i + 1));
  } else {
    j["stance"] = nullptr;
    j["count"] = 0;
  }
  j["statements"] = std::move(statements);
  out << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace faultline::report
