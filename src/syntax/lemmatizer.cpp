#include "syntax/lemmatizer.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "syntax/feature_hash.h"
#include "util/ascii.h"

namespace faultline::syntax {

namespace {

constexpr size_t kMaxSuffix = 6;

// The rule key from the XPOS's hash, which a lookup computes once for all its suffixes.
uint64_t RuleKeyOf(uint64_t xpos_hash, std::string_view suffix) { return FeatureKey(1, xpos_hash, HashString(suffix)); }
uint64_t RuleKey(std::string_view xpos, std::string_view suffix) { return RuleKeyOf(HashString(xpos), suffix); }
uint64_t ExceptionKey(std::string_view form, std::string_view xpos) {
  return FeatureKey(2, HashString(form), HashString(xpos));
}

// What turns `form` into `lemma`, compared without case: bytes to strip, text to add.
std::pair<size_t, std::string> Transformation(const std::string& form, const std::string& lemma) {
  size_t p = 0;
  while (p < form.size() && p < lemma.size() && form[p] == lemma[p]) ++p;
  return {form.size() - p, lemma.substr(p)};
}

// Whether a lemma keeps the case of its form when the treebank has not said:
// codes with digits ("F-16s") and mixed case ("iPhone", "McCain") do; words
// capitalised at the start of a sentence or written in capitals ("FREE") do not.
bool KeepsCase(std::string_view s) {
  bool lower = false, inner_upper = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') return true;
    if (c >= 'A' && c <= 'Z' && i > 0) inner_upper = true;
    lower = lower || (c >= 'a' && c <= 'z');
  }
  return inner_upper && lower;
}

}  // namespace

void Lemmatizer::Train(const std::vector<LemmaExample>& examples) {
  // Suffix rules generalise over word types, not uses: count each distinct
  // (XPOS, form, lemma) once under every suffix of the form (maps keep the keys
  // sorted, for a deterministic choice among ties).
  std::set<std::tuple<std::string, std::string, std::string>> types;
  // Exceptions are keyed by (form, XPOS), so their lemmas are counted over every UPOS
  // of the pair: one stray annotation ("that" IN ADP -> "than") must not outvote the
  // thousand uses of "that" IN SCONJ.
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>> lemma_counts;
  std::map<std::pair<std::string, std::string>, std::map<Upos, int>> upos_counts;
  for (const auto& e : examples) {
    if (e.lemma.empty()) continue;
    types.emplace(e.xpos, AsciiLower(e.form), AsciiLower(e.lemma));
    ++lemma_counts[{e.form, e.xpos}][e.lemma];
    ++upos_counts[{e.form, e.xpos}][e.upos];
  }
  std::map<std::tuple<std::string, std::string>, std::map<std::pair<size_t, std::string>, int>> rule_counts;
  for (const auto& [xpos, form, lemma] : types) {
    const auto t = Transformation(form, lemma);
    for (size_t k = 0; k <= std::min(kMaxSuffix, form.size()); ++k) ++rule_counts[{xpos, form.substr(form.size() - k)}][t];
  }
  rule_keys_.clear();
  rule_strip_.clear();
  rule_append_.clear();
  for (const auto& [key, options] : rule_counts) {
    auto best = std::max_element(options.begin(), options.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    // A transformation seen on one word only is that word's exception, not a rule
    // ("m" -> "million" must not turn "31m" into "31million").
    if (best->second < 2) continue;
    rule_keys_.push_back(RuleKey(std::get<0>(key), std::get<1>(key)));
    rule_strip_.push_back(static_cast<uint8_t>(std::min<size_t>(best->first.first, 255)));
    rule_append_.push_back(best->first.second);
  }
  BuildIndex();
  // Exceptions: the written forms whose most frequent lemma (case included) the
  // rules do not give: "better" -> "good", "me" -> "I", "Palestinian" -> "Palestinian".
  exception_keys_.clear();
  exception_lemmas_.clear();
  std::set<uint64_t> seen;
  auto by_count = [](const auto& a, const auto& b) { return a.second < b.second; };
  for (const auto& [key, lemmas] : lemma_counts) {
    auto best = std::max_element(lemmas.begin(), lemmas.end(), by_count);
    const auto& [form, xpos] = key;
    const auto& uposes = upos_counts[key];
    const Upos upos = std::max_element(uposes.begin(), uposes.end(), by_count)->first;
    if (ByRule(form, upos, xpos) == best->first) continue;
    const uint64_t k = ExceptionKey(form, xpos);
    if (!seen.insert(k).second) continue;  // hash collision: the first keeps it
    exception_keys_.push_back(k);
    exception_lemmas_.push_back(best->first);
  }
  BuildIndex();
}

void Lemmatizer::BuildIndex() {
  rule_index_ = KeyIndex();
  for (uint64_t k : rule_keys_) rule_index_.Insert(k);
  exception_index_ = KeyIndex();
  for (uint64_t k : exception_keys_) exception_index_.Insert(k);
}

std::string Lemmatizer::ByRule(std::string_view form, Upos upos, std::string_view xpos) const {
  const std::string lower = AsciiLower(form);
  std::string lemma(form);
  const uint64_t xpos_hash = HashString(xpos);
  // Rules are learned on bytes; one that would cut a multi-byte character ("’", "…" tagged as
  // a verb) is not applied, so that a lemma is always valid UTF-8.
  const auto inside_character = [&](size_t i) { return i < form.size() && (form[i] & 0xC0) == 0x80; };
  for (size_t k = std::min(kMaxSuffix, lower.size());; --k) {
    const int64_t r = rule_index_.Find(RuleKeyOf(xpos_hash, std::string_view(lower).substr(lower.size() - k)));
    if (r >= 0 && !inside_character(form.size() - std::min<size_t>(rule_strip_[r], form.size()))) {
      const size_t strip = std::min<size_t>(rule_strip_[r], form.size());
      if (strip < form.size() || !rule_append_[r].empty())
        lemma = std::string(form.substr(0, form.size() - strip)) + rule_append_[r];
      break;
    }
    if (k == 0) break;
  }
  // The treebanks write lemmas in lower case, except for names.
  if (upos != Upos::kPropn && !KeepsCase(form)) lemma = AsciiLower(lemma);
  return lemma;
}

std::string Lemmatizer::Lemma(std::string_view form, Upos upos, std::string_view xpos) const {
  if (const int64_t e = exception_index_.Find(ExceptionKey(form, xpos)); e >= 0) return exception_lemmas_[e];
  return ByRule(form, upos, xpos);
}

void Lemmatizer::Write(ByteWriter* out) const {
  out->PutVector(rule_keys_);
  out->PutVector(rule_strip_);
  out->PutStrings(rule_append_);
  out->PutVector(exception_keys_);
  out->PutStrings(exception_lemmas_);
}

bool Lemmatizer::Read(ByteReader* in) {
  if (!in->GetVector(&rule_keys_) || !in->GetVector(&rule_strip_) || !in->GetStrings(&rule_append_) ||
      !in->GetVector(&exception_keys_) || !in->GetStrings(&exception_lemmas_))
    return false;
  if (rule_strip_.size() != rule_keys_.size() || rule_append_.size() != rule_keys_.size() ||
      exception_lemmas_.size() != exception_keys_.size())
    return false;
  BuildIndex();
  return rule_index_.size() == rule_keys_.size() && exception_index_.size() == exception_keys_.size();
}

}  // namespace faultline::syntax
