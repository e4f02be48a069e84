// One split of a text into words, shared by the stories stage's readers of that text:
// attribution, the framing counts and the outlets' word counts each split and
// lower-cased every text on its own (bench/stories/README.md: a fifth of the stage's
// CPU went to such splits). Their rules differ in how bytes of other scripts join
// words, so the view keeps the finest split they share, the runs of ASCII letters and
// digits, and each reader joins runs by its own rule (ForEachJoinedWord).
//
// A TextWords is reused from text to text: Reset keeps the capacity of its buffers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::stories {

// A run of ASCII letters and digits: [begin, end) in the text.
struct WordSpan {
  uint32_t begin = 0, end = 0;
};

class TextWords {
 public:
  // Splits `text`, which must outlive the view (its bytes are read, not copied, except
  // into the lower-cased copy). Texts of 4 GB or more are not supported (32-bit offsets).
  void Reset(std::string_view text);

  std::string_view text() const { return text_; }
  // The text with A-Z lower-cased: the same offsets as text().
  std::string_view lowered() const { return lowered_; }
  const std::vector<WordSpan>& spans() const { return spans_; }
  size_t size() const { return spans_.size(); }
  // Word `i` lower-cased, a view into lowered().
  std::string_view Lower(size_t i) const { return lowered().substr(spans_[i].begin, spans_[i].end - spans_[i].begin); }

 private:
  std::string_view text_;
  std::string lowered_;
  std::vector<WordSpan> spans_;
};

// Calls fn(WordSpan) for the words of `words` when the bytes >= 0x80 for which
// `joins(byte)` holds are word bytes too, but only after a word has begun: a word starts
// at an ASCII letter or digit and runs on over ASCII letters, digits and joining bytes
// ("Nausėda" is one word; a leading "É" is no part of one). In text order.
template <typename Joins, typename Fn>
void ForEachJoinedWord(const TextWords& words, Joins&& joins, Fn&& fn) {
  const std::string_view s = words.text();
  const std::vector<WordSpan>& spans = words.spans();
  for (size_t k = 0; k < spans.size(); ++k) {
    WordSpan w = spans[k];
    // A run of joining bytes, and the ASCII run right after it, belong to this word.
    for (;;) {
      uint32_t j = w.end;
      while (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x80 && joins(static_cast<unsigned char>(s[j]))) ++j;
      if (j == w.end) break;
      w.end = j;
      if (k + 1 == spans.size() || spans[k + 1].begin != j) break;
      w.end = spans[++k].end;
    }
    fn(w);
  }
}

}  // namespace faultline::stories
