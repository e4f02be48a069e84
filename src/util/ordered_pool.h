// A WorkPool whose results come back in the order the items went in: commands that stream
// their output (extract, actors, ingest) use every core and still write the same bytes as
// with one thread. Results finished out of turn wait in memory until their turn (one slow
// item holds back the output, not the workers); Submit blocks while the queue is full.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <utility>

#include "util/work_pool.h"

namespace faultline {

template <typename In, typename Out>
class OrderedPool {
 public:
  using Work = std::function<Out(In&)>;  // called on the workers, so must be thread-safe
  using Sink = std::function<void(Out&&)>;

  // `sink` is called on the submitting thread only (in Submit and Finish), in input order.
  OrderedPool(unsigned threads, Work work, Sink sink)
      : sink_(std::move(sink)),
        pool_(threads, [work = std::move(work)](Job& job) { return Done{job.first, work(job.second)}; }) {}

  void Submit(In item) {
    pool_.Submit(Job{next_in_++, std::move(item)});
    pool_.Collect([this](Done&& d) { Keep(std::move(d)); });
  }

  // Waits for every item and hands over the rest, in order.
  void Finish() {
    pool_.Finish([this](Done&& d) { Keep(std::move(d)); });
  }

 private:
  using Job = std::pair<size_t, In>;
  using Done = std::pair<size_t, Out>;

  void Keep(Done&& d) {
    waiting_.emplace(d.first, std::move(d.second));
    for (auto it = waiting_.begin(); it != waiting_.end() && it->first == next_out_; it = waiting_.begin()) {
      sink_(std::move(it->second));
      waiting_.erase(it);
      ++next_out_;
    }
  }

  Sink sink_;
  size_t next_in_ = 0, next_out_ = 0;
  std::map<size_t, Out> waiting_;
  WorkPool<Job, Done> pool_;  // last: its threads stop (destructor) before the rest goes
};

}  // namespace faultline
