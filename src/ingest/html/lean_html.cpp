#include "ingest/html/lean_html.h"
#include "util/ascii.h"

#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>

namespace faultline::html {
namespace {

constexpr int kMaxOpenElements = 1000;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool EqualsNoCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (AsciiLower(a[i]) != lower[i]) return false;
  return true;
}

// What the tokenizer needs to know about a tag name, looked up once per tag.
enum TagFlag : uint16_t {
  kBlock = 1,       // whitespace between two of these never shows
  kNoNest = 2,      // void, or its end tag is routinely omitted: not counted for nesting
  kRawDrop = 4,     // raw text never shown: dropped with its content
  kScript = 8,
  kSvg = 16,
  kPre = 32,
  kTitle = 64,
  kPlaintext = 128,
  kMeta = 256,
  kLink = 512,
  kHtml = 1024,
};

uint16_t TagFlags(std::string_view name) {
  static const std::unordered_map<std::string, uint16_t> kFlags = [] {
    std::unordered_map<std::string, uint16_t> m;
    for (const char* t : {"div", "p", "li", "ul", "ol", "section", "article", "header", "footer",
                          "nav", "aside", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "h1",
                          "h2", "h3", "h4", "h5", "h6", "head", "meta", "link", "title", "html",
                          "body", "main", "figure", "figcaption", "form", "dl", "dt", "dd", "hr", "br",
                          "blockquote", "script", "style", "noscript", "iframe", "svg", "img",
                          "picture", "source", "option", "select", "button", "input"})
      m[t] |= kBlock;
    for (const char* t : {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                          "param", "source", "track", "wbr", "li", "p", "td", "th", "tr", "option",
                          "optgroup", "dt", "dd", "thead", "tbody", "tfoot", "colgroup", "rb", "rt",
                          "rp", "keygen", "image"})
      m[t] |= kNoNest;
    for (const char* t : {"style", "noscript", "iframe", "template", "textarea", "noembed",
                          "noframes", "xmp"})
      m[t] |= kRawDrop;
    m["script"] |= kScript;
    m["svg"] |= kSvg;
    m["pre"] |= kPre;
    m["listing"] |= kPre;
    m["title"] |= kTitle;
    m["plaintext"] |= kPlaintext;
    m["meta"] |= kMeta;
    m["link"] |= kLink;
    m["html"] |= kHtml;
    return m;
  }();
  if (name.size() > 12) return 0;
  char buf[16];
  for (size_t i = 0; i < name.size(); ++i) buf[i] = AsciiLower(name[i]);
  auto it = kFlags.find(std::string(buf, name.size()));
  return it == kFlags.end() ? 0 : it->second;
}

// Attributes the HTML stage reads, by element; all others are dropped.
bool KeptAttribute(uint16_t tag, std::string_view name, std::string_view value) {
  static constexpr std::string_view kEverywhere[] = {"class", "id", "role", "itemprop", "hidden",
                                                     "datetime", "content"};
  for (auto k : kEverywhere)
    if (EqualsNoCase(name, k)) return true;
  if (EqualsNoCase(name, "style")) {
    // Only a hiding style matters.
    return value.find("none") != std::string_view::npos || value.find("hidden") != std::string_view::npos;
  }
  if (tag & kMeta)
    return EqualsNoCase(name, "name") || EqualsNoCase(name, "property") || EqualsNoCase(name, "charset") ||
           EqualsNoCase(name, "http-equiv") || EqualsNoCase(name, "value");
  if (tag & kLink) return EqualsNoCase(name, "rel") || EqualsNoCase(name, "href");
  if (tag & kScript) return EqualsNoCase(name, "type");
  if (tag & kHtml) return EqualsNoCase(name, "lang");
  return false;
}

// Appends text, collapsing each whitespace run to one character (a newline when the run
// holds one): the stage collapses whitespace anyway, and the parser is cheaper per byte
// saved. Text inside <pre> keeps its spacing.
void AppendText(std::string_view t, bool keep_space, std::string* out) {
  if (keep_space) {
    out->append(t);
    return;
  }
  size_t i = 0;
  while (i < t.size()) {
    if (!IsSpace(t[i])) {
      size_t j = i;
      while (j < t.size() && !IsSpace(t[j])) ++j;
      out->append(t.substr(i, j - i));
      i = j;
      continue;
    }
    bool newline = false;
    while (i < t.size() && IsSpace(t[i])) newline |= t[i++] == '\n';
    out->push_back(newline ? '\n' : ' ');
  }
}

// Position after the end tag `</name` (+ attributes, '>') that closes a raw-text element
// starting at `pos`, or npos. A script's "<!-- <script> ... </script> -->" escape (old
// document.write code) is honoured so that an inner </script> does not end it.
size_t FindRawTextEnd(std::string_view s, size_t pos, std::string_view name, bool script) {
  bool escaped = false, double_escaped = false;
  size_t dash = 0;  // next "-->" at or after pos (searched lazily, only once escaped)
  bool dash_known = false;
  while (pos < s.size()) {
    size_t lt = s.find('<', pos);
    if (script && escaped) {
      if (!dash_known || (dash != std::string_view::npos && dash < pos)) {
        dash = s.find("-->", pos);
        dash_known = true;
      }
      if (dash != std::string_view::npos && (lt == std::string_view::npos || dash < lt)) {
        escaped = double_escaped = false;
        pos = dash + 3;
        continue;
      }
    }
    if (lt == std::string_view::npos) return std::string_view::npos;
    if (script && s.compare(lt, 4, "<!--") == 0) {
      escaped = true;
      pos = lt + 4;
      continue;
    }
    bool end = lt + 1 < s.size() && s[lt + 1] == '/';
    size_t n = lt + (end ? 2 : 1);
    if (n + name.size() <= s.size() && EqualsNoCase(s.substr(n, name.size()), name) &&
        (n + name.size() == s.size() || IsSpace(s[n + name.size()]) || s[n + name.size()] == '/' ||
         s[n + name.size()] == '>')) {
      if (script && escaped && !end) {
        double_escaped = true;
      } else if (script && double_escaped && end) {
        double_escaped = false;
      } else if (end && !double_escaped) {
        size_t gt = s.find('>', n + name.size());
        return gt == std::string_view::npos ? s.size() : gt + 1;
      }
    }
    pos = lt + 1;
  }
  return std::string_view::npos;
}

}  // namespace

