// A metadata sidecar (--meta): JSON Lines or CSV rows that supply or override a
// document's date, outlet, url, title, author, language or via, keyed by file name, id or
// URL. Scrapers keep such files beside their text dumps; the sidecar wins over what
// the text itself says, because a page's display date is often not the article's.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/reader.h"

namespace faultline {

struct SidecarEntry {
  std::string date, outlet, url, title, author, language, via;
};

class Sidecar {
 public:
  // Reads `path` (".csv" by name or a first line without "{" means CSV with a header
  // row; otherwise JSON Lines). Key columns: file (or filename, path), id, url.
  // Bad rows are reported to `on_error` and skipped; failing to open is an error.
  static Result<Sidecar> Load(const std::string& path, const ErrorSink& on_error);
  // The same from text already in memory (`name` is used in messages).
  static Result<Sidecar> Parse(const std::string& content, const std::string& name,
                               const ErrorSink& on_error);

  // Overrides `doc`'s fields with the matching entry's non-empty ones. Matching tries
  // the document's file name (without directories or "#record"), its full file, its
  // id, its URL, then the file's stem. Returns whether an entry matched.
  bool Apply(Document* doc) const;

  size_t size() const { return entries_.size(); }

 private:
  void Add(SidecarEntry entry, const std::vector<std::string>& keys,
           const std::vector<std::string>& url_keys);
  const SidecarEntry* Find(const Document& doc) const;

  std::vector<SidecarEntry> entries_;
  std::unordered_map<std::string, size_t> by_key_;   // exact key -> entry
  std::unordered_map<std::string, size_t> by_stem_;  // file key's stem -> entry
};

}  // namespace faultline
