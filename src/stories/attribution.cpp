#include "stories/attribution.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include "util/data_path.h"
#include "ingest/dates.h"
#include "store/near_duplicates.h"

namespace faultline::stories {
namespace {

// string_views, not C strings: most words differ in length, and a comparison with a
// C string measured it first (strlen) at every capitalised name of every text.
bool Among(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (w == s) return true;
  return false;
}

// Words that may stand between a cue and the outlet ("according to a Reuters report").
bool FillerBefore(std::string_view w) { return Among(w, {"a", "an", "the", "its", "their"}); }
// ... and between the outlet and a cue after it ("Bloomberg has reported", "Bloomberg's sources").
bool FillerAfter(std::string_view w) {
  return Among(w, {"s", "has", "have", "had", "also", "first", "earlier", "previously", "later", "was", "is",
                   "news", "itself", "then", "in", "a", "an", "its", "own"});
}

bool PhraseAt(const TextWords& t, size_t at, const std::vector<std::string>& p) {
  if (at + p.size() > t.size()) return false;
  for (size_t k = 0; k < p.size(); ++k)
    if (t.Lower(at + k) != p[k]) return false;
  return true;
}

}  // namespace

void CuePhrases::Index(bool by_last_word) {
  by_word.clear();
  keyed = KeyFilter();
  for (size_t i = 0; i < phrases.size(); ++i) {
    const std::string& key = by_last_word ? phrases[i].back() : phrases[i].front();
    by_word[key].push_back(static_cast<uint32_t>(i));
    keyed.Add(key);
  }
}

const std::vector<uint32_t>* CuePhrases::With(std::string_view word) const {
  if (!keyed.MayContain(word)) return nullptr;
  auto it = by_word.find(word);
  return it == by_word.end() ? nullptr : &it->second;
}

namespace {

// The cue before token `first` (the name's first word), allowing one filler word.
const std::vector<std::string>* CueBefore(const TextWords& t, size_t first, const CuePhrases& cues) {
  for (size_t skip = 0; skip <= 1; ++skip) {
    if (skip == 1 && (first == 0 || !FillerBefore(t.Lower(first - 1)))) break;
    const size_t end = first - skip;  // the cue ends just before this token
    if (end == 0) continue;
    if (const std::vector<uint32_t>* some = cues.With(t.Lower(end - 1)))
      for (uint32_t k : *some) {
        const auto& p = cues.phrases[k];
        if (end >= p.size() && PhraseAt(t, end - p.size(), p)) return &p;
      }
  }
  return nullptr;
}

// The phrase of `phrases` (keyed by first word) starting at token `at`, or null.
const std::vector<std::string>* PhraseStartingAt(const TextWords& t, size_t at, const CuePhrases& phrases) {
  if (at >= t.size()) return nullptr;
  if (const std::vector<uint32_t>* some = phrases.With(t.Lower(at)))
    for (uint32_t k : *some)
      if (PhraseAt(t, at, phrases.phrases[k])) return &phrases.phrases[k];
  return nullptr;
}

// The cue after token `next` (the word after the name), allowing two filler words.
const std::vector<std::string>* CueAfter(const TextWords& t, size_t next, const CuePhrases& cues) {
  for (size_t skip = 0; skip <= 2 && next + skip <= t.size(); ++skip) {
    if (skip > 0 && !FillerAfter(t.Lower(next + skip - 1))) break;
    if (const auto* p = PhraseStartingAt(t, next + skip, cues)) return p;
  }
  return nullptr;
}

std::string Join(const std::vector<std::string>& p) {
  std::string s;
  for (const auto& w : p) s += (s.empty() ? "" : " ") + w;
  return s;
}

Status PhraseList(const YAML::Node& root, const char* key, std::vector<std::vector<std::string>>* out,
                  const std::string& path) {
  const YAML::Node n = root[key];
  if (!n) return Status::Ok();
  if (!n.IsSequence()) return Status::Error(std::string("'") + key + "' must be a list", path, n.Mark().line + 1);
  for (const auto& x : n) {
    if (!x.IsScalar()) return Status::Error(std::string("'") + key + "' must list phrases", path, x.Mark().line + 1);
    std::vector<std::string> words;
    TextWords lw;
    lw.Reset(x.Scalar());
    for (size_t i = 0; i < lw.size(); ++i) words.emplace_back(lw.Lower(i));
    if (!words.empty()) out->push_back(std::move(words));
  }
  // Longest first: "first reported" before "reported".
  std::stable_sort(out->begin(), out->end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return Status::Ok();
}

constexpr size_t kLeadBytes = 600;    // the lead: the first paragraph or so
constexpr size_t kCreditBytes = 300;  // where a dateline credit stands
constexpr size_t kDateWindow = 90;    // bytes after an attribution searched for its date

}  // namespace

std::string ReportDate(std::string_view words, std::string_view doc_date) {
  const std::optional<int64_t> day = DayNumber(doc_date);
  if (!day) return {};
  static const std::array<const char*, 7> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};
  TextWords t;
  t.Reset(words);
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (t.Lower(i) != "on") continue;
    for (int w = 0; w < 7; ++w) {
      if (t.Lower(i + 1) != kWeekdays[w]) continue;
      const int64_t today = (*day + 3) % 7;  // 1970-01-01 was a Thursday: Monday is 0
      const int64_t back = (today - w + 7) % 7;
      const int64_t d = *day - back;
      // Back to civil date (Howard Hinnant's civil_from_days).
      const int64_t z = d + 719468;
      const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
      const int64_t doe = z - era * 146097;
      const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
      const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
      const int64_t mp = (5 * doy + 2) / 153;
      const int64_t dd = doy - (153 * mp + 2) / 5 + 1;
      const int64_t m = mp < 10 ? mp + 3 : mp - 9;
      const int64_t y = yoe + era * 400 + (m <= 2);
      char buf[72];
      std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                    static_cast<long long>(dd));
      return buf;
    }
  }
  // "on Feb. 24", "on 24 February": a month and day, in the document's year unless that
  // would put it after the document.
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (t.Lower(i) != "on") continue;
    const DateMatch m = FindDate(words.substr(t.spans()[i].end));
    if (m.iso.empty() || m.begin > 1) continue;
    if (m.iso.size() == 10 && m.iso[4] == '-') return m.iso;
    if (m.iso.size() == 7 && m.iso.starts_with("--")) {
      std::string full = std::string(doc_date.substr(0, 4)) + m.iso.substr(1);
      if (full.substr(5) > std::string(doc_date.substr(5, 5))) {
        const int year = std::stoi(std::string(doc_date.substr(0, 4))) - 1;
        full = std::to_string(year) + m.iso.substr(1);
      }
      return full;
    }
  }
  return {};
}

