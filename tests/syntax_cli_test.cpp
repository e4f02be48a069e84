// The syntax commands end to end: `parse` writes valid CoNLL-U (checked by an
// independent validator of the format) and readable text; `train-syntax` and
// `evaluate-syntax` train on a treebank and score a model, `prune-syntax` writes what
// training with the same thresholds writes; bad input gets one line.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "conllu_validator.h"
#include "test_paths.h"

namespace faultline {
namespace {

namespace fs = std::filesystem;

struct CommandRun {
  int status = 0;
  std::string out;
};

CommandRun Faultline(const std::string& args) {
  CommandRun r;
  const std::string cmd = testing::Binary() + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

fs::path TempDir() {
  fs::path d = fs::temp_directory_path() / ("faultline_syntax_cli_" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

void Write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

TEST(SyntaxCliTest, ParseWritesValidConllu) {
  const fs::path dir = TempDir();
  // Awkward input on purpose: a tab, double spaces, a no-break space, curly quotes,
  // an escape character and a hard line break inside a sentence.
  Write(dir / "article.txt",
        "Allies Split on Tanks\n\n"
        "Germany and France, together with Poland, sent \xE2\x80\x9Cmore\xE2\x80\x9D  weapons.\tThe U.S. said\n"
        "that it\xC2\xA0would not send F-16s to Kyiv\xE2\x80\x99s forces \x1b[31m yet.\n");
  const CommandRun r = Faultline("parse " + (dir / "article.txt").string());
  ASSERT_EQ(r.status, 0) << r.out;
  const auto problems = testing::ValidateConllu(r.out);
  for (const auto& p : problems) ADD_FAILURE() << p;
  EXPECT_NE(r.out.find("# newdoc id = article"), std::string::npos);
  EXPECT_NE(r.out.find("# sent_id = article-1"), std::string::npos);
  EXPECT_NE(r.out.find("# sent_id = article-3"), std::string::npos);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_NE(r.out.find("\tF-16s\tF-16\t"), std::string::npos);
  fs::remove_all(dir);
}

TEST(SyntaxCliTest, ParseTextFormatAndBadInput) {
  const fs::path dir = TempDir();
  Write(dir / "a.txt", "Poland did not object.");
  const CommandRun r = Faultline("parse --format text " + (dir / "a.txt").string() + " " + (dir / "missing.txt").string());
  EXPECT_EQ(r.status, 1);  // the missing file is reported, the other parsed
  EXPECT_NE(r.out.find("not  PART  not  advmod <- 4 object"), std::string::npos) << r.out;
  const CommandRun usage = Faultline("parse");
  EXPECT_EQ(usage.status, 2);
  const CommandRun bad_model = Faultline("parse --model " + (dir / "a.txt").string() + " " + (dir / "a.txt").string());
  EXPECT_EQ(bad_model.status, 2);
  fs::remove_all(dir);
}

TEST(SyntaxCliTest, TrainAndEvaluateOnATreebank) {
  const fs::path dir = TempDir();
  const std::string tree =
      "# sent_id = t1\n# text = Rome backed the plan.\n"
      "1\tRome\tRome\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n"
      "2\tbacked\tback\tVERB\tVBD\tMood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t4\tdet\t_\t_\n"
      "4\tplan\tplan\tNOUN\tNN\tNumber=Sing\t2\tobj\t_\tSpaceAfter=No\n"
      "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
      "# sent_id = t2\n# text = Vienna opposed it.\n"
      "1\tVienna\tVienna\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n"
      "2\topposed\toppose\tVERB\tVBD\tMood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n"
      "3\tit\tit\tPRON\tPRP\tCase=Acc|Gender=Neut|Number=Sing|Person=3|PronType=Prs\t2\tobj\t_\tSpaceAfter=No\n"
      "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
  Write(dir / "tiny.conllu", tree);
  const std::string model = (dir / "tiny.model").string();
  const std::string train_args =
      "train-syntax " + (dir / "tiny.conllu").string() + " --folds 0 --tagger-epochs 10 --parser-epochs 10 --labeler-epochs 10";
  const CommandRun train = Faultline(train_args + " -o " + model);
  ASSERT_EQ(train.status, 0);
  const CommandRun eval = Faultline("evaluate-syntax " + (dir / "tiny.conllu").string() + " --model " + model +
                             " --output " + (dir / "pred.conllu").string());
  ASSERT_EQ(eval.status, 0);
  EXPECT_NE(eval.out.find("UPOS 1.0000"), std::string::npos) << eval.out;
  EXPECT_NE(eval.out.find("UAS 1.0000  LAS 1.0000"), std::string::npos) << eval.out;
  std::ifstream in(dir / "pred.conllu");
  const std::string pred((std::istreambuf_iterator<char>(in)), {});
  for (const auto& p : testing::ValidateConllu(pred)) ADD_FAILURE() << p;
  // A treebank with a broken sentence: one line names it, the rest is used.
  Write(dir / "broken.conllu", tree + "1\tOops\t_\tNOUN\n\n");
  const CommandRun broken = Faultline("evaluate-syntax " + (dir / "broken.conllu").string() + " --model " + model);
  EXPECT_EQ(broken.status, 1);
  EXPECT_NE(broken.out.find("2 sentences"), std::string::npos) << broken.out;
  // Pruning the trained model writes the bytes that training with the same thresholds
  // writes, so that a pruned model stays reproducible from the treebank.
  const std::string pruned = (dir / "pruned.model").string(), retrained = (dir / "retrained.model").string();
  ASSERT_EQ(Faultline("prune-syntax " + model + " -o " + pruned + " --tagger 0.3 --parser 0.3 --labeler 0.3").status, 0);
  ASSERT_EQ(Faultline(train_args + " -o " + retrained + " --prune-tagger 0.3 --prune-parser 0.3 --prune-labeler 0.3")
                .status,
            0);
  EXPECT_EQ(ReadAll(pruned), ReadAll(retrained));
  EXPECT_NE(ReadAll(pruned), ReadAll(model));
  EXPECT_EQ(Faultline("prune-syntax " + model + " -o " + pruned).status, 2);  // no threshold: a usage error
  fs::remove_all(dir);
}

}  // namespace
}  // namespace faultline
