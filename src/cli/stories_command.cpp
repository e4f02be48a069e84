// `faultline stories PATH...|--db FILE`: which documents tell the same story, where each
// story came from, how each outlet tells it. `--score-pairs FILE` scores text pairs
// instead; `--write-term-stats FILE` writes the document frequencies the profiles use.
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/config_checks.h"
#include "cli/analysis.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "report/stories_html.h"
#include "store/store.h"
#include "stories/model.h"
#include "stories/story_store.h"
#include "stories/pairs.h"
#include "stories/stories.h"
#include "stories/term_statistics.h"
#include "report/stories_report.h"

namespace faultline::cli {
namespace {

struct StoriesArgs {
  InputOptions inputs;
  std::string format = "text", output;
  std::vector<std::string> outlet_files;
  double threshold = -1;  // -1: the settings' value
  int days = -1;
  size_t min_documents = 1, top = 0;
  bool recluster = false;
  bool no_statements = false;
  AnalysisOptions analysis;
  std::vector<std::string> framing_files;
  std::string score_pairs;
  std::string write_term_stats;
  uint32_t min_df = 3;
  bool explain = false;
  std::string settings, term_stats;
};

int ScorePairs(const StoriesArgs& a, const stories::StoryModel& model) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (a.score_pairs != "-") {
    file.open(a.score_pairs);
    if (!file) {
      std::cerr << a.score_pairs << ": cannot open\n";
      return 1;
    }
    in = &file;
  }
  stories::PairsRun run = stories::ScorePairsJsonl(*in, a.score_pairs, model, a.explain, std::cout);
  for (const Status& e : run.errors) std::cerr << e.ToString() << "\n";
  return run.errors.empty() ? 0 : 1;
}

int WriteTermStats(const StoriesArgs& a, const stories::StoryModel& model) {
  stories::TermCounter counter(&model.config().terms);
  const bool ok = ForEachInputDocument(
      a.inputs, [&](Document&& d) { counter.AddDocument(d.title + "\n" + d.text); }, nullptr,
      /*detect_language=*/false);  // term counts do not depend on it
  std::ofstream out(a.write_term_stats);
  if (!out) {
    std::cerr << a.write_term_stats << ": cannot open for writing\n";
    return 1;
  }
  counter.Write(out, a.min_df);
  std::cerr << a.write_term_stats << ": document frequencies from " << counter.documents() << " documents\n";
  return ok && out ? 0 : 1;
}

int Cluster(const StoriesArgs& a, stories::StoriesData data) {
  stories::StoryBuilder builder(data);
  builder.set_recluster(a.recluster);
  // With --db, the stories `ingest` stored (their profiles, at least, when reclustering).
  stories::StoredStories stored;
  if (!a.inputs.db.empty()) {
    StoreOptions so;
    so.create_if_missing = false;
    so.read_only = true;
    Result<std::unique_ptr<Store>> store = Store::Open(a.inputs.db, so);
    if (!store.ok()) {
      std::cerr << store.status().ToString() << "\n";
      return 1;
    }
    Result<stories::StoredStories> read = stories::ReadStoredStories(**store, *data.model);
    if (!read.ok()) {
      std::cerr << read.status().ToString() << "\n";
      return 1;
    }
    stored = std::move(read).value();
  }
  const auto add = [&](const Document& d) {
    auto it = stored.by_doc.find(d.id);
    if (it != stored.by_doc.end()) builder.AddStored(d, it->second);
    else builder.Add(d);
  };
  bool ok = true;
  if (a.no_statements) {
    // No language detection: nothing in the stories uses a document's language, and
    // detecting it costs about as much as profiling the document.
    ok = ForEachInputDocument(a.inputs, [&](Document&& d) { add(d); }, nullptr, /*detect_language=*/false);
  } else {
    // The statements too, for what each relay keeps, drops and adds (cached with --db).
    AnalysisOptions analysis = a.analysis;
    analysis.on_document = add;
    std::vector<Statement> statements;
    ok = CollectStatements(a.inputs, analysis, &statements);
    builder.AddStatements(statements);
  }
  const stories::StoryCollection c = builder.Finish();
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!a.output.empty() && a.output != "-") {
    file.open(a.output, std::ios::binary);
    if (!file) {
      std::cerr << a.output << ": cannot open for writing\n";
      return 1;
    }
    out = &file;
  }
  if (a.format == "json") {
    report::WriteStoriesJson(c, *data.outlets, *out);
  } else if (a.format == "html") {
    report::StoriesHtmlOptions h;
    h.min_documents = a.min_documents;
    h.top = a.top;
    report::WriteStoriesHtml(c, *data.outlets, h, *out);
  } else {
    report::StoriesTextOptions t;
    t.min_documents = a.min_documents;
    t.top = a.top;
    report::WriteStoriesText(c, *data.outlets, t, *out);
  }
  out->flush();
  if (!*out) {
    std::cerr << (a.output.empty() ? "standard output" : a.output) << ": write failed\n";
    return 1;
  }
  return ok ? 0 : 1;
}

