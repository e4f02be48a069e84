// Speed of ParseHtmlPage, and a driver that runs it over the Zyte article-extraction
// benchmark pages (../shared/bench/zyte-article-extraction) and writes the JSON that
// benchmark's evaluate.py reads.
//
//   html_bench --zyte DIR --out FILE.json   extract every page, print pages/s
//   html_bench [google benchmark flags]     micro-benchmark over the Zyte pages
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/html/content_cues.h"
#include "ingest/html/content_scorer.h"
#include "ingest/html/html_metadata.h"
#include "ingest/html/language.h"
#include "ingest/html/dom_blocks.h"
#include "ingest/html/encoding.h"
#include "ingest/html/gumbo_document.h"
#include "ingest/html/lean_html.h"
#include "ingest/html_page.h"

namespace {

struct Page {
  std::string id, url, html;
};

bool ReadGzip(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, n);
  gzclose(f);
  return n == 0;
}

std::vector<Page> LoadZyte(const std::string& dir) {
  std::vector<Page> pages;
  std::ifstream in(dir + "/ground-truth.json");
  if (!in) return pages;
  nlohmann::json gt = nlohmann::json::parse(in, nullptr, false);
  if (gt.is_discarded()) return pages;
  for (auto& [id, item] : gt.items()) {
    Page p;
    p.id = id;
    if (item.contains("url") && item["url"].is_string()) p.url = item["url"].get<std::string>();
    if (!ReadGzip(dir + "/html/" + id + ".html.gz", &p.html)) {
      std::cerr << dir << "/html/" << id << ".html.gz: cannot read\n";
      continue;
    }
    pages.push_back(std::move(p));
  }
  return pages;
}

std::string DefaultZyteDir() {
  return std::string(FAULTLINE_SOURCE_DIR) + "/../shared/bench/zyte-article-extraction";
}

int RunDriver(const std::string& dir, const std::string& out_path, int repeat, bool verbose) {
  std::vector<Page> pages = LoadZyte(dir);
  if (pages.empty()) {
    std::cerr << dir << ": no pages (ground-truth.json and html/ expected)\n";
    return 1;
  }
  size_t bytes = 0;
  for (const auto& p : pages) bytes += p.html.size();
  nlohmann::json out = nlohmann::json::object();
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  int failures = 0;
  for (int r = 0; r < repeat; ++r) {
    for (const auto& p : pages) {
      auto page = faultline::ParseHtmlPage(p.html, p.url);
      if (!page.ok()) {
        if (r == 0) {
          std::cerr << p.id << ": " << page.status().ToString() << "\n";
          ++failures;
        }
        if (r == 0) out[p.id] = {{"articleBody", ""}};
        continue;
      }
      if (r == 0) {
        out[p.id] = {{"articleBody", page->text}};
        if (verbose) {
          nlohmann::json rules = page->rules;
          out[p.id]["title"] = page->title;
          out[p.id]["date"] = page->date;
          out[p.id]["author"] = page->author;
          out[p.id]["outlet"] = page->outlet;
          out[p.id]["language"] = page->language;
          out[p.id]["canonical"] = page->url;
          out[p.id]["rules"] = rules;
        }
      }
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  double n = static_cast<double>(pages.size()) * repeat;
  // CPU time is the fair figure on a shared machine; wall time is printed beside it.
  std::printf("faultline: %zu pages (%.1f MB) x %d: %.3f s CPU, %.0f pages/s, %.1f MB/s "
              "(wall %.3f s, %.0f pages/s), %d failed\n",
              pages.size(), bytes / 1e6, repeat, cpu, n / cpu, bytes * repeat / 1e6 / cpu, secs,
              n / secs, failures);
  std::ofstream f(out_path);
  f << out.dump(1);
  return f ? 0 : 1;
}

// Prints every block with its owner and the boilerplate chain above it (development aid).
int Dump(const std::string& path) {
  std::string html;
  if (!ReadGzip(path, &html)) {
    std::cerr << path << ": cannot read\n";
    return 1;
  }
  auto decoded = faultline::html::DecodeHtml(html);
  if (!decoded.ok()) return 1;
  GumboOptions options = kGumboDefaultOptions;
  GumboOutput* parsed = gumbo_parse_with_options(&options, decoded->utf8.data(), decoded->utf8.size());
  auto dom = faultline::html::BuildBlocks(parsed->document, *faultline::html::DefaultContentCues());
  gumbo_destroy_output(&options, parsed);
  for (const auto& b : dom.blocks) {
    std::string chain;
    for (int e = b.junk_elem; e >= 0; e = dom.elements[e].junk_parent)
      chain += dom.elements[e].why + (dom.elements[e].weak ? "(w)" : "") + "<";
    std::string path;
    for (int e = b.owner, n = 0; e >= 0 && n < 4; e = dom.elements[e].parent, ++n)
      path = std::string(dom.label(e).substr(0, 30)) + ">" + path;
    std::printf("%5d L%-4d %-30s %-50s | %s\n", b.chars, b.link_chars, chain.substr(0, 30).c_str(),
                path.substr(0, 50).c_str(), b.text.substr(0, 80).c_str());
  }
  return 0;
}

// ParseHtmlPage over DIR/*/source.html (the Readability test-page layout), everything it
// returns as JSON keyed by the page's folder (development aid).
int Pages(const std::string& dir, const std::string& out_path) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string src = entry.path().string() + "/source.html";
    std::ifstream in(src, std::ios::binary);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    auto page = faultline::ParseHtmlPage(ss.str());
    std::string name = entry.path().filename().string();
    if (!page.ok()) {
      std::cerr << src << ": " << page.status().ToString() << "\n";
      continue;
    }
    nlohmann::json rules = page->rules;
    out[name] = {{"text", page->text},         {"title", page->title},   {"date", page->date},
                 {"author", page->author},     {"outlet", page->outlet}, {"language", page->language},
                 {"canonical", page->url},     {"rules", rules}};
  }
  std::ofstream f(out_path);
  f << out.dump(1);
  return f ? 0 : 1;
}

