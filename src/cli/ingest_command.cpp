// `faultline ingest`: read documents and store them in SQLite, once each.
#include <cstdio>
#include <iostream>
#include <utility>

#include "cli/config_checks.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "store/ingest_writer.h"
#include "store/store.h"
#include "stories/origin_results.h"
#include "stories/story_store.h"
#include "util/terminal.h"

namespace faultline::cli {
namespace {

struct IngestOptions {
  InputOptions inputs;
  std::string db = "faultline.db";
  int batch_size = 500;
  double near_threshold = 0.8;
  bool no_stories = false;
  double max_db_mb = 0;
  std::vector<std::string> outlet_files;
};

}  // namespace

void RegisterIngest(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<IngestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Read documents and store them in a SQLite database, skipping duplicates");
  AddInputOptions(cmd, &opts->inputs, /*allow_db=*/false);
  cmd->add_option("--db", opts->db, "the database to add to (created when missing)")
      ->capture_default_str();
  cmd->add_option("--batch-size", opts->batch_size, "documents per transaction")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--near-threshold", opts->near_threshold,
                  "estimated Jaccard similarity (5-word shingles) from which a document is a "
                  "near-duplicate of an earlier one")
      ->check(CLI::Range(0.5, 1.0))
      ->capture_default_str();
  cmd->add_option("--max-db-mb", opts->max_db_mb,
                  "let the database grow to at most this many MB (0: no limit); past it the run "
                  "stops as on a full disk, keeping every batch it committed")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--no-stories", opts->no_stories,
                "do not assign the new documents to stories (faultline stories --db does it later)");
  cmd->add_option("--outlets", opts->outlet_files, "extra known-outlet list (YAML) for finding origins")
      ->allow_extra_args(false)
      ->check(OutletFile());
  cmd->footer(
      "The same text ingested twice is stored once (exact hash of the whitespace-normalised\n"
      "text). A near-duplicate (the same report with other page furniture or small edits) is\n"
      "stored, linked to its original, and left out when documents are read back with --db.\n"
      "Each batch is committed on its own, each document with its story: an interrupted run\n"
      "keeps what it stored, and the same ingest run again adds exactly what is missing. A\n"
      "failed write (a full disk) stops the run and says which documents were not stored.\n"
      "One ingest at a time writes to a database; a second one is refused.\n\n"
      "Examples:\n"
      "  faultline ingest corpus/ --db news.db\n"
      "  faultline ingest seeds/ --meta seeds.meta.jsonl --db news.db\n"
      "  faultline ingest CC-NEWS-20220329.warc.gz articles.jsonl.gz --db news.db\n"
      "  faultline corpus --db news.db");
  cmd->callback([opts, exit_code] {
    if (!HasInput(opts->inputs)) {
      std::cerr << "faultline ingest: give PATH... ('-' for stdin); see --help\n";
      *exit_code = 2;
      return;
    }
    StoreOptions so;
    so.batch_size = opts->batch_size;
    so.near_duplicate_threshold = opts->near_threshold;
    so.max_bytes = static_cast<int64_t>(opts->max_db_mb * 1024 * 1024);
    so.exclusive_writer = true;
    Result<std::unique_ptr<Store>> store = Store::Open(opts->db, so);
    if (!store.ok()) {
      std::cerr << store.status().ToString() << "\n";
      *exit_code = 1;
      return;
    }
    if ((*store)->read_only()) {  // else every document would fail on its own
      std::cerr << EscapeForTerminal(opts->db) << ": the database is read-only ("
                << (*store)->read_only_reason() << "); nothing can be added\n";
      *exit_code = 1;
      return;
    }
    // Stories: each new document is profiled and linked to the stories already stored.
    std::unique_ptr<stories::StoryStore> story_store;
    if (!opts->no_stories) {
      Result<stories::StoriesData> data = stories::StoriesData::Load(opts->outlet_files);
      Result<std::unique_ptr<stories::StoryStore>> opened =
          data.ok() ? stories::StoryStore::Open(store->get(), std::move(data).value())
                    : Result<std::unique_ptr<stories::StoryStore>>(data.status());
      if (!opened.ok()) {
        std::cerr << opened.status().ToString() << "\n";
        *exit_code = 1;
        return;
      }
      story_store = std::move(opened).value();
    }
    InputStats in;
    IngestWriter writer(
        store->get(),
        [&story_store](const Document& d, const std::string& id) {
          return story_store ? story_store->Add(d, id) : Status::Ok();
        },
        [](const std::string& line) { std::cerr << line << "\n"; });
    // The stories line, like the summary, counts only what committed (a full disk can
    // lose the open batch after its stories were assigned in memory).
    stories::StoryStoreStats stories_committed;
    if (story_store) stories_committed = story_store->stats();
    writer.set_on_commit([&] {
      if (story_store) stories_committed = story_store->stats();
    });
    bool stop = false;
    InputOptions inputs = opts->inputs;
    inputs.stop = &stop;
    // Hashes and near-duplicate signatures are computed on the workers; the database is
    // written on this thread, in input order (which document is the original stays the same).
    using Keyed = std::pair<Document, DocumentKeys>;
    bool ok = ForEachInputDocumentParallel<Keyed>(inputs, [](Document& d) {
      DocumentKeys keys = KeysOf(d);
      return Keyed{std::move(d), std::move(keys)};
    }, [&](Keyed&& k) {
      writer.Write(k.first, k.second);
      stop = writer.stopped();
    }, &in);
    if (!writer.Finish()) ok = false;
    // The stories' finished result, so that `serve` reads it instead of computing it
    // (stories/origin_results.h); without it `serve` computes it, so a failure is a warning.
    std::string result_note;
    if (story_store) {
      Result<stories::ResultsStored> stored = stories::StoreOriginResults(store->get(), opts->outlet_files);
      if (!stored.ok())
        std::cerr << "warning: the stories' result was not stored (serve computes it at start): "
                  << stored.status().ToString() << "\n";
      else if (*stored == stories::ResultsStored::kStored)
        result_note = "; their result stored for serve";
    }
    const IngestCounts& c = writer.committed();
    std::printf(
        "%s: read %llu documents from %llu files (%.1f MB): added %lld, exact duplicates %lld "
        "(skipped), near duplicates %lld (stored, linked), errors %llu%s\n",
        opts->db.c_str(), static_cast<unsigned long long>(in.documents),
        static_cast<unsigned long long>(in.files), static_cast<double>(in.bytes) / (1 << 20),
        static_cast<long long>(c.added), static_cast<long long>(c.exact), static_cast<long long>(c.near),
        static_cast<unsigned long long>(in.errors + (writer.stopped() ? 1 : 0)),
        writer.stopped() ? " (stopped early: see above)" : "");
    if (story_store) {
      const stories::StoryStoreStats& ss = stories_committed;
      std::printf("%s: stories: %llu new documents, %llu of them joined a story, %llu stories merged",
                  opts->db.c_str(), static_cast<unsigned long long>(ss.added),
                  static_cast<unsigned long long>(ss.joined), static_cast<unsigned long long>(ss.merged));
      if (ss.reprofiled > 0)
        std::printf("; %llu stored documents profiled again (new settings or stored before stories)",
                    static_cast<unsigned long long>(ss.reprofiled));
      if (ss.sourced > 0)
        std::printf("; %llu stored documents' sources stored (for origins without reading texts)",
                    static_cast<unsigned long long>(ss.sourced));
      if (ss.summarised > 0)
        std::printf("; %llu stored profiles' summaries stored (for origins without reading profiles)",
                    static_cast<unsigned long long>(ss.summarised));
      std::printf("%s\n", result_note.c_str());
    }
    *exit_code = ok ? 0 : 1;
  });
}

}  // namespace faultline::cli
