// A one-line progress display on stderr for long runs: files, MB and documents per
// second, refreshed at most four times a second, and only when stderr is a terminal
// (nothing is written when it is piped or redirected).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace faultline::cli {

class Progress {
 public:
  Progress();  // enabled iff isatty(stderr)
  ~Progress() { Clear(); }

  void Update(uint64_t files, uint64_t bytes, uint64_t documents);
  // Erases the line, e.g. before an error message is printed.
  void Clear();

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace faultline::cli
