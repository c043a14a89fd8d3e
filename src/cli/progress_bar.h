// A progress bar on standard error for long work. On a terminal it redraws one line (bar, share,
// counts, elapsed, time left). Elsewhere (a file, a pipe, CI) it stays quiet for short work and
// prints one such line at most every 10 s for long work, so that a log shows it is alive.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

#include "tables/progress.h"

namespace creditscore::cli {

class ProgressBar {
 public:
  // `unit` names what is counted ("clients", "bytes" is shown as MB).
  explicit ProgressBar(std::string unit);
  // Drawn on `out`, as on a terminal or not; off a terminal, a line every `log_interval`.
  ProgressBar(std::string unit, std::FILE* out, bool terminal,
              std::chrono::milliseconds log_interval = std::chrono::seconds(10));
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Safe to call from several threads.
  void update(std::string_view stage, std::uint64_t done, std::uint64_t total);
  // Ends the line; called by the destructor if not before.
  void finish();

  // A ProgressFn that feeds this bar; the bar must outlive it.
  ProgressFn callback();

 private:
  void draw(std::string_view stage, std::uint64_t done, std::uint64_t total);

  std::string unit_;
  std::FILE* out_;
  bool terminal_;
  std::chrono::milliseconds log_interval_;
  bool drawn_ = false;
  std::string last_stage_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_ = start_;
  // The count under way (the folds' rounds, then the final model's): the time left is drawn from
  // its own pace, since it started at `counted_from_`.
  std::uint64_t total_ = 0;
  std::uint64_t last_done_ = 0;
  std::uint64_t counted_from_ = 0;
  std::chrono::steady_clock::time_point counted_since_ = start_;
  std::mutex mutex_;
};

}  // namespace creditscore::cli
