#include "stories/framing.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

#include "util/data_path.h"
#include "util/yaml_fields.h"

namespace faultline::stories {
namespace {

// Lower-case ASCII words; every other byte separates (hyphens and apostrophes too, in
// the text and in the lexicon alike, so "full-scale" matches "full-scale"), except that
// inside a word letters of other scripts stay part of it. Views into words.lowered().
std::vector<std::string_view> FramingWords(const TextWords& words) {
  std::vector<std::string_view> out;
  out.reserve(words.size());
  const std::string_view low = words.lowered();
  ForEachJoinedWord(words, [](unsigned char) { return true; },
                    [&](WordSpan w) { out.push_back(low.substr(w.begin, w.end - w.begin)); });
  return out;
}

}  // namespace

std::string FramingLexicon::DefaultPath() { return DataFile("stories/framing.yaml"); }

Status FramingLexicon::AddFile(const std::string& path) {
  // Parsed from the file itself, so that errors give the file's own line numbers.
  YAML::Node root;
  if (Status s = yaml::LoadFile(path, "framing lexicon", &root); !s.ok()) return s;
  return AddNode(root, path);
}

Status FramingLexicon::AddYaml(std::string_view yaml, const std::string& origin) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return Status::Error(std::string("not valid YAML: ") + e.msg, origin, e.mark.line + 1);
  }
  return AddNode(root, origin);
}

Status FramingLexicon::AddNode(const YAML::Node& root, const std::string& origin) {
  if (!root.IsMap()) return Status::Error("a framing lexicon needs a list under 'concepts'", origin);
  const YAML::Node list = root["concepts"];
  if (!list || !list.IsSequence()) return Status::Error("a framing lexicon needs a list under 'concepts'", origin);
  for (const auto& n : list) {
    const int line = n.Mark().line + 1;
    if (!n.IsMap() || !n["concept"] || !n["variants"] || !n["variants"].IsSequence())
      return Status::Error("a concept needs 'concept' and a list of 'variants'", origin, line);
    std::string name;
    if (Status s = yaml::GetString(n, "concept", origin, &name); !s.ok()) return s;
    auto it = std::find_if(concepts_.begin(), concepts_.end(), [&](const FramingConcept& c) { return c.name == name; });
    if (it == concepts_.end()) it = concepts_.insert(concepts_.end(), FramingConcept{name, {}});
    const uint32_t ci = static_cast<uint32_t>(it - concepts_.begin());
    for (const auto& v : n["variants"]) {
      if (!v.IsMap() || !v["label"] || !v["terms"] || !v["terms"].IsSequence())
        return Status::Error("a variant needs a 'label' and a list of 'terms'", origin, v.Mark().line + 1);
      FramingVariant fv;
      Status s = yaml::GetString(v, "label", origin, &fv.label);
      if (s.ok()) s = yaml::GetStringList(v, "terms", origin, &fv.terms);
      if (!s.ok()) return s;
      const uint32_t vi = static_cast<uint32_t>(concepts_[ci].variants.size());
      for (const std::string& t : fv.terms) {
        TextWords words;
        words.Reset(t);
        Phrase p{{}, ci, vi};
        for (std::string_view w : FramingWords(words)) p.words.emplace_back(w);
        if (p.words.empty()) continue;
        by_first_word_[p.words[0]].push_back(phrases_.size());
        first_words_.Add(p.words[0]);
        phrases_.push_back(std::move(p));
      }
      concepts_[ci].variants.push_back(std::move(fv));
    }
  }
  for (auto& [w, list] : by_first_word_)
    std::stable_sort(list.begin(), list.end(),
                     [&](size_t a, size_t b) { return phrases_[a].words.size() > phrases_[b].words.size(); });
  return Status::Ok();
}

std::vector<FramingCount> FramingLexicon::Count(std::string_view text) const {
  TextWords words;
  words.Reset(text);
  return Count(words);
}

std::vector<FramingCount> FramingLexicon::Count(const TextWords& words) const {
  const std::vector<std::string_view> w = FramingWords(words);
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> counts;
  for (size_t i = 0; i < w.size(); ++i) {
    if (!first_words_.MayContain(w[i])) continue;
    auto it = by_first_word_.find(w[i]);
    if (it == by_first_word_.end()) continue;
    for (size_t pi : it->second) {
      const Phrase& p = phrases_[pi];
      if (i + p.words.size() > w.size() || !std::equal(p.words.begin(), p.words.end(), w.begin() + static_cast<long>(i)))
        continue;
      ++counts[{p.concept_id, p.variant}];
      i += p.words.size() - 1;
      break;
    }
  }
  std::vector<FramingCount> out;
  for (const auto& [key, n] : counts) out.push_back({key.first, key.second, n});
  return out;
}

void AddCounts(std::vector<FramingCount>* into, const std::vector<FramingCount>& more) {
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> sum;
  for (const FramingCount& c : *into) sum[{c.concept_id, c.variant}] += c.count;
  for (const FramingCount& c : more) sum[{c.concept_id, c.variant}] += c.count;
  into->clear();
  for (const auto& [key, n] : sum) into->push_back({key.first, key.second, n});
}

}  // namespace faultline::stories
