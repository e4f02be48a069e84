#include "stories/profile.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "stories/byte_codec.h"

namespace faultline::stories {
namespace {

void Append(std::vector<TermId>* to, const std::vector<TermId>& from) {
  to->insert(to->end(), from.begin(), from.end());
}

void PutVector(std::string* out, const SparseVector& v) {
  Put32(out, static_cast<uint32_t>(v.size()));
  for (const TermWeight& t : v) {
    uint32_t w;
    std::memcpy(&w, &t.weight, 4);
    Put32(out, t.term);
    Put32(out, w);
  }
}

bool GetVector(ByteReader* r, SparseVector* v) {
  uint32_t n;
  if (!r->Get32(&n) || n > 1u << 20) return false;
  v->resize(n);
  for (TermWeight& t : *v) {
    uint32_t w;
    if (!r->Get32(&t.term) || !r->Get32(&w)) return false;
    std::memcpy(&t.weight, &w, 4);
  }
  return true;
}

bool GetIds(ByteReader* r, std::vector<TermId>* v) {
  uint32_t n;
  if (!r->Get32(&n) || n > 1u << 20) return false;
  v->resize(n);
  for (TermId& t : *v)
    if (!r->Get32(&t)) return false;
  return true;
}

void PutIds(std::string* out, const std::vector<TermId>& v) {
  Put32(out, static_cast<uint32_t>(v.size()));
  for (TermId t : v) Put32(out, t);
}

constexpr uint32_t kProfileFormat = 1;

}  // namespace

double Dot(const SparseVector& a, const SparseVector& b) {
  double s = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].term < b[j].term) {
      ++i;
    } else if (b[j].term < a[i].term) {
      ++j;
    } else {
      s += static_cast<double>(a[i].weight) * b[j].weight;
      ++i;
      ++j;
    }
  }
  return s;
}

SparseVector Profiler::Weigh(const std::vector<TermId>& sorted, const std::vector<TermIdf>& idf, size_t keep) const {
  // Term frequencies as runs of the sorted ids: no hash table per vector. The idf table is
  // sorted too: its cursor only moves forward.
  SparseVector v;
  double norm = 0;
  size_t at = 0;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i + 1;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    while (at < idf.size() && idf[at].term < sorted[i]) ++at;
    const double term_idf = at < idf.size() && idf[at].term == sorted[i] ? idf[at].idf : stats_->Idf(sorted[i]);
    const double w = (1.0 + std::log(static_cast<double>(j - i))) * term_idf;
    v.push_back({sorted[i], static_cast<float>(w)});
    norm += w * w;
    i = j;
  }
  norm = std::sqrt(norm);
  if (norm > 0)
    for (TermWeight& t : v) t.weight = static_cast<float>(t.weight / norm);
  if (v.size() > keep) {
    // The heaviest `keep`; ties by term id so the choice does not depend on hashing order.
    std::nth_element(v.begin(), v.begin() + static_cast<long>(keep), v.end(),
                     [](const TermWeight& x, const TermWeight& y) {
                       return x.weight != y.weight ? x.weight > y.weight : x.term < y.term;
                     });
    v.resize(keep);
  }
  std::sort(v.begin(), v.end(), [](const TermWeight& x, const TermWeight& y) { return x.term < y.term; });
  return v;
}

namespace {

// The distinct terms of `sorted` with their idf. The statistics' table outgrows the
// caches: its slots are asked for a few terms ahead of each lookup.
void IdfTable(const std::vector<TermId>& sorted, const TermStatistics& stats, std::vector<TermIdf>* idf) {
  idf->clear();
  for (size_t i = 0; i < sorted.size(); ++i)
    if (i == 0 || sorted[i] != sorted[i - 1]) idf->push_back({sorted[i], 0});
  constexpr size_t kAhead = 8;
  for (size_t k = 0; k < idf->size(); ++k) {
    if (k + kAhead < idf->size()) stats.Prefetch((*idf)[k + kAhead].term);
    (*idf)[k].idf = stats.Idf((*idf)[k].term);
  }
}

// `to` = the concatenation of `a` and the first `b_size` ids of `b`, sorted.
void SortedUnion(const std::vector<TermId>& a, const std::vector<TermId>& b, size_t b_size, std::vector<TermId>* to) {
  to->assign(a.begin(), a.end());
  to->insert(to->end(), b.begin(), b.begin() + static_cast<long>(b_size));
  std::sort(to->begin(), to->end());
}

}  // namespace

StoryProfile Profiler::Profile(std::string_view title, std::string_view text, std::string_view date) const {
  ProfileScratch scratch;
  return Profile(title, text, date, &scratch);
}

