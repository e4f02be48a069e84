#include "syntax/morph_features.h"

#include <algorithm>
#include <map>

#include "syntax/feature_hash.h"
#include "syntax/word_info.h"

namespace faultline::syntax {

namespace {

uint64_t WordKey(std::string_view form, int tag) {
  return FeatureKey(3, HashString(NormalizeWord(form)), static_cast<uint64_t>(tag));
}

// What the tagger can know from the word alone: no typo marks, and for finite verbs
// and passive participles nothing the tree settles later.
std::string LexicalPart(const std::string& feats, Upos upos) {
  Features f = Features::Parse(feats);
  f.Set("Typo", "");
  f.Set("Voice", "");
  if ((upos == Upos::kVerb || upos == Upos::kAux) && f.Has("VerbForm", "Fin")) {
    f.Set("Number", "");
    f.Set("Person", "");
  }
  return f.empty() ? std::string() : f.ToString();
}

template <typename Map>
std::string MostFrequent(const Map& counts) {
  auto best = std::max_element(counts.begin(), counts.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  return best == counts.end() ? std::string() : best->first;
}

}  // namespace

void MorphFeatures::Train(const std::vector<FeatureExample>& examples, int classes) {
  std::vector<std::map<std::string, int>> by_class(classes);
  std::map<std::pair<std::string, int>, std::map<std::string, int>> by_word;
  for (const auto& e : examples) {
    const std::string f = LexicalPart(e.feats, e.upos);
    ++by_class[e.tag][f];
    ++by_word[{NormalizeWord(e.form), e.tag}][f];
  }
  class_default_.assign(classes, std::string());
  for (int c = 0; c < classes; ++c) class_default_[c] = MostFrequent(by_class[c]);
  word_keys_.clear();
  word_feats_.clear();
  for (const auto& [key, counts] : by_word) {
    const std::string best = MostFrequent(counts);
    if (best == class_default_[key.second]) continue;
    word_keys_.push_back(WordKey(key.first, key.second));
    word_feats_.push_back(best);
  }
  BuildIndex();
}

void MorphFeatures::BuildIndex() {
  word_index_ = KeyIndex();
  for (uint64_t k : word_keys_) word_index_.Insert(k);
  parsed_default_.clear();
  for (const auto& f : class_default_) parsed_default_.push_back(Features::Parse(f));
  parsed_word_.clear();
  for (const auto& f : word_feats_) parsed_word_.push_back(Features::Parse(f));
}

const Features& MorphFeatures::Guess(std::string_view form, int tag) const {
  static const Features kNone;
  if (tag < 0 || tag >= static_cast<int>(parsed_default_.size())) return kNone;
  const int64_t w = word_index_.Find(WordKey(form, tag));
  return w >= 0 ? parsed_word_[w] : parsed_default_[tag];
}

namespace {

bool HasChild(const ParsedSentence& s, int i, std::string_view rel) { return s.FirstChild(i, rel) >= 0; }

bool HasPerfectAux(const ParsedSentence& s, int i) {
  for (int c : s.ChildrenWith(i, "aux"))
    if (s.tokens[c].lemma == "have") return true;
  return false;
}

bool IsPassive(const ParsedSentence& s, int i, std::vector<int>* memo) {
  if ((*memo)[i] >= 0) return (*memo)[i];
  (*memo)[i] = 0;  // guards against cycles in a damaged tree
  const Token& t = s.tokens[i];
  bool passive = false;
  if (HasChild(s, i, "aux:pass") || HasChild(s, i, "nsubj:pass") || HasChild(s, i, "csubj:pass")) {
    passive = true;
  } else if (!HasPerfectAux(s, i)) {
    const std::string_view rel = t.deprel;
    if (rel == "conj" && t.head >= 0 && s.tokens[t.head].xpos == "VBN")
      passive = IsPassive(s, t.head, memo);
    else
      passive = rel == "amod" || rel == "acl" || rel == "xcomp" || rel == "advcl" || rel == "obl";
  }
  (*memo)[i] = passive;
  return passive;
}

// The subject of finite verb i: its own, an auxiliary's or copula's head's, or the
// first conjunct's.
int SubjectOf(const ParsedSentence& s, int i) {
  for (int hops = 0; i >= 0 && hops < 4; ++hops) {
    for (int c : s.Children(i)) {
      const std::string_view rel = s.tokens[c].BaseRelation();
      if (rel == "nsubj" || rel == "expl") return c;
    }
    const std::string_view rel = s.tokens[i].BaseRelation();
    if (rel != "aux" && rel != "cop" && rel != "conj") return -1;
    i = s.tokens[i].head;
  }
  return -1;
}

}  // namespace

void MorphFeatures::AfterParse(ParsedSentence* sentence) {
  ParsedSentence& s = *sentence;
  std::vector<int> memo(s.size(), -1);
  for (int i = 0; i < s.size(); ++i) {
    Token& t = s.tokens[i];
    if (t.upos == Upos::kVerb && t.xpos == "VBN" && IsPassive(s, i, &memo)) t.feats.Set("Voice", "Pass");
    if ((t.upos != Upos::kVerb && t.upos != Upos::kAux) || !t.feats.Has("VerbForm", "Fin")) continue;
    if (t.xpos != "VBZ" && t.xpos != "VBD" && t.xpos != "VBP") continue;  // modals carry no agreement
    if (t.xpos == "VBZ") {
      t.feats.Set("Number", "Sing");
      t.feats.Set("Person", "3");
      continue;
    }
    const int subj = SubjectOf(s, i);
    if (subj < 0) continue;
    const Token& sj = s.tokens[subj];
    const std::string_view person = sj.feats.Get("Person");
    t.feats.Set("Person", person.empty() ? "3" : person);
    std::string_view number = sj.feats.Get("Number");
    // A relative pronoun agrees with what it stands for: "ministers who meet".
    if (sj.feats.Has("PronType", "Rel") && t.BaseRelation() == "acl" && t.head >= 0)
      number = s.tokens[t.head].feats.Get("Number");
    if (s.FirstChild(subj, "conj") >= 0) number = "Plur";
    if (!number.empty()) t.feats.Set("Number", number);
  }
}

void MorphFeatures::Write(ByteWriter* out) const {
  out->PutStrings(class_default_);
  out->PutVector(word_keys_);
  out->PutStrings(word_feats_);
}

bool MorphFeatures::Read(ByteReader* in) {
  if (!in->GetStrings(&class_default_) || !in->GetVector(&word_keys_) || !in->GetStrings(&word_feats_) ||
      word_feats_.size() != word_keys_.size())
    return false;
  BuildIndex();
  return word_index_.size() == word_keys_.size();
}

}  // namespace faultline::syntax
