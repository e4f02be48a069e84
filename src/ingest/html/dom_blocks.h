// One walk over a parsed page (gumbo) that cuts its visible text into blocks (the
// text between block-level boundaries: paragraphs, list items, headings, cells...),
// remembers which element holds each block and why an element is boilerplate, and
// gathers the facts metadata needs (<meta>, <title>, JSON-LD, <time>, canonical link).
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ingest/html/content_cues.h"

namespace faultline::html {

enum class BlockKind : uint8_t { kText, kHeading, kTitleHeading, kListItem, kQuote, kCell, kPre };

struct Block {
  std::string text;      // whitespace collapsed; "\n" for <br>
  int owner = -1;        // index of the innermost block-level element holding it
  int chars = 0;         // code points, spaces included
  int link_chars = 0;    // of which inside <a>
  int lead_link_chars = 0;  // of which a link opening the block (a headline)
  int punct = 0;         // sentence punctuation marks
  int junk_elem = -1;    // innermost boilerplate element around it, or -1
  BlockKind kind = BlockKind::kText;
};

struct Element {
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  int parent = -1;
  int first_block = 0;   // blocks [first_block, end_block) lie inside this element
  int end_block = 0;
  int junk_parent = -1;  // nearest boilerplate ancestor, or -1
  bool junk = false;     // this element is boilerplate
  bool weak = false;     // overrulable: dropped only when it does not hold most of the prose
  float container_factor = 1.0f;  // < 1 when its own cues speak against it as a container
  bool content_hint = false;  // itemprop=articleBody or a content class
  bool article_body = false;  // itemprop=articleBody
  std::string why;       // the cue that made it boilerplate ("class:share", "tag:nav")
  uint32_t label_begin = 0, label_size = 0;  // "div.article-body", in DomBlocks::labels
};

struct PageFacts {
  std::vector<std::pair<std::string, std::string>> metas;  // lower-cased key -> content
  std::vector<std::string> json_ld;                        // raw JSON-LD scripts
  std::string title_tag;
  std::string html_lang;
  std::string canonical;
  std::vector<std::string> time_datetimes;  // <time datetime>, <meta itemprop=datePublished>
  std::vector<std::string> itemprop_dates;  // other elements with itemprop=datePublished
  std::string byline;                       // text of the first byline/author element
};

struct DomBlocks {
  std::vector<Element> elements;
  std::vector<Block> blocks;
  PageFacts facts;
  std::string labels;  // every element's label, back to back

  // "div.article-body" / "section#main": how reports name element `e`.
  std::string_view label(int e) const {
    return std::string_view(labels).substr(elements[e].label_begin, elements[e].label_size);
  }
};

DomBlocks BuildBlocks(const GumboNode* root, const ContentCues& cues);

// True when block `b` lies in a boilerplate element that still counts (weak cues may
// have been overruled after the walk).
bool InJunk(const DomBlocks& dom, const Block& b);

}  // namespace faultline::html
