#include "ingest/html/encoding.h"
#include "util/ascii.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>

namespace faultline::html {
namespace {

bool StartsWithNoCase(std::string_view s, size_t pos, std::string_view prefix) {
  if (pos + prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (AsciiLower(s[pos + i]) != prefix[i]) return false;
  return true;
}

std::string LowerTrim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (std::isspace(static_cast<unsigned char>(s[b])) || s[b] == '"' || s[b] == '\''))
    ++b;
  while (e > b && (std::isspace(static_cast<unsigned char>(s[e - 1])) || s[e - 1] == '"' ||
                   s[e - 1] == '\'' || s[e - 1] == ';'))
    --e;
  std::string out(s.substr(b, e - b));
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// The HTML standard maps some labels to a superset: pages labelled latin-1 or ASCII
// are decoded as windows-1252 by every browser, and a <meta> naming UTF-16 in an
// ASCII-readable page cannot be right.
std::string NormalizeLabel(std::string label, bool from_meta) {
  if (label == "iso-8859-1" || label == "latin1" || label == "latin-1" || label == "l1" ||
      label == "us-ascii" || label == "ascii" || label == "iso8859-1" || label == "iso_8859-1" ||
      label == "cp1252" || label == "windows-1252")
    return "windows-1252";
  if (label == "utf8" || label == "utf-8" || label == "unicode-1-1-utf-8") return "UTF-8";
  if (from_meta && label.rfind("utf-16", 0) == 0) return "UTF-8";
  if (label == "x-user-defined") return {};
  return label;
}

// Value of `charset=` inside a content attribute or header.
std::string CharsetParam(std::string_view content) {
  for (size_t i = 0; i + 7 < content.size() + 1; ++i) {
    if (StartsWithNoCase(content, i, "charset")) {
      size_t j = i + 7;
      while (j < content.size() && std::isspace(static_cast<unsigned char>(content[j]))) ++j;
      if (j >= content.size() || content[j] != '=') continue;
      ++j;
      while (j < content.size() && std::isspace(static_cast<unsigned char>(content[j]))) ++j;
      size_t k = j;
      if (k < content.size() && (content[k] == '"' || content[k] == '\'')) {
        char q = content[k++];
        size_t end = content.find(q, k);
        if (end == std::string_view::npos) end = content.size();
        return LowerTrim(content.substr(k, end - k));
      }
      while (k < content.size() && !std::isspace(static_cast<unsigned char>(content[k])) &&
             content[k] != ';' && content[k] != '"' && content[k] != '\'')
        ++k;
      return LowerTrim(content.substr(j, k - j));
    }
  }
  return {};
}

bool Convert(std::string_view bytes, const std::string& charset, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* probe = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status)) return false;
  ucnv_close(probe);
  out->resize(bytes.size() * 4 + 16);
  status = U_ZERO_ERROR;
  int32_t n = ucnv_convert("UTF-8", charset.c_str(), out->data(), static_cast<int32_t>(out->size()),
                           bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  out->resize(n);
  return true;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    // Fast skip over ASCII, eight bytes at a time.
    while (end - p >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      if (w & 0x8080808080808080ULL) break;
      p += 8;
    }
    if (p >= end) break;
    unsigned char c = *p;
    if (c < 0x80) { ++p; continue; }
    int n;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; if (c < 0xC2) return false; }
    else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; if (c > 0xF4) return false; }
    else return false;
    if (end - p <= n) {
      if (end - p < n + 1) return false;
    }
    for (int i = 1; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    p += n + 1;
  }
  return true;
}

std::string CharsetFromContentType(std::string_view content_type) {
  return CharsetParam(content_type);
}

std::string CharsetFromMeta(std::string_view bytes) {
  std::string_view s = bytes.substr(0, std::min<size_t>(bytes.size(), 4096));
  size_t i = 0;
  while (i < s.size()) {
    size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) break;
    if (s.compare(lt, 4, "<!--") == 0) {
      size_t end = s.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (!StartsWithNoCase(s, lt + 1, "meta") || lt + 5 >= s.size() ||
        !(std::isspace(static_cast<unsigned char>(s[lt + 5])) || s[lt + 5] == '/')) {
      i = lt + 1;
      continue;
    }
    // Attributes of this <meta>.
    size_t j = lt + 5;
    std::string charset, http_equiv, content;
    while (j < s.size() && s[j] != '>') {
      while (j < s.size() && (std::isspace(static_cast<unsigned char>(s[j])) || s[j] == '/')) ++j;
      size_t ns = j;
      while (j < s.size() && s[j] != '=' && s[j] != '>' && !std::isspace(static_cast<unsigned char>(s[j])))
        ++j;
      std::string name = LowerTrim(s.substr(ns, j - ns));
      while (j < s.size() && std::isspace(static_cast<unsigned char>(s[j]))) ++j;
      std::string value;
      if (j < s.size() && s[j] == '=') {
        ++j;
        while (j < s.size() && std::isspace(static_cast<unsigned char>(s[j]))) ++j;
        if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
          char q = s[j++];
          size_t end = s.find(q, j);
          if (end == std::string_view::npos) end = s.size();
          value = std::string(s.substr(j, end - j));
          j = end + 1;
        } else {
          size_t vs = j;
          while (j < s.size() && s[j] != '>' && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
          value = std::string(s.substr(vs, j - vs));
        }
      }
      if (name.empty() && j < s.size() && s[j] != '>') ++j;  // stray character
      if (name == "charset") charset = LowerTrim(value);
      else if (name == "http-equiv") http_equiv = LowerTrim(value);
      else if (name == "content") content = value;
    }
    if (!charset.empty()) return charset;
    if (http_equiv == "content-type") {
      std::string c = CharsetParam(content);
      if (!c.empty()) return c;
    }
    i = j;
  }
  return {};
}

