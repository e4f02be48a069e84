// What the DNA reader and writer share: a prepared-statement helper and DNA's value
// conventions (dates as seconds since 1970, short texts under 191 characters, the
// "key: value" document notes faultline writes). Internal to src/dna/.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "util/status.h"

namespace faultline::dna::internal {

// A prepared statement that finalizes itself.
class Query {
 public:
  Query(sqlite3* db, const char* sql) { ok_ = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) == SQLITE_OK; }
  ~Query() { sqlite3_finalize(st_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  bool ok() const { return ok_; }
  Query& Bind(int i, int64_t v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
  }
  Query& Bind(int i, const std::string& v) {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  bool Step() { return sqlite3_step(st_) == SQLITE_ROW; }
  // For INSERTs: true when the statement ran to completion.
  bool Run() {
    const int rc = sqlite3_step(st_);
    sqlite3_reset(st_);
    return rc == SQLITE_DONE;
  }
  int64_t Int(int col) const { return sqlite3_column_int64(st_, col); }
  std::string Text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(st_, col))) : std::string();
  }

 private:
  sqlite3_stmt* st_ = nullptr;
  bool ok_ = false;
};

inline Status DbError(sqlite3* db, const std::string& what, const std::string& path) {
  return Status::Error(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"), path);
}

// DNA stores a document's date as seconds since 1970 (UTC). faultline's dates are ISO
// days, possibly partial ("2022-03", "2022"); an undated document is written as 0.
inline int64_t EpochSeconds(const std::string& date) {
  int y = 0;
  unsigned m = 1, d = 1;
  if (date.size() < 4 || std::sscanf(date.c_str(), "%4d", &y) != 1) return 0;
  if (date.size() >= 7 && std::sscanf(date.c_str() + 5, "%2u", &m) != 1) return 0;
  if (date.size() >= 10 && std::sscanf(date.c_str() + 8, "%2u", &d) != 1) return 0;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return 0;
  return static_cast<int64_t>(std::chrono::sys_days{ymd}.time_since_epoch().count()) * 86400;
}

inline std::string IsoDate(int64_t seconds) {
  if (seconds == 0) return {};
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{seconds}});
  const std::chrono::year_month_day ymd{days};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

inline bool IsFullDate(const std::string& date) { return date.size() == 10 && date[4] == '-' && date[7] == '-'; }

// DNA's short texts hold fewer than 191 characters (a CHECK in its schema).
inline std::string Fit(const std::string& s, size_t max_chars = 190) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++chars > max_chars) return s.substr(0, i);
  }
  return s;
}

// Document notes as faultline writes them: "key: value" lines (file, url, date).
inline std::string NoteValue(const std::string& notes, const std::string& key) {
  const std::string prefix = key + ": ";
  size_t at = 0;
  while (at < notes.size()) {
    size_t end = notes.find('\n', at);
    if (end == std::string::npos) end = notes.size();
    if (notes.compare(at, prefix.size(), prefix) == 0) return notes.substr(at + prefix.size(), end - at - prefix.size());
    at = end + 1;
  }
  return {};
}

}  // namespace faultline::dna::internal
