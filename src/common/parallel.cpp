#include "common/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace creditscore {
namespace {

// The one process-wide setting of the thread budget; 0 means the machine's cores.
std::atomic<std::size_t> budget{0};

}  // namespace

std::size_t thread_budget() {
  // Read once: the C library reads the count from /sys at every call, and every parallel step
  // asks for it.
  static const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t set = budget.load();
  return set > 0 ? set : cores;
}

void set_thread_budget(std::size_t threads) {
  budget.store(threads);
}

void parallel_for(std::size_t tasks, const std::function<void(std::size_t)>& body,
                  std::size_t max_threads) {
  std::size_t threads = std::min(thread_budget(), tasks);
  if (max_threads > 0) threads = std::min(threads, max_threads);
  if (threads <= 1) {
    for (std::size_t task = 0; task < tasks; ++task) body(task);
    return;
  }
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto run = [&](std::size_t w) {
    try {
      for (std::size_t task = w; task < tasks; task += threads) body(task);
    } catch (...) {
      const std::lock_guard hold(failure_lock);
      if (!failure) failure = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> others;
    for (std::size_t w = 1; w < threads; ++w) others.emplace_back(run, w);
    run(0);
  }
  if (failure) std::rethrow_exception(failure);
}

void parallel_ranges(std::size_t count, std::size_t min_per_range,
                     const std::function<void(std::size_t, std::size_t)>& body) {
  const std::size_t ranges =
      std::clamp<std::size_t>(count / std::max<std::size_t>(1, min_per_range), 1, thread_budget());
  parallel_for(ranges, [&](std::size_t k) { body(count * k / ranges, count * (k + 1) / ranges); });
}

}  // namespace creditscore
