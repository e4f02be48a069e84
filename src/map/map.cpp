#include "map/map.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <strings.h>
#include <unordered_map>
#include <utility>

#include "map/camps.h"
#include "map/networks.h"

namespace faultline::map {
namespace {

// Interns strings to dense ids so that the per-statement pass touches no strings twice.
class Interner {
 public:
  int Id(const std::string& s) {
    auto [it, inserted] = ids_.emplace(s, static_cast<int>(names_.size()));
    if (inserted) names_.push_back(s);
    return it->second;
  }
  const std::string& Name(int id) const { return names_[id]; }
  size_t size() const { return names_.size(); }
 private:
  std::unordered_map<std::string, int> ids_;
  std::vector<std::string> names_;
};

// One document's stance on a cell, weighted (by the statement's confidence, or 1).
struct Vote {
  int doc = 0;
  int stance = 0;
  double weight = 1;
};

// Net stance over unique documents: each document counts once per stance it gives, with
// the weight of its strongest statement of that stance.
struct DocTally {
  int pro = 0, con = 0, docs = 0;
  double weight_pro = 0, weight_con = 0;
  double net() const {
    return weight_pro + weight_con <= 0 ? 0.0 : (weight_pro - weight_con) / (weight_pro + weight_con);
  }
};

// Sorts `votes` in place (by document, stance, heaviest first) and tallies them.
DocTally Tally(std::vector<Vote>* votes) {
  std::sort(votes->begin(), votes->end(), [](const Vote& a, const Vote& b) {
    if (a.doc != b.doc) return a.doc < b.doc;
    if (a.stance != b.stance) return a.stance < b.stance;
    return a.weight > b.weight;
  });
  DocTally t;
  int last_doc = -1;
  for (size_t i = 0; i < votes->size(); ++i) {
    const Vote& v = (*votes)[i];
    if (i > 0 && (*votes)[i - 1].doc == v.doc && (*votes)[i - 1].stance == v.stance) continue;
    if (v.stance > 0) {
      ++t.pro;
      t.weight_pro += v.weight;
    } else {
      ++t.con;
      t.weight_con += v.weight;
    }
    if (v.doc != last_doc) { ++t.docs; last_doc = v.doc; }
  }
  return t;
}

int Sign(double x) { return x > 0 ? 1 : (x < 0 ? -1 : 0); }

struct Work {
  int actor, issue;
  std::vector<size_t> statements;
};

}  // namespace

bool Selected(const Statement& s, const MapOptions& o) {
  if (!o.outlet.empty() && strcasecmp(s.outlet.c_str(), o.outlet.c_str()) != 0) return false;
  if (!o.issue.empty() && s.issue != o.issue) return false;
  if (!o.actor.empty() && s.actor != o.actor) return false;
  if (s.confidence < o.min_confidence) return false;
  return WithinRange(s.date, o.from, o.to);
}

const Cell* Map::FindCell(const std::string& actor, const std::string& issue) const {
  for (const Cell& c : cells)
    if (c.actor == actor && c.issue == issue) return &c;
  return nullptr;
}

namespace {

// The origins of a cell: statements grouped by origin key, each group's net sign, and
// how many origins stand on each side.
void GroupOrigins(Cell* c, const std::vector<OriginRef>& origin, const std::vector<Statement>& statements) {
  std::map<std::string, size_t> index;
  for (size_t i : c->statements) {
    auto [it, inserted] = index.emplace(origin[i].key, c->origin_groups.size());
    if (inserted) c->origin_groups.push_back(CellOrigin{origin[i].key, origin[i].label, 0, {}});
    c->origin_groups[it->second].statements.push_back(i);
  }
  for (CellOrigin& g : c->origin_groups) {
    int pro = 0, con = 0;
    for (size_t i : g.statements) (statements[i].stance > 0 ? pro : con) = 1;
    c->origins_for += pro;
    c->origins_against += con;
    g.stance = pro - con;
  }
  c->origins = static_cast<int>(c->origin_groups.size());
  std::stable_sort(c->origin_groups.begin(), c->origin_groups.end(), [](const CellOrigin& a, const CellOrigin& b) {
    return a.statements.size() > b.statements.size();
  });
}

}  // namespace

namespace {

// The networks are dense (actors² ties, twice) and camps of actors with a statement or two
// say little: over this many actors, networks and camps keep the actors with the most
// statements (10,000 actors once needed more than 24 GB). The map's cells keep everyone.
constexpr size_t kMaxNetworkActors = 1000;

// `actors` (sorted), or the kMaxNetworkActors of them with the most statements in `cells`
// (sorted again); *note then says what was left out, for the camps' description.
std::vector<std::string> NetworkActors(const std::vector<std::string>& actors, const std::vector<Cell>& cells,
                                       std::string* note) {
  if (actors.size() <= kMaxNetworkActors) return actors;
  std::unordered_map<std::string, int> statements;
  for (const Cell& c : cells) statements[c.actor] += c.count;
  std::vector<std::pair<int, std::string>> ranked;
  for (const std::string& a : actors) ranked.emplace_back(-statements[a], a);
  std::sort(ranked.begin(), ranked.end());
  ranked.resize(kMaxNetworkActors);
  std::vector<std::string> kept;
  for (auto& [n, a] : ranked) kept.push_back(std::move(a));
  std::sort(kept.begin(), kept.end());
  *note = "; networks and camps over the " + std::to_string(kMaxNetworkActors) +
          " actors with the most statements (" + std::to_string(-ranked.back().first) + " or more), " +
          std::to_string(actors.size() - kMaxNetworkActors) + " actors with fewer left out";
  return kept;
}

}  // namespace

namespace {

// Keeps the statements with a stance that fall in the range and pass the filters;
// counts those left out by the range alone.
void SelectStatements(std::vector<Statement> input, const MapOptions& options, Map* m) {
  m->statements.reserve(input.size());
  for (Statement& s : input) {
    if (s.stance != 1 && s.stance != -1) continue;
    if (!WithinRange(s.date, options.from, options.to)) {
      ++m->excluded_by_range;
      continue;
    }
    if (!Selected(s, options)) continue;
    m->statements.push_back(std::move(s));
  }
  std::vector<Statement>().swap(input);
}

// Dense ids for what the per-statement passes compare, statement by statement, and the
// statements of each (actor, issue) cell in the order the cells first appear.
struct MapStatementIndex {
  Interner actors, issues, docs, outlets;
  std::vector<std::string> window_label;  // "" when the statement has no window
  std::vector<int> doc_id, outlet_id;     // outlet_id -1: no outlet
  std::vector<Work> work;
};

// One pass over the statements: ids for actors, issues, documents, outlets, windows.
// Also sets the map's date range and undated count.
MapStatementIndex IndexMapStatements(Map* m, const MapOptions& options) {
  MapStatementIndex x;
  std::unordered_map<std::string, std::string> window_of_date;  // dates repeat a lot
  x.window_label.resize(m->statements.size());
  x.doc_id.resize(m->statements.size());
  x.outlet_id.resize(m->statements.size());
  std::unordered_map<uint64_t, size_t> cell_index;
  for (size_t i = 0; i < m->statements.size(); ++i) {
    const Statement& s = m->statements[i];
    int a = x.actors.Id(s.actor), is = x.issues.Id(s.issue);
    // A statement without a document (hand-coded input) is a document of its own.
    x.doc_id[i] = x.docs.Id(s.doc.empty() ? "\x01#" + std::to_string(i) : s.doc);
    x.outlet_id[i] = s.outlet.empty() ? -1 : x.outlets.Id(s.outlet);
    auto wit = window_of_date.find(s.date);
    if (wit == window_of_date.end())
      wit = window_of_date.emplace(s.date, WindowOf(s.date, options.window)).first;
    x.window_label[i] = wit->second;
    uint64_t key = (uint64_t(uint32_t(a)) << 32) | uint32_t(is);
    auto [it, inserted] = cell_index.emplace(key, x.work.size());
    if (inserted) x.work.push_back(Work{a, is, {}});
    x.work[it->second].statements.push_back(i);
    if (HasYear(s.date)) {
      if (m->first.empty() || s.date < m->first) m->first = s.date;
      if (m->last.empty() || s.date > m->last) m->last = s.date;
    } else {
      ++m->undated;
    }
  }
  return x;
}

// Each statement's independent origin; by default its document.
std::vector<OriginRef> StatementOrigins(const std::vector<Statement>& statements, const MapStatementIndex& x,
                                        const OriginOf& origin_of) {
  std::vector<OriginRef> origin(statements.size());
  for (size_t i = 0; i < statements.size(); ++i) {
    if (origin_of) {
      origin[i] = origin_of(statements[i]);
    } else {
      const Statement& s = statements[i];
      origin[i] = OriginRef{x.docs.Name(x.doc_id[i]), s.outlet.empty() ? s.doc : s.outlet};
    }
  }
  return origin;
}

// A statement's vote: its document, its stance, and its confidence as weight when the
// options ask for it.
struct CellVoter {
  const std::vector<Statement>& statements;
  const std::vector<int>& doc_id;
  bool by_confidence;
  Vote operator()(size_t i) const {
    const Statement& s = statements[i];
    return Vote{doc_id[i], s.stance, by_confidence ? s.confidence : 1.0};
  }
};

// Timeline: statements grouped by window, chronological (labels sort as dates).
// `pairs` is scratch space, reused so that the cells do not allocate it again and again.
std::vector<WindowStance> CellTimeline(const std::vector<size_t>& statements,
                                       const std::vector<std::string>& window_label, const CellVoter& vote,
                                       std::vector<Vote>* pairs) {
  std::vector<WindowStance> timeline;
  std::vector<size_t> dated;
  for (size_t i : statements)
    if (!window_label[i].empty()) dated.push_back(i);
  std::stable_sort(dated.begin(), dated.end(), [&](size_t x, size_t y) {
    return window_label[x] < window_label[y];
  });
  for (size_t k = 0; k < dated.size();) {
    WindowStance ws;
    ws.window = window_label[dated[k]];
    pairs->clear();
    for (; k < dated.size() && window_label[dated[k]] == ws.window; ++k) {
      ws.statements.push_back(dated[k]);
      pairs->push_back(vote(dated[k]));
    }
    std::sort(ws.statements.begin(), ws.statements.end());
    ws.count = static_cast<int>(ws.statements.size());
    ws.stance = Tally(pairs).net();
    timeline.push_back(std::move(ws));
  }
  return timeline;
}

// Outlet view: the same cell as each outlet tells it, by outlet name; each outlet is also
// listed in c->outlets.
std::vector<OutletCell> CellOutletViews(Cell* c, const std::vector<Statement>& statements,
                                        const std::vector<int>& outlet_id, const CellVoter& vote,
                                        std::vector<Vote>* pairs) {
  std::vector<size_t> by_outlet;
  for (size_t i : c->statements)
    if (outlet_id[i] >= 0) by_outlet.push_back(i);
  std::stable_sort(by_outlet.begin(), by_outlet.end(), [&](size_t x, size_t y) {
    return statements[x].outlet < statements[y].outlet;
  });
  std::vector<OutletCell> views;
  for (size_t k = 0; k < by_outlet.size();) {
    OutletCell oc;
    oc.outlet = statements[by_outlet[k]].outlet;
    oc.actor = c->actor;
    oc.issue = c->issue;
    pairs->clear();
    for (; k < by_outlet.size() && statements[by_outlet[k]].outlet == oc.outlet; ++k) {
      oc.statements.push_back(by_outlet[k]);
      pairs->push_back(vote(by_outlet[k]));
    }
    std::sort(oc.statements.begin(), oc.statements.end());
    oc.count = static_cast<int>(oc.statements.size());
    oc.stance = Tally(pairs).net();
    c->outlets.push_back(oc.outlet);
    views.push_back(std::move(oc));
  }
  return views;
}

// Outlets disagree when, within one window, one reports the actor for and another
// against: a change over time is a shift, not a disagreement.
bool OutletsDisagree(const std::vector<WindowStance>& timeline, const std::vector<int>& outlet_id,
                     const CellVoter& vote, std::vector<Vote>* pairs) {
  bool disagree = false;
  for (const WindowStance& ws : timeline) {
    std::vector<std::pair<int, Vote>> per_outlet;
    for (size_t i : ws.statements)
      if (outlet_id[i] >= 0) per_outlet.push_back({outlet_id[i], vote(i)});
    std::stable_sort(per_outlet.begin(), per_outlet.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    bool pro = false, con = false;
    for (size_t k = 0; k < per_outlet.size();) {
      int o = per_outlet[k].first;
      pairs->clear();
      for (; k < per_outlet.size() && per_outlet[k].first == o; ++k) pairs->push_back(per_outlet[k].second);
      double net = Tally(pairs).net();
      pro |= net > 0;
      con |= net < 0;
    }
    if (pro && con) disagree = true;
  }
  return disagree;
}

// One cell: its statements' tally, dates, origins, timeline and outlet views (returned
// through *views, as the map keeps them apart from the cells).
Cell BuildCell(Work* w, const MapStatementIndex& x, const std::vector<OriginRef>& origin,
               const std::vector<Statement>& statements, const CellVoter& vote, std::vector<Vote>* pairs,
               std::vector<OutletCell>* views) {
  Cell c;
  c.actor = x.actors.Name(w->actor);
  c.issue = x.issues.Name(w->issue);
  c.statements = std::move(w->statements);
  c.count = static_cast<int>(c.statements.size());
  pairs->clear();
  for (size_t i : c.statements) {
    const Statement& s = statements[i];
    pairs->push_back(vote(i));
    if (HasYear(s.date)) {
      if (c.first.empty() || s.date < c.first) c.first = s.date;
      if (c.last.empty() || s.date > c.last) c.last = s.date;
    } else {
      ++c.undated;
    }
  }
  DocTally t = Tally(pairs);
  c.docs_for = t.pro;
  c.docs_against = t.con;
  c.documents = t.docs;
  c.stance = t.net();
  GroupOrigins(&c, origin, statements);
  c.timeline = CellTimeline(c.statements, x.window_label, vote, pairs);
  *views = CellOutletViews(&c, statements, x.outlet_id, vote, pairs);
  if (OutletsDisagree(c.timeline, x.outlet_id, vote, pairs)) c.outlets_disagree = true;
  return c;
}

// Issues: split = 1 - |F - A| / (F + A), F and A summing origins x |net stance|;
// contested = 2 min(F, A).
std::vector<IssueSummary> SummarizeIssues(
    const std::vector<Cell>& cells, const std::unordered_map<std::string, std::vector<size_t>>& cells_of_issue) {
  std::vector<IssueSummary> summaries;
  for (auto& [issue, idx] : cells_of_issue) {
    IssueSummary is;
    is.issue = issue;
    for (size_t i : idx) {
      const Cell& c = cells[i];
      is.count += c.count;
      // Independent origins, not documents: five relays of one report are one voice.
      if (c.stance > 0) is.weight_for += c.origins * c.stance;
      if (c.stance < 0) is.weight_against += c.origins * -c.stance;
    }
    double total = is.weight_for + is.weight_against;
    is.split = total > 0 ? 1.0 - std::fabs(is.weight_for - is.weight_against) / total : 0.0;
    is.contested = 2 * std::min(is.weight_for, is.weight_against);
    summaries.push_back(std::move(is));
  }
  std::sort(summaries.begin(), summaries.end(), [](const IssueSummary& a, const IssueSummary& b) {
    // A 1-against-1 issue is perfectly balanced but says little: issues are ranked by how
    // much evidence stands on the weaker side, then by balance.
    if (std::fabs(a.contested - b.contested) > 1e-9) return a.contested > b.contested;
    if (a.split != b.split) return a.split > b.split;
    if (a.count != b.count) return a.count > b.count;
    return a.issue < b.issue;
  });
  return summaries;
}

// Final cell order: by issue (most divided first), supporters strongest first, then
// mixed, then opponents strongest first; ties by evidence, then actor code. Each issue
// summary gets the positions of its cells on each side.
std::vector<size_t> OrderCells(const std::vector<Cell>& cells,
                               const std::unordered_map<std::string, std::vector<size_t>>& cells_of_issue,
                               std::vector<IssueSummary>* summaries) {
  std::vector<size_t> order;
  for (IssueSummary& is : *summaries) {
    std::vector<size_t> idx = cells_of_issue.at(is.issue);
    std::sort(idx.begin(), idx.end(), [&](size_t x, size_t y) {
      const Cell& a = cells[x];
      const Cell& b = cells[y];
      int ga = a.stance > 0 ? 0 : (a.stance == 0 ? 1 : 2), gb = b.stance > 0 ? 0 : (b.stance == 0 ? 1 : 2);
      if (ga != gb) return ga < gb;
      if (std::fabs(a.stance) != std::fabs(b.stance)) return std::fabs(a.stance) > std::fabs(b.stance);
      if (a.origins != b.origins) return a.origins > b.origins;
      if (a.documents != b.documents) return a.documents > b.documents;
      return a.actor < b.actor;
    });
    for (size_t i : idx) {
      size_t pos = order.size();
      order.push_back(i);
      const Cell& c = cells[i];
      (c.stance > 0 ? is.for_cells : c.stance < 0 ? is.against_cells : is.mixed_cells).push_back(pos);
    }
  }
  return order;
}

// Shifts: sign changes between successive windows with a non-zero net stance.
void FindShifts(Map* m) {
  for (size_t ci = 0; ci < m->cells.size(); ++ci) {
    const Cell& c = m->cells[ci];
    const WindowStance* prev = nullptr;
    for (const WindowStance& ws : c.timeline) {
      if (Sign(ws.stance) == 0) continue;
      if (prev != nullptr && Sign(prev->stance) != Sign(ws.stance))
        m->shifts.push_back(Shift{c.actor, c.issue, ci, *prev, ws});
      prev = &ws;
    }
  }
}

// Outlet cells, by outlet then map order (views_in_order[i] holds map cell i's); each
// cell lists its own.
void CollectOutletCells(std::vector<std::vector<OutletCell>> views_in_order, Map* m) {
  for (size_t ci = 0; ci < views_in_order.size(); ++ci)
    for (OutletCell& oc : views_in_order[ci]) {
      oc.cell = ci;
      m->outlet_cells.push_back(std::move(oc));
    }
  std::stable_sort(m->outlet_cells.begin(), m->outlet_cells.end(),
                   [](const OutletCell& a, const OutletCell& b) { return a.outlet < b.outlet; });
  for (size_t k = 0; k < m->outlet_cells.size(); ++k) m->cells[m->outlet_cells[k].cell].outlet_cells.push_back(k);
}

// Camps window by window: the same networks and algorithm over each window's stances,
// so realignments show as actors changing camp.
void CampsByWindow(Map* m, const MapOptions& options, const std::vector<std::string>& issue_order) {
  std::map<std::string, std::vector<Cell>> window_cells;
  for (const Cell& c : m->cells)
    for (const WindowStance& ws : c.timeline) {
      Cell wc;
      wc.actor = c.actor;
      wc.issue = c.issue;
      wc.stance = ws.stance;
      for (size_t i : ws.statements) (m->statements[i].stance > 0 ? wc.docs_for : wc.docs_against) = 1;
      window_cells[ws.window].push_back(std::move(wc));
    }
  for (auto& [window, wcells] : window_cells) {
    std::vector<std::string> present;
    for (const Cell& c : wcells) present.push_back(c.actor);
    std::sort(present.begin(), present.end());
    present.erase(std::unique(present.begin(), present.end()), present.end());
    if (present.size() < 2) continue;
    std::string window_left_out;
    Networks wn = BuildNetworks(NetworkActors(present, wcells, &window_left_out), wcells, options.normalization,
                                options.basis);
    m->camps_by_window.push_back(WindowCamps{window, FindCamps(wn, wcells, issue_order)});
    m->camps_by_window.back().camps.algorithm += window_left_out;
  }
}

// The networks and camps of the whole map, then of each window.
void BuildCamps(Map* m, const MapOptions& options) {
  std::vector<std::string> issue_order;
  for (const IssueSummary& is : m->issues) issue_order.push_back(is.issue);
  std::string left_out;
  m->networks = BuildNetworks(NetworkActors(m->actors, m->cells, &left_out), m->cells, options.normalization,
                              options.basis);
  m->camps = FindCamps(m->networks, m->cells, issue_order);
  m->camps.algorithm += left_out;
  CampsByWindow(m, options, issue_order);
}

}  // namespace

Map BuildMap(std::vector<Statement> input, const MapOptions& options, const OriginOf& origin_of) {
  Map m;
  m.options = options;
  m.input_statements = input.size();
  SelectStatements(std::move(input), options, &m);
  MapStatementIndex x = IndexMapStatements(&m, options);
  m.documents = x.docs.size();
  const std::vector<OriginRef> origin = StatementOrigins(m.statements, x, origin_of);
  for (size_t i = 0; i < x.outlets.size(); ++i) m.outlets.push_back(x.outlets.Name(int(i)));
  std::sort(m.outlets.begin(), m.outlets.end());
  for (size_t i = 0; i < x.actors.size(); ++i) m.actors.push_back(x.actors.Name(int(i)));
  std::sort(m.actors.begin(), m.actors.end());

  // Cells, their timelines and their outlet views.
  std::vector<Cell> cells;
  std::vector<std::vector<OutletCell>> outlet_views;
  cells.reserve(x.work.size());
  std::vector<Vote> pairs;
  const CellVoter vote{m.statements, x.doc_id, options.weight_by_confidence};
  for (Work& w : x.work) {
    std::vector<OutletCell> views;
    cells.push_back(BuildCell(&w, x, origin, m.statements, vote, &pairs, &views));
    outlet_views.push_back(std::move(views));
  }

  std::unordered_map<std::string, std::vector<size_t>> cells_of_issue;
  for (size_t i = 0; i < cells.size(); ++i) cells_of_issue[cells[i].issue].push_back(i);
  std::vector<IssueSummary> summaries = SummarizeIssues(cells, cells_of_issue);
  const std::vector<size_t> order = OrderCells(cells, cells_of_issue, &summaries);
  m.cells.reserve(cells.size());
  std::vector<std::vector<OutletCell>> views_in_order;
  for (size_t i : order) {
    m.cells.push_back(std::move(cells[i]));
    views_in_order.push_back(std::move(outlet_views[i]));
  }
  m.issues = std::move(summaries);

  FindShifts(&m);
  CollectOutletCells(std::move(views_in_order), &m);
  BuildCamps(&m, options);
  return m;
}

}  // namespace faultline::map