Result<DecodedHtml> DecodeHtml(std::string_view bytes, std::string_view content_type) {
  DecodedHtml out;
  auto decode_as = [&](std::string charset, std::string_view body, const char* rule) -> bool {
    if (charset == "UTF-8") {
      if (!IsValidUtf8(body)) {
        if (!Convert(body, "UTF-8", &out.utf8)) return false;
      } else {
        out.utf8.assign(body);
      }
    } else if (!Convert(body, charset, &out.utf8)) {
      return false;
    }
    out.charset = charset;
    out.rule = rule;
    return true;
  };

  // 1. Byte order mark.
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    if (decode_as("UTF-8", bytes.substr(3), "bom")) return out;
  }
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xFE) {
    if (decode_as("UTF-16LE", bytes.substr(2), "bom")) return out;
  }
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
      static_cast<unsigned char>(bytes[1]) == 0xFF) {
    if (decode_as("UTF-16BE", bytes.substr(2), "bom")) return out;
  }
  // Binary content (images, PDFs, compressed bodies) has NUL bytes that no ASCII-
  // compatible page has; UTF-16 without a byte order mark has them at every other byte.
  {
    std::string_view head = bytes.substr(0, std::min<size_t>(bytes.size(), 4096));
    size_t nul_even = 0, nul_odd = 0;
    for (size_t i = 0; i < head.size(); ++i)
      if (head[i] == '\0') ++(i % 2 ? nul_odd : nul_even);
    if (nul_even + nul_odd > 0) {
      size_t half = head.size() / 2;
      if (nul_odd * 10 > half * 8 && nul_even * 10 < half && decode_as("UTF-16LE", bytes, "nul-pattern"))
        return out;
      if (nul_even * 10 > half * 8 && nul_odd * 10 < half && decode_as("UTF-16BE", bytes, "nul-pattern"))
        return out;
      if ((nul_even + nul_odd) * 100 > head.size())
        return Status::Error("binary content, not an HTML page");
    }
  }
  // 2. The transport's declaration.
  std::string http = NormalizeLabel(CharsetFromContentType(content_type), false);
  if (!http.empty() && decode_as(http, bytes, "http")) return out;
  // 3. The page's own declaration.
  std::string meta = NormalizeLabel(CharsetFromMeta(bytes), true);
  if (!meta.empty()) {
    // A page declaring a legacy charset but holding valid non-ASCII UTF-8 was
    // re-encoded on the way (common in archives); the bytes win over the label.
    bool has_high = std::any_of(bytes.begin(), bytes.end(),
                                [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (meta != "UTF-8" && has_high && IsValidUtf8(bytes)) {
      if (decode_as("UTF-8", bytes, "utf8-valid")) return out;
    }
    if (decode_as(meta, bytes, "meta")) return out;
  }
  // 4. Detection.
  if (IsValidUtf8(bytes)) {
    out.utf8.assign(bytes);
    out.charset = "UTF-8";
    out.rule = "utf8-valid";
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(ucsdet_open(&status),
                                                                     ucsdet_close);
  if (U_FAILURE(status)) return Status::Error("cannot open ICU charset detector");
  ucsdet_enableInputFilter(det.get(), true);
  std::string_view sample = bytes.substr(0, std::min<size_t>(bytes.size(), 65536));
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  std::string detected;
  if (U_SUCCESS(status) && match != nullptr) {
    const char* name = ucsdet_getName(match, &status);
    if (U_SUCCESS(status) && name != nullptr) detected = name;
  }
  if (detected == "ISO-8859-1") detected = "windows-1252";
  if (!detected.empty() && decode_as(detected, bytes, "detected")) return out;
  if (decode_as("windows-1252", bytes, "fallback")) return out;
  return Status::Error("cannot decode the page's bytes");
}

}  // namespace faultline::html
