#include "stories/word_ids.h"

#include <algorithm>

namespace faultline::stories {

uint32_t WordIds::Hash(std::string_view word) {
  // FNV-1a 64, then a SplitMix finaliser so that the low bits (the slot) mix well.
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 29;
  return static_cast<uint32_t>(h);
}

uint64_t WordIds::Head(std::string_view word) {
  uint64_t h = 0;
  const size_t n = word.size() < 8 ? word.size() : 8;
  // Byte k at bits 8k whatever the machine's byte order: only equality is asked of it.
  for (size_t k = 0; k < n; ++k) h |= static_cast<uint64_t>(static_cast<unsigned char>(word[k])) << (8 * k);
  return h;
}

size_t WordIds::Probe(std::string_view word, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  const uint64_t head = Head(word);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id == kNone) return i;
    if (s.hash != hash || s.head != head || s.span.size != word.size()) continue;
    if (word.size() <= 8) return i;
    // Only the bytes after the head are left to compare, in the arena.
    const char* stored = arena_.data() + s.span.begin;
    size_t k = 8;
    while (k < word.size() && stored[k] == word[k]) ++k;
    if (k == word.size()) return i;
  }
}

void WordIds::Grow() {
  std::vector<Slot> old = std::move(slots_);
  // Small at first: a text's names are a set of their own (terms.cpp), a few dozen words.
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == kNone) continue;
    size_t i = s.hash & mask;
    while (slots_[i].id != kNone) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

uint32_t WordIds::Find(std::string_view word, uint32_t hash) const {
  if (slots_.empty()) return kNone;
  return slots_[Probe(word, hash)].id;
}

uint32_t WordIds::Intern(std::string_view word, uint32_t hash) {
  if ((spans_.size() + 1) * 2 > slots_.size()) Grow();
  Slot& s = slots_[Probe(word, hash)];
  if (s.id != kNone) return s.id;
  s.hash = hash;
  s.head = Head(word);
  s.id = static_cast<uint32_t>(spans_.size());
  s.span = {static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(word.size())};
  spans_.push_back(s.span);
  arena_.append(word);
  return s.id;
}

void WordIds::Clear() {
  spans_.clear();
  arena_.clear();
  if (slots_.size() > kKeptSlots)
    std::vector<Slot>().swap(slots_);
  else
    std::fill(slots_.begin(), slots_.end(), Slot{});
}

std::string_view WordIds::Word(uint32_t id) const {
  const Span& s = spans_[id];
  return std::string_view(arena_).substr(s.begin, s.size);
}

}  // namespace faultline::stories
