#include "report/escape.h"

namespace faultline::report {

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (c < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') break;  // not allowed in XML 1.0
        out += ch;
    }
  }
  return out;
}

std::string JsonForScript(std::string_view json) {
  std::string out;
  out.reserve(json.size() + 64);
  for (size_t i = 0; i < json.size(); ++i) {
    char ch = json[i];
    if (ch == '<') out += "\\u003c";
    else if (ch == '>') out += "\\u003e";
    else if (ch == '&') out += "\\u0026";
    else if (static_cast<unsigned char>(ch) == 0xE2 && i + 2 < json.size() &&
             static_cast<unsigned char>(json[i + 1]) == 0x80 &&
             (static_cast<unsigned char>(json[i + 2]) == 0xA8 ||
              static_cast<unsigned char>(json[i + 2]) == 0xA9)) {
      out += static_cast<unsigned char>(json[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += ch;
    }
  }
  return out;
}

bool StartsLikeFormula(std::string_view s) {
  return !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos;
}

std::string CsvField(std::string_view s) {
  const bool formula = StartsLikeFormula(s);
  if (!formula && s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = formula ? "\"'" : "\"";
  for (char ch : s) {
    if (ch == '"') out += "\"\"";
    else out += ch;
  }
  out += '"';
  return out;
}

size_t DisplayWidth(std::string_view s) {
  size_t n = 0;
  for (char ch : s)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  return n;
}

std::string OneLine(std::string_view s, size_t columns) {
  std::string out;
  size_t width = 0;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (c < 0x20 || c == 0x7F) continue;  // no terminal control codes from article text
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F) {  // C1 controls (U+0080..U+009F)
      ++i;
      continue;
    }
    bool lead = (c & 0xC0) != 0x80;
    if (lead) {
      if (width + (space ? 1 : 0) + 1 > columns) {
        // Make room for the ellipsis.
        while (!out.empty() && width + 1 > columns) {
          size_t k = out.size() - 1;
          while (k > 0 && (static_cast<unsigned char>(out[k]) & 0xC0) == 0x80) --k;
          out.erase(k);
          --width;
        }
        out += "\xE2\x80\xA6";
        return out;
      }
      if (space) { out += ' '; ++width; space = false; }
      ++width;
    }
    out += s[i];
  }
  return out;
}

}  // namespace faultline::report
