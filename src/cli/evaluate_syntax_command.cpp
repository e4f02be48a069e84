// `faultline evaluate-syntax GOLD.conllu... [--model FILE] [--output FILE]`: parses the
// words of gold treebank files (their own tokenisation, predicted tags) and prints UPOS,
// XPOS, lemma and feature accuracy, UAS and LAS as the CoNLL 2018 shared task counts
// them, and the speed.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "syntax/conllu.h"
#include "syntax/evaluation.h"
#include "syntax/model.h"

namespace faultline::cli {
namespace {

struct EvaluateSyntaxOptions {
  std::vector<std::string> gold;
  std::string model = syntax::Model::DefaultPath();
  std::string output;
  bool gold_tags = false;
};

double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

int Run(const EvaluateSyntaxOptions& o) {
  auto model = syntax::Model::Load(o.model);
  if (!model.ok()) {
    std::cerr << "faultline evaluate-syntax: " << model.status().ToString() << "\n";
    return 2;
  }
  std::ofstream out;
  if (!o.output.empty()) {
    out.open(o.output);
    if (!out) {
      std::cerr << "faultline evaluate-syntax: cannot write " << o.output << "\n";
      return 2;
    }
  }
  bool ok = true;
  syntax::SyntaxScores total;
  for (const auto& f : o.gold) {
    std::vector<Status> problems;
    auto gold = syntax::ReadConlluFile(f, &problems);
    for (const auto& p : problems) std::cerr << "faultline evaluate-syntax: " << p.ToString() << "\n";
    ok = ok && problems.empty();
    if (!gold.ok()) {
      std::cerr << "faultline evaluate-syntax: " << gold.status().ToString() << "\n";
      ok = false;
      continue;
    }
    syntax::SyntaxScores scores;
    double cpu = 0;
    std::string text;
    for (const auto& g : *gold) {
      syntax::ParsedSentence s;
      s.begin = g.parse.begin;
      s.end = g.parse.end;
      for (const auto& t : g.parse.tokens) {
        syntax::Token x;
        x.begin = t.begin;
        x.end = t.end;
        x.form = t.form;
        if (o.gold_tags) {
          x.upos = t.upos;
          x.xpos = t.xpos;
        }
        s.tokens.push_back(std::move(x));
      }
      const double c0 = CpuSeconds();
      (*model)->Annotate(&s, o.gold_tags);
      cpu += CpuSeconds() - c0;
      scores.Add(g.parse, s);
      if (out.is_open()) {
        text.clear();
        syntax::AppendConllu(s, g.text, g.id, &text);
        out << text;
      }
    }
    std::cout << f << "\n  " << scores.words << " words, " << scores.sentences << " sentences\n  "
              << scores.Summary() << "\n";
    char speed[128];
    std::snprintf(speed, sizeof speed, "  tag+parse %.0f sentences/s, %.0f words/s (CPU time)\n",
                  cpu > 0 ? scores.sentences / cpu : 0.0, cpu > 0 ? scores.words / cpu : 0.0);
    std::cout << speed;
    total.Merge(scores);
  }
  if (o.gold.size() > 1) std::cout << "all\n  " << total.Summary() << "\n";
  return ok ? 0 : 1;
}

}  // namespace

void RegisterEvaluateSyntax(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<EvaluateSyntaxOptions>();
  CLI::App* cmd = app.add_subcommand(
      "evaluate-syntax",
      "Score the syntax model on gold CoNLL-U (the treebank's own words, predicted tags):\n"
      "UPOS, XPOS, lemma and feature accuracy, UAS and LAS (CoNLL 2018: every word counts,\n"
      "LAS on universal relations; LAS(subtypes) on full ones).\n"
      "Example:\n"
      "  faultline evaluate-syntax ../shared/ud/ewt/en_ewt-ud-dev.conllu.gz");
  cmd->add_option("gold", opts->gold, "gold CoNLL-U files (gzip or not)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--model", opts->model, "syntax model file")->capture_default_str();
  cmd->add_option("--output", opts->output, "also write the predicted trees as CoNLL-U");
  cmd->add_flag("--gold-tags", opts->gold_tags, "parse from the gold UPOS and XPOS (the parser alone)");
  cmd->callback([opts, exit_code] { *exit_code = Run(*opts); });
}

}  // namespace faultline::cli
