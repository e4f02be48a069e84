#include "syntax/conllu.h"

#include <gtest/gtest.h>

#include <string>

#include "test_paths.h"

namespace faultline::syntax {
namespace {

// "Berlin didn't send tanks." with "didn't" as a multiword token.
const char* kSentence =
    "# sent_id = s1\n"
    "# text = Berlin didn't send tanks.\n"
    "1\tBerlin\tBerlin\tPROPN\tNNP\tNumber=Sing\t4\tnsubj\t_\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\tTense=Past|Mood=Ind|VerbForm=Fin\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tsend\tsend\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\t_\n"
    "5\ttanks\ttank\tNOUN\tNNS\tNumber=Plur\t4\tobj\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n";

std::string At(const ConlluSentence& s, int i) {
  const Token& t = s.parse.tokens[i];
  return s.text.substr(t.begin, t.end - t.begin);
}

TEST(ConlluTest, ReadsWordsWithSpansIntoTheText) {
  std::vector<Status> errors;
  auto sents = ParseConllu(kSentence, "mem.conllu", &errors);
  ASSERT_TRUE(errors.empty()) << errors[0].reason();
  ASSERT_EQ(sents.size(), 1u);
  const ConlluSentence& s = sents[0];
  EXPECT_EQ(s.id, "s1");
  EXPECT_EQ(s.text, "Berlin didn't send tanks.");
  ASSERT_EQ(s.parse.size(), 6);
  EXPECT_EQ(At(s, 0), "Berlin");
  EXPECT_EQ(At(s, 1), "did");  // a word of "didn't" spans its own part
  EXPECT_EQ(At(s, 2), "n't");
  EXPECT_EQ(At(s, 4), "tanks");
  EXPECT_EQ(At(s, 5), ".");
  const Token& did = s.parse.tokens[1];
  EXPECT_EQ(did.lemma, "do");
  EXPECT_EQ(did.upos, Upos::kAux);
  EXPECT_EQ(did.xpos, "VBD");
  EXPECT_EQ(did.feats.ToString(), "Mood=Ind|Tense=Past|VerbForm=Fin");  // sorted as UD sorts: by name, ignoring case
  EXPECT_EQ(did.head, 3);
  EXPECT_EQ(s.parse.tokens[3].head, -1);
  EXPECT_EQ(s.parse.Root(), 3);
}

TEST(ConlluTest, RebuildsTheTextFromSpaceAfterWhenNoTextComment) {
  std::string in =
      "1\tKyiv\tKyiv\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tobjected\tobject\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
      "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n";
  std::vector<Status> errors;
  auto sents = ParseConllu(in, "x", &errors);
  ASSERT_EQ(sents.size(), 1u);
  EXPECT_EQ(sents[0].text, "Kyiv objected.");
  EXPECT_EQ(At(sents[0], 2), ".");
}

TEST(ConlluTest, SkipsEmptyNodesAndKeepsComments) {
  std::string in =
      "# newdoc id = d\n"
      "# text = Paris agreed\n"
      "1\tParis\tParis\tPROPN\tNNP\t_\t2\tnsubj\t2:nsubj\t_\n"
      "1.1\tsaid\tsay\tVERB\tVBD\t_\t_\t_\t0:root\t_\n"
      "2\tagreed\tagree\tVERB\tVBD\t_\t0\troot\t0:root\t_\n";
  std::vector<Status> errors;
  auto sents = ParseConllu(in, "x", &errors);
  ASSERT_EQ(sents.size(), 1u);
  EXPECT_EQ(sents[0].parse.size(), 2);
  EXPECT_EQ(sents[0].comments.front(), "newdoc id = d");
}

TEST(ConlluTest, MalformedSentencesAreReportedWithLineAndSkipped) {
  std::string in =
      "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tvote\tvote\tNOUN\tNN\t_\t0\troot\t_\n"  // nine columns
      "\n"
      "1\tOne\tone\tNUM\tCD\t_\t0\troot\t_\t_\n"
      "3\ttwo\ttwo\tNUM\tCD\t_\t1\tconj\t_\t_\n"  // ID out of sequence
      "\n"
      "1\tNo\tno\tINTJ\tUH\t_\t2\tdiscourse\t_\t_\n"
      "2\tway\tway\tNOUN\tNN\t_\t1\troot\t_\t_\n"  // cycle, no root
      "\n"
      "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n"
      "2\tthen\tthen\tADV\tRB\t_\t9\tadvmod\t_\t_\n"  // head outside the sentence
      "\n"
      "1\tFine\tfine\tADJ\tJJ\t_\t0\troot\t_\t_\n"
      "\n"
      "1\tBad\tbad\tADJECTIVE\tJJ\t_\t0\troot\t_\t_\n";
  std::vector<Status> errors;
  auto sents = ParseConllu(in, "bad.conllu", &errors);
  ASSERT_EQ(sents.size(), 1u);
  EXPECT_EQ(sents[0].parse.tokens[0].form, "Fine");
  ASSERT_EQ(errors.size(), 5u);
  EXPECT_EQ(errors[0].file(), "bad.conllu");
  EXPECT_EQ(errors[0].line(), 2);
  EXPECT_EQ(errors[0].reason(), "expected 10 tab-separated columns, found 9");
  EXPECT_EQ(errors[1].line(), 5);
  EXPECT_EQ(errors[1].reason(), "word ID 3 out of sequence (expected 2)");
  EXPECT_EQ(errors[2].line(), 7);
  EXPECT_NE(errors[2].reason().find("root"), std::string::npos);
  EXPECT_NE(errors[3].reason().find("names no word"), std::string::npos);
  EXPECT_EQ(errors[4].line(), 15);
  EXPECT_EQ(errors[4].reason(), "unknown UPOS 'ADJECTIVE'");
}

TEST(ConlluTest, WritesWhatItReads) {
  std::vector<Status> errors;
  auto sents = ParseConllu(kSentence, "x", &errors);
  ASSERT_EQ(sents.size(), 1u);
  std::string out;
  AppendConllu(sents[0].parse, sents[0].text, "s1", &out);
  auto again = ParseConllu(out, "y", &errors);
  ASSERT_TRUE(errors.empty());
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].text, sents[0].text);
  ASSERT_EQ(again[0].parse.size(), sents[0].parse.size());
  for (int i = 0; i < again[0].parse.size(); ++i) {
    const Token& a = again[0].parse.tokens[i];
    const Token& b = sents[0].parse.tokens[i];
    EXPECT_EQ(a.form, b.form);
    EXPECT_EQ(a.lemma, b.lemma);
    EXPECT_EQ(a.upos, b.upos);
    EXPECT_EQ(a.feats, b.feats);
    EXPECT_EQ(a.head, b.head);
    EXPECT_EQ(a.deprel, b.deprel);
    EXPECT_EQ(a.begin, b.begin);
    EXPECT_EQ(a.end, b.end);
  }
  // Words of a multiword token that spell it come out as adjacent words.
  EXPECT_NE(out.find("2\tdid\tdo\tAUX\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t4\taux\t_\tSpaceAfter=No|TokenRange=7:10\n"),
            std::string::npos);
  EXPECT_NE(out.find("5\ttanks\ttank\tNOUN\tNNS\tNumber=Plur\t4\tobj\t_\tSpaceAfter=No|TokenRange=19:24\n"),
            std::string::npos);
}

