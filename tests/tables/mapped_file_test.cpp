#include "tables/mapped_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "tests/support/temporary_directory.h"

namespace creditscore::tables {
namespace {

// This process's resident pages of mapped files, in kB (/proc/self/status).
long resident_file_kb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("RssFile:")) return std::stol(line.substr(8));
  }
  return -1;
}

TEST(MappedFileTest, PagesGivenBackLeaveMemoryAndReadTheSameAgain) {
  const testing::TemporaryDirectory temporary{"mapped"};
  const auto file = temporary.path() / "bytes.csv";
  std::string text(16 << 20, '\0');
  for (std::size_t i = 0; i < text.size(); ++i) text[i] = static_cast<char>('a' + i * 7 % 26);
  std::ofstream(file, std::ios::binary) << text;

  const MappedFile mapped(file);
  ASSERT_EQ(mapped.bytes(), text);  // every page read: resident
  const long before = resident_file_kb();
  mapped.release(mapped.bytes().substr(100, 12 << 20));  // its whole pages only
  EXPECT_LT(resident_file_kb(), before - 11 * 1024);
  EXPECT_EQ(mapped.bytes(), text);
}

TEST(MappedFileTest, PagesLoadedAheadAreInMemoryBeforeTheyAreRead) {
  const testing::TemporaryDirectory temporary{"mapped"};
  const auto file = temporary.path() / "bytes.csv";
  std::ofstream(file, std::ios::binary) << std::string(16 << 20, 'x');
  std::ifstream(file, std::ios::binary).ignore(16 << 20);  // in the page cache, not yet mapped

  const MappedFile mapped(file);
  const long before = resident_file_kb();
  mapped.load(mapped.bytes().substr(100, 12 << 20));
  EXPECT_GT(resident_file_kb(), before + 11 * 1024);
  EXPECT_EQ(mapped.bytes(), std::string(16 << 20, 'x'));
}

}  // namespace
}  // namespace creditscore::tables
