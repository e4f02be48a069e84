#include "stories/stories.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "statements/extractor.h"
#include "stories/sources_bytes.h"
#include "util/hash.h"
#include "util/hash_file.h"

namespace faultline::stories {
namespace {

// Publication order: full dates first, oldest first; then partial and missing dates;
// ties by id, so the order never depends on how documents were read.
std::string OrderKey(const std::string& date, const std::string& id) {
  const bool full = date.size() >= 10 && date[4] == '-';
  std::string key(1, full ? '0' : '1');
  if (full) key.append(date, 0, 10);
  key.push_back('\x1f');
  key.append(id);
  return key;
}

// Adds a data file's bytes to a fingerprint, under the role it plays (`label`). The
// path is left out on purpose: the same files read from another data directory (an
// installed copy, FAULTLINE_DATA) find the same sources, and must not make every
// stored entry stale.
Status HashFile(std::string_view label, const std::string& path, FieldHasher* h) {
  h->Add(label);
  return HashFileContent(path, "the stored sources' fingerprint", h);
}

StoryDocument Light(const Document& d) {
  return {d.id, d.file, d.title, d.date, d.outlet, d.url, d.via, StatementDocName(d)};
}

}  // namespace

int StoryCollection::StoryOfId(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? -1 : static_cast<int>(story_of[it->second]);
}

const StoryMember* StoryCollection::MemberOf(size_t doc) const {
  if (doc >= story_of.size()) return nullptr;
  for (const StoryMember& m : stories[story_of[doc]].members)
    if (m.doc == doc) return &m;
  return nullptr;
}

Result<StoriesData> StoriesData::Load(const std::vector<std::string>& outlet_files, const std::string& settings,
                                      const std::string& term_stats, const std::vector<std::string>& framing_files) {
  StoriesData d;
  auto model = StoryModel::Load(settings, term_stats);
  if (!model.ok()) return model.status();
  d.model = *model;
  d.outlets = std::make_shared<OutletList>();
  Status s = d.outlets->AddFile(OutletList::DefaultPath());
  for (const std::string& f : outlet_files)
    if (s.ok()) s = d.outlets->AddFile(f);
  if (!s.ok()) return s;
  auto finder = AttributionFinder::Load(AttributionFinder::DefaultPath());
  if (!finder.ok()) return finder.status();
  d.finder = std::make_shared<const AttributionFinder>(std::move(finder).value());
  auto framing = std::make_shared<FramingLexicon>();
  s = framing->AddFile(FramingLexicon::DefaultPath());
  for (const std::string& f : framing_files)
    if (s.ok()) s = framing->AddFile(f);
  if (!s.ok()) return s;
  d.framing = std::move(framing);
  FieldHasher h;
  h.Add("stories sources 2");  // 1 hashed the files' paths too
  h.Add(static_cast<int64_t>(outlet_files.size()));
  for (const std::string& f : outlet_files)
    if (s.ok()) s = HashFile("extra outlets", f, &h);
  if (s.ok()) s = HashFile("outlets", OutletList::DefaultPath(), &h);
  if (s.ok()) s = HashFile("attribution", AttributionFinder::DefaultPath(), &h);
  if (!s.ok()) return s;
  d.sources_fingerprint = h.Hex();
  return d;
}

void StoryBuilder::Add(const Document& doc) { Add(doc, data_.model->Profile(doc, &profile_scratch_)); }

void StoryBuilder::Add(const Document& doc, StoryProfile profile) {
  // A document's outlet is a known outlet from now on: a later text citing it by name
  // ("The Atlantic Ledger reported") is recognised.
  data_.outlets->AddName(doc.outlet);
  SplitWords(doc);
  DocumentSources sources = FindSources(doc, title_words_, text_words_, *data_.outlets, *data_.finder);
  Append(doc, std::move(profile), std::move(sources), /*split=*/true);
}

void StoryBuilder::Add(const Document& doc, StoryProfile profile, DocumentSources sources) {
  data_.outlets->AddName(doc.outlet);
  // Decided in Finish, as every document's sources are, with all outlets known.
  Append(doc, std::move(profile), std::move(sources), /*split=*/false);
}

void StoryBuilder::SplitWords(const Document& doc) {
  title_words_.Reset(doc.title);
  text_words_.Reset(doc.text);
}

void StoryBuilder::Append(const Document& doc, StoryProfile profile, DocumentSources sources, bool split) {
  by_statement_name_.emplace(StatementDocName(doc), docs_.size());
  docs_.push_back(Light(doc));
  sources_.push_back(std::move(sources));
  profiles_.push_back(std::move(profile));
  summarised_.push_back(0);
  stored_.emplace_back();
  framing_.emplace_back();
  claims_.emplace_back();
  if (origins_only_) return;
  if (!split) SplitWords(doc);
  framing_.back() = data_.framing->Count(title_words_);
  AddCounts(&framing_.back(), data_.framing->Count(text_words_));
  claims_.back().quotes = FindQuotes(doc.text);
  words_.Add(doc.outlet, text_words_);
}

void StoryBuilder::Reserve(size_t n) {
  by_statement_name_.reserve(n);
  docs_.reserve(n);
  sources_.reserve(n);
  profiles_.reserve(n);
  summarised_.reserve(n);
  stored_.reserve(n);
  framing_.reserve(n);
  claims_.reserve(n);
}

void StoryBuilder::AddStatements(const std::vector<Statement>& statements) {
  with_statements_ = true;
  for (const Statement& s : statements) {
    auto it = by_statement_name_.find(s.doc);
    if (it == by_statement_name_.end()) continue;
    std::vector<std::string>& keys = claims_[it->second].statements;
    const std::string key = s.actor + " " + s.issue + " " + (s.stance > 0 ? "1" : "-1");
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
}

std::optional<StoryProfile> StoryBuilder::StoredProfile(const StoredStory& stored) const {
  // Origins of stored stories need a profile's day and MinHash only, unless a document
  // without a stored story is clustered against them (ReadStoredProfiles then reads the rest).
  if (!origins_only_ || recluster_) return ProfileFromBytes(stored.profile);
  return ProfileSummaryFromBytes(stored.summary.empty() ? stored.profile : stored.summary);
}

void StoryBuilder::KeepStored(const StoredStory& stored) {
  stored_.back() = Stored{stored.story, stored.linked_to, stored.score};
  if (origins_only_ && !recluster_) {
    summarised_.back() = 1;
    ++summarised_count_;
  }
}

void StoryBuilder::AddStored(const Document& doc, StoredStory stored) {
  std::optional<StoryProfile> p = StoredProfile(stored);
  if (!p) {
    Add(doc);
    return;
  }
  std::optional<DocumentSources> sources = SourcesFromBytes(stored.sources, *data_.outlets, data_.sources_fingerprint);
  if (sources) Add(doc, std::move(*p), std::move(*sources));
  else Add(doc, std::move(*p));
  KeepStored(stored);
}

bool StoryBuilder::AddStoredWithoutText(const Document& doc, StoredStory& stored) {
  if (!origins_only_) return false;  // framing, quotes and words are counted in the text
  std::optional<StoryProfile> p = StoredProfile(stored);
  if (!p) return false;
  std::optional<DocumentSources> sources = SourcesFromBytes(stored.sources, *data_.outlets, data_.sources_fingerprint);
  if (!sources) return false;
  Add(doc, std::move(*p), std::move(*sources));
  KeepStored(stored);
  return true;
}

bool StoryBuilder::ClustersAny() const {
  return recluster_ || std::any_of(stored_.begin(), stored_.end(), [](const auto& s) { return !s; });
}

bool StoryBuilder::NeedsStoredProfiles() const { return summarised_count_ > 0 && ClustersAny(); }

Status StoryBuilder::ReadStoredProfiles(const Store& store) {
  if (summarised_count_ == 0) return Status::Ok();
  std::unordered_map<std::string_view, size_t> summarised;
  summarised.reserve(summarised_count_);
  for (size_t i = 0; i < docs_.size(); ++i)
    if (summarised_[i]) summarised.emplace(docs_[i].id, i);
  Status st = store.ForEachStoryUnordered([&](StoredStory&& s) {
    auto it = summarised.find(s.doc);
    if (it == summarised.end()) return;
    std::optional<StoryProfile> p = ProfileFromBytes(s.profile);
    if (!p) return;  // left summarised: reported below
    profiles_[it->second] = std::move(*p);
    summarised_[it->second] = 0;
    --summarised_count_;
    summarised.erase(it);
  });
  if (!st.ok()) return st;
  if (!summarised.empty())
    return Status::Error("the stored story profile of document \"" + std::string(summarised.begin()->first) +
                         "\" is gone or unreadable (the database changed while it was read): try again");
  return Status::Ok();
}

StoryCollection StoryBuilder::Finish() {
  const size_t n = docs_.size();
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::string> keys(n);
  for (size_t i = 0; i < n; ++i) keys[i] = OrderKey(docs_[i].date, docs_[i].id);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });

