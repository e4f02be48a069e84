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

// A tag's attributes as the tokenizer reads them.
struct LeanTagAttributes {
  std::string kept;           // the attributes the stage reads, each after a space
  bool self_closing = false;  // "/>" ends the tag
  bool json_ld = false;       // type="...ld+json...": a script whose text is kept
  size_t end = 0;             // the tag's '>' (or the end of input)
};

// Reads a tag's attributes from `j`, just after its name, up to its '>'. Values may be
// quoted, unquoted or absent; an unclosed quote runs to the end of input. An end tag's
// attributes are read past and none kept.
LeanTagAttributes ReadLeanTagAttributes(std::string_view s, size_t j, uint16_t flags, bool end_tag) {
  const size_t n = s.size();
  LeanTagAttributes t;
  while (j < n && s[j] != '>') {
    if (IsSpace(s[j])) { ++j; continue; }
    if (s[j] == '/') {
      t.self_closing = j + 1 < n && s[j + 1] == '>';
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
      t.kept.push_back(' ');
      t.kept.append(s.substr(an, attr_end - an));
      if (EqualsNoCase(attr, "type") && value.find("ld+json") != std::string_view::npos) t.json_ld = true;
    }
    j = attr_end;
  }
  t.end = j;
  return t;
}

// Position after the </svg> that closes an <svg> whose start tag ends before `p`, or the
// end of input: drawings hold no text the stage reads.
size_t SkipLeanSvg(std::string_view s, size_t p) {
  const size_t n = s.size();
  int depth = 1;
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
  return p;
}

// One pass over a page. The state lives between tags: the whitespace rule needs the last
// tag and the run after it, the nesting guard its counts, <pre> its depth. Each step
// leaves i_ after what it read; setting it to the end of input ends the pass.
class LeanTokenizer {
 public:
  explicit LeanTokenizer(std::string_view s) : s_(s), n_(s.size()) { out_.reserve(s.size() / 2); }

  std::string Run() {
    while (i_ < n_) {
      size_t lt = s_.find('<', i_);
      if (lt == std::string_view::npos) {
        AppendText(s_.substr(i_), pre_depth_ > 0, &out_);
        break;
      }
      CopyText(lt);
      if (i_ + 1 >= n_) {
        out_.push_back('<');
        ++i_;
        continue;
      }
      char c = s_[i_ + 1];
      if (c == '!') {
        MarkupDeclaration();
      } else if (c == '?') {  // bogus comment
        size_t gt = s_.find('>', i_);
        i_ = gt == std::string_view::npos ? n_ : gt + 1;
      } else {
        Tag();
      }
    }
    return std::move(out_);
  }

 private:
  // Copies the text from i_ to `lt` (the next '<'), and remembers a whitespace-only run
  // after a block tag: it is dropped if a block tag follows.
  void CopyText(size_t lt) {
    std::string_view text = s_.substr(i_, lt - i_);
    size_t text_start = out_.size();
    AppendText(text, pre_depth_ > 0, &out_);
    pending_ws_ = (prev_block_ && pre_depth_ == 0 && out_.size() - text_start == 1 &&
                   IsSpace(out_.back()))
                      ? text_start
                      : std::string::npos;
    i_ = lt;
  }

  // "<!" at i_: a comment is dropped; a doctype, CDATA or bogus comment kept.
  void MarkupDeclaration() {
    if (s_.compare(i_, 4, "<!--") == 0) {
      // Comment: "<!-->" and "<!--->" close at once; else at "-->" or "--!>".
      size_t body = i_ + 4;
      if (s_.compare(body, 1, ">") == 0) { i_ = body + 1; return; }
      if (s_.compare(body, 2, "->") == 0) { i_ = body + 2; return; }
      size_t end = s_.find("--", body);
      while (end != std::string_view::npos && !(s_.compare(end, 3, "-->") == 0 || s_.compare(end, 4, "--!>") == 0))
        end = s_.find("--", end + 1);
      if (end == std::string_view::npos) {  // the rest is a comment
        i_ = n_;
        return;
      }
      i_ = end + (s_[end + 2] == '>' ? 3 : 4);
      return;
    }
    // Doctype, CDATA or a bogus comment: kept as is up to '>'.
    size_t gt = s_.find('>', i_);
    if (gt == std::string_view::npos) gt = n_ - 1;
    out_.append(s_.substr(i_, gt + 1 - i_));
    i_ = gt + 1;
  }

