#include "syntax/tagger.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "syntax/feature_hash.h"
#include "syntax/random.h"

namespace faultline::syntax {

namespace {

// Feature templates; the number is part of each key.
enum Template : uint32_t {
  kBias = 1, kWord, kForm, kSuffix, kPrefix, kShape, kFlags, kPrev1, kPrev12, kPrev1Word,
  kPrevWord, kPrev2Word, kNextWord, kNext2Word, kPrevSuffix, kNextSuffix, kNextShape,
  kWordNext, kPrevWordWord, kCluster, kPrevCluster, kNextCluster, kPrev1Cluster, kFirstShape,
  kNext2Cluster, kPrev1Suffix,
};

constexpr uint64_t kStart = 0x5354415254ULL;  // value of a word or tag before the sentence
constexpr uint64_t kEnd = 0x454e44ULL;        // after it

}  // namespace

int TaggerFeatures(const std::vector<WordInfo>& words, int i, int prev1, int prev2, uint64_t* out) {
  const int n = static_cast<int>(words.size());
  const WordInfo& w = words[i];
  auto word_at = [&](int j) { return j < 0 ? kStart : j >= n ? kEnd : words[j].lower; };
  const uint64_t t1 = prev1 < 0 ? kStart : static_cast<uint64_t>(prev1);
  const uint64_t t2 = prev2 < 0 ? kStart : static_cast<uint64_t>(prev2);
  int k = 0;
  auto add = [&](uint64_t key) { out[k++] = key; };
  add(FeatureKey(kBias, 0));
  add(FeatureKey(kWord, w.lower));
  add(FeatureKey(kForm, w.form));
  for (int k = 0; k < 4; ++k)
    if (w.suffix[k]) add(FeatureKey(kSuffix, w.suffix[k]));
  for (int k = 0; k < 3; ++k)
    if (w.prefix[k]) add(FeatureKey(kPrefix, w.prefix[k]));
  add(FeatureKey(kShape, w.shape));
  add(FeatureKey(kFlags, w.flags));
  if (i == 0) add(FeatureKey(kFirstShape, w.shape));
  add(FeatureKey(kPrev1, t1));
  add(FeatureKey(kPrev12, t1, t2));
  add(FeatureKey(kPrev1Word, t1, w.lower));
  add(FeatureKey(kPrev1Suffix, t1, w.suffix[2]));
  add(FeatureKey(kPrevWord, word_at(i - 1)));
  add(FeatureKey(kPrev2Word, word_at(i - 2)));
  add(FeatureKey(kNextWord, word_at(i + 1)));
  add(FeatureKey(kNext2Word, word_at(i + 2)));
  add(FeatureKey(kWordNext, w.lower, word_at(i + 1)));
  add(FeatureKey(kPrevWordWord, word_at(i - 1), w.lower));
  if (i > 0) add(FeatureKey(kPrevSuffix, words[i - 1].suffix[2]));
  if (i + 1 < n) {
    add(FeatureKey(kNextSuffix, words[i + 1].suffix[2]));
    add(FeatureKey(kNextShape, words[i + 1].shape));
  }
  for (int k = 0; k < 4; ++k)
    if (w.cluster[k]) add(FeatureKey(kCluster, w.cluster[k]));
  if (w.cluster[1]) add(FeatureKey(kPrev1Cluster, t1, w.cluster[1]));
  add(FeatureKey(kPrevCluster, i > 0 ? words[i - 1].cluster[3] : kStart));
  add(FeatureKey(kNextCluster, i + 1 < n ? words[i + 1].cluster[3] : kEnd));
  add(FeatureKey(kNext2Cluster, i + 2 < n ? words[i + 2].cluster[1] : kEnd));
  return k;
}

Tagger::Tagger(std::vector<std::string> classes) { SetClasses(std::move(classes)); }

void Tagger::SetClasses(std::vector<std::string> names) {
  names_ = std::move(names);
  upos_.clear();
  xpos_.clear();
  for (const auto& n : names_) {
    const size_t tab = n.find('\t');
    upos_.push_back(ParseUpos(n.substr(0, tab)).value_or(Upos::kX));
    xpos_.push_back(tab == std::string::npos ? std::string() : n.substr(tab + 1));
  }
}

int Tagger::ClassOf(std::string_view name) const {
  for (size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == name) return static_cast<int>(i);
  return -1;
}

int Tagger::Best(const float* scores, const WordInfo& w) const {
  const int64_t d = dict_index_.Find(w.form);
  int best = -1;
  for (int k = 0; k < classes(); ++k) {
    if (d >= 0 && !(dict_masks_[d * 4 + k / 64] >> (k % 64) & 1)) continue;
    if (best < 0 || scores[k] > scores[best]) best = k;
  }
  return best;
}

void Tagger::Tag(const std::vector<WordInfo>& words, std::vector<int>* tags) const {
  tags->assign(words.size(), 0);
  uint64_t feats[kMaxTaggerFeatures];
  float scores[256];
  for (size_t i = 0; i < words.size(); ++i) {
    const int n = TaggerFeatures(words, static_cast<int>(i), i > 0 ? (*tags)[i - 1] : -1, i > 1 ? (*tags)[i - 2] : -1,
                                 feats);
    std::fill(scores, scores + classes(), 0.0f);
    model_.Score(feats, n, scores);
    (*tags)[i] = Best(scores, words[i]);
  }
}

void Tagger::Train(const std::vector<TaggedSentence>& train, const TaggerOptions& options) {
  // The dictionary: frequent forms and the classes that make up their uses.
  std::unordered_map<uint64_t, std::vector<int>> counts;
  for (const auto& s : train)
    for (size_t i = 0; i < s.words.size(); ++i) {
      auto& c = counts[s.words[i].form];
      c.resize(classes());
      ++c[s.tags[i]];
    }
  std::vector<uint64_t> frequent;
  for (const auto& [form, c] : counts)
    if (std::accumulate(c.begin(), c.end(), 0) >= options.dictionary_min_count) frequent.push_back(form);
  std::sort(frequent.begin(), frequent.end());
  dict_words_.clear();
  dict_masks_.clear();
  dict_index_ = KeyIndex();
  for (uint64_t form : frequent) {
    const auto& c = counts[form];
    const int total = std::accumulate(c.begin(), c.end(), 0);
    Mask m{};
    for (int k = 0; k < classes(); ++k)
      if (c[k] > 0 && c[k] >= options.dictionary_min_share * total) m[k / 64] |= uint64_t{1} << (k % 64);
    dict_words_.push_back(form);
    dict_masks_.insert(dict_masks_.end(), m.begin(), m.end());
    dict_index_.Insert(form);
  }

  Perceptron p(classes());
  std::vector<size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  SplitMix64 rng(options.seed);
  uint64_t feats[kMaxTaggerFeatures];
  std::vector<float> scores(classes());
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    Shuffle(&order, &rng);
    for (size_t idx : order) {
      const TaggedSentence& s = train[idx];
      int prev1 = -1, prev2 = -1;
      for (size_t i = 0; i < s.words.size(); ++i) {
        const int n = TaggerFeatures(s.words, static_cast<int>(i), prev1, prev2, feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        p.Score(feats, n, scores.data());
        const int guess = Best(scores.data(), s.words[i]);
        p.Update(feats, n, s.tags[i], guess);
        p.Tick();
        prev2 = prev1;
        prev1 = guess;
      }
    }
  }
  model_ = p.Average();
}

void Tagger::Write(ByteWriter* out) const {
  out->PutStrings(names_);
  model_.Write(out);
  out->PutVector(dict_words_);
  out->PutVector(dict_masks_);
}

bool Tagger::Read(ByteReader* in) {
  std::vector<std::string> names;
  if (!in->GetStrings(&names) || names.empty() || names.size() > 255) return false;
  SetClasses(std::move(names));
  if (!model_.Read(in) || model_.classes() != classes()) return false;
  if (!in->GetVector(&dict_words_) || !in->GetVector(&dict_masks_) || dict_masks_.size() != 4 * dict_words_.size())
    return false;
  dict_index_ = KeyIndex();
  for (uint64_t w : dict_words_) dict_index_.Insert(w);
  return true;
}

}  // namespace faultline::syntax