std::string LeanHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size() / 2);
  size_t i = 0;
  const size_t n = s.size();
  int pre_depth = 0;  // inside <pre>/<listing>: whitespace is kept
  int open_estimate = 0, dropped_open = 0;  // nesting guard (see below)
  bool prev_block = false;                 // the last tag emitted was block-level
  size_t pending_ws = std::string::npos;   // where a droppable whitespace run starts
  while (i < n) {
    size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) {
      AppendText(s.substr(i), pre_depth > 0, &out);
      break;
    }
    std::string_view text = s.substr(i, lt - i);
    size_t text_start = out.size();
    AppendText(text, pre_depth > 0, &out);
    // Remember a whitespace-only run after a block tag; dropped if a block tag follows.
    pending_ws = (prev_block && pre_depth == 0 && out.size() - text_start == 1 &&
                  IsSpace(out.back()))
                     ? text_start
                     : std::string::npos;
    i = lt;
    if (i + 1 >= n) {
      out.push_back('<');
      ++i;
      continue;
    }
    char c = s[i + 1];
    if (c == '!') {
      if (s.compare(i, 4, "<!--") == 0) {
        // Comment: "<!-->" and "<!--->" close at once; else at "-->" or "--!>".
        size_t body = i + 4;
        if (s.compare(body, 1, ">") == 0) { i = body + 1; continue; }
        if (s.compare(body, 2, "->") == 0) { i = body + 2; continue; }
        size_t end = s.find("--", body);
        while (end != std::string_view::npos && !(s.compare(end, 3, "-->") == 0 || s.compare(end, 4, "--!>") == 0))
          end = s.find("--", end + 1);
        if (end == std::string_view::npos) return out;  // the rest is a comment
        i = end + (s[end + 2] == '>' ? 3 : 4);
        continue;
      }
      // Doctype, CDATA or a bogus comment: kept as is up to '>'.
      size_t gt = s.find('>', i);
      if (gt == std::string_view::npos) gt = n - 1;
      out.append(s.substr(i, gt + 1 - i));
      i = gt + 1;
      continue;
    }
    if (c == '?') {  // bogus comment
      size_t gt = s.find('>', i);
      i = gt == std::string_view::npos ? n : gt + 1;
      continue;
    }
    bool end_tag = c == '/';
    size_t name_start = i + (end_tag ? 2 : 1);
    if (name_start >= n || !IsAlpha(s[name_start])) {
      if (end_tag && name_start < n && s[name_start] == '>') {  // "</>" is dropped
        i = name_start + 1;
        continue;
      }
      if (end_tag) {  // "</ ..." is a bogus comment up to '>'
        size_t gt = s.find('>', i);
        i = gt == std::string_view::npos ? n : gt + 1;
        continue;
      }
      out.push_back('<');  // a literal '<' in text
      ++i;
      continue;
    }
    size_t j = name_start;
    while (j < n && !IsSpace(s[j]) && s[j] != '/' && s[j] != '>') ++j;
    std::string_view name = s.substr(name_start, j - name_start);
    const uint16_t flags = TagFlags(name);
    // Attributes.
    std::string kept;
    bool self_closing = false;
    bool json_ld = false;
    while (j < n && s[j] != '>') {
      if (IsSpace(s[j])) { ++j; continue; }
      if (s[j] == '/') {
        self_closing = j + 1 < n && s[j + 1] == '>';
        ++j;
        continue;
      }
      size_t an = j;
      ++j;  // the first character may be anything, even '='
      while (j < n && !IsSpace(s[j]) && s[j] != '/' && s[j] != '>' && s[j] != '=') ++j;
      std::string_view attr = s.substr(an, j - an);
      size_t k = j;
      while (k < n && IsSpace(s[k])) ++k;
      std::string_view value;
      size_t attr_end = j;
      if (k < n && s[k] == '=') {
        ++k;
        while (k < n && IsSpace(s[k])) ++k;
        if (k < n && (s[k] == '"' || s[k] == '\'')) {
          char q = s[k];
          size_t close = s.find(q, k + 1);
          if (close == std::string_view::npos) close = n - 1;
          value = s.substr(k + 1, close - k - 1);
          attr_end = close + 1;
        } else {
          size_t v = k;
          while (k < n && !IsSpace(s[k]) && s[k] != '>') ++k;
          value = s.substr(v, k - v);
          attr_end = k;
        }
      }
      if (!end_tag && KeptAttribute(flags, attr, value)) {
        kept.push_back(' ');
        kept.append(s.substr(an, attr_end - an));
        if (EqualsNoCase(attr, "type") && value.find("ld+json") != std::string_view::npos) json_ld = true;
      }
      j = attr_end;
    }
    size_t tag_end = j < n ? j + 1 : n;
    // Nesting guard: the parser's scope checks walk the stack of open elements, so
    // tens of thousands of unclosed elements (broken or hostile pages; real ones stay
    // under a few hundred) would cost quadratic time. Past kMaxOpenElements, further
    // start tags (and as many end tags) are dropped; their text stays.
    if (!(flags & kNoNest) && !self_closing) {
      if (end_tag) {
        if (dropped_open > 0) {
          --dropped_open;
          i = j < n ? j + 1 : n;
          continue;
        }
        if (open_estimate > 0) --open_estimate;
      } else if (open_estimate >= kMaxOpenElements) {
        ++dropped_open;
        i = j < n ? j + 1 : n;
        continue;
      } else if (!(flags & (kScript | kSvg | kRawDrop))) {
        ++open_estimate;
      }
    }
    bool pre = flags & kPre;
    bool block_tag = flags & kBlock;
    if (block_tag && pending_ws < out.size() && out.size() == pending_ws + 1) out.resize(pending_ws);
    pending_ws = std::string::npos;
    prev_block = block_tag;
    if (end_tag) {
      if (pre && pre_depth > 0) --pre_depth;
      out.append("</");
      out.append(name);
      out.push_back('>');
      i = tag_end;
      continue;
    }
    // Raw-text elements whose content is never shown: dropped whole.
    bool script = flags & kScript;
    if ((script && !json_ld) || (flags & kRawDrop)) {
      if (self_closing && !script && !EqualsNoCase(name, "style")) {
        i = tag_end;
        continue;
      }
      std::string lower(name);
      for (char& ch : lower) ch = AsciiLower(ch);
      size_t end = FindRawTextEnd(s, tag_end, lower, script);
      i = end == std::string_view::npos ? n : end;
      continue;
    }
    if ((flags & kSvg) && !self_closing) {
      // Drawings: skipped to the matching </svg>.
      int depth = 1;
      size_t p = tag_end;
      while (depth > 0 && p < n) {
        size_t lt2 = s.find('<', p);
        if (lt2 == std::string_view::npos) { p = n; break; }
        if (s.compare(lt2, 5, "</svg") == 0 || s.compare(lt2, 5, "</SVG") == 0) {
          --depth;
        } else if ((s.compare(lt2, 4, "<svg") == 0 || s.compare(lt2, 4, "<SVG") == 0) &&
                   lt2 + 4 < n && (IsSpace(s[lt2 + 4]) || s[lt2 + 4] == '>')) {
          ++depth;
        }
        size_t gt = s.find('>', lt2);
        p = gt == std::string_view::npos ? n : gt + 1;
      }
      i = p;
      continue;
    }
    if (pre && !self_closing) ++pre_depth;
    out.push_back('<');
    out.append(name);
    out.append(kept);
    if (self_closing) out.push_back('/');
    out.push_back('>');
    i = tag_end;
    // Raw text kept verbatim (JSON-LD, <title>, <plaintext>).
    if (script || (flags & kTitle)) {
      std::string lower(name);
      for (char& ch : lower) ch = AsciiLower(ch);
      size_t end = FindRawTextEnd(s, i, lower, false);
      if (end == std::string_view::npos) end = n;
      out.append(s.substr(i, end - i));
      i = end;
    } else if (flags & kPlaintext) {
      out.append(s.substr(i));
      break;
    }
  }
  return out;
}

}  // namespace faultline::html