  // '<' or "</" at i_: a tag, or, when no letter follows, text or a bogus comment.
  void Tag() {
    bool end_tag = s_[i_ + 1] == '/';
    size_t name_start = i_ + (end_tag ? 2 : 1);
    if (name_start >= n_ || !IsAlpha(s_[name_start])) {
      NotATag(end_tag, name_start);
      return;
    }
    size_t j = name_start;
    while (j < n_ && !IsSpace(s_[j]) && s_[j] != '/' && s_[j] != '>') ++j;
    std::string_view name = s_.substr(name_start, j - name_start);
    const uint16_t flags = TagFlags(name);
    const LeanTagAttributes attrs = ReadLeanTagAttributes(s_, j, flags, end_tag);
    j = attrs.end;
    size_t tag_end = j < n_ ? j + 1 : n_;
    if (DroppedByNestingGuard(flags, end_tag, attrs.self_closing)) {
      i_ = tag_end;
      return;
    }
    bool block_tag = flags & kBlock;
    if (block_tag && pending_ws_ < out_.size() && out_.size() == pending_ws_ + 1) out_.resize(pending_ws_);
    pending_ws_ = std::string::npos;
    prev_block_ = block_tag;
    if (end_tag) {
      if ((flags & kPre) && pre_depth_ > 0) --pre_depth_;
      out_.append("</");
      out_.append(name);
      out_.push_back('>');
      i_ = tag_end;
      return;
    }
    StartTag(name, flags, attrs, tag_end);
  }

  // "</>" is dropped, "</ ..." is a bogus comment up to '>', and any other '<' not
  // followed by a letter is a literal '<' in text.
  void NotATag(bool end_tag, size_t name_start) {
    if (end_tag && name_start < n_ && s_[name_start] == '>') {
      i_ = name_start + 1;
      return;
    }
    if (end_tag) {
      size_t gt = s_.find('>', i_);
      i_ = gt == std::string_view::npos ? n_ : gt + 1;
      return;
    }
    out_.push_back('<');
    ++i_;
  }

  // Nesting guard: the parser's scope checks walk the stack of open elements, so
  // tens of thousands of unclosed elements (broken or hostile pages; real ones stay
  // under a few hundred) would cost quadratic time. Past kMaxOpenElements, further
  // start tags (and as many end tags) are dropped; their text stays. True when this
  // tag is dropped.
  bool DroppedByNestingGuard(uint16_t flags, bool end_tag, bool self_closing) {
    if ((flags & kNoNest) || self_closing) return false;
    if (end_tag) {
      if (dropped_open_ > 0) {
        --dropped_open_;
        return true;
      }
      if (open_estimate_ > 0) --open_estimate_;
    } else if (open_estimate_ >= kMaxOpenElements) {
      ++dropped_open_;
      return true;
    } else if (!(flags & (kScript | kSvg | kRawDrop))) {
      ++open_estimate_;
    }
    return false;
  }

  // A start tag whose '>' ends before `tag_end`: dropped with its content (hidden raw
  // text, drawings), or written with the kept attributes and, for raw text the stage
  // reads, its content verbatim.
  void StartTag(std::string_view name, uint16_t flags, const LeanTagAttributes& attrs, size_t tag_end) {
    const bool self_closing = attrs.self_closing;
    // Raw-text elements whose content is never shown: dropped whole.
    bool script = flags & kScript;
    if ((script && !attrs.json_ld) || (flags & kRawDrop)) {
      if (self_closing && !script && !EqualsNoCase(name, "style")) {
        i_ = tag_end;
        return;
      }
      size_t end = FindRawTextEnd(s_, tag_end, AsciiLower(name), script);
      i_ = end == std::string_view::npos ? n_ : end;
      return;
    }
    if ((flags & kSvg) && !self_closing) {
      i_ = SkipLeanSvg(s_, tag_end);
      return;
    }
    if ((flags & kPre) && !self_closing) ++pre_depth_;
    out_.push_back('<');
    out_.append(name);
    out_.append(attrs.kept);
    if (self_closing) out_.push_back('/');
    out_.push_back('>');
    i_ = tag_end;
    // Raw text kept verbatim (JSON-LD, <title>, <plaintext>).
    if (script || (flags & kTitle)) {
      size_t end = FindRawTextEnd(s_, i_, AsciiLower(name), false);
      if (end == std::string_view::npos) end = n_;
      out_.append(s_.substr(i_, end - i_));
      i_ = end;
    } else if (flags & kPlaintext) {
      out_.append(s_.substr(i_));
      i_ = n_;
    }
  }

  std::string_view s_;
  size_t n_;
  size_t i_ = 0;
  std::string out_;
  int pre_depth_ = 0;                      // inside <pre>/<listing>: whitespace is kept
  int open_estimate_ = 0, dropped_open_ = 0;  // nesting guard
  bool prev_block_ = false;                // the last tag emitted was block-level
  size_t pending_ws_ = std::string::npos;  // where a droppable whitespace run starts
};

}  // namespace

std::string LeanHtml(std::string_view s) { return LeanTokenizer(s).Run(); }

}  // namespace faultline::html
