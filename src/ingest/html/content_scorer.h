// Choosing a page's main text from its blocks. Each block is judged on its own
// (length, link density, punctuation, boilerplate cues and phrases), then the element
// that holds the most article-like text for the least boilerplate is taken as the
// article's container, and its blocks are kept or dropped with their neighbours in view
// (short lines between paragraphs stay, short lines at the edges go).
#pragma once

#include <string>
#include <string_view>

#include "ingest/html/content_cues.h"
#include "ingest/html/dom_blocks.h"

namespace faultline::html {

struct MainText {
  std::string text;  // paragraphs separated by "\n\n"
  std::string rule;  // how it was found ("container div.article-body; 3 blocks dropped ...")
};

// `title` (already chosen) is dropped when it repeats in the text; `structured_body`
// (JSON-LD articleBody, may be empty) marks the blocks it contains as article text and
// stands in when the markup holds much less.
MainText SelectMainText(DomBlocks& dom, const ContentCues& cues, std::string_view title,
                        std::string_view structured_body);

}  // namespace faultline::html
