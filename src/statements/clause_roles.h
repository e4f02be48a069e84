// What an actor's name does in the dependency tree of its sentence, for the statement
// rules: an agent (the subject of a predicate, the `by` phrase of a passive, or a name
// conjoined or in apposition with one) may hold a stance; a target or recipient ("sanctions
// on Russia", "weapons to Ukraine", the object of "punish") never does, whatever words stand
// before it. The flat rules pick a holder by position; the tree vetoes the ones it places
// in a target's role (extractor.cpp, Emit).
#pragma once

#include <cstddef>

#include "statements/cues.h"
#include "syntax/sentence.h"

namespace faultline {

enum class MentionRole {
  kAgent,   // nsubj, obl:agent, or a conjunct / apposition of one
  kTarget,  // the object of a verb before it, a passive subject with its auxiliary, or an
            // oblique / nominal modifier with a target case (the cue lexicon's target_cases:
            // "on", "against", "to", "toward", "into", "upon")
  kOther,   // anything else: a modifier ("US sanctions"), a possessor, a partner phrase
};

// The role of the words at bytes [begin, end) (one mention) in `sentence`, from the
// relation of the mention's head word (the one whose head lies outside the span), after
// climbing conj, appos, flat and fixed. `target_cases` are the case-marker lemmas that make an
// oblique a target. kOther when no word of the tree lies in the span.
MentionRole RoleOf(const syntax::ParsedSentence& sentence, size_t begin, size_t end, const WordSet& target_cases);

const char* MentionRoleName(MentionRole role);

}  // namespace faultline
