#include "statements/statement.h"

#include <algorithm>
#include <string_view>

#include "text/utf16.h"

namespace faultline {

void AttachDocument(const Document& doc, std::vector<Statement>* statements) {
  // Statements come in text order mostly; counting from the previous one keeps this linear.
  const std::string_view text = doc.text;
  size_t at_byte = 0, at_units = 0;
  auto units_at = [&](size_t byte) {
    byte = std::min(byte, text.size());
    if (byte < at_byte) {
      at_byte = 0;
      at_units = 0;
    }
    at_units += Utf16Length(text.substr(at_byte, byte - at_byte));
    at_byte = byte;
    return at_units;
  };
  for (Statement& s : *statements) {
    s.title = doc.title;
    s.author = doc.author;
    s.units_begin = units_at(s.begin);
    s.units_end = units_at(s.end);
  }
}

}  // namespace faultline
