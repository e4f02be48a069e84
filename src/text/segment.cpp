#include "text/segment.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <memory>

#include "util/ascii.h"

namespace faultline {
namespace {


Span Trim(std::string_view text, Span s) {
  while (s.begin < s.end && AsciiIsSpace(text[s.begin])) ++s.begin;
  while (s.end > s.begin && AsciiIsSpace(text[s.end - 1])) --s.end;
  // Non-breaking space (U+00A0, C2 A0) is common in scraped text.
  while (s.end >= s.begin + 2 && static_cast<unsigned char>(text[s.end - 2]) == 0xC2 &&
         static_cast<unsigned char>(text[s.end - 1]) == 0xA0)
    s.end -= 2;
  return s;
}

// Titles before a name that ICU's English suppressions lack ("Gen. Milley", "Sen. Graham") or
// know only in their usual case: transcripts print them in capitals in their speaker labels
// ("MS. PSAKI:", "MR. KIRBY:"). Without these, "Sen." ends a sentence and the next one starts
// with a name whose title is lost, and a label splits into "MS." and "PSAKI:  ..." and its turn
// is lost. None of them ends a sentence in news prose.
constexpr const char* kTitles[] = {"Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Capt.", "Adm.", "Amb.",
                                   "Sec.", "Prof.", "Sgt.", "Maj.", "Rev.", "Cmdr.", "Sens.", "Reps.", "Gens."};

// The locale's abbreviation suppressions ("Mr.", "Gen.", "U.S.", as "ss=standard" would give)
// plus the titles above, wrapped around ICU's sentence iterator.
// One iterator per thread: creating one costs far more than a sentence.
icu::BreakIterator* SentenceIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale en("en");
    std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(en, status));
    std::unique_ptr<icu::FilteredBreakIteratorBuilder> filter(
        icu::FilteredBreakIteratorBuilder::createInstance(en, status));
    if (U_FAILURE(status)) return std::unique_ptr<icu::BreakIterator>();
    for (const char* title : kTitles) {
      const icu::UnicodeString t(title);
      filter->suppressBreakAfter(t, status);
      filter->suppressBreakAfter(icu::UnicodeString(t).toUpper(en), status);
    }
    for (const char* title : {"MR.", "MS.", "MRS.", "DR."}) filter->suppressBreakAfter(icu::UnicodeString(title), status);
    std::unique_ptr<icu::BreakIterator> b(filter->wrapIteratorWithFilter(base.release(), status));
    if (U_FAILURE(status)) b.reset();
    return b;
  }();
  return it.get();
}

void SplitParagraphSentences(std::string_view text, Span para, std::vector<Span>* out) {
  icu::BreakIterator* it = SentenceIterator();
  std::string_view p = text.substr(para.begin, para.size());
  if (it == nullptr) {
    out->push_back(para);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  // UText over UTF-8 lets ICU report boundaries as byte offsets directly.
  UText* ut = utext_openUTF8(nullptr, p.data(), static_cast<int64_t>(p.size()), &status);
  if (U_FAILURE(status)) {
    out->push_back(para);
    return;
  }
  it->setText(ut, status);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    Span s = Trim(text, Span{para.begin + static_cast<size_t>(start), para.begin + static_cast<size_t>(end)});
    if (s.size() > 0) out->push_back(s);
  }
  utext_close(ut);
}

// The end of the blanks at `i` on one line: spaces, tabs, carriage returns and no-break spaces
// (U+00A0). The White House's transcripts separate paragraphs, a speaker's turns among them,
// with a line that holds only a no-break space: that line is blank too.
size_t SkipBlanks(std::string_view text, size_t i) {
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') ++i;
    else if (i + 1 < text.size() && text[i] == '\xC2' && text[i + 1] == '\xA0') i += 2;
    else break;
  }
  return i;
}

}  // namespace

std::vector<Span> SplitParagraphs(std::string_view text) {
  std::vector<Span> out;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    // Find the end of this paragraph: a newline followed by optional spaces and another newline.
    size_t start = i;
    size_t end = n;
    size_t j = i;
    while (j < n) {
      if (text[j] == '\n') {
        size_t k = SkipBlanks(text, j + 1);
        if (k < n && text[k] == '\n') {
          end = j;
          while (k < n) {
            if (const size_t b = SkipBlanks(text, k); b != k) k = b;
            else if (AsciiIsSpace(text[k])) ++k;
            else break;
          }
          i = k;
          break;
        }
      }
      ++j;
    }
    if (j >= n) i = n;
    Span s = Trim(text, Span{start, end});
    if (s.size() > 0) out.push_back(s);
  }
  return out;
}

std::vector<Span> SplitSentences(std::string_view text) {
  std::vector<Span> out;
  for (const Span& para : SplitParagraphs(text)) SplitParagraphSentences(text, para, &out);
  return out;
}

}  // namespace faultline
