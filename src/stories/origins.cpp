#include "stories/origins.h"

#include <algorithm>
#include <map>

namespace faultline::stories {
namespace {

int Weight(const Attribution& a) {
  if (a.in_title || a.cue == "credit") return 3;
  return a.lead ? 2 : 1;
}

std::string OwnName(const Document& doc, const DocumentSources& s, const OutletList& outlets) {
  if (s.self >= 0) return outlets.outlets()[static_cast<size_t>(s.self)].name;
  if (!doc.outlet.empty()) return doc.outlet;
  return doc.id;
}

std::string Earlier(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return std::min(a, b);
}

}  // namespace

DocumentSources FindSources(const Document& doc, const OutletList& outlets, const AttributionFinder& finder) {
  TextWords title, text;
  title.Reset(doc.title);
  text.Reset(doc.text);
  return FindSources(doc, title, text, outlets, finder);
}

DocumentSources FindSources(const Document& doc, const TextWords& title, const TextWords& text,
                            const OutletList& outlets, const AttributionFinder& finder) {
  DocumentSources s;
  s.self = outlets.Resolve(doc.outlet, doc.url);
  s.pending = finder.Find(doc, title, text, outlets, s.self);
  DecideSources(&s, doc, outlets);
  return s;
}

void DecideSources(DocumentSources* sp, const Document& doc, const OutletList& outlets) {
  DocumentSources& s = *sp;
  s.self = outlets.Resolve(doc.outlet, doc.url);
  // Every attribution found so far, resolved against the outlets known now; names
  // still unknown stay pending for a later decision.
  std::vector<Attribution> all = std::move(s.attributions);
  for (Attribution& a : s.pending) all.push_back(std::move(a));
  s.pending.clear();
  s.attributions.clear();
  for (Attribution& a : all) {
    if (a.outlet < 0) a.outlet = outlets.Resolve(a.name);
    if (a.outlet < 0) s.pending.push_back(std::move(a));
    else if (a.outlet != s.self) s.attributions.push_back(std::move(a));
  }
  std::sort(s.attributions.begin(), s.attributions.end(), [](const Attribution& a, const Attribution& b) {
    return a.in_title != b.in_title ? a.in_title : a.begin < b.begin;
  });
  s.via = -1;
  if (!doc.via.empty()) {
    const int via = outlets.Resolve(doc.via);
    if (via >= 0 && via != s.self) s.via = via;
  }
  std::map<int, int> weight;
  std::map<int, std::string> date;
  int total = 0;
  for (const Attribution& a : s.attributions) {
    weight[a.outlet] += Weight(a);
    total += Weight(a);
    if (!a.date.empty()) date[a.outlet] = Earlier(date[a.outlet], a.date);
  }
  int best = -1;
  for (const auto& [o, w] : weight)
    if (best < 0 || w > weight[best]) best = o;
  s.origin = -1;
  s.origin_date.clear();
  if (best >= 0 && weight[best] >= kOriginWeight && weight[best] * 2 >= total) {
    s.origin = best;
    s.origin_date = date[best];
  }
  s.also_cited.clear();
  for (const auto& [o, w] : weight)
    if (o != s.origin && o != s.via) s.also_cited.push_back(o);
}

StoryOrigins TraceOrigins(const std::vector<StoryMemberInput>& members, const OutletList& outlets,
                          const std::string& story) {
  StoryOrigins out;
  const size_t n = members.size();
  // The first member published by each outlet: where a chain step can point to a document.
  std::map<std::string, size_t> first_by_outlet;
  std::vector<std::string> own(n);
  for (size_t i = 0; i < n; ++i) {
    own[i] = OwnName(*members[i].doc, *members[i].sources, outlets);
    first_by_outlet.emplace(own[i], i);
  }
  auto name = [&](int o) { return outlets.outlets()[static_cast<size_t>(o)].name; };
  // Each member's direct steps, before documents of the story are followed.
  std::vector<std::vector<std::string>> direct(n);
  std::vector<std::string> told_date(n);  // the date the member gives its origin's report
  for (size_t i = 0; i < n; ++i) {
    const DocumentSources& s = *members[i].sources;
    if (s.via >= 0) direct[i].push_back(name(s.via));
    if (s.origin >= 0 && s.origin != s.via) direct[i].push_back(name(s.origin));
    told_date[i] = s.origin_date;
  }
  // Chains, in publication order so a copied member's chain is known when needed.
  out.chains.resize(n);
  for (size_t i = 0; i < n; ++i) {
    std::vector<ChainStep>& chain = out.chains[i];
    chain.push_back({own[i], members[i].doc->id, members[i].doc->date});
    std::vector<std::string> steps = direct[i];
    if (steps.empty() && members[i].copy_of >= 0 && static_cast<size_t>(members[i].copy_of) < i &&
        own[static_cast<size_t>(members[i].copy_of)] != own[i]) {
      // No source named, but the text copies an earlier report: a relay of it.
      const std::vector<ChainStep>& copied = out.chains[static_cast<size_t>(members[i].copy_of)];
      chain.insert(chain.end(), copied.begin(), copied.end());
      continue;
    }
    for (size_t k = 0; k < steps.size(); ++k) {
      auto doc = first_by_outlet.find(steps[k]);
      if (doc != first_by_outlet.end() && doc->second != i) {
        // The outlet's own report is in the story: follow its chain from there.
        const size_t j = doc->second;
        chain.push_back({steps[k], members[j].doc->id, members[j].doc->date});
        for (const std::string& further : direct[j])
          if (std::none_of(chain.begin(), chain.end(), [&](const ChainStep& c) { return c.outlet == further; }))
            chain.push_back({further, "", ""});
        break;
      }
      chain.push_back({steps[k], "", ""});
    }
  }
  // The date each origin outside the corpus reported, from what its relays say, and
  // never later than its first relay.
  std::map<std::string, std::string> origin_date;
  for (size_t i = 0; i < n; ++i) {
    const ChainStep& last = out.chains[i].back();
    if (out.chains[i].size() < 2 || !last.doc.empty()) continue;
    std::string d = Earlier(told_date[i], members[i].doc->date.size() >= 10 ? members[i].doc->date.substr(0, 10) : "");
    origin_date[last.outlet] = Earlier(origin_date[last.outlet], d);
  }
  for (auto& chain : out.chains)
    if (chain.size() >= 2 && chain.back().doc.empty()) chain.back().date = origin_date[chain.back().outlet];
  // The story's origin: the one most members trace back to; when none relays another,
  // the first to publish.
  std::map<std::string, size_t> votes;
  for (const auto& chain : out.chains)
    if (chain.size() >= 2) ++votes[chain.back().outlet];
  std::string best;
  for (const auto& [o, v] : votes)
    if (best.empty() || v > votes[best]) best = o;
  if (!best.empty()) {
    for (const auto& chain : out.chains)
      if (chain.back().outlet == best) {
        out.origin = chain.back();
        break;
      }
    for (const auto& chain : out.chains)
      if (chain.back().outlet == best) out.origin.date = Earlier(out.origin.date, chain.back().date);
  } else if (n > 0) {
    out.origin = out.chains[0].front();
  }
  for (const auto& chain : out.chains) out.origin_keys.push_back(story + "/" + chain.back().outlet);
  return out;
}

std::string StatementOriginKey(const std::string& statement_source, const std::string& member_key,
                               const DocumentSources& sources, const OutletList& outlets, const std::string& story) {
  if (!statement_source.empty()) {
    const int o = outlets.Resolve(statement_source);
    if (o >= 0 && o != sources.self) return story + "/" + outlets.outlets()[static_cast<size_t>(o)].name;
  }
  return member_key;
}

}  // namespace faultline::stories
