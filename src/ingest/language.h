// The language of a document's text (CLD2), for documents whose source did not say.
#pragma once

#include <string>
#include <string_view>

namespace faultline {

// BCP 47 code ("en", "de", "zh") when CLD2 is confident, else empty.
std::string DetectLanguage(std::string_view text);

}  // namespace faultline
