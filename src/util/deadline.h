// A time budget for one piece of work on one thread: the CPU time the calling thread has
// spent since the budget started. CPU time, not wall time, so a loaded machine (or many
// worker threads sharing few cores) does not make a document that fits look too slow.
// Work checks Expired() at points where it can stop cleanly (between sentences).
#pragma once

#include <time.h>

namespace faultline {

class Deadline {
 public:
  // No limit.
  Deadline() = default;
  // `seconds` of this thread's CPU time from now; 0 or less: no limit.
  explicit Deadline(double seconds) : limit_(seconds > 0 ? seconds : 0), start_(ThreadCpuSeconds()) {}

  bool limited() const { return limit_ > 0; }
  double seconds() const { return limit_; }
  // True once the thread that made the Deadline has used up the budget. Call it on that
  // thread: the clock is the calling thread's.
  bool Expired() const { return limit_ > 0 && ThreadCpuSeconds() - start_ > limit_; }

 private:
  static double ThreadCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
  double limit_ = 0;
  double start_ = 0;
};

}  // namespace faultline
