// Words to dense integer ids (0, 1, 2, ... in first-seen order), for counting words
// over a whole corpus, and as a set of words (the stopwords, a text's names). An open-addressing table over one byte arena: a lookup hashes
// the word once and usually touches one slot, where std::unordered_map<std::string>
// hashed, walked a node list and compared strings in scattered allocations (the
// outlets' word counts spent most of their time there, bench/stories/README.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::stories {

class WordIds {
 public:
  // The id of `word`, added with the next id when it is new.
  uint32_t Intern(std::string_view word) { return Intern(word, Hash(word)); }
  // The same with the word's Hash computed already (a caller that also keyed its own
  // table by it).
  uint32_t Intern(std::string_view word, uint32_t hash);
  // The id of `word`, or kNone.
  uint32_t Find(std::string_view word) const { return Find(word, Hash(word)); }
  // The same with the word's Hash computed already (one hash per word of a text serves
  // both the stopwords and the names).
  uint32_t Find(std::string_view word, uint32_t hash) const;
  bool Contains(std::string_view word, uint32_t hash) const { return Find(word, hash) != kNone; }
  // Asks the processor to load the slot a lookup of a word with this Hash starts at,
  // without waiting for it: a caller with many words to look up asks a few words ahead,
  // and a table larger than the caches is then read while other lookups run.
  void Prefetch(uint32_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }
  std::string_view Word(uint32_t id) const;
  size_t size() const { return spans_.size(); }
  // Forgets every word but keeps the buffers: a set refilled for text after text (a
  // text's names, terms.h) allocates nothing once grown. A table grown past
  // kKeptSlots is let go instead, or every later text would pay for clearing it.
  void Clear();

  static constexpr uint32_t kNone = UINT32_MAX;
  static constexpr size_t kKeptSlots = 1024;
  static uint32_t Hash(std::string_view word);

 private:
  struct Span {
    uint32_t begin = 0, size = 0;  // into arena_
  };
  // The word's place in the arena is kept in its slot too: a lookup compares the bytes
  // without a second random access (spans_[id]), which cost a third of the lookups. Its
  // first 8 bytes are in the slot as well: most words are that short, and a hit on them
  // then reads no arena at all (the corpus-wide table's arena outgrows the caches, and
  // comparing there was a tenth of the stories stage, bench/stories/README.md).
  struct Slot {
    uint32_t hash = 0;    // the low half of the word's hash, which also picks the slot
    uint32_t id = kNone;  // kNone: empty
    Span span;
    uint64_t head = 0;    // Head(word)
  };
  // The word's first 8 bytes (fewer zero-padded) as one integer.
  static uint64_t Head(std::string_view word);
  // The slot holding `word` or the empty slot where it would go.
  size_t Probe(std::string_view word, uint32_t hash) const;
  void Grow();

  std::vector<Slot> slots_;  // power-of-two size, at most half full
  std::vector<Span> spans_;  // per id
  std::string arena_;        // every word's bytes, back to back
};

}  // namespace faultline::stories
