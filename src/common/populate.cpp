#include "common/populate.h"

#include <sys/mman.h>

#include <cstdint>

#include "common/parallel.h"

namespace creditscore {

bool populate(void* data, std::size_t bytes) {
  constexpr std::uintptr_t kPage = 4096;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const auto first = (begin + kPage - 1) & ~(kPage - 1);
  const auto last = (begin + bytes) & ~(kPage - 1);
  if (last <= first) return true;
  return ::madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_WRITE) == 0;
}

void populate_on_every_core(void* data, std::size_t bytes) {
  parallel_ranges(bytes, 1 << 20, [&](std::size_t begin, std::size_t end) {
    populate(static_cast<char*>(data) + begin, end - begin);
  });
}

}  // namespace creditscore
