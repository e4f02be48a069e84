#include "statements/chain_reach.h"

namespace faultline {
namespace {

// Whether word `w` is an argument of verb `h` that the verb's own stance decides: its
// object, or an oblique when the verb heads a clause of its own, with its own subject or
// auxiliary ("figures suggesting the economy is suffering from sanctions": the sanctions
// belong to the suffering, a new proposition; the model may leave "economy" off the verb
// but not "is"). An oblique of a verb whose subject is the cue's ("tried to work toward
// talks") stays in the chain, and so does one of a passive verb, whose clause is the
// content of the cue ("vowed soldiers would be attached to the force").
bool ArgumentOf(const syntax::ParsedSentence& tree, int w, int h) {
  const std::string_view rel = tree.tokens[w].BaseRelation();
  if (rel == "obj") return true;
  if (rel != "obl" || tree.FirstChild(h, "aux:pass") >= 0 || tree.FirstChild(h, "nsubj:pass") >= 0) return false;
  return tree.FirstChild(h, "nsubj") >= 0 || tree.FirstChild(h, "aux") >= 0;
}

}  // namespace

int OpaqueVerbBetween(const syntax::ParsedSentence& tree, int term_word, size_t term_begin, size_t term_end,
                      size_t cue_begin, size_t cue_end, const WordSet& carriers) {
  if (term_word < 0 || term_word >= tree.size()) return -1;
  int opaque = -1;
  int w = term_word;
  // A bounded climb: a tree from a model is a tree, but a bad one must not loop.
  for (int steps = 0; steps < 16; ++steps) {
    const int h = tree.tokens[w].head;
    if (h < 0) return -1;  // the root, and no cue on the way: the tree does not link them
    const auto& head = tree.tokens[h];
    if (head.begin >= cue_begin && head.end <= cue_end) return opaque;
    const bool in_term = head.begin >= term_begin && head.end <= term_end;
    if (opaque < 0 && !in_term && head.begin >= cue_end && head.upos == syntax::Upos::kVerb &&
        ArgumentOf(tree, w, h) && !carriers.count(head.lemma))
      opaque = h;
    w = h;
  }
  return -1;
}

bool PrepositionGoverns(const syntax::ParsedSentence& tree, int prep, int target) {
  if (prep < 0 || prep >= tree.size() || target < 0 || target >= tree.size()) return false;
  const int object = tree.tokens[prep].head;
  if (object < 0) return false;
  int w = target;
  for (int steps = 0; steps < 16; ++steps) {
    if (w == object) return true;
    const std::string_view rel = tree.tokens[w].BaseRelation();
    const bool clause = rel == "acl" || rel == "advcl" || rel == "ccomp" || rel == "parataxis";
    // a participle on the object is the target's own predicate; a relative clause is not
    const bool own_participle = w == target && tree.tokens[w].deprel == "acl";
    if (clause && !own_participle) return false;
    w = tree.tokens[w].head;
    if (w < 0) return false;
  }
  return false;
}

namespace {

// Whether verb `h` has a complement of its own between itself and its conjunct `w`.
bool CompleteBefore(const syntax::ParsedSentence& tree, int h, int w) {
  for (int k = h + 1; k < w; ++k) {
    if (tree.tokens[k].head != h) continue;
    const std::string_view rel = tree.tokens[k].BaseRelation();
    if (rel == "obj" || rel == "ccomp" || rel == "xcomp" || rel == "obl" || rel == "nsubj") return true;
  }
  return false;
}

}  // namespace

bool CoordinatedPredicate(const syntax::ParsedSentence& tree, int cue, int later) {
  if (cue < 0 || cue >= tree.size() || later < 0 || later >= tree.size()) return false;
  bool cues_own = false;
  int w = later;
  for (int steps = 0; steps < 16 && w >= 0 && w != cue; ++steps) {
    const int h = tree.tokens[w].head;
    if (h < 0) return false;
    const auto u = tree.tokens[w].upos;
    // a conjunct, or a verb with its own "and" that the model hung otherwise (parataxis,
    // ccomp): a coordinating conjunction makes it one
    const bool conjunct = tree.tokens[w].BaseRelation() == "conj" || tree.FirstChild(w, "cc") >= 0;
    // the first conjunct is the cue, or a verb the model hung beside it as parataxis
    // ("condemned Russia's continued aggression and discussed ...", "continued" read as a verb)
    const bool beside_cue = h == cue || (tree.tokens[h].head == cue && tree.tokens[h].BaseRelation() == "parataxis");
    if (conjunct && beside_cue && (u == syntax::Upos::kVerb || u == syntax::Upos::kAux) && CompleteBefore(tree, h, w))
      cues_own = true;
    w = h;
  }
  return w == cue && cues_own;
}

namespace {

// The case marker lemma of nominal `w` is `lemma` ("as" of "regards talks as a dangerous game").
bool HasCase(const syntax::ParsedSentence& tree, int w, std::string_view lemma) {
  const int c = tree.FirstChild(w, "case");
  return c >= 0 && tree.tokens[c].lemma == lemma;
}

}  // namespace

bool EvaluationModifiesOther(const syntax::ParsedSentence& tree, int eval, int term_word, size_t term_begin,
                             size_t term_end) {
  if (eval < 0 || eval >= tree.size() || term_word < 0 || term_word >= tree.size()) return false;
  int w = eval;
  // "outrageous and unlawful": a conjunct modifies what its first conjunct modifies
  for (int steps = 0; steps < 4 && tree.tokens[w].BaseRelation() == "conj" && tree.tokens[w].head >= 0; ++steps)
    w = tree.tokens[w].head;
  if (tree.tokens[w].BaseRelation() != "amod") return false;
  int noun = tree.tokens[w].head;
  // "an essential aspect of ... diplomacy" parsed as a compound of the term: the adjective
  // is inside the term's noun phrase
  for (int steps = 0; steps < 4 && noun >= 0 && tree.tokens[noun].BaseRelation() == "compound"; ++steps)
    noun = tree.tokens[noun].head;
  if (noun < 0) return false;
  const auto& n = tree.tokens[noun];
  if (n.begin >= term_begin && n.end <= term_end) return false;  // the term's own adjective
  if (tree.InSubtree(term_word, noun)) return false;              // a predicate over the term
  // a complement of the verb above the term: "called the deliveries a dangerous move"
  const std::string_view rel = n.BaseRelation();
  const bool complement = rel == "xcomp" || (rel == "obl" && HasCase(tree, noun, "as"));
  if (complement && n.head >= 0 && tree.InSubtree(term_word, n.head)) return false;
  return true;
}

bool PrepositionMarks(const syntax::ParsedSentence& tree, int prep, int target) {
  if (prep < 0 || prep >= tree.size() || target < 0 || target >= tree.size()) return false;
  const int object = tree.tokens[prep].head;
  if (object < 0) return false;
  int w = target;
  for (int steps = 0; steps < 8 && w >= 0 && w != object; ++steps) {
    const std::string_view rel = tree.tokens[w].BaseRelation();
    if (rel != "conj" && rel != "compound" && rel != "flat" && rel != "appos") return false;
    w = tree.tokens[w].head;
  }
  return w == object;
}

}  // namespace faultline
