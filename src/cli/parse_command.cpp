// `faultline parse PATH... [--format conllu|text] [--model FILE] [--threads N]`: the
// syntax of every sentence of every document: tokens with part of speech, lemma,
// features, head and relation, as CoNLL-U (for UD tools, and for evaluate-syntax) or as
// text to read. Documents are parsed on a pool of threads sharing one model; output
// keeps the input order.
#include <iostream>
#include <map>
#include <thread>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "syntax/conllu.h"
#include "syntax/model.h"
#include "text/segment.h"
#include "util/work_pool.h"

namespace faultline::cli {
namespace {

struct ParseOptions {
  InputOptions inputs;
  std::string format = "conllu";
  std::string model = syntax::Model::DefaultPath();
  unsigned threads = 0;
};

// What may reach a terminal: control characters (escape sequences) become spaces.
std::string Printable(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return out;
}

void AppendText(const syntax::ParsedSentence& s, std::string_view text, std::string* out) {
  out->append(Printable(text.substr(s.begin, s.end - s.begin))).append("\n");
  for (int i = 0; i < s.size(); ++i) {
    const syntax::Token& t = s.tokens[i];
    char num[16];
    std::snprintf(num, sizeof num, "%4d ", i + 1);
    out->append(num).append(Printable(t.form)).append("  ").append(syntax::UposName(t.upos));
    out->append("  ").append(Printable(t.lemma)).append("  ").append(t.deprel);
    if (t.head >= 0) out->append(" <- ").append(std::to_string(t.head + 1)).append(" ").append(Printable(s.tokens[t.head].form));
    if (!t.feats.empty()) out->append("  ").append(t.feats.ToString());
    out->append("\n");
  }
  out->append("\n");
}

// The whole output for one document.
std::string ParseDocument(const syntax::Model& model, const Document& doc, bool conllu) {
  std::string out;
  if (conllu) out.append("# newdoc id = ").append(Printable(doc.id)).append("\n");
  int n = 0;
  for (const Span& sp : SplitSentences(doc.text)) {
    const syntax::ParsedSentence s =
        model.Parse(doc.text, static_cast<uint32_t>(sp.begin), static_cast<uint32_t>(sp.end));
    if (s.tokens.empty()) continue;
    ++n;
    if (conllu) {
      syntax::AppendConllu(s, doc.text, doc.id + "-" + std::to_string(n), &out);
    } else {
      AppendText(s, doc.text, &out);
    }
  }
  return out;
}

int Run(const ParseOptions& o) {
  auto model = syntax::Model::Load(o.model);
  if (!model.ok()) {
    std::cerr << "faultline parse: " << model.status().ToString() << "\n";
    return 2;
  }
  const bool conllu = o.format == "conllu";
  std::shared_ptr<const syntax::Model> shared = *model;
  using Job = std::pair<size_t, Document>;
  using Done = std::pair<size_t, std::string>;
  std::map<size_t, std::string> pending;
  size_t next = 0, submitted = 0;
  auto flush = [&](Done&& d) {
    pending.emplace(d.first, std::move(d.second));
    for (auto it = pending.find(next); it != pending.end(); it = pending.find(++next)) {
      std::cout << it->second;
      pending.erase(it);
    }
  };
  const unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  WorkPool<Job, Done> pool(threads, [&](Job& job) { return Done{job.first, ParseDocument(*shared, job.second, conllu)}; });
  const bool ok = ForEachInputDocument(o.inputs, [&](Document&& doc) {
    pool.Submit(Job{submitted++, std::move(doc)});
    pool.Collect(flush);
  });
  pool.Finish(flush);
  std::cout.flush();
  return ok ? 0 : 1;
}

}  // namespace

void RegisterParse(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<ParseOptions>();
  CLI::App* cmd = app.add_subcommand(
      "parse",
      "Parse every sentence: tokens with part of speech, lemma, features, head and relation.\n"
      "Examples:\n"
      "  faultline parse examples/ > examples.conllu\n"
      "  echo 'Germany, together with France, sent tanks to Ukraine.' | faultline parse - --format text");
  AddInputOptions(cmd, &opts->inputs, /*allow_db=*/true);
  cmd->add_option("--format", opts->format, "conllu (default: CoNLL-U, one block per sentence) or text")
      ->check(CLI::IsMember({"conllu", "text"}));
  cmd->add_option("--model", opts->model, "syntax model file")->capture_default_str();
  cmd->add_option("--threads", opts->threads, "worker threads (default: all cores)");
  cmd->footer(
      "Output (conllu): '# newdoc id' per document, then per sentence '# sent_id = DOC-N', '# text',\n"
      "and one line per word with the ten CoNLL-U columns; SpaceAfter=No in MISC where the next\n"
      "word follows without a space.");
  cmd->callback([opts, exit_code] {
    if (!HasInput(opts->inputs)) {
      std::cerr << "faultline parse: give PATH... or --db FILE\n";
      *exit_code = 2;
      return;
    }
    *exit_code = Run(*opts);
  });
}

}  // namespace faultline::cli
