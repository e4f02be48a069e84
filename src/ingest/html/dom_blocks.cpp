#include "ingest/html/dom_blocks.h"

#include <cstring>
#include <string_view>
#include <unordered_map>
#include "util/ascii.h"

namespace faultline::html {
namespace {

constexpr int kMaxDepth = 1100;  // LeanHtml caps nesting near 1000; anything deeper is dropped
// How far a boilerplate cue on a container (or its ancestors) discounts that container
// as the article's: page furniture (nav, footer, sidebar) rarely holds an article, while
// generic words ("tag", "ad", "widget", "modal") often sit on article wrappers.
constexpr float kFurnitureFactor = 0.4f;
constexpr float kMisnamedFactor = 0.75f;  // deeper markup is broken; its text joins the enclosing block

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
    case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_UL:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_LEGEND: case GUMBO_TAG_HTML:
      return true;
    default:
      return false;
  }
}

// Elements whose content is never visible text.
bool IsSkippedTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_MAP: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_BASE:
    case GUMBO_TAG_IMG: case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK:
    case GUMBO_TAG_PARAM: case GUMBO_TAG_AREA: case GUMBO_TAG_WBR: case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_KEYGEN: case GUMBO_TAG_OUTPUT: case GUMBO_TAG_PROGRESS: case GUMBO_TAG_METER:
    case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_FRAME: case GUMBO_TAG_NOFRAMES:
      return true;
    default:
      return false;
  }
}

// Inline elements on which class/id cues are not trusted: a link or an emphasis inside
// a sentence must not cut the sentence.
bool IsPhrasingTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_A: case GUMBO_TAG_EM: case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
    case GUMBO_TAG_I: case GUMBO_TAG_U: case GUMBO_TAG_S: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SUP: case GUMBO_TAG_SUB: case GUMBO_TAG_ABBR: case GUMBO_TAG_CITE:
    case GUMBO_TAG_Q: case GUMBO_TAG_MARK: case GUMBO_TAG_TIME: case GUMBO_TAG_CODE:
    case GUMBO_TAG_DFN: case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP: case GUMBO_TAG_VAR:
    case GUMBO_TAG_BDI: case GUMBO_TAG_BDO: case GUMBO_TAG_FONT: case GUMBO_TAG_BIG:
    case GUMBO_TAG_TT: case GUMBO_TAG_STRIKE: case GUMBO_TAG_DEL: case GUMBO_TAG_INS:
    case GUMBO_TAG_NOBR: case GUMBO_TAG_RUBY: case GUMBO_TAG_RT: case GUMBO_TAG_RP:
    case GUMBO_TAG_DATA: case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

std::string_view Attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

// The attributes the walk reads, in one pass (gumbo lower-cases attribute names).
struct Attrs {
  std::string_view cls, id, itemprop, style, role;
  bool hidden = false;
};

Attrs ReadAttrs(const GumboElement& el) {
  Attrs a;
  for (unsigned i = 0; i < el.attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(el.attributes.data[i]);
    const char* n = attr->name;
    switch (n[0]) {
      case 'c': if (std::strcmp(n, "class") == 0) a.cls = attr->value; break;
      case 'i':
        if (n[1] == 'd' && n[2] == 0) a.id = attr->value;
        else if (std::strcmp(n, "itemprop") == 0) a.itemprop = attr->value;
        break;
      case 's': if (std::strcmp(n, "style") == 0) a.style = attr->value; break;
      case 'r': if (std::strcmp(n, "role") == 0) a.role = attr->value; break;
      case 'h': if (std::strcmp(n, "hidden") == 0) a.hidden = true; break;
      default: break;
    }
  }
  return a;
}

bool ContainsNoCase(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (AsciiEqualsNoCase(hay.substr(i, needle.size()), needle)) return true;
  return false;
}

// The name of an element gumbo does not know (custom elements, <dialog>, <picture>).
std::string UnknownTagName(const GumboElement& el) {
  GumboStringPiece piece = el.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data ? piece.data : "", piece.data ? piece.length : 0);
  size_t end = name.find_first_of(" \t\n\r/>");
  if (end != std::string::npos) name.resize(end);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

// Collapses whitespace of raw text into one line.
std::string CollapsedText(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> stack{node};
  std::string raw;
  // Depth-first, children in order.
  struct Rec {
    static void Go(const GumboNode* n, std::string* s, int depth) {
      if (depth > 64) return;
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
        s->append(n->v.text.text);
        s->push_back(' ');
      } else if (n->type == GUMBO_NODE_ELEMENT) {
        if (depth > 0 && IsSkippedTag(n->v.element.tag)) return;  // (a <title> is read itself)
        const GumboVector& ch = n->v.element.children;
        for (unsigned i = 0; i < ch.length; ++i)
          Go(static_cast<const GumboNode*>(ch.data[i]), s, depth + 1);
      }
    }
  };
  Rec::Go(node, &raw, 0);
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

