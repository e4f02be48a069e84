#include "stories/distinctive_terms.h"

#include <algorithm>
#include <cmath>

namespace faultline::stories {

OutletWordCounts::OutletWordCounts(const TermOptions* options) : options_(options) {
  // Stopwords are in the vocabulary too, with the lowest ids: a word costs one lookup.
  for (const std::string& w : options_->stopwords) words_.Intern(w);
  stopwords_ = static_cast<uint32_t>(words_.size());
  corpus_.assign(words_.size(), 0);
}

void OutletWordCounts::Add(const std::string& outlet, std::string_view text) {
  if (outlet.empty()) return;
  Outlet& o = outlets_[outlet];
  ++o.documents;
  // The document's words by id, counted into the outlet's table once per distinct word:
  // a sort of a few thousand ids costs less than a hash update for every word.
  std::vector<uint32_t>& ids = scratch_;
  ids.clear();
  std::string w;
  auto flush = [&] {
    if (w.size() >= 3) {
      const uint32_t id = words_.Intern(w);
      if (id == corpus_.size()) corpus_.push_back(0);  // a new word
      if (id >= stopwords_) ids.push_back(id);
    }
    w.clear();
  };
  bool digit = false;
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z') {
      w += ch;
    } else if (c >= 'A' && c <= 'Z') {
      w += static_cast<char>(c + 32);
    } else if (c >= '0' && c <= '9') {
      digit = true;
      w += ch;
    } else if (c >= 0x80 && !w.empty() && c != 0xE2) {
      w += ch;
    } else {
      if (digit) w.clear();  // figures are not words
      digit = false;
      flush();
    }
  }
  if (digit) w.clear();
  flush();
  std::sort(ids.begin(), ids.end());
  for (size_t i = 0; i < ids.size();) {
    size_t j = i + 1;
    while (j < ids.size() && ids[j] == ids[i]) ++j;
    const uint32_t n = static_cast<uint32_t>(j - i);
    o.counts[ids[i]] += n;
    corpus_[ids[i]] += n;
    i = j;
  }
  o.total += ids.size();
  corpus_total_ += ids.size();
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
    for (const auto& [id, count] : o.counts) {
      if (count < min_count) continue;
      const double yi = count, yj = static_cast<double>(corpus_[id]) - yi;
      const double a = a0 * static_cast<double>(corpus_[id]) / n;
      const double delta = std::log((yi + a) / (ni + a0 - yi - a)) - std::log((yj + a) / (nj + a0 - yj - a));
      const double z = delta / std::sqrt(1.0 / (yi + a) + 1.0 / (yj + a));
      if (z >= min_z) ot.terms.push_back({std::string(words_.Word(id)), z, count});
    }
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
