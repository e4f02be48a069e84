// `faultline cluster-words PATH... -o TABLE [--classes N] [--min-count N]`: learns word
// classes (Brown clusters) from unlabelled text, for the tagger and parser's features:
// documents are split into sentences and words as the syntax stage splits them, words
// normalised (lower case, digits as 0), and each word seen often enough gets a bit
// string. The table is "bits<TAB>word<TAB>count" lines after '#' comments saying how it
// was made; `train-syntax --clusters TABLE` reads it.
#include <chrono>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "util/data_path.h"
#include "cli/inputs.h"
#include "syntax/brown_clusters.h"
#include "syntax/tokenizer.h"
#include "syntax/word_info.h"
#include "text/segment.h"

namespace faultline::cli {
namespace {

struct ClusterOptions {
  InputOptions inputs;
  std::string output;
  std::string tokenizer = DataFile("syntax/tokenizer.yaml");
  syntax::BrownOptions brown;
};

int Run(const ClusterOptions& o) {
  auto rules = syntax::LoadTokenizerRules(o.tokenizer);
  if (!rules.ok()) {
    std::cerr << "faultline cluster-words: " << rules.status().ToString() << "\n";
    return 2;
  }
  const syntax::Tokenizer tokenizer(*rules);
  syntax::WordSequences corpus;
  size_t documents = 0;
  std::vector<std::string> words;
  const bool ok = ForEachInputDocument(o.inputs, [&](Document&& doc) {
    ++documents;
    for (const Span& s : SplitSentences(doc.text)) {
      words.clear();
      for (const Span& t : tokenizer.Tokenize(doc.text, s.begin, s.end))
        words.push_back(syntax::NormalizeWord(std::string_view(doc.text).substr(t.begin, t.size())));
      corpus.AddSentence(words);
    }
  });
  std::cerr << "cluster-words: " << documents << " documents, " << corpus.tokens() << " words, " << corpus.types()
            << " distinct\n";
  const auto start = std::chrono::steady_clock::now();
  syntax::BrownOptions bo = o.brown;
  bo.log = [](const std::string& line) { std::cerr << "cluster-words: " << line << "\n"; };
  const syntax::WordClassTable table = syntax::BrownCluster(corpus, bo);
  std::ofstream out(o.output);
  if (!out) {
    std::cerr << "faultline cluster-words: cannot write " << o.output << "\n";
    return 2;
  }
  out << "# Brown word classes (Liang's algorithm, " << bo.classes << " active classes) learned by\n"
      << "# `faultline cluster-words` from " << documents << " documents (" << corpus.tokens()
      << " words); words seen at least " << bo.min_count << " times, lower-cased, digits as 0.\n"
      << "# Sources:";
  for (const auto& p : o.inputs.paths) out << " " << p.substr(p.find_last_of('/') + 1);
  out << "\n# bits<TAB>word<TAB>count\n";
  for (size_t i = 0; i < table.words.size(); ++i)
    out << table.bits[i] << "\t" << table.words[i] << "\t" << table.counts[i] << "\n";
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "cluster-words: " << table.words.size() << " words in " << static_cast<int>(secs) << " s -> "
            << o.output << "\n";
  return ok ? 0 : 1;
}

}  // namespace

void RegisterClusterWords(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<ClusterOptions>();
  CLI::App* cmd = app.add_subcommand(
      "cluster-words",
      "Learn word classes (Brown clusters) from unlabelled text for the syntax model's features.\n"
      "Example (the shipped table, data/syntax/clusters.tsv; docs/syntax.md):\n"
      "  faultline cluster-words ../shared/corpora -o data/syntax/clusters.tsv");
  AddInputOptions(cmd, &opts->inputs, /*allow_db=*/true);
  cmd->add_option("-o,--output", opts->output, "table to write")->required();
  cmd->add_option("--classes", opts->brown.classes, "active classes (Liang's window)")->capture_default_str();
  cmd->add_option("--min-count", opts->brown.min_count, "words seen fewer times get no class")->capture_default_str();
  cmd->add_option("--tokenizer", opts->tokenizer, "tokeniser lists (YAML)")->capture_default_str();
  cmd->callback([opts, exit_code] {
    if (!HasInput(opts->inputs)) {
      std::cerr << "faultline cluster-words: give PATH... or --db FILE\n";
      *exit_code = 2;
      return;
    }
    *exit_code = Run(*opts);
  });
}

}  // namespace faultline::cli
