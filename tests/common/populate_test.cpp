#include "common/populate.h"

#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

namespace creditscore {
namespace {

const std::size_t kPage = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));

// How many of the pages from `data` on are in memory.
std::size_t resident_pages(void* data, std::size_t pages) {
  std::vector<unsigned char> flags(pages);
  if (::mincore(data, pages * kPage, flags.data()) != 0) return 0;
  return static_cast<std::size_t>(
      std::count_if(flags.begin(), flags.end(), [](unsigned char f) { return (f & 1) != 0; }));
}

TEST(Populate, MakesFreshPagesPresentAtOnce) {
  constexpr std::size_t kPages = 16;
  void* memory =
      ::mmap(nullptr, kPages * kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ASSERT_NE(memory, MAP_FAILED);
  EXPECT_EQ(resident_pages(memory, kPages), 0u);
  if (!populate(memory, kPages * kPage)) {
    ::munmap(memory, kPages * kPage);
    GTEST_SKIP() << "this kernel has no MADV_POPULATE_WRITE";
  }
  EXPECT_EQ(resident_pages(memory, kPages), kPages);
  EXPECT_EQ(static_cast<const char*>(memory)[kPages * kPage - 1], 0);  // fresh pages read zero
  ::munmap(memory, kPages * kPage);
}

TEST(Populate, KeepsWhatPresentPagesHoldAndLeavesPartPagesAlone) {
  std::vector<std::uint32_t> values(4 * kPage);
  std::iota(values.begin(), values.end(), 7u);
  EXPECT_TRUE(populate(values.data(), values.size() * sizeof(std::uint32_t)));
  EXPECT_TRUE(populate(values.data() + 1, 8));  // no whole page inside: nothing to do
  for (std::size_t k = 0; k < values.size(); ++k) ASSERT_EQ(values[k], 7u + k) << k;
}

TEST(Populate, ReservedRoomIsResidentBeforeItIsWritten) {
  std::vector<float> values;
  reserve_populated(values, 64 * kPage);
  ASSERT_GE(values.capacity(), 64 * kPage);
  EXPECT_TRUE(values.empty());
  // The whole pages inside the room: all of them present.
  const auto begin = reinterpret_cast<std::uintptr_t>(values.data());
  const auto first = (begin + kPage - 1) / kPage * kPage;
  const auto last = (begin + values.capacity() * sizeof(float)) / kPage * kPage;
  const std::size_t pages = (last - first) / kPage;
  EXPECT_EQ(resident_pages(reinterpret_cast<void*>(first), pages), pages);
}

// A chunk of the reader makes only its own rows' room present; the rest is left to whoever fills
// it.
TEST(Populate, OnlyTheRoomAskedForIsMadePresent) {
  std::vector<float> values;
  values.reserve(64 * kPage);
  values.resize(kPage);              // the first four pages hold values
  populate_room(values, 2 * kPage);  // the room of the next eight pages
  const auto begin = reinterpret_cast<std::uintptr_t>(values.data() + values.size());
  const auto first = (begin + kPage - 1) / kPage * kPage;
  EXPECT_EQ(resident_pages(reinterpret_cast<void*>(first), 7), 7u);
  const auto end = reinterpret_cast<std::uintptr_t>(values.data() + values.capacity());
  const auto last_page = (end / kPage - 1) * kPage;
  EXPECT_EQ(resident_pages(reinterpret_cast<void*>(last_page), 1), 0u);
}

}  // namespace
}  // namespace creditscore
