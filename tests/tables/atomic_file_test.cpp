#include "tables/atomic_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <span>
#include <sstream>
#include <string>
#include <vector>

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

// Pieces of every size across the buffer's edges: a large file goes to the disk directly in whole
// blocks, its tail through the cache, and reads back byte for byte, on a disk (direct) as on
// tmpfs (which refuses O_DIRECT, so all of it goes through the cache).
TEST_F(AtomicFileTest, ALargeFileWrittenInPiecesOfEverySizeReadsBackWhole) {
  std::string expected;
  for (std::size_t i = 0; expected.size() < (9 << 20) + 4321; ++i)
    expected += std::to_string(i * 2654435761u) + (i % 7 == 0 ? "\n" : ",");
  std::vector<std::filesystem::path> files = {dir_ / "large.bin"};
  if (std::filesystem::is_directory("/dev/shm"))
    files.push_back(std::filesystem::path("/dev/shm") / dir_.filename());
  for (const auto& file : files) {
    AtomicFile out(file);
    std::size_t at = 0;
    for (std::size_t piece : {std::size_t{1}, std::size_t{4095}, std::size_t{1000003},
                              std::size_t{5} << 20, std::size_t{3}}) {
      out.write(std::string_view(expected).substr(at, piece));
      at += piece;
    }
    out.write(std::string_view(expected).substr(at));
    out.commit();
    EXPECT_EQ(read(file), expected) << file;
    if (file != files.front()) std::filesystem::remove(file);
  }
}

// Aligned pieces written last first, around the 4 MB buffer's size, read back byte for byte,
// each byte where its offset says, on a disk (straight to it) as on tmpfs (which refuses O_DIRECT:
// through the page cache).
TEST_F(AtomicFileTest, AlignedPiecesInAnyOrderHaveEveryByteInItsPlace) {
  constexpr std::size_t kAlign = AtomicFile::kAlignment;
  const auto byte_at = [](std::size_t offset) {
    return static_cast<char>(offset * 2654435761u >> 13);
  };
  std::vector<std::filesystem::path> dirs = {dir_};
  if (std::filesystem::is_directory("/dev/shm")) dirs.emplace_back("/dev/shm");
  const std::vector<std::size_t> sizes = {kAlign, 4 << 20, (4 << 20) + kAlign, 3 * kAlign};
  std::vector<std::size_t> offsets = {0};
  for (std::size_t size : sizes) offsets.push_back(offsets.back() + size);
  const std::size_t total = offsets.back();
  std::unique_ptr<char, decltype(&std::free)> buffer(
      static_cast<char*>(std::aligned_alloc(kAlign, total)), &std::free);
  for (std::size_t i = 0; i < total; ++i) buffer.get()[i] = byte_at(i);
  for (const auto& dir : dirs) {
    const auto file = dir / (dir_.filename().string() + "-pieces.bin");
    AtomicFile out(file);
    for (std::size_t k = sizes.size(); k-- > 0;)
      out.write_aligned(offsets[k], {buffer.get() + offsets[k], sizes[k]});
    out.commit();
    const std::string back = read(file);
    ASSERT_EQ(back.size(), total) << file;
    EXPECT_EQ(back, std::string(buffer.get(), total)) << file;
    std::filesystem::remove(file);
  }
}

TEST_F(AtomicFileTest, UnalignedPiecesAndMixedWritesAreRefused) {
  constexpr std::size_t kAlign = AtomicFile::kAlignment;
  std::unique_ptr<char, decltype(&std::free)> buffer(
      static_cast<char*>(std::aligned_alloc(kAlign, 2 * kAlign)), &std::free);
  std::memset(buffer.get(), 'x', 2 * kAlign);
  AtomicFile pieces(dir_ / "pieces.bin");
  EXPECT_THROW(pieces.write_aligned(1, {buffer.get(), kAlign}), std::runtime_error);
  EXPECT_THROW(pieces.write_aligned(0, {buffer.get(), kAlign - 1}), std::runtime_error);
  EXPECT_THROW(pieces.write_aligned(0, {buffer.get() + 1, kAlign}), std::runtime_error);
  pieces.write_aligned(kAlign, {buffer.get(), kAlign});
  EXPECT_THROW(pieces.write("tail"), std::runtime_error);
  AtomicFile written(dir_ / "written.bin");
  written.write("head");
  EXPECT_THROW(written.write_aligned(0, {buffer.get(), kAlign}), std::runtime_error);
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