std::string AttributionFinder::DefaultPath() { return DataFile("stories/attribution.yaml"); }

Result<AttributionFinder> AttributionFinder::Load(const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return Status::Error("cannot open the attribution cues", path);
  } catch (const YAML::Exception& e) {
    return Status::Error(std::string("not valid YAML: ") + e.what(), path, e.mark.line + 1);
  }
  AttributionFinder f;
  Status s = PhraseList(root, "before", &f.before_.phrases, path);
  if (s.ok()) s = PhraseList(root, "after", &f.after_.phrases, path);
  if (s.ok()) s = PhraseList(root, "anaphora", &f.anaphora_.phrases, path);
  if (!s.ok()) return s;
  if (f.before_.phrases.empty() && f.after_.phrases.empty()) return Status::Error("no attribution cues", path);
  f.before_.Index(/*by_last_word=*/true);
  f.after_.Index(/*by_last_word=*/false);
  f.anaphora_.Index(/*by_last_word=*/false);
  return f;
}

namespace {

bool Capitalised(std::string_view s, const WordSpan& w) { return s[w.begin] >= 'A' && s[w.begin] <= 'Z'; }

// Capitalised word runs joined by single spaces ("The Atlantic Ledger"), at most six
// words, as [first, last] token ranges.
std::vector<std::pair<size_t, size_t>> NameRuns(const TextWords& words) {
  const std::string_view s = words.text();
  const std::vector<WordSpan>& t = words.spans();
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 0; i < t.size();) {
    if (!Capitalised(s, t[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 1 < t.size() && j - i < 5 && Capitalised(s, t[j + 1]) && t[j + 1].begin == t[j].end + 1 &&
           s[t[j].end] == ' ')
      ++j;
    // "on Monday, citing": a day or month is never a source.
    if (i != j || !Among(words.Lower(i), {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                          "january", "february", "march", "april", "may", "june", "july",
                                          "august", "september", "october", "november", "december"}))
      out.emplace_back(i, j);
    i = j + 1;
  }
  return out;
}

}  // namespace

std::vector<Attribution> AttributionFinder::Find(const Document& doc, const OutletList& outlets, int self) const {
  TextWords title, text;
  title.Reset(doc.title);
  text.Reset(doc.text);
  return Find(doc, title, text, outlets, self);
}

std::vector<Attribution> AttributionFinder::Find(const Document& doc, const TextWords& title_words,
                                                 const TextWords& text_words, const OutletList& outlets,
                                                 int self) const {
  std::vector<Attribution> out;
  // The last outlet (or name) cited, for "the agency".
  int last_outlet = -1;
  std::string last_name;
  for (const bool title : {true, false}) {
    const TextWords& t = title ? title_words : text_words;
    const std::string_view s = t.text();
    const std::vector<WordSpan>& spans = t.spans();
    struct Spot {
      size_t first, next;  // token range [first, next)
      int outlet;          // -1: a name to resolve later; -2: an anaphor
    };
    std::vector<Spot> spots;
    std::vector<bool> covered(t.size(), false);
    // Tokens are in text order: binary searches, not a scan from the start per mention
    // (long transcripts name outlets hundreds of times).
    auto tokens_of = [&](size_t begin, size_t end) {
      const auto first = std::partition_point(spans.begin(), spans.end(), [&](const WordSpan& x) { return x.end <= begin; });
      const auto next = std::partition_point(first, spans.end(), [&](const WordSpan& x) { return x.begin < end; });
      return std::make_pair(static_cast<size_t>(first - spans.begin()), static_cast<size_t>(next - spans.begin()));
    };
    for (const OutletMention& m : outlets.FindMentions(s)) {
      auto [first, next] = tokens_of(m.begin, m.end);
      if (first >= next) continue;
      spots.push_back({first, next, static_cast<int>(m.outlet)});
      for (size_t k = first; k < next; ++k) covered[k] = true;
    }
    for (const auto& [first, last] : NameRuns(t)) {
      bool overlaps = false;
      for (size_t k = first; k <= last; ++k) overlaps = overlaps || covered[k];
      size_t f = first;
      if (t.Lower(f) == "the" && f < last) ++f;  // "The Atlantic Ledger": the name without "The"
      if (!overlaps) spots.push_back({f, last + 1, -1});
    }
    for (size_t i = 0; i < t.size(); ++i)
      if (const auto* p = PhraseStartingAt(t, i, anaphora_)) spots.push_back({i, i + p->size(), -2});
    std::sort(spots.begin(), spots.end(), [](const Spot& a, const Spot& b) { return a.first < b.first; });
    for (const Spot& sp : spots) {
      const size_t begin = spans[sp.first].begin, end = spans[sp.next - 1].end;
      const std::vector<std::string>* cue = CueBefore(t, sp.first, before_);
      if (cue == nullptr) cue = CueAfter(t, sp.next, after_);
      std::string cue_text = cue ? Join(*cue) : std::string();
      if (sp.outlet >= 0 && cue == nullptr && !title && begin < kCreditBytes && begin > 0 && end < s.size() &&
          s[begin - 1] == '(' && s[end] == ')')
        cue_text = "credit";
      if (cue_text.empty()) continue;
      Attribution a;
      if (sp.outlet == -2) {
        if (last_outlet < 0 && last_name.empty()) continue;
        a.outlet = last_outlet;
        a.name = last_name;
      } else {
        a.outlet = sp.outlet;
        if (sp.outlet < 0) a.name = std::string(s.substr(begin, end - begin));
        last_outlet = a.outlet;
        last_name = a.name;
      }
      if (a.outlet >= 0 && a.outlet == self) continue;
      a.begin = begin;
      a.end = end;
      a.in_title = title;
      a.lead = title || begin < kLeadBytes;
      a.cue = cue_text;
      a.date = ReportDate(s.substr(end, std::min(kDateWindow, s.size() - end)), doc.date);
      out.push_back(std::move(a));
    }
  }
  return out;
}

}  // namespace faultline::stories
