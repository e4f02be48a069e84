// Whom a term is said of, on trees built here by hand: the term's noun phrase first, then
// its clause without what describes the clause's subject in passing.
#include "statements/term_scope.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hand_tree.h"

namespace faultline {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// The words joined by single spaces, with their tree; mentions for `names` (form -> code).
struct Built {
  syntax::ParsedSentence tree;
  std::vector<Mention> mentions;
};

Built Build(const std::vector<testing::HandWord>& words,
            const std::vector<std::pair<std::string, std::string>>& names) {
  Built b{testing::HandTree(words), {}};
  for (const syntax::Token& t : b.tree.tokens)
    for (const auto& [form, code] : names)
      if (form == t.form) {
        Mention m;
        m.begin = t.begin;
        m.end = t.end;
        m.actors = {code};
        b.mentions.push_back(m);
      }
  return b;
}

using U = syntax::Upos;

TEST(TermScopeTest, TheTermsNounPhraseNamesItsSubject) {
  // Poland , which borders Russia , backed the sanctions resolution on Korea
  const Built b = Build({{"Poland", U::kPropn, 7, "nsubj"},
                         {",", U::kPunct, 1, "punct"},
                         {"which", U::kPron, 4, "nsubj"},
                         {"borders", U::kVerb, 1, "acl:relcl"},
                         {"Russia", U::kPropn, 4, "obj"},
                         {",", U::kPunct, 1, "punct"},
                         {"backed", U::kVerb, 0, "root"},
                         {"the", U::kDet, 10, "det"},
                         {"sanctions", U::kNoun, 10, "compound"},
                         {"resolution", U::kNoun, 7, "obj"},
                         {"on", U::kAdp, 12, "case"},
                         {"Korea", U::kPropn, 10, "nmod"}},
                        {{"Poland", "POL"}, {"Russia", "RUS"}, {"Korea", "PRK"}});
  const TermScope s = ScopeOfTerm(b.tree, 8, b.mentions);
  EXPECT_THAT(s.phrase, ElementsAre("PRK"));
  // the relative clause on the subject is left out of the clause, the subject is not
  EXPECT_THAT(s.clause, UnorderedElementsAre("POL", "PRK"));
}

TEST(TermScopeTest, WithoutNamesInThePhraseTheClauseDecides) {
  // Germany would lift the sanctions to keep leverage on Iran .
  const Built b = Build({{"Germany", U::kPropn, 3, "nsubj"},
                         {"would", U::kAux, 3, "aux"},
                         {"lift", U::kVerb, 0, "root"},
                         {"the", U::kDet, 5, "det"},
                         {"sanctions", U::kNoun, 3, "obj"},
                         {"to", U::kPart, 7, "mark"},
                         {"keep", U::kVerb, 3, "advcl"},
                         {"leverage", U::kNoun, 7, "obj"},
                         {"on", U::kAdp, 10, "case"},
                         {"Iran", U::kPropn, 8, "nmod"}},
                        {{"Germany", "DEU"}, {"Iran", "IRN"}});
  const TermScope s = ScopeOfTerm(b.tree, 4, b.mentions);
  EXPECT_THAT(s.phrase, IsEmpty());
  EXPECT_THAT(s.clause, UnorderedElementsAre("DEU", "IRN"));
}

TEST(TermScopeTest, AModifierClimbsToItsNounAndTheNounToItsPredicate) {
  // Russia signed the deal that trades Iran limits for sanctions relief
  // (sanctions -> relief -> trades): the clause is the relative clause's verb
  const Built b = Build({{"Russia", U::kPropn, 2, "nsubj"},
                         {"signed", U::kVerb, 0, "root"},
                         {"the", U::kDet, 4, "det"},
                         {"deal", U::kNoun, 2, "obj"},
                         {"that", U::kPron, 6, "nsubj"},
                         {"trades", U::kVerb, 4, "acl:relcl"},
                         {"Iran", U::kPropn, 8, "nmod:poss"},
                         {"limits", U::kNoun, 6, "obj"},
                         {"for", U::kAdp, 11, "case"},
                         {"sanctions", U::kNoun, 11, "compound"},
                         {"relief", U::kNoun, 6, "obl"}},
                        {{"Russia", "RUS"}, {"Iran", "IRN"}});
  const TermScope s = ScopeOfTerm(b.tree, 9, b.mentions);
  EXPECT_THAT(s.phrase, IsEmpty());
  EXPECT_THAT(s.clause, ElementsAre("IRN"));
}

TEST(TermScopeTest, TheClauseAboveAClauseWithoutNames) {
  // Spain has helped to curb Iran 's program by backing the sanctions
  const Built b = Build({{"Spain", U::kPropn, 3, "nsubj"},
                         {"has", U::kAux, 3, "aux"},
                         {"helped", U::kVerb, 0, "root"},
                         {"to", U::kPart, 5, "mark"},
                         {"curb", U::kVerb, 3, "xcomp"},
                         {"Iran", U::kPropn, 8, "nmod:poss"},
                         {"'s", U::kPart, 6, "case"},
                         {"program", U::kNoun, 5, "obj"},
                         {"by", U::kSconj, 10, "mark"},
                         {"backing", U::kVerb, 5, "advcl"},
                         {"the", U::kDet, 12, "det"},
                         {"sanctions", U::kNoun, 10, "obj"}},
                        {{"Spain", "ESP"}, {"Iran", "IRN"}});
  const TermScope s = ScopeOfTerm(b.tree, 11, b.mentions);
  EXPECT_THAT(s.clause, IsEmpty());
  // "curb" and its controller, the subject of "helped"
  EXPECT_THAT(s.above, UnorderedElementsAre("IRN", "ESP"));
  // a word whose clause is the root's has no clause above
  EXPECT_THAT(ScopeOfTerm(b.tree, 0, b.mentions).above, IsEmpty());
}

TEST(TermScopeTest, AnObjectControlsTheClauseItsVerbCompletes) {
  // Mexico helped Cuba escape the sanctions
  const Built b = Build({{"Mexico", U::kPropn, 2, "nsubj"},
                         {"helped", U::kVerb, 0, "root"},
                         {"Cuba", U::kPropn, 2, "obj"},
                         {"escape", U::kVerb, 2, "xcomp"},
                         {"the", U::kDet, 6, "det"},
                         {"sanctions", U::kNoun, 4, "obj"}},
                        {{"Mexico", "MEX"}, {"Cuba", "CUB"}});
  const TermScope s = ScopeOfTerm(b.tree, 5, b.mentions);
  EXPECT_THAT(s.clause, ElementsAre("CUB"));
  EXPECT_THAT(s.above, UnorderedElementsAre("MEX", "CUB"));
}

TEST(TermScopeTest, AWordOutsideTheTreeHasNoScope) {
  const Built b = Build({{"sanctions", U::kNoun, 0, "root"}}, {});
  EXPECT_THAT(ScopeOfTerm(b.tree, 5, b.mentions).clause, IsEmpty());
  EXPECT_THAT(ScopeOfTerm(b.tree, -1, b.mentions).phrase, IsEmpty());
}

}  // namespace
}  // namespace faultline
