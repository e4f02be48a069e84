#include "report/escape.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

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

namespace {

// Terminal columns of one code point: 0 for combining marks and zero-width format characters
// (a decomposed "e" + U+0308 takes one column), 2 for East Asian wide and fullwidth
// characters (CJK), 1 otherwise and for bytes that are not UTF-8.
int Columns(UChar32 c) {
  if (c < 0x300) return 1;  // ASCII, Latin-1 and invalid bytes (c < 0)
  const int8_t gc = u_charType(c);
  if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_FORMAT_CHAR) return 0;
  const int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
}

int32_t Length(std::string_view s) {
  return static_cast<int32_t>(std::min<size_t>(s.size(), INT32_MAX));
}

}  // namespace

size_t DisplayWidth(std::string_view s) {
  size_t n = 0;
  const int32_t len = Length(s);
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s.data(), i, len, c);
    n += Columns(c);
  }
  return n;
}

std::string OneLine(std::string_view s, size_t columns) {
  std::string out;
  std::vector<std::pair<size_t, int>> kept;  // each code point in `out`: where it starts, its columns
  size_t width = 0;
  bool space = false;
  const int32_t len = Length(s);
  for (int32_t i = 0; i < len;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, len, c);
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    // No terminal control codes from article text: C0, DEL and C1 (U+0080..U+009F).
    if ((c >= 0 && c < 0x20) || (c >= 0x7F && c <= 0x9F)) continue;
    const int w = Columns(c);
    if (width + (space ? 1 : 0) + w > columns) {
      // Make room for the ellipsis.
      while (!kept.empty() && width + 1 > columns) {
        out.erase(kept.back().first);
        width -= kept.back().second;
        kept.pop_back();
      }
      out += "\xE2\x80\xA6";
      return out;
    }
    if (space) {
      kept.emplace_back(out.size(), 1);
      out += ' ';
      ++width;
      space = false;
    }
    kept.emplace_back(out.size(), w);
    out.append(s.data() + start, static_cast<size_t>(i - start));
    width += w;
  }
  return out;
}

}  // namespace faultline::report
