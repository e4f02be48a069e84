// The shipped model (data/syntax/en.model) on sentences written for this test, with
// the constructions the statement rules read: coordinated subjects, passives with
// "by", relative clauses, partner phrases, reported speech, negation; and lemmas
// that let cues match every inflection.
#include <gtest/gtest.h>

#include <string>

#include "syntax/model.h"
#include "test_paths.h"

namespace faultline::syntax {
namespace {

const Model& Shipped() {
  static const std::shared_ptr<const Model> model = [] {
    auto m = Model::Load(testing::SourceDir() + "/data/syntax/en.model");
    EXPECT_TRUE(m.ok()) << m.status().reason();
    return m.ok() ? *m : nullptr;
  }();
  return *model;
}

// A parsed sentence with lookups by word.
struct Parsed {
  std::string text;
  ParsedSentence s;
  explicit Parsed(std::string t) : text(std::move(t)) {
    s = Shipped().Parse(text, 0, static_cast<uint32_t>(text.size()));
  }
  // The index of the n-th (0-based) token spelled `form`.
  int At(const std::string& form, int nth = 0) const {
    for (int i = 0; i < s.size(); ++i)
      if (s.tokens[i].form == form && nth-- == 0) return i;
    ADD_FAILURE() << "no token '" << form << "' in: " << text;
    return 0;
  }
  const Token& operator[](const std::string& form) const { return s.tokens[At(form)]; }
  // "form(head form, relation)" for failure messages.
  std::string Tree() const {
    std::string out;
    for (const Token& t : s.tokens)
      out += t.form + "(" + (t.head >= 0 ? s.tokens[t.head].form : "ROOT") + "," + t.deprel + ") ";
    return out;
  }
  bool Arc(const std::string& head, const std::string& dep, const std::string& rel) const {
    const Token& d = (*this)[dep];
    return d.head == At(head) && RelationMatches(d.deprel, rel);
  }
};

#define EXPECT_ARC(p, head, dep, rel) EXPECT_TRUE((p).Arc(head, dep, rel)) << (p).Tree()

TEST(ShippedSyntaxTest, CoordinatedSubjects) {
  Parsed p("Germany and France sent more weapons to Ukraine.");
  EXPECT_ARC(p, "sent", "Germany", "nsubj");
  EXPECT_ARC(p, "Germany", "France", "conj");
  EXPECT_ARC(p, "France", "and", "cc");
  EXPECT_ARC(p, "sent", "weapons", "obj");
  // The recipient, marked by "to", under the verb (as obl) or under its object.
  EXPECT_TRUE(p.s.InSubtree(p.At("Ukraine"), p.At("sent"))) << p.Tree();
  EXPECT_ARC(p, "Ukraine", "to", "case");
  EXPECT_EQ(p.s.Root(), p.At("sent"));
}

TEST(ShippedSyntaxTest, PassiveWithBy) {
  Parsed p("New sanctions were imposed by the European Union.");
  EXPECT_ARC(p, "imposed", "sanctions", "nsubj:pass");
  EXPECT_ARC(p, "imposed", "were", "aux:pass");
  EXPECT_ARC(p, "imposed", "Union", "obl:agent");
  EXPECT_ARC(p, "Union", "by", "case");
  EXPECT_TRUE(p["imposed"].feats.Has("Voice", "Pass")) << p["imposed"].feats.ToString();
}

TEST(ShippedSyntaxTest, RelativeClauses) {
  Parsed p("The air defence systems that Slovakia transferred arrived in Kyiv.");
  EXPECT_ARC(p, "systems", "transferred", "acl:relcl");
  EXPECT_ARC(p, "transferred", "Slovakia", "nsubj");
  Parsed q("Leaders who oppose the embargo met on Monday.");
  EXPECT_ARC(q, "Leaders", "oppose", "acl:relcl");
  EXPECT_ARC(q, "oppose", "who", "nsubj");
  EXPECT_ARC(q, "met", "Leaders", "nsubj");
  // The relative clause's object, when the main verb follows it at once, is a known error
  // of the shipped model ("embargo" becomes the subject of "met"; docs/syntax.md "Known
  // errors"), not something to build on; these two keep theirs.
  Parsed r("Ministers who support the new sanctions met in Brussels on Friday.");
  EXPECT_ARC(r, "Ministers", "support", "acl:relcl");
  EXPECT_ARC(r, "support", "sanctions", "obj");
  EXPECT_ARC(r, "met", "Ministers", "nsubj");
  Parsed t("The party, which opposes the reform, lost the vote.");
  EXPECT_ARC(t, "party", "opposes", "acl:relcl");
  EXPECT_ARC(t, "opposes", "reform", "obj");
  EXPECT_ARC(t, "lost", "party", "nsubj");
}

TEST(ShippedSyntaxTest, PartnerPhrases) {
  Parsed p("The Treasury, together with Britain and Canada, sanctioned three banks.");
  EXPECT_ARC(p, "sanctioned", "Treasury", "nsubj");
  EXPECT_ARC(p, "sanctioned", "banks", "obj");
  // The partner hangs from the holder or from its verb, marked by "with".
  const Token& britain = p["Britain"];
  EXPECT_TRUE(britain.head == p.At("Treasury") || britain.head == p.At("sanctioned")) << p.Tree();
  EXPECT_TRUE(p.s.InSubtree(p.At("with"), p.At("Britain"))) << p.Tree();
  EXPECT_ARC(p, "Britain", "Canada", "conj");
}

TEST(ShippedSyntaxTest, ReportedSpeech) {
  Parsed p("The minister said that Poland would send more tanks.");
  EXPECT_ARC(p, "said", "minister", "nsubj");
  EXPECT_ARC(p, "said", "send", "ccomp");
  EXPECT_ARC(p, "send", "Poland", "nsubj");
  EXPECT_ARC(p, "send", "that", "mark");
  EXPECT_ARC(p, "send", "tanks", "obj");
  Parsed q("\"We will not give up,\" Zelensky said.");
  EXPECT_ARC(q, "said", "Zelensky", "nsubj");
  EXPECT_TRUE(q.s.InSubtree(q.At("give"), q.At("said"))) << q.Tree();
}

TEST(ShippedSyntaxTest, Negation) {
  Parsed p("Hungary did not support the embargo.");
  EXPECT_ARC(p, "support", "not", "advmod");
  EXPECT_ARC(p, "support", "did", "aux");
  EXPECT_ARC(p, "support", "Hungary", "nsubj");
  EXPECT_TRUE(p["not"].feats.Has("Polarity", "Neg"));
  Parsed q("Berlin doesn't want a ceasefire.");
  EXPECT_EQ(q["n't"].lemma, "not");
  EXPECT_ARC(q, "want", "n't", "advmod");
  EXPECT_ARC(q, "want", "Berlin", "nsubj");
}

TEST(ShippedSyntaxTest, LemmasMatchEveryInflection) {
  Parsed p("Slovakia transferred F-16s after the countries sanctioned banks and imposed better terms.");
  EXPECT_EQ(p["transferred"].lemma, "transfer");
  EXPECT_EQ(p["F-16s"].lemma, "F-16");
  EXPECT_EQ(p["countries"].lemma, "country");
  EXPECT_EQ(p["sanctioned"].lemma, "sanction");
  EXPECT_EQ(p["imposed"].lemma, "impose");
  EXPECT_EQ(p["better"].lemma, "good");
  EXPECT_EQ(p["banks"].lemma, "bank");
  Parsed q("The spokesman said that the talks had failed.");
  EXPECT_EQ(q["that"].lemma, "that");
  EXPECT_EQ(q["had"].lemma, "have");
  EXPECT_TRUE(p["transferred"].feats.Has("Tense", "Past"));
  EXPECT_TRUE(p["countries"].feats.Has("Number", "Plur"));
}

// Whether `s` is well-formed UTF-8 (no cut or stray continuation bytes).
bool ValidUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

TEST(ShippedSyntaxTest, LemmasOfSymbolsTaggedAsVerbsStayWholeCharacters) {
  // An ellipsis or a curly quote the tagger takes for a verb must not lose bytes to a suffix
  // rule learned for words ("-s" of VBZ, "-ed" of VBN): the lemma is the symbol itself.
  for (const char* text : {"He \xE2\x80\xA6 said nothing.", "The plan was \xE2\x80\xA6 approved by Congress.",
                           "It\xE2\x80\x99 s over."}) {
    Parsed p(text);
    for (const Token& t : p.s.tokens) EXPECT_TRUE(ValidUtf8(t.lemma)) << t.form << " in: " << text;
  }
}

TEST(ShippedSyntaxTest, OffsetsPointIntoTheDocument) {
  const std::string doc = "Headline here\n\nKyiv\xE2\x80\x99s allies \xE2\x80\x9Cwill not waver.\xE2\x80\x9D";
  const uint32_t begin = 15;
  const ParsedSentence s = Shipped().Parse(doc, begin, static_cast<uint32_t>(doc.size()));
  ASSERT_GT(s.size(), 5);
  for (const Token& t : s.tokens) {
    EXPECT_GE(t.begin, begin);
    EXPECT_EQ(doc.substr(t.begin, t.end - t.begin), t.form);
  }
  EXPECT_EQ(s.tokens[1].form, "\xE2\x80\x99s");
}

}  // namespace
}  // namespace faultline::syntax
