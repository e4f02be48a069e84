// Whether a stance cue reaches the issue term it stands before, read from the dependency
// tree. The flat rules chain the cues before a term by distance; the tree shows when the
// term is the object of a verb between them that the cue lexicon does not know: "officials
// tried to downplay the meeting with Putin" supports the downplaying, not the meeting, and
// "sought to clarify his remarks about tying up military aid" the clarifying. Such a verb's
// stance on its object is unknown, so the chain does not carry through it, unless the verb
// is one of the cue lexicon's `carrier_verbs` ("wants to buy weapons", "ready to host
// troops": getting or keeping a thing is wanting it). An oblique counts as the verb's
// object when the verb heads an active clause of its own ("offered data showing the
// economy is suffering from sanctions").
#pragma once

#include <cstddef>

#include "statements/cues.h"
#include "syntax/sentence.h"

namespace faultline {

// The word of `tree` whose object (or the object's own dependents) holds the term headed
// by `term_word`, on the way up from the term to a word inside the cue's bytes
// [cue_begin, cue_end): a verb after the cue, outside the term's bytes
// [term_begin, term_end), whose lemma is not in `carriers`, with the term below its object,
// or below an oblique when the verb has a subject or auxiliary of its own and is active. -1 when there is none, or
// when the climb from the term never reaches the cue (the tree does not link them, so it
// says nothing against the chain).
int OpaqueVerbBetween(const syntax::ParsedSentence& tree, int term_word, size_t term_begin, size_t term_end,
                      size_t cue_begin, size_t cue_end, const WordSet& carriers);

// Whether the preposition at word `prep` (a bare "against") governs word `target`: the target
// is the noun or gerund it marks, or lies below that word without entering a clause of its
// own ("against allegations that his efforts were talks": the talks are the allegation's
// content, not what "against" opposes; "against this record ... that Trump met Putin": a
// relative clause). A participle on the object that is the target itself counts ("against
// allies refusing to pay": "refusing" is the next cue).
// False when the preposition has no head or the target is elsewhere ("Russia's war against
// Ukraine" before a term: "against" names the war's target, not a stance on the term).
bool PrepositionGoverns(const syntax::ParsedSentence& tree, int prep, int target);

// Whether word `later` lies in a predicate coordinated with the cue's verb `cue`, after the
// cue's own complement: "condemned Russia's aggression and discussed their determination to
// continue imposing costs" -- the condemning has its object, and "continue" is under the
// second verb, so the condemnation is no part of the chain to "imposing costs". Only a
// coordination of the cue itself: in "will continue to strengthen security and defend the
// territory" or "try to clear his name and overturn the sanctions" the verb above the
// conjuncts governs both. A shared object ("condemned and rejected the sanctions") is no
// such case either: the first verb has none.
bool CoordinatedPredicate(const syntax::ParsedSentence& tree, int cue, int later);

// Whether the preposition at word `prep` marks word `target` itself (or a conjunct, compound
// or apposition of the noun it marks): "warned of more sanctions" marks the sanctions, "warned
// of the consequences of sanctions" the consequences. False when the preposition has no head.
bool PrepositionMarks(const syntax::ParsedSentence& tree, int prep, int target);

// Whether the evaluation headed by `eval` is an adjective that modifies another noun than
// the term headed by `term_word` (bytes [term_begin, term_end)): "provided assistance ... to
// defend its territory from an outrageous attack" judges the attack, not the assistance.
// An adjective (amod, or a conjunct of one) counts for the noun it modifies, and for the term
// when that noun is the term, a predicate over it ("sending tanks is a dangerous move") or the
// complement of a verb above it ("called the deliveries a dangerous move", "regards talks as a
// dangerous game"). Any other evaluation (a predicate, a noun) is left to the flat rules.
bool EvaluationModifiesOther(const syntax::ParsedSentence& tree, int eval, int term_word, size_t term_begin,
                             size_t term_end);

}  // namespace faultline

