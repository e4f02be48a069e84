#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace faultline::cli {

Progress::Progress()
    : enabled_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void Progress::Update(uint64_t files, uint64_t bytes, uint64_t documents) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  // Short runs show nothing; long ones refresh every 250 ms.
  if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r\033[K%llu files, %.1f MB, %llu documents (%.0f docs/s)",
               static_cast<unsigned long long>(files), static_cast<double>(bytes) / (1 << 20),
               static_cast<unsigned long long>(documents), static_cast<double>(documents) / secs);
  std::fflush(stderr);
  shown_ = true;
}

void Progress::Clear() {
  if (!shown_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace faultline::cli
