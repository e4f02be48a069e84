// `faultline corpus`: what a database holds.
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "report/escape.h"
#include "store/store.h"

namespace faultline::cli {
namespace {

struct CorpusOptions {
  std::string db;
  std::string format = "text";
  int top = 20;
};

}  // namespace

void RegisterCorpus(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<CorpusOptions>();
  CLI::App* cmd = app.add_subcommand(
      "corpus", "Summarise a database: documents, outlets, date range, duplicates, languages");
  cmd->add_option("--db", opts->db, "the database written by `faultline ingest`")->required();
  cmd->add_option("--format", opts->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--top", opts->top, "outlets and languages to list (0: all)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->footer(
      "Counts leave near-duplicates out (they are reported on their own line); the date range\n"
      "covers full dates only. Statements are cached per document by `statements`, `map`,\n"
      "`why` and `evaluate` with --db (perhaps for another codebook or knowledge base than\n"
      "the next run uses: that run extracts those documents again).\n\n"
      "Examples:\n"
      "  faultline corpus --db news.db\n"
      "  faultline corpus --db news.db --top 0 --format json | jq .outlets");
  cmd->callback([opts, exit_code] {
    StoreOptions so;
    so.create_if_missing = false;
    Result<std::unique_ptr<Store>> store = Store::Open(opts->db, so);
    if (!store.ok()) {
      std::cerr << store.status().ToString() << "\n";
      *exit_code = 1;
      return;
    }
    Result<CorpusStats> st = (*store)->Stats();
    if (!st.ok()) {
      std::cerr << st.status().ToString() << "\n";
      *exit_code = 1;
      return;
    }
    size_t top = opts->top == 0 ? SIZE_MAX : static_cast<size_t>(opts->top);
    if (opts->format == "json") {
      nlohmann::ordered_json j;
      j["documents"] = st->documents;
      j["near_duplicates"] = st->near_duplicates;
      j["characters"] = st->characters;
      j["first_date"] = st->first_date.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(st->first_date);
      j["last_date"] = st->last_date.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(st->last_date);
      j["undated"] = st->undated;
      j["statements"] = st->statements;
      j["documents_with_cached_statements"] = st->cached_documents;
      j["outlet_count"] = st->outlets.size();
      auto list = [&](const auto& v) {
        nlohmann::ordered_json a = nlohmann::ordered_json::array();
        for (size_t i = 0; i < v.size() && i < top; ++i) a.push_back({{"name", v[i].first}, {"documents", v[i].second}});
        return a;
      };
      nlohmann::ordered_json stories;
      stories["documents_with_stories"] = st->storied_documents;
      stories["stories"] = st->stories;
      stories["stories_with_several_documents"] = st->stories_with_relays;
      nlohmann::ordered_json largest = nlohmann::ordered_json::array();
      for (size_t i = 0; i < st->largest_stories.size() && i < top; ++i) {
        const auto& s = st->largest_stories[i];
        largest.push_back({{"story", s.story}, {"title", s.title}, {"documents", s.documents},
                           {"outlets", s.outlets}, {"first", s.first.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.first)},
                           {"last", s.last.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.last)}});
      }
      stories["largest"] = std::move(largest);
      j["stories"] = std::move(stories);
      j["outlets"] = list(st->outlets);
      j["languages"] = list(st->languages);
      std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      return;
    }
    std::printf("database:        %s\n", opts->db.c_str());
    std::printf("documents:       %lld (%lld characters)\n", static_cast<long long>(st->documents),
                static_cast<long long>(st->characters));
    std::printf("near duplicates: %lld (linked to their originals, not counted above)\n",
                static_cast<long long>(st->near_duplicates));
    if (st->first_date.empty())
      std::printf("dates:           none known\n");
    else
      std::printf("dates:           %s .. %s (%lld undated)\n", st->first_date.c_str(),
                  st->last_date.c_str(), static_cast<long long>(st->undated));
    std::printf("statements:      %lld cached, for %lld of the %lld documents\n",
                static_cast<long long>(st->statements), static_cast<long long>(st->cached_documents),
                static_cast<long long>(st->documents));
    auto print = [&](const char* what, const auto& v) {
      std::printf("%s (%zu):\n", what, v.size());
      for (size_t i = 0; i < v.size() && i < top; ++i)
        std::printf("  %7lld  %s\n", static_cast<long long>(v[i].second),
                    v[i].first.empty() ? "(unknown)" : v[i].first.c_str());
      if (v.size() > top) std::printf("  ... %zu more (--top 0 lists all)\n", v.size() - top);
    };
    std::printf("stories:         %lld (%lld told by two or more documents), for %lld of the %lld documents\n",
                static_cast<long long>(st->stories), static_cast<long long>(st->stories_with_relays),
                static_cast<long long>(st->storied_documents), static_cast<long long>(st->documents));
    for (size_t i = 0; i < st->largest_stories.size() && i < top; ++i) {
      const auto& s = st->largest_stories[i];
      std::printf("  %7lld  %s%s%s  %s\n", static_cast<long long>(s.documents), s.first.empty() ? "undated" : s.first.c_str(),
                  s.last != s.first && !s.last.empty() ? ".." : "", s.last != s.first ? s.last.c_str() : "",
                  report::OneLine(s.title.empty() ? s.story : s.title, 70).c_str());
    }
    print("outlets", st->outlets);
    print("languages", st->languages);
  });
}

}  // namespace faultline::cli
