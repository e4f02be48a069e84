#include "stories/sources_bytes.h"

#include <cstdint>

#include "stories/byte_codec.h"

namespace faultline::stories {
namespace {

constexpr uint32_t kSourcesFormat = 1;
constexpr uint32_t kResolved = 1, kInTitle = 2, kLead = 4;

void PutAttribution(std::string* out, const Attribution& a, const OutletList& outlets) {
  const bool resolved = a.outlet >= 0;
  Put32(out, (resolved ? kResolved : 0) | (a.in_title ? kInTitle : 0) | (a.lead ? kLead : 0));
  PutString(out, resolved ? std::string_view(outlets.outlets()[static_cast<size_t>(a.outlet)].name)
                          : std::string_view(a.name));
  Put32(out, static_cast<uint32_t>(a.begin));
  Put32(out, static_cast<uint32_t>(a.end));
  PutString(out, a.cue);
  PutString(out, a.date);
}

}  // namespace

std::string SourcesToBytes(const DocumentSources& sources, const OutletList& outlets,
                           std::string_view data_fingerprint) {
  std::string out;
  Put32(&out, kSourcesFormat);
  PutString(&out, data_fingerprint);
  Put32(&out, static_cast<uint32_t>(sources.attributions.size() + sources.pending.size()));
  for (const Attribution& a : sources.attributions) PutAttribution(&out, a, outlets);
  for (const Attribution& a : sources.pending) PutAttribution(&out, a, outlets);
  return out;
}

std::optional<DocumentSources> SourcesFromBytes(std::string_view bytes, const OutletList& outlets,
                                                std::string_view data_fingerprint) {
  ByteReader r(bytes);
  uint32_t format, n;
  std::string fingerprint;
  if (!r.Get32(&format) || format != kSourcesFormat || !r.GetString(&fingerprint) ||
      fingerprint != data_fingerprint || !r.Get32(&n) || n > bytes.size())
    return std::nullopt;
  DocumentSources s;
  for (uint32_t i = 0; i < n; ++i) {
    Attribution a;
    uint32_t flags, begin, end;
    if (!r.Get32(&flags) || !r.GetString(&a.name) || !r.Get32(&begin) || !r.Get32(&end) || !r.GetString(&a.cue) ||
        !r.GetString(&a.date))
      return std::nullopt;
    a.begin = begin;
    a.end = end;
    a.in_title = flags & kInTitle;
    a.lead = flags & kLead;
    if (flags & kResolved) {
      // A known outlet when the text was read: known by its canonical name to every
      // reader with the same data (the fingerprint says so), and kept nameless as
      // AttributionFinder leaves known outlets.
      a.outlet = outlets.Resolve(a.name);
      if (a.outlet >= 0) a.name.clear();
    }
    s.pending.push_back(std::move(a));
  }
  if (!r.done()) return std::nullopt;
  return s;
}

}  // namespace faultline::stories
