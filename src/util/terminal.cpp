#include "util/terminal.h"

#include <cstdio>

namespace faultline {
namespace {

// How many bytes at s[i] form a control character (0 for none).
size_t ControlAt(std::string_view s, size_t i, bool keep_lines) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x20 || c == 0x7f) return keep_lines && (c == '\n' || c == '\t') ? 0 : 1;
  // U+0080..U+009F are C1 controls (CSI is U+009B): C2 80..C2 9F in UTF-8.
  if (c == 0xc2 && i + 1 < s.size()) {
    const auto d = static_cast<unsigned char>(s[i + 1]);
    if (d >= 0x80 && d <= 0x9f) return 2;
  }
  return 0;
}

}  // namespace

bool NeedsTerminalEscape(std::string_view s, bool keep_lines) {
  for (size_t i = 0; i < s.size(); ++i)
    if (ControlAt(s, i, keep_lines) > 0) return true;
  return false;
}

std::string EscapeForTerminal(std::string_view s, bool keep_lines) {
  if (!NeedsTerminalEscape(s, keep_lines)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 16);
  for (size_t i = 0; i < s.size();) {
    const size_t n = ControlAt(s, i, keep_lines);
    if (n == 0) {
      out += s[i++];
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i + n - 1]);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else {
      char buf[8];
      std::snprintf(buf, sizeof buf, n == 2 ? "\\u%04x" : "\\x%02x", c);
      out += buf;
    }
    i += n;
  }
  return out;
}

}  // namespace faultline
