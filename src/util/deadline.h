// A time budget for one piece of work on one thread: the CPU time the calling thread has
// spent since the budget started. CPU time, not wall time, so a loaded machine (or many
// worker threads sharing few cores) does not make a document that fits look too slow.
// Work checks ExpiredIn() at points where it can stop cleanly (between sentences, between
// the stages of actor recognition and every few hundred candidates or mentions), and the
// first check that finds the budget spent records the stage, for the error line.
#pragma once

#include <time.h>

#include <cstddef>

namespace faultline {

class Deadline {
 public:
  // No limit.
  Deadline() = default;
  // `seconds` of this thread's CPU time from now; 0 or less: no limit.
  explicit Deadline(double seconds) : limit_(seconds > 0 ? seconds : 0), start_(ThreadCpuSeconds()) {}

  bool limited() const { return limit_ > 0; }
  double seconds() const { return limit_; }
  // True once the thread that made the Deadline has used up the budget (call it on that
  // thread: the clock is the calling thread's), and the first time it is, remembers `stage` (a string literal naming
  // the work under way) and the CPU time spent. Once expired it stays so without reading
  // the clock again.
  bool ExpiredIn(const char* stage) {
    if (stage_ != nullptr) return true;
    if (limit_ <= 0) return false;
    const double spent = ThreadCpuSeconds() - start_;
    if (spent <= limit_) return false;
    stage_ = stage;
    spent_ = spent;
    return true;
  }
  // Whether an ExpiredIn check found the budget spent (no clock read).
  bool spent() const { return stage_ != nullptr; }
  // The stage ExpiredIn found the budget spent in; null while it has not.
  const char* expired_stage() const { return stage_; }
  // CPU seconds spent when that happened.
  double spent_at_expiry() const { return spent_; }

 private:
  static double ThreadCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
  double limit_ = 0;
  double start_ = 0;
  const char* stage_ = nullptr;
  double spent_ = 0;
};

// Checks `deadline` (null: no limit) every `every` calls, counted in *count: reading the
// thread's CPU clock is a system call, one candidate's or mention's work costs less.
inline bool ExpiredEvery(Deadline* deadline, size_t* count, size_t every, const char* stage) {
  if (deadline == nullptr) return false;
  if (deadline->spent()) return true;
  return (*count)++ % every == 0 && deadline->ExpiredIn(stage);
}

}  // namespace faultline
