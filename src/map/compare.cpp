#include "map/compare.h"

#include <algorithm>
#include <map>
#include <set>

#include "map/window.h"

namespace faultline::map {
namespace {

int StanceSign(double x) { return x > 0 ? 1 : (x < 0 ? -1 : 0); }

Map PeriodMap(const std::vector<Statement>& statements, MapOptions options, const std::string& period,
              const OriginOf& origin_of) {
  ParsePeriod(period, &options.from, &options.to);
  return BuildMap(statements, options, origin_of);
}

ChangeKind KindOf(const Cell* before, const Cell* after) {
  if (before == nullptr) return ChangeKind::kAppeared;
  if (after == nullptr) return ChangeKind::kSilent;
  return StanceSign(before->stance) == StanceSign(after->stance) ? ChangeKind::kHeld : ChangeKind::kMoved;
}

}  // namespace

bool ParsePeriod(const std::string& text, std::string* from, std::string* to) {
  const size_t dots = text.find("..");
  std::string a = dots == std::string::npos ? text : text.substr(0, dots);
  std::string b = dots == std::string::npos ? text : text.substr(dots + 2);
  if (a.empty() && b.empty()) return false;
  if ((!a.empty() && !IsDateBound(a)) || (!b.empty() && !IsDateBound(b))) return false;
  if (!a.empty() && !b.empty() && b < a.substr(0, b.size())) return false;  // backwards
  *from = a;
  *to = b;
  return true;
}

const char* ChangeKindName(ChangeKind k) {
  switch (k) {
    case ChangeKind::kMoved: return "moved";
    case ChangeKind::kAppeared: return "appeared";
    case ChangeKind::kSilent: return "silent";
    case ChangeKind::kHeld: return "held";
  }
  return "held";
}

Comparison Compare(const std::vector<Statement>& statements, const MapOptions& options, const std::string& first,
                   const std::string& second, const OriginOf& origin_of) {
  Comparison c;
  c.first = first;
  c.second = second;
  c.before = PeriodMap(statements, options, first, origin_of);
  c.after = PeriodMap(statements, options, second, origin_of);
  std::set<std::string> seen;
  for (const Map* m : {&c.after, &c.before})
    for (const IssueSummary& is : m->issues)
      if (seen.insert(is.issue).second) c.issues.push_back(is.issue);

  for (const std::string& issue : c.issues) {
    std::set<std::string> actors;
    for (const Map* m : {&c.before, &c.after})
      for (const Cell& cell : m->cells)
        if (cell.issue == issue) actors.insert(cell.actor);
    std::vector<Change> changes;
    for (const std::string& actor : actors) {
      const Cell* b = c.before.FindCell(actor, issue);
      const Cell* a = c.after.FindCell(actor, issue);
      Change ch;
      ch.kind = KindOf(b, a);
      ch.actor = actor;
      ch.issue = issue;
      if (b != nullptr) { ch.before = b->stance; ch.count_before = b->count; }
      if (a != nullptr) { ch.after = a->stance; ch.count_after = a->count; }
      changes.push_back(ch);
    }
    std::stable_sort(changes.begin(), changes.end(),
                     [](const Change& x, const Change& y) { return x.kind < y.kind; });
    c.changes.insert(c.changes.end(), changes.begin(), changes.end());
  }
  return c;
}

}  // namespace faultline::map
