// Transcript turns ("PRIME MINISTER MORAWIECKI:  ...", "Q    ..."): the label that opens
// a paragraph names whose turn it is, for the "we" and "I" of that turn.
#pragma once

#include <string>

#include "statements/cues.h"
#include "statements/sentence_analyzer.h"

namespace faultline {
namespace statements_internal {

// A transcript's speaker label at the start of a paragraph: "PRIME MINISTER MORAWIECKI:",
// "MS. PSAKI:", "Q    ...". Only a name the label spells out counts as its speaker (not a
// role resolved from context: "THE PRESIDENT:" is whoever the site speaks for).
// Called for the document's first sentence and the first of each paragraph: sets
// st->in_turn, turn_audience and turn_speaker when `s` opens with a label.
void TranscriptTurn(const std::string& text, const SentenceInput& s, const CueLexicon& lex, DocState* st);

}  // namespace statements_internal
}  // namespace faultline
