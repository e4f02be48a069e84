// Invalid UTF-8 is repaired, not refused: each ill-formed sequence (a bad byte and
// the continuation bytes that follow it) becomes one U+FFFD, so one stray Latin-1
// byte does not cost a whole article. Readers report how many replacements they made.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace faultline {

// Byte offset of the first ill-formed sequence, or npos when `s` is valid UTF-8.
size_t FindInvalidUtf8(std::string_view s);

// Replaces ill-formed sequences in `*s` with U+FFFD; returns how many it replaced.
size_t RepairUtf8(std::string* s);

}  // namespace faultline
