// The one way the product spreads work over the cores, under one thread budget: how many threads
// any parallel step may use at once. The budget defaults to the machine's cores and is set once,
// at start, from --threads; every stage (reading, features, training, scoring) then obeys it.
#pragma once

#include <cstddef>
#include <functional>

namespace creditscore {

// The threads parallel work may use: the budget set, else the machine's cores (at least 1).
std::size_t thread_budget();
// 0 goes back to the machine's cores. Call before starting parallel work.
void set_thread_budget(std::size_t threads);

// Runs body(task) once for every task in [0, tasks), on at most min(thread_budget(),
// max_threads) threads, the calling one among them. Thread w takes tasks w, w + W, w + 2W, ...,
// so task 0 always runs on the calling thread (the one that may draw progress). The first
// exception a task throws is rethrown here, once every thread has finished.
void parallel_for(std::size_t tasks, const std::function<void(std::size_t task)>& body,
                  std::size_t max_threads = 0);

// Splits [0, count) into contiguous ranges of at least `min_per_range` items, one per thread,
// and runs body(begin, end) on each; ranges write only their own items.
void parallel_ranges(std::size_t count, std::size_t min_per_range,
                     const std::function<void(std::size_t begin, std::size_t end)>& body);

}  // namespace creditscore
