// Test fixtures for the stories tests: invented news articles, each written once here so
// that every test telling the same story tells it with the same words, and the builders
// that store and assign documents as one `ingest` does. The articles are made up for
// these tests (places, outlets and events alike).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/document.h"
#include "store/store.h"
#include "stories/stories.h"
#include "stories/story_store.h"
#include "util/status.h"

namespace faultline::testing {

// `lead`, then `credit` where `with_credit`, then `rest`: an article that may say whom it
// has the news from. Built by append: string&& + "literal" trips g++ 12's -Warray-bounds
// at -O1.
inline std::string WithCredit(const char* lead, const char* credit, bool with_credit, const char* rest) {
  std::string text = lead;
  if (with_credit) text += credit;
  text += rest;
  return text;
}

// A container crane collapse at Vellmar harbour, first reported. Where `credit_reuters`,
// the report says it has the news from Reuters (an agency in the shipped outlet list).
inline std::string CraneReport(bool credit_reuters = false) {
  return WithCredit(
      "A container crane collapsed at the Vellmar harbour on Tuesday night, crushing two empty trucks on the quay",
      ", Reuters reported", credit_reuters,
      ". The port authority said nobody was hurt because the night shift had stopped for a storm warning. "
      "Inspectors are examining a cracked hinge on the crane's boom, which was installed in 1998. The terminal "
      "will stay closed for at least a week while the wreck is cut apart and removed.");
}

// The same crane collapse relayed by another outlet in other words; `credit_reuters` as
// for CraneReport.
inline std::string CraneRelay(bool credit_reuters = false) {
  return WithCredit(
      "Nobody was hurt when a container crane came down at Vellmar harbour on Tuesday night and crushed two "
      "empty trucks, the port authority said, as the night shift had halted work for a storm warning. A cracked "
      "hinge on the boom, installed in 1998, is being examined by inspectors",
      ", according to Reuters", credit_reuters,
      ". The terminal stays shut for at least a week while crews cut the wreck apart.");
}

// A bus drivers' strike in Orlen, first reported (the tests give it to the Orlen Daily).
inline constexpr char kStrikeReport[] =
    "Bus drivers in Orlen walked out on Monday in a dispute over split shifts, leaving forty routes without "
    "service. The drivers' union said talks with the transport company broke down after the company refused "
    "to pay for the unpaid hours between shifts. Schools told pupils to arrive late and the city opened "
    "three extra park-and-ride sites.";

// The same strike relayed in other words; where `credit_orlen_daily`, the relay names the
// Orlen Daily as where it has the news from.
inline std::string StrikeRelay(bool credit_orlen_daily = false) {
  return WithCredit(
      "Forty bus routes in Orlen had no service on Monday as drivers struck over split shifts. Their union said "
      "talks with the transport company collapsed when it refused to pay the unpaid hours between shifts",
      ", the Orlen Daily reported", credit_orlen_daily,
      ". The city opened three extra park-and-ride sites and schools told pupils they could arrive late.");
}

// A regional budget: news unrelated to the others, a story of its own.
inline constexpr char kBudgetReport[] =
    "The regional government presented a budget that raises spending on schools and clinics while cutting "
    "fuel subsidies, a plan the opposition called a tax on commuters. Parliament votes next month after "
    "hearings in the budget committee. Economists said the deficit would narrow if growth forecasts held.";

// The Aldermoor bridge reopening after a barge struck it, first reported.
inline constexpr char kBridgeReport[] =
    "The Aldermoor bridge reopened to traffic on Friday, eleven months after a barge struck one of its "
    "piers during a flood. Engineers replaced two steel girders and reinforced the damaged pier with a "
    "concrete collar. The city council said the repairs cost 18 million euros, most of it paid by the "
    "barge operator's insurer. Commuters had faced detours of up to forty minutes while the crossing was shut.";

// The same reopening relayed in other words.
inline constexpr char kBridgeRelay[] =
    "Cars crossed the Aldermoor bridge again on Friday for the first time since a runaway barge hit a pier "
    "during last year's flood. The council said engineers fitted two new steel girders and a concrete collar "
    "around the damaged pier, at a cost of 18 million euros largely covered by the barge operator's insurer. "
    "Drivers had endured detours of up to forty minutes.";

// A document as read from the file `id`.txt.
inline Document Doc(const std::string& id, const std::string& outlet, const std::string& date,
                    const std::string& title, const std::string& text) {
  Document d;
  d.id = id;
  d.file = id + ".txt";
  d.outlet = outlet;
  d.date = date;
  d.title = title;
  d.text = text;
  return d;
}

// The same without a title: the stories read the text alone.
inline Document Doc(const std::string& id, const std::string& outlet, const std::string& date,
                    const std::string& text) {
  return Doc(id, outlet, date, "", text);
}

// The shipped stories data, with `outlet_files` added to its outlet list.
inline stories::StoriesData ShippedStoriesData(const std::vector<std::string>& outlet_files = {}) {
  auto d = stories::StoriesData::Load(outlet_files);
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return std::move(d).value();
}

inline std::unique_ptr<Store> OpenStore(const std::string& path, bool read_only = false) {
  StoreOptions so;
  so.read_only = read_only;
  Result<std::unique_ptr<Store>> s = Store::Open(path, so);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

// Stores `docs` in `store` and assigns each one new to a story, with the shipped data,
// then flushes: the stories' part of one `ingest`. Its counts, or the first error.
inline Result<stories::StoryStoreStats> AddToStories(Store* store, const std::vector<Document>& docs) {
  Result<stories::StoriesData> data = stories::StoriesData::Load();
  if (!data.ok()) return data.status();
  auto ss = stories::StoryStore::Open(store, std::move(data).value());
  if (!ss.ok()) return ss.status();
  for (const Document& d : docs) {
    Result<AddOutcome> r = store->Add(d);
    if (!r.ok()) return r.status();
    if (r->kind != AddKind::kAdded) continue;
    if (Status st = (*ss)->Add(d, r->id); !st.ok()) return st;
  }
  if (Status st = store->Flush(); !st.ok()) return st;
  return (*ss)->stats();
}

// Stores and assigns `docs` in the database at `path` in one run (as one `ingest`).
inline stories::StoryStoreStats IngestStories(const std::string& path, const std::vector<Document>& docs) {
  auto store = OpenStore(path);
  if (!store) return {};
  Result<stories::StoryStoreStats> stats = AddToStories(store.get(), docs);
  EXPECT_TRUE(stats.ok()) << path << ": " << stats.status().ToString();
  return stats.ok() ? *stats : stories::StoryStoreStats{};
}

}  // namespace faultline::testing
