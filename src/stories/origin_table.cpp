#include "stories/origin_table.h"

#include "stories/byte_codec.h"

namespace faultline::stories {
namespace {

constexpr uint32_t kFormat = 1;

}  // namespace

OriginTable OriginTableOf(const StoryCollection& c, const OutletList& outlets) {
  OriginTable t;
  t.documents.resize(c.documents.size());
  for (size_t i = 0; i < c.documents.size(); ++i) {
    OriginTable::Document& d = t.documents[i];
    d.statement_name = c.documents[i].statement_name;
    d.outlet = c.documents[i].outlet;
    const int self = c.sources[i].self;
    if (self >= 0) d.self = outlets.outlets()[static_cast<size_t>(self)].name;
  }
  t.stories.reserve(c.stories.size());
  for (size_t s = 0; s < c.stories.size(); ++s) {
    const Story& story = c.stories[s];
    OriginTable::Story out;
    out.id = story.id;
    out.origin_outlet = story.origin.outlet;
    out.origin_date = story.origin.date;
    for (const StoryMember& m : story.members) {
      t.documents[m.doc].story = static_cast<uint32_t>(s);
      t.documents[m.doc].origin_key = m.origin_key;
      const ChainStep& end = m.chain.back();
      bool seen = false;
      for (const auto& e : out.ends) seen = seen || e.first == end.outlet;
      if (!seen) out.ends.emplace_back(end.outlet, end.date);
    }
    t.stories.push_back(std::move(out));
  }
  return t;
}

std::string OriginTableToBytes(const OriginTable& t) {
  std::string out;
  Put32(&out, kFormat);
  Put32(&out, static_cast<uint32_t>(t.stories.size()));
  for (const OriginTable::Story& s : t.stories) {
    PutString(&out, s.id);
    PutString(&out, s.origin_outlet);
    PutString(&out, s.origin_date);
    Put32(&out, static_cast<uint32_t>(s.ends.size()));
    for (const auto& [outlet, date] : s.ends) {
      PutString(&out, outlet);
      PutString(&out, date);
    }
  }
  Put32(&out, static_cast<uint32_t>(t.documents.size()));
  for (const OriginTable::Document& d : t.documents) {
    PutString(&out, d.statement_name);
    PutString(&out, d.outlet);
    PutString(&out, d.self);
    PutString(&out, d.origin_key);
    Put32(&out, d.story);
  }
  return out;
}

std::optional<OriginTable> OriginTableFromBytes(std::string_view bytes) {
  ByteReader r(bytes);
  uint32_t format = 0, n = 0;
  if (!r.Get32(&format) || format != kFormat || !r.Get32(&n)) return std::nullopt;
  OriginTable t;
  // Every entry takes at least 4 bytes: a count larger than that is a corrupt blob.
  if (n > bytes.size() / 4) return std::nullopt;
  t.stories.resize(n);
  for (OriginTable::Story& s : t.stories) {
    uint32_t ends = 0;
    if (!r.GetString(&s.id) || !r.GetString(&s.origin_outlet) || !r.GetString(&s.origin_date) || !r.Get32(&ends) ||
        ends > bytes.size() / 8)
      return std::nullopt;
    s.ends.resize(ends);
    for (auto& [outlet, date] : s.ends)
      if (!r.GetString(&outlet) || !r.GetString(&date)) return std::nullopt;
  }
  if (!r.Get32(&n) || n > bytes.size() / 20) return std::nullopt;
  t.documents.resize(n);
  for (OriginTable::Document& d : t.documents) {
    if (!r.GetString(&d.statement_name) || !r.GetString(&d.outlet) || !r.GetString(&d.self) ||
        !r.GetString(&d.origin_key) || !r.Get32(&d.story) || d.story >= t.stories.size())
      return std::nullopt;
  }
  if (!r.done()) return std::nullopt;
  return t;
}

}  // namespace faultline::stories
