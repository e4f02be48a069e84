#include "stories/distinctive_terms.h"

#include <algorithm>
#include <cmath>

namespace faultline::stories {

OutletWordCounts::OutletWordCounts(const TermOptions* options) : options_(options) {
  // Stopwords are in the vocabulary too, with the lowest ids: a word costs one lookup.
  words_ = options_->stopwords;
  stopwords_ = static_cast<uint32_t>(words_.size());
  corpus_.assign(words_.size(), 0);
}

void OutletWordCounts::CountDocumentWords(const TextWords& words) {
  doc_words_.clear();
  // A word has three bytes and a separator at least: the table stays at most half full.
  size_t slots = 64;
  while (slots < 2 * (words.text().size() / 4 + 1)) slots *= 2;
  doc_slots_.assign(slots, 0);
  const size_t mask = slots - 1;
  const std::string_view low = words.lowered();
  // Bytes of other scripts continue a word, but not the 0xE2 that starts dashes and quotes.
  ForEachJoinedWord(words, [](unsigned char c) { return c != 0xE2; }, [&](WordSpan span) {
    const uint32_t size = span.end - span.begin;
    if (size < 3) return;
    const std::string_view w = low.substr(span.begin, size);
    for (char c : w)
      if (c >= '0' && c <= '9') return;  // figures, and words with digits, are not words
    const uint32_t hash = WordIds::Hash(w);
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      if (doc_slots_[i] == 0) {
        doc_words_.push_back({hash, span.begin, size, 1});
        doc_slots_[i] = static_cast<uint32_t>(doc_words_.size());
        return;
      }
      DocWord& d = doc_words_[doc_slots_[i] - 1];
      if (d.hash == hash && d.size == size && low.substr(d.begin, d.size) == w) {
        ++d.count;
        return;
      }
    }
  });
}

void OutletWordCounts::Add(const std::string& outlet, std::string_view text) {
  if (outlet.empty()) return;
  TextWords words;
  words.Reset(text);
  Add(outlet, words);
}

void OutletWordCounts::Add(const std::string& outlet, const TextWords& words) {
  if (outlet.empty()) return;
  Outlet& o = outlets_[outlet];
  ++o.documents;
  CountDocumentWords(words);
  const std::string_view low = words.lowered();
  // The corpus-wide table outgrows the caches: its slots are asked for a few words ahead.
  constexpr size_t kAhead = 8;
  for (size_t k = 0; k < doc_words_.size(); ++k) {
    if (k + kAhead < doc_words_.size()) words_.Prefetch(doc_words_[k + kAhead].hash);
    const DocWord& d = doc_words_[k];
    const uint32_t id = words_.Intern(low.substr(d.begin, d.size), d.hash);
    if (id == corpus_.size()) corpus_.push_back(0);  // a new word
    if (id < stopwords_) continue;
    o.counts.Add(id, d.count);
    corpus_[id] += d.count;
    o.total += d.count;
    corpus_total_ += d.count;
  }
}

std::vector<OutletTerms> OutletWordCounts::Distinctive(size_t top, uint64_t min_words, double min_z,
                                                       uint32_t min_count) const {
  std::vector<OutletTerms> out;
  const double n = static_cast<double>(corpus_total_);
  const double a0 = n;  // the corpus's own counts as the prior (see the header)
  for (const auto& [name, o] : outlets_) {
    if (o.total < min_words || o.total == corpus_total_) continue;
    OutletTerms ot;
    ot.outlet = name;
    ot.documents = o.documents;
    ot.words = o.total;
    const double ni = static_cast<double>(o.total), nj = n - ni;
    // The order of the ids does not matter: the terms are sorted below, ties by term.
    o.counts.ForEach([&](uint32_t id, uint32_t count) {
      if (count < min_count) return;
      const double yi = count, yj = static_cast<double>(corpus_[id]) - yi;
      const double a = a0 * static_cast<double>(corpus_[id]) / n;
      const double delta = std::log((yi + a) / (ni + a0 - yi - a)) - std::log((yj + a) / (nj + a0 - yj - a));
      const double z = delta / std::sqrt(1.0 / (yi + a) + 1.0 / (yj + a));
      if (z >= min_z) ot.terms.push_back({std::string(words_.Word(id)), z, count});
    });
    std::sort(ot.terms.begin(), ot.terms.end(), [](const DistinctiveTerm& a, const DistinctiveTerm& b) {
      return a.z != b.z ? a.z > b.z : a.term < b.term;
    });
    if (ot.terms.size() > top) ot.terms.resize(top);
    out.push_back(std::move(ot));
  }
  std::sort(out.begin(), out.end(), [](const OutletTerms& a, const OutletTerms& b) {
    return a.words != b.words ? a.words > b.words : a.outlet < b.outlet;
  });
  return out;
}

}  // namespace faultline::stories
