#include "serve/snapshot.h"

#include <algorithm>

namespace faultline::serve {
namespace {

// A map holds a copy of its statements: a dozen unfiltered maps of a 100k-statement
// corpus stay well under a gigabyte.
constexpr size_t kMaxMaps = 12;
constexpr size_t kMaxResponseBytes = 64u << 20;
const std::vector<size_t> kNoStatements;

// The names of the codes one map shows, not the whole knowledge base's: a snapshot keeps
// a map per filter, and each would otherwise carry every name.
map::Names NamesOf(const map::Map& m, const map::Names& all) {
  map::Names out;
  for (const std::string& a : m.actors) {
    auto it = all.actors.find(a);
    if (it != all.actors.end()) out.actors.insert(*it);
  }
  for (const map::IssueSummary& i : m.issues) {
    auto it = all.issues.find(i.issue);
    if (it != all.issues.end()) out.issues.insert(*it);
  }
  return out;
}

}  // namespace

Snapshot::Snapshot(const std::vector<Statement>& machine, std::vector<Correction> corrections,
                   uint64_t generation, std::shared_ptr<const DocumentIds> ids, map::OriginOf origin_of,
                   std::shared_ptr<const map::Names> names)
    : generation_(generation),
      machine_count_(machine.size()),
      corrections_(std::move(corrections)),
      ids_(ids ? std::move(ids) : std::make_shared<const DocumentIds>()),
      origin_of_(std::move(origin_of)),
      names_(std::move(names)) {
  corrected_ = ApplyCorrections(machine, corrections_);
  const auto& ss = corrected_.statements;
  by_ref_.reserve(ss.size());
  for (size_t i = 0; i < ss.size(); ++i) {
    by_ref_.emplace(RefOf(ss[i]), i);
    by_doc_[ss[i].doc].push_back(i);
  }
}

const Statement* Snapshot::Find(const StatementRef& ref) const {
  auto it = by_ref_.find(ref);
  return it == by_ref_.end() ? nullptr : &corrected_.statements[it->second];
}

const std::vector<size_t>& Snapshot::OfDocument(const std::string& name) const {
  auto it = by_doc_.find(name);
  return it == by_doc_.end() ? kNoStatements : it->second;
}

const std::string& Snapshot::DocumentId(const std::string& name) const {
  auto it = ids_->find(name);
  return it == ids_->end() ? name : it->second;
}

const Correction* Snapshot::FindCorrection(int64_t id) const {
  // Ids increase with position: binary search.
  auto it = std::lower_bound(corrections_.begin(), corrections_.end(), id,
                             [](const Correction& c, int64_t v) { return c.id < v; });
  return it != corrections_.end() && it->id == id ? &*it : nullptr;
}

Statement Snapshot::RejectedStatement(const StatementRef& ref, const ReviewMark& mark) const {
  Statement s;
  if (const Correction* c = FindCorrection(mark.correction)) s = c->statement;
  s.doc = ref.doc;
  s.actor = ref.actor;
  s.issue = ref.issue;
  s.stance = ref.stance;
  s.begin = ref.begin;
  s.end = ref.end;
  return s;
}

std::shared_ptr<const map::Map> Snapshot::MapFor(const ViewFilter& filter) const {
  const std::string key = filter.Key();
  std::optional<std::promise<std::shared_ptr<const map::Map>>> promise;
  MapFuture future;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = std::find_if(maps_.begin(), maps_.end(), [&](const auto& e) { return e.first == key; });
    if (it != maps_.end()) {
      maps_.splice(maps_.begin(), maps_, it);
      future = it->second;
    } else {
      promise.emplace();
      future = promise->get_future().share();
      maps_.emplace_front(key, future);
      if (maps_.size() > kMaxMaps) maps_.pop_back();
    }
  }
  if (!promise) return future.get();  // built, or being built by another request
  std::vector<Statement> kept;
  kept.reserve(corrected_.statements.size());
  for (const Statement& s : corrected_.statements)
    if (filter.KeepsActor(s)) kept.push_back(s);
  map::Map m = map::BuildMap(std::move(kept), filter.map, origin_of_);
  if (names_) m.names = NamesOf(m, *names_);
  auto built = std::make_shared<const map::Map>(std::move(m));
  promise->set_value(built);
  return built;
}

std::optional<std::string> Snapshot::CachedResponse(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = response_index_.find(key);
  if (it == response_index_.end()) return std::nullopt;
  responses_.splice(responses_.begin(), responses_, it->second);
  return it->second->second;
}

void Snapshot::RememberResponse(const std::string& key, const std::string& body) const {
  if (body.size() > kMaxResponseBytes / 4) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (response_index_.count(key)) return;
  responses_.emplace_front(key, body);
  response_index_[key] = responses_.begin();
  response_bytes_ += key.size() + body.size();
  while (response_bytes_ > kMaxResponseBytes && !responses_.empty()) {
    auto& last = responses_.back();
    response_bytes_ -= last.first.size() + last.second.size();
    response_index_.erase(last.first);
    responses_.pop_back();
  }
}

}  // namespace faultline::serve