StoryProfile Profiler::Profile(std::string_view title, std::string_view text, std::string_view date,
                               ProfileScratch* scratch) const {
  const StoryConfig& c = *config_;
  ProfileScratch& s = *scratch;
  StoryProfile p;
  const TermBags& head = s.head;
  const TermBags& body = s.body;
  ExtractTerms(title, c.terms, 0, 0, &s.terms, &s.head);
  // One reading of the text gives the lead's terms too (lead_words 0 reads it all).
  ExtractTerms(text, c.terms, 0, c.lead_words, &s.terms, &s.body);
  const size_t lead_content = c.lead_words == 0 ? body.content.size() : body.lead_content;
  p.words = static_cast<uint32_t>(body.words);

  SortedUnion(head.content, body.content, body.content.size(), &s.all);
  IdfTable(s.all, *stats_, &s.idf);
  p.text = Weigh(s.all, s.idf, c.max_terms);
  SortedUnion(head.content, body.content, lead_content, &s.subset);
  p.lead = Weigh(s.subset, s.idf, c.max_terms);
  // Names from the text only: a headline capitalises every word.
  s.subset.assign(body.names.begin(), body.names.end());
  std::sort(s.subset.begin(), s.subset.end());
  p.names = Weigh(s.subset, s.idf, c.max_names);

  std::vector<TermId> numbers = head.numbers;
  Append(&numbers, body.numbers);
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  if (numbers.size() > c.max_numbers) numbers.resize(c.max_numbers);
  p.numbers = std::move(numbers);

  SparseVector heaviest = p.text;
  std::sort(heaviest.begin(), heaviest.end(), [](const TermWeight& x, const TermWeight& y) {
    return x.weight != y.weight ? x.weight > y.weight : x.term < y.term;
  });
  for (size_t i = 0; i < heaviest.size() && i < c.index_terms; ++i) p.index_terms.push_back(heaviest[i].term);
  std::sort(p.index_terms.begin(), p.index_terms.end());

  p.day = DayNumber(date);
  p.minhash = ComputeMinHash(text);
  return p;
}

namespace {

// The fields after the vectors, from the day on.
void PutTail(std::string* out, const StoryProfile& p) {
  Put32(out, p.day ? 1u : 0u);
  if (p.day) {
    const uint64_t d = static_cast<uint64_t>(*p.day);
    Put32(out, static_cast<uint32_t>(d & 0xffffffffu));
    Put32(out, static_cast<uint32_t>(d >> 32));
  }
  Put32(out, p.minhash ? 1u : 0u);
  if (p.minhash)
    for (uint32_t v : *p.minhash) Put32(out, v);
  Put32(out, p.words);
  Put32(out, p.origin);
  Put32(out, p.outlet);
}

}  // namespace

std::string ProfileToBytes(const StoryProfile& p) {
  std::string out;
  Put32(&out, kProfileFormat);
  PutVector(&out, p.text);
  PutVector(&out, p.lead);
  PutVector(&out, p.names);
  PutIds(&out, p.numbers);
  PutIds(&out, p.index_terms);
  PutTail(&out, p);
  return out;
}

std::string ProfileSummaryToBytes(const StoryProfile& p) {
  std::string out;
  Put32(&out, kProfileFormat);
  for (int list = 0; list < 5; ++list) Put32(&out, 0);  // the vectors and id lists, empty
  PutTail(&out, p);
  return out;
}

namespace {

// What PutTail wrote.
std::optional<StoryProfile> ReadTail(ByteReader& r, StoryProfile p) {
  uint32_t flag;
  if (!r.Get32(&flag)) return std::nullopt;
  if (flag) {
    uint32_t lo, hi;
    if (!r.Get32(&lo) || !r.Get32(&hi)) return std::nullopt;
    p.day = static_cast<int64_t>((static_cast<uint64_t>(hi) << 32) | lo);
  }
  if (!r.Get32(&flag)) return std::nullopt;
  if (flag) {
    MinHash m;
    for (uint32_t& v : m)
      if (!r.Get32(&v)) return std::nullopt;
    p.minhash = m;
  }
  if (!r.Get32(&p.words) || !r.Get32(&p.origin) || !r.Get32(&p.outlet) || !r.done()) return std::nullopt;
  return p;
}

// Skips a count-prefixed list of `width` values of 4 bytes each.
bool SkipList(ByteReader* r, uint32_t width) {
  uint32_t n;
  return r->Get32(&n) && n <= 1u << 20 && r->Skip32(static_cast<uint64_t>(n) * width);
}

}  // namespace

std::optional<StoryProfile> ProfileFromBytes(std::string_view bytes) {
  ByteReader r(bytes);
  StoryProfile p;
  uint32_t format;
  if (!r.Get32(&format) || format != kProfileFormat) return std::nullopt;
  if (!GetVector(&r, &p.text) || !GetVector(&r, &p.lead) || !GetVector(&r, &p.names) ||
      !GetIds(&r, &p.numbers) || !GetIds(&r, &p.index_terms))
    return std::nullopt;
  return ReadTail(r, std::move(p));
}

std::optional<StoryProfile> ProfileSummaryFromBytes(std::string_view bytes) {
  ByteReader r(bytes);
  uint32_t format;
  if (!r.Get32(&format) || format != kProfileFormat) return std::nullopt;
  if (!SkipList(&r, 2) || !SkipList(&r, 2) || !SkipList(&r, 2) || !SkipList(&r, 1) || !SkipList(&r, 1))
    return std::nullopt;
  return ReadTail(r, StoryProfile{});
}

}  // namespace faultline::stories
