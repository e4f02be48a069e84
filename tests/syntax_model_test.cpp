// Training, saving and loading syntax models: a model trained on a tiny treebank
// written for this test reproduces it, training is deterministic, and damaged or
// foreign model files are refused with a clear message.
#include "syntax/model.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "syntax/conllu.h"
#include "syntax/lemmatizer.h"
#include "syntax/model_file.h"
#include "syntax/trainer.h"
#include "test_paths.h"

namespace faultline::syntax {
namespace {

const char* kTinyTreebank =
    "# text = Germany sent tanks.\n"
    "1\tGermany\tGermany\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n"
    "2\tsent\tsend\tVERB\tVBD\tMood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n"
    "3\ttanks\ttank\tNOUN\tNNS\tNumber=Plur\t2\tobj\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = France and Poland sent aid to Kyiv.\n"
    "1\tFrance\tFrance\tPROPN\tNNP\tNumber=Sing\t4\tnsubj\t_\t_\n"
    "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
    "3\tPoland\tPoland\tPROPN\tNNP\tNumber=Sing\t1\tconj\t_\t_\n"
    "4\tsent\tsend\tVERB\tVBD\tMood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n"
    "5\taid\taid\tNOUN\tNN\tNumber=Sing\t4\tobj\t_\t_\n"
    "6\tto\tto\tADP\tIN\t_\t7\tcase\t_\t_\n"
    "7\tKyiv\tKyiv\tPROPN\tNNP\tNumber=Sing\t4\tobl\t_\tSpaceAfter=No\n"
    "8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = The sanctions were imposed by Washington.\n"
    "1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\t_\n"
    "2\tsanctions\tsanction\tNOUN\tNNS\tNumber=Plur\t4\tnsubj:pass\t_\t_\n"
    "3\twere\tbe\tAUX\tVBD\tMood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin\t4\taux:pass\t_\t_\n"
    "4\timposed\timpose\tVERB\tVBN\tTense=Past|VerbForm=Part|Voice=Pass\t0\troot\t_\t_\n"
    "5\tby\tby\tADP\tIN\t_\t6\tcase\t_\t_\n"
    "6\tWashington\tWashington\tPROPN\tNNP\tNumber=Sing\t4\tobl:agent\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = Ministers who met in Rome said that they would not send troops.\n"
    "1\tMinisters\tminister\tNOUN\tNNS\tNumber=Plur\t6\tnsubj\t_\t_\n"
    "2\twho\twho\tPRON\tWP\tPronType=Rel\t3\tnsubj\t_\t_\n"
    "3\tmet\tmeet\tVERB\tVBD\tMood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin\t1\tacl:relcl\t_\t_\n"
    "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tRome\tRome\tPROPN\tNNP\tNumber=Sing\t3\tobl\t_\t_\n"
    "6\tsaid\tsay\tVERB\tVBD\tMood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n"
    "7\tthat\tthat\tSCONJ\tIN\t_\t11\tmark\t_\t_\n"
    "8\tthey\tthey\tPRON\tPRP\tCase=Nom|Number=Plur|Person=3|PronType=Prs\t11\tnsubj\t_\t_\n"
    "9\twould\twould\tAUX\tMD\tVerbForm=Fin\t11\taux\t_\t_\n"
    "10\tnot\tnot\tPART\tRB\tPolarity=Neg\t11\tadvmod\t_\t_\n"
    "11\tsend\tsend\tVERB\tVB\tVerbForm=Inf\t6\tccomp\t_\t_\n"
    "12\ttroops\ttroop\tNOUN\tNNS\tNumber=Plur\t11\tobj\t_\tSpaceAfter=No\n"
    "13\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_\n"
    "\n";

TokenizerRules ShippedRules() {
  auto rules = LoadTokenizerRules(testing::SourceDir() + "/data/syntax/tokenizer.yaml");
  EXPECT_TRUE(rules.ok());
  return rules.ok() ? *rules : TokenizerRules{};
}

TrainOptions TinyOptions() {
  TrainOptions o;
  o.tagger.epochs = 20;
  o.parser.epochs = 20;
  o.labeler.epochs = 20;
  o.jackknife_folds = 0;  // four sentences: every tag must be the gold one
  o.threads = 1;
  return o;
}

std::vector<ConlluSentence> Tiny() {
  std::vector<Status> errors;
  auto s = ParseConllu(kTinyTreebank, "tiny", &errors);
  EXPECT_TRUE(errors.empty());
  return s;
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("faultline_syntax_" + name)).string();
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// Every annotation of `s` as a model predicts it from the gold words.
void ExpectReproduced(const Model& model, const ConlluSentence& gold) {
  ParsedSentence s;
  for (const Token& t : gold.parse.tokens) {
    Token x;
    x.begin = t.begin;
    x.end = t.end;
    x.form = t.form;
    s.tokens.push_back(x);
  }
  model.Annotate(&s);
  ASSERT_EQ(s.size(), gold.parse.size());
  for (int i = 0; i < s.size(); ++i) {
    const Token& g = gold.parse.tokens[i];
    const Token& p = s.tokens[i];
    EXPECT_EQ(p.upos, g.upos) << gold.text << " / " << g.form;
    EXPECT_EQ(p.xpos, g.xpos) << gold.text << " / " << g.form;
    EXPECT_EQ(p.lemma, g.lemma) << gold.text << " / " << g.form;
    EXPECT_EQ(p.head, g.head) << gold.text << " / " << g.form;
    EXPECT_EQ(p.deprel, g.deprel) << gold.text << " / " << g.form;
    EXPECT_EQ(p.feats.ToString(), g.feats.ToString()) << gold.text << " / " << g.form;
  }
}

TEST(SyntaxModelTest, TinyTreebankIsReproduced) {
  const auto tiny = Tiny();
  ASSERT_EQ(tiny.size(), 4u);
  auto parts = TrainModel(tiny, ShippedRules(), WordClusters(), TinyOptions());
  ASSERT_TRUE(parts.ok()) << parts.status().reason();
  const Model model(std::move(*parts));
  for (const auto& s : tiny) ExpectReproduced(model, s);

  // From raw text the tokeniser finds the same words at the same offsets.
  const std::string text = "Intro. " + tiny[2].text;
  const ParsedSentence p = model.Parse(text, 7, static_cast<uint32_t>(text.size()));
  ASSERT_EQ(p.size(), tiny[2].parse.size());
  EXPECT_EQ(p.tokens[5].begin, 7 + tiny[2].parse.tokens[5].begin);
  EXPECT_EQ(p.tokens[5].deprel, "obl:agent");
  EXPECT_EQ(p.tokens[1].deprel, "nsubj:pass");
}

TEST(SyntaxModelTest, SavedModelLoadsAndAgrees) {
  const auto tiny = Tiny();
  auto parts = TrainModel(tiny, ShippedRules(), WordClusters(), TinyOptions());
  ASSERT_TRUE(parts.ok());
  const Model model(std::move(*parts));
  const std::string path = TempPath("roundtrip.model");
  ASSERT_TRUE(model.Save(path).ok());
  auto loaded = Model::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().reason();
  for (const auto& s : tiny) ExpectReproduced(**loaded, s);
  EXPECT_NE((*loaded)->provenance().find("trained on 4 sentences"), std::string::npos);
  std::remove(path.c_str());
}

TEST(SyntaxModelTest, TrainingIsDeterministic) {
  const auto tiny = Tiny();
  TrainOptions o = TinyOptions();
  o.jackknife_folds = 2;  // the parallel jackknife too
  o.threads = 2;
  const std::string a = TempPath("det_a.model"), b = TempPath("det_b.model");
  auto pa = TrainModel(tiny, ShippedRules(), WordClusters(), o);
  o.threads = 1;
  auto pb = TrainModel(tiny, ShippedRules(), WordClusters(), o);
  ASSERT_TRUE(pa.ok() && pb.ok());
  ASSERT_TRUE(Model(std::move(*pa)).Save(a).ok());
  ASSERT_TRUE(Model(std::move(*pb)).Save(b).ok());
  EXPECT_EQ(ReadAll(a), ReadAll(b));
  std::remove(a.c_str());
  std::remove(b.c_str());
}

TEST(SyntaxModelTest, DamagedOrForeignFilesAreRefused) {
  auto parts = TrainModel(Tiny(), ShippedRules(), WordClusters(), TinyOptions());
  ASSERT_TRUE(parts.ok());
  const std::string path = TempPath("damaged.model");
  ASSERT_TRUE(Model(std::move(*parts)).Save(path).ok());
  const std::string good = ReadAll(path);

  auto reason = [&](const std::string& bytes) {
    WriteAll(path, bytes);
    auto m = Model::Load(path);
    EXPECT_FALSE(m.ok());
    if (m.ok()) return std::string();
    EXPECT_EQ(m.status().file(), path);
    return m.status().reason();
  };
  EXPECT_NE(reason(good.substr(0, good.size() / 2)).find("truncated"), std::string::npos);
  EXPECT_NE(reason(good.substr(0, 10)).find("not a faultline syntax model"), std::string::npos);
  std::string other = good;
  other[8] = static_cast<char>(kModelFormatVersion + 1);
  const std::string version = reason(other);
  EXPECT_NE(version.find("format version " + std::to_string(kModelFormatVersion + 1)), std::string::npos) << version;
  EXPECT_NE(version.find("retrain"), std::string::npos);
  std::string flipped = good;
  flipped[good.size() - 3] ^= 0x40;
  EXPECT_NE(reason(flipped).find("checksum"), std::string::npos);
  EXPECT_NE(reason("hello").find("not a faultline syntax model"), std::string::npos);
  std::remove(path.c_str());
  auto missing = Model::Load(TempPath("no_such.model"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().reason().find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace faultline::syntax

TEST(SyntaxModelTest, LemmaExceptionsFollowTheMostFrequentUseOfAFormAndTag) {
  // One stray annotation of "that" under another UPOS (as EWT has once) must not become
  // the lemma of every "that"; a true exception ("better" -> "good") still holds.
  using faultline::syntax::LemmaExample;
  using faultline::syntax::Upos;
  std::vector<LemmaExample> examples;
  for (int i = 0; i < 6; ++i) examples.push_back({"that", Upos::kSconj, "IN", "that"});
  examples.push_back({"that", Upos::kAdp, "IN", "than"});
  for (int i = 0; i < 3; ++i) examples.push_back({"better", Upos::kAdj, "JJR", "good"});
  for (const char* w : {"taller", "older", "newer"})
    examples.push_back({w, Upos::kAdj, "JJR", std::string(w).substr(0, std::string(w).size() - 2)});
  faultline::syntax::Lemmatizer lemmatizer;
  lemmatizer.Train(examples);
  EXPECT_EQ(lemmatizer.Lemma("that", Upos::kSconj, "IN"), "that");
  EXPECT_EQ(lemmatizer.Lemma("that", Upos::kAdp, "IN"), "that");
  EXPECT_EQ(lemmatizer.Lemma("better", Upos::kAdj, "JJR"), "good");
  EXPECT_EQ(lemmatizer.Lemma("bolder", Upos::kAdj, "JJR"), "bold");
}
