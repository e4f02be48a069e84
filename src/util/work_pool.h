// A fixed set of threads applying one function to queued items. Results are handed back
// on the thread that submits (Collect, Finish), never from a worker, so what is not
// thread-safe — a database connection, an output stream — stays on that one thread.
// Submit blocks while 4 items per thread wait, which bounds memory on long inputs.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace faultline {

template <typename In, typename Out>
class WorkPool {
 public:
  using Work = std::function<Out(In&)>;  // called on the workers, so must be thread-safe
  using Sink = std::function<void(Out&&)>;

  WorkPool(unsigned threads, Work work) : work_(std::move(work)), capacity_(4 * std::max(1u, threads)) {
    for (unsigned i = 0; i < std::max(1u, threads); ++i) threads_.emplace_back([this] { Run(); });
  }
  ~WorkPool() { Finish([](Out&&) {}); }
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  void Submit(In item) {
    std::unique_lock<std::mutex> lock(mu_);
    space_.wait(lock, [&] { return queue_.size() < capacity_; });
    queue_.push_back(std::move(item));
    work_ready_.notify_one();
  }

  // Hands the results finished so far to `sink`, in the order they finished.
  void Collect(const Sink& sink) {
    std::vector<Out> done;
    {
      std::lock_guard<std::mutex> lock(mu_);
      done.swap(done_);
    }
    for (Out& o : done) sink(std::move(o));
  }

  // Waits for every submitted item and hands over the remaining results; the pool
  // takes no more items afterwards.
  void Finish(const Sink& sink) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closing_ = true;
    }
    work_ready_.notify_all();
    for (auto& t : threads_)
      if (t.joinable()) t.join();
    Collect(sink);
  }

 private:
  void Run() {
    for (;;) {
      In item;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_ready_.wait(lock, [&] { return closing_ || !queue_.empty(); });
        if (queue_.empty()) return;
        item = std::move(queue_.front());
        queue_.pop_front();
        space_.notify_one();
      }
      Out out = work_(item);
      std::lock_guard<std::mutex> lock(mu_);
      done_.push_back(std::move(out));
    }
  }

  Work work_;
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable work_ready_, space_;
  std::deque<In> queue_;
  std::vector<Out> done_;
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace faultline
