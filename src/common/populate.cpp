#include "common/populate.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

#include "common/parallel.h"

namespace creditscore {

bool advise_pages(const void* data, std::size_t bytes, bool whole_pages_only, int advice) {
  static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto start = reinterpret_cast<std::uintptr_t>(data);
  const auto begin = (start + (whole_pages_only ? page - 1 : 0)) / page * page;
  const auto end = whole_pages_only ? (start + bytes) / page * page : start + bytes;
  return end <= begin || ::madvise(reinterpret_cast<void*>(begin), end - begin, advice) == 0;
}

bool populate(void* data, std::size_t bytes) {
  return advise_pages(data, bytes, true, MADV_POPULATE_WRITE);
}

void populate_on_every_core(void* data, std::size_t bytes) {
  parallel_ranges(bytes, 1 << 20, [&](std::size_t begin, std::size_t end) {
    populate(static_cast<char*>(data) + begin, end - begin);
  });
}

}  // namespace creditscore
