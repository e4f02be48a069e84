// Which language a text is written in (CLD2), as a BCP 47 primary tag ("en", "uk").
#pragma once

#include <string>
#include <string_view>

namespace faultline::html {

// Empty when the text is too short or CLD2 does not know; `reliable` says whether CLD2
// trusts its answer.
std::string DetectLanguage(std::string_view utf8_text, bool* reliable);

// "en_US", "EN-us" -> "en-US"; "" stays "".
std::string NormalizeLanguageTag(std::string_view tag);

// The primary subtag: "en-US" -> "en".
std::string PrimaryLanguage(std::string_view tag);

}  // namespace faultline::html
