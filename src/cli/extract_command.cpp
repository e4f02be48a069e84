// `faultline extract`: documents as JSON Lines (or readable text blocks), the
// ingest stage's output made visible.
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "util/terminal.h"

namespace faultline::cli {
namespace {

struct ExtractOptions {
  InputOptions inputs;
  std::string format = "jsonl";
};

// Unknown fields are null, never "": a consumer can tell "unknown" from a value.
nlohmann::ordered_json ToJson(const Document& d) {
  auto field = [](const std::string& v) -> nlohmann::ordered_json {
    if (v.empty()) return nullptr;
    return v;
  };
  nlohmann::ordered_json j;
  j["id"] = d.id;
  j["file"] = d.file;
  j["url"] = field(d.url);
  j["title"] = field(d.title);
  j["date"] = field(d.date);
  j["outlet"] = field(d.outlet);
  j["author"] = field(d.author);
  j["language"] = field(d.language);
  j["via"] = field(d.via);
  j["text"] = d.text;
  return j;
}

// The text block uses the same header lines the text reader accepts, so one block
// saved to a file reads back as the same document. It is meant for a terminal: control
// characters and escape sequences from the input are shown escaped (util/terminal.h),
// and a header value stays on its line.
void WriteTextBlock(const Document& d, std::ostream& out) {
  out << "=== " << EscapeForTerminal(d.id) << "  (" << EscapeForTerminal(d.file) << ")\n";
  auto line = [&](const char* key, const std::string& v) {
    if (!v.empty()) out << key << ": " << EscapeForTerminal(v) << "\n";
  };
  line("title", d.title);
  line("url", d.url);
  line("date", d.date);
  line("outlet", d.outlet);
  line("author", d.author);
  line("language", d.language);
  line("via", d.via);
  out << "\n" << EscapeForTerminal(d.text, /*keep_lines=*/true) << "\n\n";
}

}  // namespace

void RegisterExtract(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Read documents (text, HTML, JSONL/JSON, WARC, gzip) and print them with their metadata");
  AddInputOptions(cmd, &opts->inputs);
  cmd->add_option("--format", opts->format, "jsonl (one JSON object a line) or text")
      ->check(CLI::IsMember({"jsonl", "text"}));
  cmd->footer(
      "Output (jsonl): one object a line with id, file, url, title, date, outlet, author,\n"
      "language, via (the outlet the page says its text was taken from), text; unknown fields\n"
      "are null. Dates are ISO 8601 (or partial, \"--02-25\").\n"
      "Problems go to stderr, one line each naming the file (and line); exit status 1 then.\n\n"
      "Examples:\n"
      "  faultline extract article.txt\n"
      "  faultline extract seeds/ --meta seeds.meta.jsonl --format text\n"
      "  faultline extract crawl.warc.gz | jq -r .url\n"
      "  zcat news.jsonl.gz | faultline extract - --format text | less\n"
      "  faultline extract --db news.db > documents.jsonl");
  cmd->callback([opts, exit_code] {
    if (!HasInput(opts->inputs)) {
      std::cerr << "faultline extract: give PATH... ('-' for stdin) or --db FILE; see --help\n";
      *exit_code = 2;
      return;
    }
    std::ios::sync_with_stdio(false);
    // Each document is formatted on a worker; the text goes out in input order.
    const bool text = opts->format == "text";
    bool ok = ForEachInputDocumentParallel<std::string>(
        opts->inputs,
        [text](Document& d) {
          if (!text) return ToJson(d).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
          std::ostringstream out;
          WriteTextBlock(d, out);
          return out.str();
        },
        [](std::string&& s) { std::cout << s; });
    std::cout.flush();
    *exit_code = ok ? 0 : 1;
  });
}

}  // namespace faultline::cli
