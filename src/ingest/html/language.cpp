#include "ingest/html/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <cctype>

namespace faultline::html {

std::string DetectLanguage(std::string_view utf8_text, bool* reliable) {
  *reliable = false;
  if (utf8_text.size() < 20) return {};
  // CLD2 is confident long before the end of an article; 1.5 KB keeps it fast.
  size_t n = std::min<size_t>(utf8_text.size(), 1500);
  while (n < utf8_text.size() && (static_cast<unsigned char>(utf8_text[n]) & 0xC0) == 0x80) --n;
  bool is_reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(
      utf8_text.data(), static_cast<int>(n), /*is_plain_text=*/true, &is_reliable, &valid_prefix);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return {};
  *reliable = is_reliable;
  std::string code = CLD2::LanguageCode(lang);
  // CLD2 keeps a few withdrawn ISO 639 codes; BCP 47 uses the current ones.
  if (code == "iw") return "he";
  if (code == "in") return "id";
  if (code == "ji") return "yi";
  if (code == "jw") return "jv";
  return code;
}

std::string NormalizeLanguageTag(std::string_view tag) {
  std::string out;
  size_t b = 0, e = tag.size();
  while (b < e && std::isspace(static_cast<unsigned char>(tag[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(tag[e - 1]))) --e;
  bool primary = true;
  for (size_t i = b; i < e; ++i) {
    char c = tag[i];
    if (c == '_' || c == '-') {
      out.push_back('-');
      primary = false;
      continue;
    }
    if (c == ',' || c == ';' || c == ' ') break;  // "en, fr": the first one
    if (!std::isalnum(static_cast<unsigned char>(c))) return {};
    out.push_back(primary ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                          : static_cast<char>(c));
  }
  // Region subtags are upper case ("en-US"); script subtags title case ("zh-Hant").
  size_t dash = out.find('-');
  if (dash != std::string::npos) {
    std::string rest = out.substr(dash + 1);
    if (rest.size() == 2)
      for (char& c : rest) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    out = out.substr(0, dash + 1) + rest;
  }
  if (out.empty() || out.size() > 35 || out[0] == '-') return {};
  // BCP 47 shape: a primary subtag of 2-3 letters, then subtags of 2-8 letters or digits
  // (pages put all sorts in content-language: "utf-8", "text/html").
  size_t start = 0;
  bool first = true;
  while (start <= out.size()) {
    size_t end = out.find('-', start);
    if (end == std::string::npos) end = out.size();
    std::string_view sub = std::string_view(out).substr(start, end - start);
    if (first) {
      if (sub.size() < 2 || sub.size() > 3) return {};
      for (char c : sub)
        if (!std::isalpha(static_cast<unsigned char>(c))) return {};
    } else if (sub.size() < 2 || sub.size() > 8) {
      return {};
    }
    first = false;
    start = end + 1;
  }
  return out;
}

std::string PrimaryLanguage(std::string_view tag) {
  size_t dash = tag.find('-');
  return std::string(tag.substr(0, dash));
}

}  // namespace faultline::html