  // Sources decided before every outlet name was known may have missed a citation of
  // a document outlet read later: decide again with all of them.
  std::vector<Document> light(n);
  for (size_t i = 0; i < n; ++i) {
    light[i].id = docs_[i].id;
    light[i].date = docs_[i].date;
    light[i].outlet = docs_[i].outlet;
    light[i].url = docs_[i].url;
    light[i].via = docs_[i].via;
    light[i].title = docs_[i].title;
    DecideSources(&sources_[i], light[i], *data_.outlets);
    const int origin = sources_[i].origin >= 0 ? sources_[i].origin : sources_[i].via;
    auto id = [&](int o) { return o >= 0 ? HashTerm(data_.outlets->outlets()[static_cast<size_t>(o)].name) : 0u; };
    profiles_[i].origin = id(origin);
    profiles_[i].outlet = id(sources_[i].self);
  }

  StoryIndex index(data_.model);
  index.Reserve(n);
  std::vector<uint32_t> slot(n);  // document -> index position
  std::vector<size_t> doc_at;     // index position -> document
  doc_at.reserve(n);
  // Stored stories first, as stored (grouped by their story id); then every other
  // document, clustered in publication order.
  std::unordered_map<std::string, uint32_t> first_of_story;
  std::unordered_map<std::string, size_t> by_id;
  by_id.reserve(n);
  for (size_t i = 0; i < n; ++i) by_id.emplace(docs_[i].id, i);
  std::vector<std::optional<StoryLink>> stored_link(n);
  if (!recluster_) {
    for (size_t i = 0; i < n; ++i) {
      if (!stored_[i]) continue;
      auto [it, first] = first_of_story.emplace(stored_[i]->story, static_cast<uint32_t>(doc_at.size()));
      slot[i] = index.AddAssigned(std::move(profiles_[i]), it->second);  // the index keeps it
      doc_at.push_back(i);
      auto linked = by_id.find(stored_[i]->linked_to);
      if (linked != by_id.end()) stored_link[i] = StoryLink{static_cast<uint32_t>(linked->second), stored_[i]->score};
    }
  }
  for (size_t k = 0; k < n; ++k) {
    const size_t i = order[k];
    if (!recluster_ && stored_[i]) continue;
    slot[i] = index.Add(std::move(profiles_[i]));
    doc_at.push_back(i);
  }
  std::vector<uint32_t> root(n);
  std::vector<std::optional<StoryLink>> links(n);
  std::vector<int> copy_of(n, -1);
  const double near = data_.model->config().near_copy;
  for (size_t i = 0; i < n; ++i) {
    root[i] = static_cast<uint32_t>(doc_at[index.StoryOf(slot[i])]);
    std::optional<StoryLink> l = index.best_link(slot[i]);
    if (l) l->other = static_cast<uint32_t>(doc_at[l->other]);
    else l = stored_link[i];
    if (!l) continue;
    const size_t other = l->other;
    links[i] = StoryLink{static_cast<uint32_t>(other), l->score};
    const StoryProfile& a = index.profile(slot[i]);
    const StoryProfile& b = index.profile(slot[other]);
    if (a.minhash && b.minhash && EstimateJaccard(*a.minhash, *b.minhash) >= near) copy_of[i] = static_cast<int>(other);
  }