class Walker {
 public:
  Walker(const ContentCues& cues, DomBlocks* out) : cues_(cues), out_(out) {}

  void Run(const GumboNode* root) {
    Visit(root, -1, 0);
    Flush();
  }

 private:
  void Flush() {
    // Trim trailing whitespace.
    while (!buf_.empty() && (buf_.back() == ' ' || buf_.back() == '\n')) {
      buf_.pop_back();
      --chars_;
    }
    if (chars_ > 0 && owner_ >= 0) {
      Block b;
      b.text = std::move(buf_);
      b.owner = owner_;
      b.chars = chars_;
      b.link_chars = std::min(link_chars_, chars_);
      b.lead_link_chars = std::min(lead_link_chars_, b.link_chars);
      b.punct = punct_;
      b.junk_elem = junk_;
      b.kind = kind_;
      out_->blocks.push_back(std::move(b));
    }
    buf_.clear();
    chars_ = link_chars_ = punct_ = lead_link_chars_ = 0;
    pending_space_ = false;
    plain_seen_ = false;
  }

  void AppendText(std::string_view t) {
    if (in_pre_) {
      for (char c : t) {
        buf_.push_back(c);
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
          ++chars_;
          if (link_depth_ > 0) ++link_chars_;
        }
      }
      return;
    }
    for (size_t i = 0; i < t.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(t[i]);
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) {
        space = true;  // no-break space
        ++i;
      }
      if (space) {
        if (!buf_.empty() && buf_.back() != '\n') pending_space_ = true;
        continue;
      }
      if (pending_space_) {
        buf_.push_back(' ');
        ++chars_;
        if (link_depth_ > 0) ++link_chars_;
        pending_space_ = false;
      }
      buf_.push_back(static_cast<char>(c));
      if ((c & 0xC0) != 0x80) {
        ++chars_;
        if (link_depth_ > 0) {
          ++link_chars_;
          if (!plain_seen_) ++lead_link_chars_;
        } else {
          plain_seen_ = true;
        }
        if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':') ++punct_;
      }
    }
  }

  void CollectHeadFact(const GumboNode* n) {
    const GumboElement& el = n->v.element;
    PageFacts& f = out_->facts;
    switch (el.tag) {
      case GUMBO_TAG_META: {
        std::string_view content = Attr(el, "content");
        if (content.empty()) content = Attr(el, "value");
        if (content.empty()) return;
        for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
          std::string_view k = Attr(el, key);
          if (!k.empty()) {
            f.metas.emplace_back(AsciiLower(k), std::string(content));
            if (std::strcmp(key, "itemprop") == 0 &&
                (AsciiEqualsNoCase(k, "datePublished") || AsciiEqualsNoCase(k, "dateCreated")))
              f.time_datetimes.emplace_back(content);
          }
        }
        return;
      }
      case GUMBO_TAG_LINK: {
        std::string_view rel = Attr(el, "rel");
        if (AsciiEqualsNoCase(rel, "canonical") && f.canonical.empty()) f.canonical = Attr(el, "href");
        return;
      }
      case GUMBO_TAG_TITLE:
        if (f.title_tag.empty()) f.title_tag = CollapsedText(n);
        return;
      case GUMBO_TAG_SCRIPT: {
        if (!ContainsNoCase(Attr(el, "type"), "ld+json")) return;
        const GumboVector& ch = el.children;
        std::string s;
        for (unsigned i = 0; i < ch.length; ++i) {
          const GumboNode* c = static_cast<const GumboNode*>(ch.data[i]);
          if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA || c->type == GUMBO_NODE_WHITESPACE)
            s += c->v.text.text;
        }
        if (!s.empty()) f.json_ld.push_back(std::move(s));
        return;
      }
      default:
        return;
    }
  }

  // Why an element is boilerplate, from its tag, role, visibility and class/id.
  void JudgeElement(const GumboElement& el, const Attrs& attrs, Element* e) {
    if (el.tag == GUMBO_TAG_BODY || el.tag == GUMBO_TAG_HTML) return;
    std::string_view itemprop = attrs.itemprop;
    if (!itemprop.empty() && ContainsNoCase(itemprop, "articlebody")) {
      e->content_hint = e->article_body = true;
      return;
    }
    switch (el.tag) {
      case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER:
      case GUMBO_TAG_FORM: case GUMBO_TAG_MENU:
        e->junk = e->weak = true;
        e->container_factor = kFurnitureFactor;
        e->why = std::string("tag:") + gumbo_normalized_tagname(el.tag);
        return;
      case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
        e->junk = e->weak = true;
        e->container_factor = kMisnamedFactor;
        e->why = std::string("tag:") + gumbo_normalized_tagname(el.tag);
        return;
      default:
        break;
    }
    if (attrs.hidden) {
      e->junk = e->weak = true;
      e->container_factor = kMisnamedFactor;
      e->why = "hidden";
      return;
    }
    std::string_view style = attrs.style;
    if (!style.empty()) {
      std::string s;
      for (char c : style)
        if (c != ' ') s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos) {
        e->junk = e->weak = true;
        e->container_factor = kMisnamedFactor;
        e->why = "style:hidden";
        return;
      }
    }
    std::string_view role = attrs.role;
    if (!role.empty()) {
      static constexpr std::string_view kJunkRoles[] = {
          "navigation", "banner", "contentinfo", "complementary", "menu", "menubar",
          "search", "dialog", "alertdialog", "toolbar", "tablist"};
      for (auto r : kJunkRoles)
        if (AsciiEqualsNoCase(role, r)) {
          e->junk = e->weak = true;
          e->container_factor = kFurnitureFactor;
          e->why = "role:" + std::string(r);
          return;
        }
    }
    if (IsPhrasingTag(el.tag)) return;
    std::string_view cls = attrs.cls, id = attrs.id;
    if (cls.empty() && id.empty()) return;
    // Pages repeat the same class lists hundreds of times: judge each once.
    key_.clear();
    key_.append(cls).push_back('#');
    key_.append(id);
    auto it = cue_cache_.find(key_);
    if (it == cue_cache_.end()) {
      std::string matched;
      Cue c = cues_.Classify(cls, id, &matched);
      it = cue_cache_.emplace(key_, std::make_pair(c, std::move(matched))).first;
    }
    Cue cue = it->second.first;
    const std::string& matched = it->second.second;
    if (cue == Cue::kStrongJunk || cue == Cue::kWeakJunk || cue == Cue::kAbsoluteJunk) {
      e->junk = true;
      e->weak = cue != Cue::kAbsoluteJunk;
      e->container_factor = cue == Cue::kWeakJunk ? kFurnitureFactor : kMisnamedFactor;
      e->why = "class:" + matched;
    } else if (cue == Cue::kContent) {
      e->content_hint = true;
    }
  }

  void Visit(const GumboNode* n, int parent_elem, int depth) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      if (owner_ >= 0) AppendText(n->v.text.text);
      return;
    }
    if (n->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector& ch = n->v.document.children;
      for (unsigned i = 0; i < ch.length; ++i)
        Visit(static_cast<const GumboNode*>(ch.data[i]), parent_elem, depth + 1);
      return;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return;
    const GumboElement& el = n->v.element;
    GumboTag tag = el.tag;
    if (tag == GUMBO_TAG_HTML && out_->facts.html_lang.empty()) out_->facts.html_lang = Attr(el, "lang");
    if (tag == GUMBO_TAG_META || tag == GUMBO_TAG_LINK || tag == GUMBO_TAG_TITLE ||
        tag == GUMBO_TAG_SCRIPT) {
      CollectHeadFact(n);
      return;
    }
    if (tag == GUMBO_TAG_TIME) {
      std::string_view dt = Attr(el, "datetime");
      if (!dt.empty() && out_->facts.time_datetimes.size() < 8) out_->facts.time_datetimes.emplace_back(dt);
    }
    if (tag == GUMBO_TAG_HEAD) {
      const GumboVector& ch = el.children;
      for (unsigned i = 0; i < ch.length; ++i) {
        const GumboNode* c = static_cast<const GumboNode*>(ch.data[i]);
        if (c->type == GUMBO_NODE_ELEMENT) CollectHeadFact(c);
      }
      return;
    }
    if (tag == GUMBO_TAG_BR) {
      // Two line breaks in a row separate paragraphs (pages without <p>); the block stays
      // one for judging, its text gets the paragraph break.
      if (owner_ >= 0 && !buf_.empty() && buf_.back() == '\n' && !in_pre_) {
        if (buf_.size() < 2 || buf_[buf_.size() - 2] != '\n') {
          buf_.push_back('\n');
          ++chars_;
        }
        return;
      }
      if (owner_ >= 0 && !buf_.empty() && buf_.back() != '\n') {
        buf_.push_back('\n');
        ++chars_;
        pending_space_ = false;
      }
      return;
    }
    if (IsSkippedTag(tag) || depth > kMaxDepth) return;
    std::string unknown_name;
    if (tag == GUMBO_TAG_UNKNOWN) {
      unknown_name = UnknownTagName(el);
      if (unknown_name == "picture" || unknown_name == "amp-img" || unknown_name == "amp-ad" ||
          unknown_name == "amp-analytics")
        return;
    }

    Element e;
    e.tag = tag;
    e.parent = parent_elem;
    Attrs attrs = ReadAttrs(el);
    // Microdata: <span itemprop="datePublished" content="2019-11-19">.
    if (!attrs.itemprop.empty() && ContainsNoCase(attrs.itemprop, "datePublished") &&
        out_->facts.itemprop_dates.size() < 4) {
      std::string_view v = Attr(el, "content");
      if (v.empty()) v = Attr(el, "datetime");
      out_->facts.itemprop_dates.push_back(v.empty() ? CollapsedText(n) : std::string(v));
    }
    JudgeElement(el, attrs, &e);
    if (!e.junk && (unknown_name == "dialog" || unknown_name.find("-ad") != std::string::npos)) {
      e.junk = true;
      e.why = "tag:" + unknown_name;
    }
    bool block = IsBlockTag(tag) || (e.junk && !IsPhrasingTag(tag));
    if (tag == GUMBO_TAG_UNKNOWN) block = true;  // custom elements usually wrap widgets
    if (!block) {
      // Inline: its text joins the current block.
      bool link = tag == GUMBO_TAG_A;
      if (link) ++link_depth_;
      const GumboVector& ch = el.children;
      for (unsigned i = 0; i < ch.length; ++i)
        Visit(static_cast<const GumboNode*>(ch.data[i]), parent_elem, depth + 1);
      if (link) --link_depth_;
      return;
    }

    Flush();
    int idx = static_cast<int>(out_->elements.size());
    e.junk_parent = junk_;
    {
      std::string& labels = out_->labels;
      e.label_begin = static_cast<uint32_t>(labels.size());
      if (tag == GUMBO_TAG_UNKNOWN) labels += unknown_name;
      else labels += gumbo_normalized_tagname(tag);
      std::string_view id = attrs.id, cls = attrs.cls;
      if (!id.empty()) labels.append("#").append(id.substr(0, 40));
      else if (!cls.empty()) labels.append(".").append(cls.substr(0, 40));
      e.label_size = static_cast<uint32_t>(labels.size() - e.label_begin);
    }
    e.first_block = static_cast<int>(out_->blocks.size());
    bool junk = e.junk;
    if (junk && out_->facts.byline.empty() &&
        (e.why == "class:byline" || e.why == "class:author")) {
      std::string t = CollapsedText(n);
      if (!t.empty() && t.size() < 200) out_->facts.byline = t;
    }
    out_->elements.push_back(std::move(e));

    int saved_owner = owner_, saved_junk = junk_;
    BlockKind saved_kind = kind_;
    bool saved_pre = in_pre_;
    owner_ = idx;
    if (junk) junk_ = idx;
    switch (tag) {
      case GUMBO_TAG_H1: kind_ = BlockKind::kTitleHeading; break;
      case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
      case GUMBO_TAG_H6: kind_ = BlockKind::kHeading; break;
      case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: kind_ = BlockKind::kListItem; break;
      case GUMBO_TAG_BLOCKQUOTE: kind_ = BlockKind::kQuote; break;
      case GUMBO_TAG_TD: case GUMBO_TAG_TH: kind_ = BlockKind::kCell; break;
      case GUMBO_TAG_PRE: kind_ = BlockKind::kPre; in_pre_ = true; break;
      case GUMBO_TAG_P: case GUMBO_TAG_DIV: kind_ = kind_ == BlockKind::kQuote ? kind_ : BlockKind::kText; break;
      default: break;
    }
    const GumboVector& ch = el.children;
    for (unsigned i = 0; i < ch.length; ++i)
      Visit(static_cast<const GumboNode*>(ch.data[i]), idx, depth + 1);
    Flush();
    owner_ = saved_owner;
    junk_ = saved_junk;
    kind_ = saved_kind;
    in_pre_ = saved_pre;
    out_->elements[idx].end_block = static_cast<int>(out_->blocks.size());
  }

  const ContentCues& cues_;
  DomBlocks* out_;
  std::unordered_map<std::string, std::pair<Cue, std::string>> cue_cache_;
  std::string key_;
  std::string buf_;
  int chars_ = 0, link_chars_ = 0, punct_ = 0, lead_link_chars_ = 0;
  bool plain_seen_ = false;  // a character outside links since the block began
  bool pending_space_ = false;
  int owner_ = -1;
  int junk_ = -1;
  int link_depth_ = 0;
  bool in_pre_ = false;
  BlockKind kind_ = BlockKind::kText;
};

}  // namespace

DomBlocks BuildBlocks(const GumboNode* root, const ContentCues& cues) {
  DomBlocks out;
  out.elements.reserve(2048);
  out.blocks.reserve(1024);
  out.labels.reserve(32768);
  Walker w(cues, &out);
  w.Run(root);
  return out;
}

bool InJunk(const DomBlocks& dom, const Block& b) {
  for (int e = b.junk_elem; e >= 0; e = dom.elements[e].junk_parent)
    if (dom.elements[e].junk) return true;
  return false;
}

}  // namespace faultline::html
