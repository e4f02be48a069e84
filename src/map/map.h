// The map: statements aggregated into who stands where on which issue (cells), how
// divided each issue is (split), who moved between time windows (shifts), which actors
// side together (camps, from DNA-style congruence and conflict networks) and what each
// outlet reports. Built once from statements by BuildMap; the report writers only read
// it. docs/map.md defines every figure.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "map/names.h"
#include "map/window.h"
#include "statements/statement.h"

namespace faultline::map {

// DNA's one-mode normalisations (Leifeld's Discourse Network Analyzer, Exporter).
enum class Normalization { kNone, kAverage, kJaccard, kCosine };
bool ParseNormalization(const std::string& name, Normalization* out);
const char* NormalizationName(Normalization n);

// What an actor's position on an issue is, for the one-mode networks and camps.
//   kNet: its net stance over the range (one qualifier per actor and issue; a net of 0
//         gives none), so an actor that moved counts where it mostly stood;
//   kAny: every stance it took at least once (DNA's own array with duplicates counted
//         once across the range), so an actor that moved is tied to both sides.
enum class TieBasis { kNet, kAny };
bool ParseTieBasis(const std::string& name, TieBasis* out);
const char* TieBasisName(TieBasis b);

struct MapOptions {
  std::string from, to;   // inclusive bounds, YYYY[-MM[-DD]]; empty: open
  Window window = Window::kMonth;
  std::string outlet;     // keep only statements from this outlet (empty: all)
  std::string issue;      // keep only this issue (empty: all)
  std::string actor;      // keep only this actor (empty: all)
  double min_confidence = 0;          // keep only statements at least this confident
  bool weight_by_confidence = false;  // a document's vote on a cell weighs its statement's confidence
  Normalization normalization = Normalization::kJaccard;  // of the one-mode networks (docs/map.md: why)
  TieBasis basis = TieBasis::kNet;                      // of the one-mode networks
};

// The independent origin a statement counts for: relays of one report share one
// (stories/origins.h decides), original reports each have their own. `key` identifies
// it; `label` names it for people ("Bloomberg, story S2").
struct OriginRef {
  std::string key;
  std::string label;
};
// Without one, each document is its own origin (origins = documents).
using OriginOf = std::function<OriginRef(const Statement&)>;

// The statements of a cell that go back to one origin.
struct CellOrigin {
  std::string key;
  std::string label;
  int stance = 0;                  // net sign of its documents' stances (+1, -1, 0)
  std::vector<size_t> statements;  // indices into Map::statements, input order
};

// Statements of one actor on one issue within one time window.
struct WindowStance {
  std::string window;               // "2022-03", "2022-Q1" or "2022"
  double stance = 0;                // net stance in the window, -1..1
  int count = 0;                    // statements
  std::vector<size_t> statements;   // indices into Map::statements
};

// One actor on one issue over the whole (filtered) range.
struct Cell {
  std::string actor;
  std::string issue;
  double stance = 0;      // (docs_for - docs_against) / (docs_for + docs_against); with
                          // weight_by_confidence each document weighs its statement's confidence
  int count = 0;          // statements
  int docs_for = 0;       // unique documents with a +1 statement
  int docs_against = 0;   // unique documents with a -1 statement
  int documents = 0;      // unique documents with either
  int origins = 0;        // independent origins among those documents (see OriginRef)
  int origins_for = 0;    // origins with a +1 statement
  int origins_against = 0;  // origins with a -1 statement
  std::vector<CellOrigin> origin_groups;  // strongest (most statements) first
  std::vector<std::string> outlets;  // sorted, unique; statements without outlet add none
  std::string first, last;           // earliest and latest dates with a year ("" if none)
  int undated = 0;                   // statements whose date has no year (cannot be windowed)
  bool outlets_disagree = false;     // two outlets give opposite net stances in one window
  std::vector<size_t> statements;    // indices into Map::statements, in input order
  std::vector<WindowStance> timeline;  // windows in chronological order
  std::vector<size_t> outlet_cells;  // indices into Map::outlet_cells, by outlet name
};

struct IssueSummary {
  std::string issue;
  double split = 0;                // balance, 1 - |F - A| / (F + A), see docs/map.md
  double contested = 0;            // split * (F + A) = 2 min(F, A): evidence in dispute; the sort key
  double weight_for = 0;           // F: sum of origins x net stance over supporters
  double weight_against = 0;       // A: the same over opponents
  std::vector<size_t> for_cells;      // indices into Map::cells, strongest first
  std::vector<size_t> against_cells;
  std::vector<size_t> mixed_cells;    // net stance exactly 0
  int count = 0;                   // statements on the issue
};

// An actor whose net stance on an issue changed sign between two windows in which it
// was reported (windows where its net stance is 0 are skipped over).
struct Shift {
  std::string actor;
  std::string issue;
  size_t cell = 0;       // index into Map::cells
  WindowStance from;
  WindowStance to;
};

struct Camp {
  std::vector<std::string> actors;  // sorted
  // Mean net stance of the camp's members per issue they spoke on, issue order of the map.
  std::vector<std::pair<std::string, double>> profile;
};

struct Camps {
  std::string algorithm;      // "multilevel modularity optimisation (Louvain), igraph 0.10.2"
  double modularity = 0;      // of the final partition, on the congruence weights
  bool has_modularity = false;  // false when the congruence network has no ties
  std::vector<Camp> camps;    // largest first
};

// The camps of one time window, from the statements dated in it.
struct WindowCamps {
  std::string window;
  Camps camps;
};

// One-mode actor networks as DNA builds them (binary qualifier, duplicates counted
// once across the range): congruence ties count shared stances, conflict ties count
// opposite ones, both normalised by `normalization`.
struct Networks {
  std::vector<std::string> actors;  // row/column order, sorted
  Normalization normalization = Normalization::kNone;
  TieBasis basis = TieBasis::kNet;
  std::vector<double> congruence;   // actors.size()^2, row-major, symmetric, zero diagonal
  std::vector<double> conflict;
  double congruence_at(size_t i, size_t j) const { return congruence[i * actors.size() + j]; }
  double conflict_at(size_t i, size_t j) const { return conflict[i * actors.size() + j]; }
};

// What one outlet reports about one cell.
struct OutletCell {
  size_t cell = 0;  // index into Map::cells
  std::string outlet;
  std::string actor;
  std::string issue;
  double stance = 0;
  int count = 0;
  std::vector<size_t> statements;
};

struct Map {
  MapOptions options;
  std::vector<Statement> statements;  // the statements kept after filtering, input order
  size_t input_statements = 0;        // before filtering
  size_t excluded_by_range = 0;       // outside --from/--to, or without a year under a range
  size_t undated = 0;                 // kept statements whose date has no year
  size_t documents = 0;               // unique documents among kept statements
  std::string first, last;            // date span of kept statements with a year
  std::vector<std::string> outlets;   // sorted
  std::vector<std::string> actors;    // sorted
  std::vector<IssueSummary> issues;   // most divided first (by contested, then split)
  std::vector<Cell> cells;            // grouped by issue in `issues` order, then by stance
  std::vector<Shift> shifts;          // by issue order, then actor, then time
  Networks networks;
  Camps camps;
  std::vector<WindowCamps> camps_by_window;  // chronological; windows with two or more actors
  std::vector<OutletCell> outlet_cells;  // by outlet, then issue order, then actor
  // What the codes stand for (knowledge base, codebook); BuildMap leaves it empty and the
  // caller that has them sets it, so writers print "POL (Poland)" instead of "POL".
  Names names;

  // The cell for actor and issue, or nullptr.
  const Cell* FindCell(const std::string& actor, const std::string& issue) const;
};

// Keeps the statements MapOptions selects (range, outlet, issue, confidence) and aggregates them.
// Never fails: statements with a stance other than +1/-1 are dropped by the reader.
// `origin_of` gives each statement its independent origin (empty: its document).
Map BuildMap(std::vector<Statement> statements, const MapOptions& options, const OriginOf& origin_of = {});

// True when the statement passes the outlet, issue, actor, confidence and range filters of `options`.
bool Selected(const Statement& s, const MapOptions& options);

}  // namespace faultline::map
