#include "tables/atomic_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/temporary_directory.h"

namespace creditscore {
namespace {

class AtomicFileTest : public ::testing::Test {
 protected:
  std::string read(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
  }
  const testing::TemporaryDirectory temporary_{"atomic"};
  const std::filesystem::path& dir_ = temporary_.path();
};

TEST_F(AtomicFileTest, CommitReplacesTheDestinationWhole) {
  const auto file = dir_ / "out.csv";
  std::ofstream(file) << "old";
  write_file_atomically(file, "new content");
  EXPECT_EQ(read(file), "new content");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_), {}), 1);
}

TEST_F(AtomicFileTest, WithoutCommitTheDestinationIsUntouchedAndNoTemporaryRemains) {
  const auto file = dir_ / "out.csv";
  std::ofstream(file) << "old";
  {
    AtomicFile partial(file);
    partial.write("half a fi");
  }
  EXPECT_EQ(read(file), "old");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_), {}), 1);
}

TEST_F(AtomicFileTest, UnwritableDirectoryIsNamedInTheError) {
  const auto file = dir_ / "missing" / "out.csv";
  try {
    write_file_atomically(file, "x");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find((dir_ / "missing").string()), std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace creditscore
