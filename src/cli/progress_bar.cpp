#include "cli/progress_bar.h"

#include <unistd.h>

#include <cstdio>

#include "cli/number_format.h"

namespace creditscore::cli {
namespace {

constexpr int kBarWidth = 30;
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

std::string format_seconds(double seconds) {
  const auto whole = static_cast<long>(seconds + 0.5);
  char text[32];
  if (whole >= 60) {
    std::snprintf(text, sizeof text, "%ldm%02lds", whole / 60, whole % 60);
  } else {
    std::snprintf(text, sizeof text, "%lds", whole);
  }
  return text;
}

}  // namespace

ProgressBar::ProgressBar(std::string unit)
    : ProgressBar(std::move(unit), stderr, ::isatty(STDERR_FILENO) == 1) {}

ProgressBar::ProgressBar(std::string unit, std::FILE* out, bool terminal,
                         std::chrono::milliseconds log_interval)
    : unit_(std::move(unit)), out_(out), terminal_(terminal), log_interval_(log_interval) {}

ProgressBar::~ProgressBar() {
  finish();
}

ProgressFn ProgressBar::callback() {
  return [this](std::string_view stage, std::uint64_t done, std::uint64_t total) {
    update(stage, done, total);
  };
}

void ProgressBar::update(std::string_view stage, std::uint64_t done, std::uint64_t total) {
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (total != total_ || done < last_done_) {  // a new count: its pace is its own
    total_ = total;
    counted_from_ = done;
    counted_since_ = now;
  }
  last_done_ = done;
  if (terminal_) {
    if (stage == last_stage_ && done < total && now - last_draw_ < kRedrawInterval) return;
  } else if (now - last_draw_ < log_interval_) {
    return;
  }
  last_stage_ = stage;
  last_draw_ = now;
  draw(stage, done, total);
}

void ProgressBar::draw(std::string_view stage, std::uint64_t done, std::uint64_t total) {
  const double share = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const int filled = static_cast<int>(share * kBarWidth);
  std::string line = "[" + std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "] ";
  char percent[16];
  std::snprintf(percent, sizeof percent, "%3d%% ", static_cast<int>(share * 100));
  line += percent;
  line += std::string(stage) + " ";
  if (unit_ == "bytes") {
    line += format_megabytes(done) + "/" + format_megabytes(total) + " MB";
  } else {
    line += format_count(done) + "/" + format_count(total) + " " + unit_;
  }
  line += "  " + format_seconds(elapsed);
  if (done > counted_from_ && share < 1.0) {
    const double counted = static_cast<double>(done - counted_from_);
    if (counted / static_cast<double>(total - counted_from_) > 0.02) {
      const double counting =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - counted_since_).count();
      line +=
          ", ~" + format_seconds(counting / counted * static_cast<double>(total - done)) + " left";
    }
  }
  if (terminal_) {
    std::fprintf(out_, "\r%-100s", line.c_str());
  } else {
    std::fprintf(out_, "%s\n", line.c_str());
  }
  std::fflush(out_);
  drawn_ = true;
}

void ProgressBar::finish() {
  std::lock_guard lock(mutex_);
  if (drawn_ && terminal_) std::fputc('\n', out_);
  drawn_ = false;
}

}  // namespace creditscore::cli
