#include "stories/story_store.h"

#include <functional>
#include <unordered_set>

#include "stories/sources_bytes.h"
#include "util/hash.h"

namespace faultline::stories {

std::string SettingsFingerprint(const StoryModel& model) {
  FieldHasher h;
  h.Add("story-profile-format-1");
  h.Add(model.config().fingerprint);
  h.Add(model.statistics().fingerprint());
  return h.Hex();
}

StoryStore::StoryStore(Store* store, StoriesData data)
    : store_(store), data_(std::move(data)), fingerprint_(SettingsFingerprint(*data_.model)),
      index_(std::make_unique<StoryIndex>(data_.model)) {}

Result<std::unique_ptr<StoryStore>> StoryStore::Open(Store* store, StoriesData data) {
  if (!store->has_stories()) return Status::Error("the database has no story tables");
  std::unique_ptr<StoryStore> s(new StoryStore(store, std::move(data)));
  Status st = s->Load();
  if (!st.ok()) return st;
  return s;
}

Status StoryStore::Load() {
  // Every stored outlet is known, so a new relay citing one by name is understood.
  Result<std::vector<std::string>> outlets = store_->Outlets();
  if (!outlets.ok()) return outlets.status();
  for (const std::string& o : *outlets) data_.outlets->AddName(o);

  std::unordered_map<std::string, uint32_t> first_of_story;
  std::unordered_set<std::string> fresh;
  // Entries with a current profile but no current sources (stored by a faultline before
  // schema 6, or with other outlet lists): their story stays, their sources are found again.
  std::unordered_map<std::string, StoredStory> without_sources;
  // Entries stored before schema 11 have no summary: it is added (ProfileSummaryToBytes).
  std::vector<StoredStory> without_summary;
  Status st = store_->ForEachStory([&](StoredStory&& s) {
    if (s.settings != fingerprint_) return;
    std::optional<StoryProfile> p = ProfileFromBytes(s.profile);
    if (!p) return;  // unreadable: profiled again below, like a stale one
    const bool summarise = s.summary.empty();
    if (summarise) s.summary = ProfileSummaryToBytes(*p);
    auto [it, first] = first_of_story.emplace(s.story, static_cast<uint32_t>(ids_.size()));
    index_->AddAssigned(std::move(*p), it->second);
    ids_.push_back(s.doc);
    story_of_root_.push_back(first ? s.story : std::string());
    fresh.insert(s.doc);
    if (!SourcesFromBytes(s.sources, *data_.outlets, data_.sources_fingerprint)) {
      std::string doc = s.doc;
      without_sources.emplace(std::move(doc), std::move(s));  // stored again below
    } else if (summarise) {
      without_summary.push_back(std::move(s));
    }
    ++stats_.loaded;
  });
  if (!st.ok()) return st;
  for (const StoredStory& s : without_summary) {
    st = store_->PutStory(s);
    if (!st.ok()) return st;
    ++stats_.summarised;
  }
  Result<CorpusStats> counts = store_->Stats();
  if (!counts.ok()) return counts.status();
  if (static_cast<int64_t>(fresh.size()) >= counts->documents && without_sources.empty()) return store_->Flush();
  // Documents without a (current) profile: profile them from their text, in the order
  // they were stored, as if ingested now.
  std::vector<Document> todo;
  st = store_->ForEachDocument([&](Document&& d) {
    auto missing = without_sources.find(d.id);
    if (missing != without_sources.end()) {
      StoredStory& s = missing->second;
      s.sources = SourcesToBytes(FindSources(d, *data_.outlets, *data_.finder), *data_.outlets,
                                 data_.sources_fingerprint);
      if (st.ok()) st = store_->PutStory(s);
      ++stats_.sourced;
    } else if (!fresh.count(d.id)) {
      todo.push_back(std::move(d));
    }
  });
  if (!st.ok()) return st;
  for (const Document& d : todo) {
    st = Assign(d, d.id, data_.model->Profile(d));
    if (!st.ok()) return st;
    ++stats_.reprofiled;
  }
  return store_->Flush();
}

Status StoryStore::Add(const Document& doc, const std::string& id) {
  data_.outlets->AddName(doc.outlet);
  Status st = Assign(doc, id, data_.model->Profile(doc));
  if (st.ok()) ++stats_.added;
  return st;
}

Status StoryStore::Assign(const Document& doc, const std::string& id, StoryProfile profile) {
  const DocumentSources sources = FindSources(doc, *data_.outlets, *data_.finder);
  const int origin = sources.origin >= 0 ? sources.origin : sources.via;
  auto hash = [&](int o) { return o >= 0 ? HashTerm(data_.outlets->outlets()[static_cast<size_t>(o)].name) : 0u; };
  profile.origin = hash(origin);
  profile.outlet = hash(sources.self);
  StoredStory s;
  s.doc = id;
  s.day = profile.day;
  s.profile = ProfileToBytes(profile);
  s.summary = ProfileSummaryToBytes(profile);
  s.settings = fingerprint_;
  s.sources = SourcesToBytes(sources, *data_.outlets, data_.sources_fingerprint);

  std::vector<uint32_t> absorbed;
  const uint32_t i = index_->Add(std::move(profile), &absorbed);
  ids_.push_back(id);
  story_of_root_.push_back(std::string());
  const uint32_t root = index_->StoryOf(i);
  if (root == i) {
    story_of_root_[i] = id;
  } else {
    ++stats_.joined;
  }
  s.story = story_of_root_[root];
  if (const std::optional<StoryLink>& l = index_->best_link(i)) {
    s.linked_to = ids_[l->other];
    s.score = l->score;
  }
  for (uint32_t old_root : absorbed) {
    Status m = store_->MergeStories(story_of_root_[old_root], s.story);
    if (!m.ok()) return m;
    ++stats_.merged;
  }
  return store_->PutStory(s);
}

namespace {

Result<StoredStories> ReadCurrent(const StoryModel& model,
                                  const std::function<Status(const std::function<void(StoredStory&&)>&)>& read) {
  StoredStories out;
  const std::string fingerprint = SettingsFingerprint(model);
  // Keyed by document, so the table's order will do.
  Status st = read([&](StoredStory&& s) {
    if (s.settings == fingerprint) out.by_doc.emplace(s.doc, std::move(s));
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace

Result<StoredStories> ReadStoredStories(const Store& store, const StoryModel& model) {
  return ReadCurrent(model, [&](const auto& fn) { return store.ForEachStoryUnordered(fn); });
}

Result<StoredStories> ReadStoredSummaries(const Store& store, const StoryModel& model) {
  return ReadCurrent(model, [&](const auto& fn) { return store.ForEachStorySummary(fn); });
}

}  // namespace faultline::stories