  StoryCollection c;
  c.comparisons = index.comparisons();
  c.stories = AssembleStories(light, sources_, root, links, copy_of, *data_.outlets);
  c.framing = data_.framing;
  c.with_statements = with_statements_;
  if (!origins_only_) AddFramingAndDeltas(&c);
  c.documents = std::move(docs_);
  c.sources = std::move(sources_);
  c.story_of.assign(n, 0);
  for (size_t s = 0; s < c.stories.size(); ++s)
    for (const StoryMember& m : c.stories[s].members) c.story_of[m.doc] = s;
  for (size_t i = 0; i < n; ++i) c.by_id_.emplace(c.documents[i].id, i);
  return c;
}

void StoryBuilder::AddFramingAndDeltas(StoryCollection* c) {
  const size_t n = docs_.size();
  c->distinctive = words_.Distinctive();
  std::map<std::string, OutletFraming> by_outlet;
  for (size_t i = 0; i < n; ++i) {
    if (docs_[i].outlet.empty()) continue;
    OutletFraming& f = by_outlet[docs_[i].outlet];
    f.outlet = docs_[i].outlet;
    ++f.documents;
    AddCounts(&f.counts, framing_[i]);
  }
  for (auto& [name, f] : by_outlet) c->outlet_framing.push_back(std::move(f));
  for (Story& s : c->stories) {
    int origin = -1;
    std::vector<MemberClaims> claims;
    for (size_t k = 0; k < s.members.size(); ++k) {
      StoryMember& m = s.members[k];
      m.framing = framing_[m.doc];
      claims.push_back(claims_[m.doc]);
      if (docs_[m.doc].id == s.origin.doc) origin = static_cast<int>(k);
    }
    if (s.members.size() < 2) continue;
    std::vector<MemberDelta> deltas = CompareClaims(claims, origin);
    for (size_t k = 0; k < s.members.size(); ++k) s.members[k].delta = std::move(deltas[k]);
  }
}

