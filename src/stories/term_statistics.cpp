#include "stories/term_statistics.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <unordered_set>
#include <vector>

#include "util/data_path.h"
#include "util/hash.h"

namespace faultline::stories {

std::string TermStatistics::DefaultPath() { return DataFile("stories/term_stats.tsv"); }

Result<TermStatistics> TermStatistics::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::Error("cannot open term statistics", path);
  TermStatistics st;
  std::string line;
  int64_t n = 0;
  bool have_documents = false;
  FieldHasher hash;
  while (std::getline(in, line)) {
    ++n;
    hash.Add(line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const size_t tab = line.find('\t');
    if (line.starts_with("#documents\t")) {
      try {
        st.documents_ = std::stoull(line.substr(tab + 1));
      } catch (const std::exception&) {
        return Status::Error("the document count is not a number", path, n);
      }
      have_documents = true;
      continue;
    }
    if (line[0] == '#') continue;
    if (tab == std::string::npos || tab == 0) return Status::Error("expected term<TAB>documents", path, n);
    uint32_t df = 0;
    try {
      df = static_cast<uint32_t>(std::stoul(line.substr(tab + 1)));
    } catch (const std::exception&) {
      return Status::Error("the document count of '" + line.substr(0, tab) + "' is not a number", path, n);
    }
    st.Add(HashTerm(std::string_view(line).substr(0, tab)), df);
  }
  if (!have_documents) return Status::Error("no '#documents<TAB>N' line", path);
  st.fingerprint_ = hash.Hex();
  return st;
}

size_t TermStatistics::HomeSlot(TermId term) const {
  // Term ids are FNV hashes already; multiplying spreads them over the high bits.
  return static_cast<size_t>((static_cast<uint64_t>(term) * 0x9e3779b97f4a7c15ULL) >> 32) & (slots_.size() - 1);
}

size_t TermStatistics::SlotOf(TermId term) const {
  const size_t mask = slots_.size() - 1;
  size_t i = HomeSlot(term);
  while (slots_[i].used && slots_[i].term != term) i = (i + 1) & mask;
  return i;
}

void TermStatistics::Add(TermId term, uint32_t count) {
  if ((terms_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    for (const Slot& s : old)
      if (s.used) slots_[SlotOf(s.term)] = s;
  }
  Slot& s = slots_[SlotOf(term)];
  if (!s.used) {
    s = Slot{term, 0, true};
    ++terms_;
  }
  s.df += count;
}

double TermStatistics::Idf(TermId term) const {
  const Slot* s = slots_.empty() ? nullptr : &slots_[SlotOf(term)];
  const double df = s != nullptr && s->used ? static_cast<double>(s->df) : 0.0;
  return std::log((static_cast<double>(documents_) + 1.0) / (df + 1.0)) + 1.0;
}

void TermCounter::AddDocument(std::string_view text) {
  ++documents_;
  std::vector<std::string> terms = ContentTerms(text, *options_);
  std::unordered_set<std::string> seen(terms.begin(), terms.end());
  for (const std::string& t : seen) ++df_[t];
}

void TermCounter::Write(std::ostream& out, uint32_t min_df) const {
  std::vector<std::pair<std::string, uint32_t>> rows;
  for (const auto& [term, df] : df_)
    if (df >= min_df) rows.emplace_back(term, df);
  std::sort(rows.begin(), rows.end());
  out << "# Document frequencies of content terms (stemmed, lower case), written by\n"
      << "# `faultline stories --write-term-stats`; terms in fewer than " << min_df
      << " documents are left out.\n";
  out << "#documents\t" << documents_ << "\n";
  for (const auto& [term, df] : rows) out << term << "\t" << df << "\n";
}

}  // namespace faultline::stories
