// Sentence and paragraph segmentation over UTF-8 text. Spans are byte offsets into
// the text they were computed from, so every later stage can point back at the
// exact evidence.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace faultline {

struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
};

// Sentences by ICU's rule-based sentence break iterator (root/English rules), with
// the surrounding whitespace trimmed off each span. Paragraph breaks ("\n\n") always
// end a sentence, so a headline never runs into the first line of the body.
std::vector<Span> SplitSentences(std::string_view text);

// Paragraphs: maximal runs of text separated by one or more blank lines.
std::vector<Span> SplitParagraphs(std::string_view text);

}  // namespace faultline
