#include "statements/clause_roles.h"

#include <string_view>

namespace faultline {
namespace {

// The case marker ("on", "to") of a nominal, as its lemma, or empty.
std::string_view CaseMarker(const syntax::ParsedSentence& s, int i) {
  const int c = s.FirstChild(i, "case");
  return c < 0 ? std::string_view() : std::string_view(s.tokens[c].lemma);
}

// A conjunct is one when a coordinator joins the list it is in ("A, B and C"); the model
// also writes conj for a name after an introductory phrase ("At Ramstein, Germany ...").
bool HasCoordinatedSibling(const syntax::ParsedSentence& s, int conj) {
  const int head = s.tokens[conj].head;
  if (head < 0) return false;
  for (int c : s.ChildrenWith(head, "conj"))
    if (s.FirstChild(c, "cc") >= 0) return true;
  return false;
}

// An object that is the subject of a verb after it acts itself: "enables the United
// States to send", "Greece and the United States standing as one to support", "Finland
// wanting to join".
bool Controls(const syntax::ParsedSentence& s, int object, int verb) {
  for (int c : s.Children(verb)) {
    const std::string_view r = s.tokens[c].BaseRelation();
    if (c <= object) continue;
    if (r == "xcomp" || r == "ccomp") return true;
    // the model often writes advcl for the same participle ("got Finland calling")
    if (r == "advcl" && s.FirstChild(c, "mark") < 0 && s.tokens[c].xpos == "VBG") return true;
  }
  for (int c : s.Children(object)) {
    const std::string_view r = s.tokens[c].BaseRelation();
    if (c > object && (r == "acl" || r == "xcomp")) return true;
  }
  return false;
}

}  // namespace

MentionRole RoleOf(const syntax::ParsedSentence& s, size_t begin, size_t end, const WordSet& target_cases) {
  int head = -1;
  for (int i = 0; i < s.size(); ++i) {
    const auto& t = s.tokens[i];
    if (t.begin < begin || t.end > end) continue;
    const int h = t.head;
    if (h < 0 || s.tokens[h].begin < begin || s.tokens[h].end > end) {
      head = i;
      break;
    }
  }
  if (head < 0) return MentionRole::kOther;
  // "the United States’ efforts": a possessive the tokeniser left apart is no object
  for (int i = 0; i < s.size(); ++i)
    if (s.tokens[i].begin >= end) {
      const std::string& f = s.tokens[i].form;
      if (f == "'" || f == "\xE2\x80\x99" || f == "'s" || f == "\xE2\x80\x99s") return MentionRole::kOther;
      break;
    }
  // "France and Germany", "the alliance, NATO,": a conjunct or an apposition plays the
  // role of the word it hangs on. A bounded climb: trees from a model are trees, but a
  // bad one must not loop.
  for (int steps = 0; steps < 8 && head >= 0; ++steps) {
    const std::string_view rel = s.tokens[head].BaseRelation();
    if (rel != "conj" && rel != "appos" && rel != "flat" && rel != "fixed") break;
    if (rel == "conj" && !HasCoordinatedSibling(s, head)) return MentionRole::kOther;
    head = s.tokens[head].head;
  }
  if (head < 0) return MentionRole::kOther;
  const std::string_view deprel = s.tokens[head].deprel;
  const std::string_view rel = s.tokens[head].BaseRelation();
  const int gov = s.tokens[head].head;
  // The model's slips are the tree's weak points, so a target must be unambiguous: a
  // passive subject needs its auxiliary ("Russia was sanctioned", not "Moscow has warned"),
  // an object a verb before it (not "leaders from Britain, the Baltic states").
  if (deprel == "nsubj:pass") return gov >= 0 && s.FirstChild(gov, "aux:pass") >= 0 ? MentionRole::kTarget
                                                                                : MentionRole::kOther;
  if (rel == "nsubj" || deprel == "obl:agent") return MentionRole::kAgent;
  if (rel == "obj" || rel == "iobj")
    return gov >= 0 && gov < head && s.tokens[gov].upos == syntax::Upos::kVerb && !Controls(s, head, gov)
               ? MentionRole::kTarget
               : MentionRole::kOther;
  if ((rel == "obl" || rel == "nmod") && deprel != "nmod:poss" && target_cases.count(std::string(CaseMarker(s, head))))
    return MentionRole::kTarget;
  return MentionRole::kOther;
}

const char* MentionRoleName(MentionRole role) {
  switch (role) {
    case MentionRole::kAgent: return "agent";
    case MentionRole::kTarget: return "target";
    case MentionRole::kOther: return "other";
  }
  return "other";
}

}  // namespace faultline