// The settings with the command line's --threshold and --days applied.
Result<stories::StoriesData> LoadData(const StoriesArgs& a) {
  Result<stories::StoriesData> data = stories::StoriesData::Load(a.outlet_files, a.settings, a.term_stats, a.framing_files);
  if (!data.ok() || (a.threshold < 0 && a.days < 0)) return data;
  stories::StoryConfig config = data->model->config();
  if (a.threshold >= 0) config.threshold = a.threshold;
  if (a.days >= 0) config.window_days = a.days;
  data->model = stories::StoryModel::FromParts(std::move(config), data->model->statistics());
  return data;
}

int Run(const StoriesArgs& a) {
  if (a.threshold == 0 || a.threshold > 1) {
    std::cerr << "faultline stories: --threshold must be in (0, 1]\n";
    return 2;
  }
  Result<stories::StoriesData> data = LoadData(a);
  if (!data.ok()) {
    std::cerr << data.status().ToString() << "\n";
    return 1;
  }
  if (!a.score_pairs.empty()) return ScorePairs(a, *data->model);
  if (!HasInput(a.inputs)) {
    std::cerr << "faultline stories: give PATH..., --db FILE or --score-pairs FILE\n";
    return 2;
  }
  if (!a.write_term_stats.empty()) return WriteTermStats(a, *data->model);
  return Cluster(a, std::move(data).value());
}

}  // namespace

void RegisterStories(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<StoriesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "stories",
      "Group documents that tell the same story, find where each story came from (who broke it,\n"
      "who relayed it), and how each outlet frames it.\n"
      "Examples:\n"
      "  faultline stories ../shared/seeds --meta ../shared/seeds.meta.jsonl\n"
      "  faultline stories examples/ --format html -o stories.html --min-documents 2\n"
      "  faultline ingest news/ --db news.db && faultline stories --db news.db --top 20\n"
      "  faultline stories --score-pairs pairs.jsonl > scores.jsonl");
  AddInputOptions(cmd, &args->inputs);
  cmd->add_option("--format", args->format, "text (default), json, or html (one self-contained page)")
      ->check(CLI::IsMember({"text", "json", "html"}));
  cmd->add_option("-o,--output", args->output, "write to FILE instead of standard output");
  cmd->add_option("--threshold", args->threshold,
                  "score from which two documents are one story (0-1; default in data/stories/similarity.yaml, 0.75)");
  cmd->add_option("--days", args->days, "documents published further apart are never one story (default 14)");
  cmd->add_option("--outlets", args->outlet_files, "extra outlet list (YAML, as data/stories/outlets.yaml)")
      ->allow_extra_args(false)
      ->check(OutletFile());
  cmd->add_option("--min-documents", args->min_documents, "text, html: list only stories with this many documents")
      ->capture_default_str();
  cmd->add_option("--top", args->top, "text, html: list at most this many stories (0: all)")->capture_default_str();
  cmd->add_flag("--no-statements", args->no_statements,
                "skip statement extraction: faster; what relays keep, drop and add then compares quotes only");
  cmd->add_option("--framing", args->framing_files, "extra framing lexicon (YAML, as data/stories/framing.yaml)")
      ->allow_extra_args(false)
      ->check(FramingFile());
  cmd->add_option("--codebook", args->analysis.codebook, "issue codebook for the statements (YAML)")
      ->check(CodebookFile());
  cmd->add_option("--actors", args->analysis.actor_files, "extra actor files for the statements")
      ->check(ActorFile());
  cmd->add_flag("--recluster", args->recluster,
                "with --db: cluster every document again instead of reading the stories `ingest` stored");
  cmd->add_option("--score-pairs", args->score_pairs,
                  "score text pairs instead: JSON Lines {\"id\", \"text1\", \"text2\"} (optional title1, "
                  "title2, date1, date2); writes {\"id\", \"score\"} lines, 1 = the same story");
  cmd->add_flag("--explain", args->explain, "with --score-pairs: add each pair's signals and score parts");
  cmd->add_option("--write-term-stats", args->write_term_stats,
                  "write the document frequencies of the terms of PATH... to FILE (the table profiles "
                  "weigh terms with; data/stories/term_stats.tsv is built this way)");
  cmd->add_option("--min-df", args->min_df, "with --write-term-stats: leave out terms in fewer documents")
      ->capture_default_str();
  cmd->add_option("--settings", args->settings, "story settings (default data/stories/similarity.yaml)");
  cmd->add_option("--term-stats", args->term_stats, "term statistics (default data/stories/term_stats.tsv)");
  cmd->callback([args, exit_code] { *exit_code = Run(*args); });
}

}  // namespace faultline::cli
