// Link cards: a site's teasers for other stories, left in the article text when the page
// was turned into text. Some sites follow a politician's name with a card of the person's
// full name glued to the headlines of recent stories about them, closed by "MORE":
//
//   "... said Sen. Jane Roe Jane Q. RoeBudget talks stall | Roe: 'we will vote' MORE (D-Ore.), who ..."
//
// The headlines state nobody's position, and read as part of the sentence they would give
// it a holder, a cue or an issue it does not have. The card is found by its two ends: the
// surname said again, glued to what follows or repeated after the name's other words, and
// the closing "MORE" a few hundred bytes on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/segment.h"

namespace faultline {

// The cards in `text`, in order and not overlapping: each from the first word after the
// surname that opens it to the end of its "MORE".
std::vector<Span> FindLinkCards(std::string_view text);

// `text` with the bytes of each span turned into spaces (line breaks kept), so that every
// offset into it still points at the same place in the original.
std::string BlankSpans(std::string_view text, const std::vector<Span>& spans);

}  // namespace faultline
