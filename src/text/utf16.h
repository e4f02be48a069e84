// Offsets in UTF-16 code units, the unit of Java strings and so of DNA's statement
// Start/Stop. faultline's offsets are UTF-8 bytes; these convert between the two over the
// same text. For text in the Basic Multilingual Plane (nearly all news text) a UTF-16
// offset is also the character count that R's substr() and Python's slicing use.
#pragma once

#include <cstddef>
#include <string_view>

namespace faultline {

// Code units `utf8` takes in UTF-16: 2 for a four-byte sequence, 1 for any other
// character; a byte that starts no valid sequence counts 1 (Java reads it as U+FFFD).
size_t Utf16Length(std::string_view utf8);

// The byte offset in `utf8` that `units` UTF-16 code units reach; the end of the text
// when it is shorter. An offset inside a surrogate pair rounds up to the next character.
size_t ByteOffsetOfUtf16(std::string_view utf8, size_t units);

}  // namespace faultline