std::vector<Story> AssembleStories(const std::vector<Document>& docs, const std::vector<DocumentSources>& sources,
                                   const std::vector<uint32_t>& root_of,
                                   const std::vector<std::optional<StoryLink>>& links,
                                   const std::vector<int>& copy_of, const OutletList& outlets) {
  const size_t n = docs.size();
  std::map<uint32_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < n; ++i) groups[root_of[i]].push_back(i);
  std::vector<std::vector<size_t>> lists;
  for (auto& [root, members] : groups) {
    std::sort(members.begin(), members.end(), [&](size_t a, size_t b) {
      return OrderKey(docs[a].date, docs[a].id) < OrderKey(docs[b].date, docs[b].id);
    });
    lists.push_back(std::move(members));
  }
  std::sort(lists.begin(), lists.end(), [&](const auto& a, const auto& b) {
    return OrderKey(docs[a[0]].date, docs[a[0]].id) < OrderKey(docs[b[0]].date, docs[b[0]].id);
  });
  std::vector<Story> stories;
  stories.reserve(lists.size());
  for (size_t s = 0; s < lists.size(); ++s) {
    const std::vector<size_t>& members = lists[s];
    Story story;
    story.id = std::string("S").append(std::to_string(s + 1));
    std::vector<StoryMemberInput> inputs;
    std::map<size_t, int> position;
    for (size_t k = 0; k < members.size(); ++k) position[members[k]] = static_cast<int>(k);
    for (size_t d : members) {
      int copy = -1;
      if (copy_of[d] >= 0 && position.count(static_cast<size_t>(copy_of[d]))) copy = position[static_cast<size_t>(copy_of[d])];
      inputs.push_back({&docs[d], &sources[d], copy});
    }
    StoryOrigins o = TraceOrigins(inputs, outlets, story.id);
    std::set<std::string> outlet_names, keys;
    for (size_t k = 0; k < members.size(); ++k) {
      const size_t d = members[k];
      StoryMember m;
      m.doc = d;
      if (links[d] && position.count(links[d]->other)) {
        m.linked_to = docs[links[d]->other].id;
        m.score = links[d]->score;
      }
      m.chain = std::move(o.chains[k]);
      m.origin_key = o.origin_keys[k];
      keys.insert(m.origin_key);
      if (!docs[d].outlet.empty()) outlet_names.insert(docs[d].outlet);
      const std::string& date = docs[d].date;
      if (date.size() >= 10 && date[4] == '-') {
        const std::string day = date.substr(0, 10);
        if (story.first.empty() || day < story.first) story.first = day;
        if (story.last.empty() || day > story.last) story.last = day;
      }
      story.members.push_back(std::move(m));
    }
    story.origin = o.origin;
    story.outlets.assign(outlet_names.begin(), outlet_names.end());
    story.origins = keys.size();
    stories.push_back(std::move(story));
  }
  return stories;
}

}  // namespace faultline::stories