// CPU time of each phase over all pages (development aid).
int Phases(const std::string& dir) {
  std::vector<Page> pages = LoadZyte(dir);
  double t[9] = {0, 0, 0, 0, 0, 0, 0, 0, 0};
  auto lap = [](std::clock_t* c) {
    std::clock_t now = std::clock();
    double d = static_cast<double>(now - *c) / CLOCKS_PER_SEC;
    *c = now;
    return d;
  };
  size_t lean_bytes = 0;
  for (const auto& p : pages) {
    std::clock_t c = std::clock();
    auto decoded = faultline::html::DecodeHtml(p.html);
    t[0] += lap(&c);
    std::string lean = faultline::html::LeanHtml(decoded->utf8);
    lean_bytes += lean.size();
    t[1] += lap(&c);
    faultline::html::DomBlocks dom;
    {
      faultline::html::GumboDocument parsed(lean);
      t[2] += lap(&c);
      dom = faultline::html::BuildBlocks(parsed.root(), *faultline::html::DefaultContentCues());
      t[3] += lap(&c);
    }
    t[4] += lap(&c);
    auto sd = faultline::html::ReadJsonLd(dom.facts.json_ld);
    t[5] += lap(&c);
    auto md = faultline::html::ExtractMetadata(dom.facts, sd, "", p.url);
    t[6] += lap(&c);
    auto main_text = faultline::html::SelectMainText(dom, *faultline::html::DefaultContentCues(), md.title,
                                                     sd.article_body);
    t[7] += lap(&c);
    bool reliable;
    auto lang = faultline::html::DetectLanguage(main_text.text, &reliable);
    t[8] += lap(&c);
  }
  std::printf("decode %.3f  lean %.3f (%.1f MB left)  gumbo %.3f  blocks %.3f  destroy %.3f  json-ld %.3f  "
              "metadata %.3f  container %.3f  language %.3f\n",
              t[0], t[1], lean_bytes / 1e6, t[2], t[3], t[4], t[5], t[6], t[7], t[8]);
  return 0;
}

void BM_ParseHtmlPage(benchmark::State& state) {
  static const std::vector<Page> pages = LoadZyte(DefaultZyteDir());
  if (pages.empty()) {
    state.SkipWithError("../shared/bench/zyte-article-extraction is absent");
    return;
  }
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const Page& p = pages[i++ % pages.size()];
    auto page = faultline::ParseHtmlPage(p.html, p.url);
    benchmark::DoNotOptimize(page);
    bytes += p.html.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseHtmlPage)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  std::string dir, out;
  int repeat = 1;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--zyte" && i + 1 < argc) dir = argv[++i];
    else if (a == "--out" && i + 1 < argc) out = argv[++i];
    else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else if (a == "--verbose") verbose = true;
    else if (a == "--dump" && i + 1 < argc) return Dump(argv[++i]);
    else if (a == "--phases") return Phases(DefaultZyteDir());
    else if (a == "--pages" && i + 2 < argc) return Pages(argv[i + 1], argv[i + 2]);
  }
  if (!dir.empty() || !out.empty()) {
    if (dir.empty()) dir = DefaultZyteDir();
    if (out.empty()) {
      std::cerr << "usage: html_bench --zyte DIR --out FILE.json [--repeat N] [--verbose]\n";
      return 2;
    }
    return RunDriver(dir, out, repeat, verbose);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
