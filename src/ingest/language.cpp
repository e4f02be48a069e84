#include "ingest/language.h"

#include <cld2/public/compact_lang_det.h>

namespace faultline {

std::string DetectLanguage(std::string_view text) {
  // The first 16 KB decide as well as the whole text and keep long transcripts cheap.
  constexpr size_t kSample = 16 * 1024;
  size_t n = std::min(text.size(), kSample);
  // Do not cut a UTF-8 sequence in half.
  while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  if (n == 0) return {};
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguage(text.data(), static_cast<int>(n), true, &reliable);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) return {};
  return CLD2::LanguageCode(lang);
}

}  // namespace faultline