TEST(ConlluTest, WriterKeepsUntrustedTextOnItsLine) {
  // A document span that holds a line break and a tab, and a form with a tab.
  std::string text = "Oil\tprices\nrose";
  ParsedSentence s;
  s.begin = 0;
  s.end = static_cast<uint32_t>(text.size());
  s.tokens.resize(2);
  s.tokens[0] = Token{0, 10, "Oil\tprices", "oil", Upos::kNoun, "NN", {}, 1, "nsubj"};
  s.tokens[1] = Token{11, 15, "rose", "rise", Upos::kVerb, "VBD", {}, -1, "root"};
  std::string out;
  AppendConllu(s, text, "a\nb", &out);
  EXPECT_NE(out.find("# sent_id = a b\n# text = Oil prices rose\n"), std::string::npos);
  EXPECT_NE(out.find("1\tOil prices\toil\t"), std::string::npos);
  std::vector<Status> errors;
  auto back = ParseConllu(out, "w", &errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(back.size(), 1u);
}

TEST(ConlluTest, FeaturesKeepUdOrder) {
  Features f = Features::Parse("VerbForm=Part|Tense=Past");
  EXPECT_EQ(f.ToString(), "Tense=Past|VerbForm=Part");
  f.Set("Voice", "Pass");
  EXPECT_EQ(f.ToString(), "Tense=Past|VerbForm=Part|Voice=Pass");
  f.Set("NumType", "Card");
  f.Set("Number", "Plur");
  EXPECT_EQ(f.ToString(), "Number=Plur|NumType=Card|Tense=Past|VerbForm=Part|Voice=Pass");
  EXPECT_EQ(f.Get("Tense"), "Past");
  EXPECT_EQ(f.Get("Num"), "");
  EXPECT_TRUE(f.Has("Voice", "Pass"));
  f.Set("Tense", "");
  EXPECT_EQ(f.Get("Tense"), "");
  EXPECT_EQ(Features::Parse("_").ToString(), "_");
}

TEST(ConlluTest, TreeWalks) {
  // "Germany and France, together with Poland, sent aid." as a tree written here.
  std::string in =
      "1\tGermany\tGermany\tPROPN\tNNP\t_\t9\tnsubj\t_\t_\n"
      "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
      "3\tFrance\tFrance\tPROPN\tNNP\t_\t1\tconj\t_\tSpaceAfter=No\n"
      "4\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
      "5\ttogether\ttogether\tADV\tRB\t_\t7\tcase\t_\t_\n"
      "6\twith\twith\tADP\tIN\t_\t5\tfixed\t_\t_\n"
      "7\tPoland\tPoland\tPROPN\tNNP\t_\t1\tnmod:with\t_\tSpaceAfter=No\n"
      "8\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
      "9\tsent\tsend\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "10\taid\taid\tNOUN\tNN\t_\t9\tobj\t_\tSpaceAfter=No\n"
      "11\t.\t.\tPUNCT\t.\t_\t9\tpunct\t_\t_\n";
  std::vector<Status> errors;
  auto sents = ParseConllu(in, "x", &errors);
  ASSERT_EQ(sents.size(), 1u);
  const ParsedSentence& s = sents[0].parse;
  EXPECT_EQ(s.Root(), 8);
  EXPECT_EQ(s.FirstChild(8, "nsubj"), 0);
  EXPECT_EQ(s.ChildrenWith(0, "nmod"), std::vector<int>({6}));       // any subtype
  EXPECT_EQ(s.ChildrenWith(0, "nmod:with"), std::vector<int>({6}));  // exact subtype
  EXPECT_TRUE(s.ChildrenWith(0, "nmod:poss").empty());
  EXPECT_EQ(s.Children(0), std::vector<int>({2, 6}));
  EXPECT_TRUE(s.InSubtree(4, 0));
  EXPECT_FALSE(s.InSubtree(9, 0));
  auto r = s.SubtreeRange(0);
  EXPECT_EQ(r.first, 0);
  EXPECT_EQ(r.last, 7);
  EXPECT_EQ(sents[0].text.substr(s.BeginOf(r.first), s.EndOf(r.last) - s.BeginOf(r.first)),
            "Germany and France, together with Poland,");
  EXPECT_TRUE(RelationMatches("nsubj:pass", "nsubj"));
  EXPECT_FALSE(RelationMatches("nsubjx", "nsubj"));
  EXPECT_EQ(s.tokens[6].BaseRelation(), "nmod");
}

TEST(ConlluTest, ReadsTheSharedTreebanks) {
  FAULTLINE_REQUIRE_SHARED();
  const std::string ud = testing::SharedDir() + "/ud";
  for (const char* name : {"/ewt/en_ewt-ud-dev.conllu.gz", "/gum-news/gum-news.conllu.gz"}) {
    std::vector<Status> errors;
    auto sents = ReadConlluFile(ud + name, &errors);
    ASSERT_TRUE(sents.ok()) << sents.status().reason();
    EXPECT_TRUE(errors.empty()) << errors[0].reason();
    EXPECT_GT(sents->size(), 700u);
    // Every word's span spells its form (or the multiword token holding it).
    size_t misaligned = 0;
    for (const auto& s : *sents)
      for (const auto& t : s.parse.tokens)
        misaligned += s.text.compare(t.begin, t.end - t.begin, t.form) != 0 && t.end - t.begin <= t.form.size();
    EXPECT_EQ(misaligned, 0u) << name;
  }
  std::vector<Status> errors;
  auto missing = ReadConlluFile(ud + "/no-such.conllu", &errors);
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace faultline::syntax
