// A progress bar on standard error for long work. On a terminal it redraws one line (bar, share,
// counts, elapsed, time left); elsewhere (CI, logs) it prints a line at every tenth of the work.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "tables/progress.h"

namespace creditscore::cli {

class ProgressBar {
 public:
  // `unit` names what is counted ("clients", "bytes" is shown as MB).
  explicit ProgressBar(std::string unit);
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
  bool terminal_;
  bool drawn_ = false;
  int last_tenth_ = -1;
  std::string last_stage_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
  std::mutex mutex_;
};

}  // namespace creditscore::cli
