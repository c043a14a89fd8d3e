// The progress bar as a user sees it: redrawn in place on a terminal; off a terminal, quiet for
// short work and a line at most every interval for long work.
#include "cli/progress_bar.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <thread>

namespace creditscore::cli {
namespace {

// What was written to `file` so far.
std::string written(std::FILE* file) {
  std::fflush(file);
  std::rewind(file);
  std::string text;
  for (int c; (c = std::fgetc(file)) != EOF;) text += static_cast<char>(c);
  return text;
}

TEST(ProgressBar, OffATerminalShortWorkPrintsNothing) {
  std::FILE* log = std::tmpfile();
  {
    ProgressBar bar("clients", log, false);
    for (std::uint64_t done = 0; done <= 1000; ++done) bar.update("scoring", done, 1000);
  }
  EXPECT_EQ(written(log), "");
  std::fclose(log);
}

TEST(ProgressBar, OffATerminalLongWorkPrintsALinePerInterval) {
  std::FILE* log = std::tmpfile();
  {
    ProgressBar bar("clients", log, false, std::chrono::milliseconds(40));
    for (std::uint64_t done = 0; done <= 100; ++done) {
      bar.update("scoring", done, 100);
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  const std::string text = written(log);
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n';
  EXPECT_GE(lines, 1u) << text;
  EXPECT_LE(lines, 100u / 40 + 2) << "one line per interval at most:\n" << text;
  EXPECT_EQ(text.find('\r'), std::string::npos) << "no redrawing in a log";
  EXPECT_NE(text.find("scoring"), std::string::npos);
  EXPECT_NE(text.find("/100 clients"), std::string::npos) << text;
  std::fclose(log);
}

TEST(ProgressBar, OnATerminalItRedrawsOneLineAndEndsIt) {
  std::FILE* terminal = std::tmpfile();
  {
    ProgressBar bar("clients", terminal, true);
    bar.update("scoring", 0, 10);
    bar.update("scoring", 10, 10);
  }
  const std::string text = written(terminal);
  EXPECT_EQ(text.front(), '\r');
  EXPECT_NE(text.find("100% scoring 10/10 clients"), std::string::npos) << text;
  EXPECT_EQ(text.back(), '\n');
  std::fclose(terminal);
}

// Training counts the folds' rounds, then the final model's: the second count's time left comes
// from its own pace, not from the time the first one took.
TEST(ProgressBar, ANewCountsTimeLeftComesFromItsOwnPace) {
  std::FILE* terminal = std::tmpfile();
  {
    ProgressBar bar("rounds", terminal, true);
    bar.update("fold 1/1", 0, 100);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    bar.update("fold 1/1", 100, 100);
    bar.update("final model", 0, 1000);
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    bar.update("final model", 100, 1000);  // ~1.4 s left at this pace; 14 s from the bar's start
  }
  const std::string text = written(terminal);
  const std::size_t at = text.rfind("final model 100/1,000 rounds");
  ASSERT_NE(at, std::string::npos) << text;
  const std::size_t left = text.find(", ~", at);
  ASSERT_NE(left, std::string::npos) << text;
  EXPECT_LT(std::stoi(text.substr(left + 3)), 6) << text.substr(at);
  std::fclose(terminal);
}

}  // namespace
}  // namespace creditscore::cli
