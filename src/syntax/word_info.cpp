#include "syntax/word_info.h"

#include <fstream>

#include "syntax/feature_hash.h"

namespace faultline::syntax {

std::string NormalizeWord(std::string_view form) {
  std::string out(form);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
  }
  return out;
}

Result<WordClusters> WordClusters::LoadTable(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::Error("cannot open the word-class table", path);
  std::vector<std::string> words, bits;
  std::string line;
  int64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const size_t t1 = line.find('\t');
    const size_t t2 = t1 == std::string::npos ? std::string::npos : line.find('\t', t1 + 1);
    if (t1 == std::string::npos || t1 == 0 || line.find_first_not_of("01", 0) < t1)
      return Status::Error("expected 'bits<TAB>word[<TAB>count]'", path, number);
    bits.push_back(line.substr(0, t1));
    words.push_back(line.substr(t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1));
  }
  return FromLists(words, bits);
}

WordClusters WordClusters::FromLists(const std::vector<std::string>& words, const std::vector<std::string>& bits) {
  WordClusters c;
  KeyIndex seen_bits;
  std::vector<uint32_t> bit_ids;
  for (size_t i = 0; i < words.size() && i < bits.size(); ++i) {
    const uint64_t h = HashString(NormalizeWord(words[i]));
    const uint32_t b = seen_bits.Insert(HashString(bits[i]) | 1);
    if (b == c.bits_.size()) c.bits_.push_back(bits[i]);
    // The first entry of a normalised word wins ("US" and "us" fold together).
    if (c.index_.Find(h) >= 0) continue;
    c.index_.Insert(h);
    c.word_hash_.push_back(h);
    c.class_of_.push_back(b);
  }
  return c;
}

void WordClusters::BuildIndex() {
  index_ = KeyIndex();
  for (uint64_t h : word_hash_) index_.Insert(h);
}

std::string_view WordClusters::Find(std::string_view normalized) const {
  const int64_t i = index_.Find(HashString(normalized));
  return i < 0 ? std::string_view() : std::string_view(bits_[class_of_[i]]);
}

void WordClusters::Write(ByteWriter* out) const {
  out->PutVector(word_hash_);
  out->PutVector(class_of_);
  out->PutStrings(bits_);
}

bool WordClusters::Read(ByteReader* in) {
  if (!in->GetVector(&word_hash_) || !in->GetVector(&class_of_) || !in->GetStrings(&bits_)) return false;
  if (word_hash_.size() != class_of_.size()) return false;
  for (uint32_t b : class_of_)
    if (b >= bits_.size()) return false;
  BuildIndex();
  return index_.size() == word_hash_.size();
}

namespace {

char ShapeClass(char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (static_cast<unsigned char>(c) >= 0x80) return 'u';  // any non-ASCII byte
  return c;
}

}  // namespace

WordInfo DescribeWord(std::string_view form, const WordClusters& clusters) {
  WordInfo w;
  const std::string norm = NormalizeWord(form);
  w.form = HashString(form);
  w.lower = HashString(norm);
  std::string shape;
  bool letters = false, all_caps = true;
  for (size_t i = 0; i < form.size(); ++i) {
    const char c = form[i];
    const char s = ShapeClass(c);
    if (shape.empty() || shape.back() != s) shape += s;
    if (s == 'd') w.flags |= WordInfo::kHasDigit;
    if (c == '-') w.flags |= WordInfo::kHasHyphen;
    if (s == 'X') w.flags |= WordInfo::kHasUpper;
    if (s == 'x') all_caps = false;
    letters = letters || s == 'X' || s == 'x' || s == 'u';
  }
  if (letters && all_caps && (w.flags & WordInfo::kHasUpper)) w.flags |= WordInfo::kAllCaps;
  if (!form.empty() && ShapeClass(form[0]) == 'X' && !(w.flags & WordInfo::kAllCaps)) w.flags |= WordInfo::kTitle;
  if (!letters && !(w.flags & WordInfo::kHasDigit)) w.flags |= WordInfo::kPunct;
  w.shape = HashString(shape);
  for (size_t k = 1; k <= 4; ++k)
    if (norm.size() >= k) w.suffix[k - 1] = HashString(std::string_view(norm).substr(norm.size() - k)) + k;
  for (size_t k = 1; k <= 3; ++k)
    if (norm.size() >= k) w.prefix[k - 1] = HashString(std::string_view(norm).substr(0, k)) + 7 * k;
  const std::string_view bits = clusters.Find(norm);
  if (!bits.empty()) {
    const size_t lengths[3] = {4, 6, 10};
    for (int k = 0; k < 3; ++k) w.cluster[k] = HashString(bits.substr(0, lengths[k])) + 13 * (k + 1);
    w.cluster[3] = HashString(bits) + 71;
  }
  return w;
}

}  // namespace faultline::syntax
