// Memory made present before it is written. A batch job writes gigabytes of fresh memory (tables,
// feature blocks, matrices), and each page touched for the first time takes a page fault; in a
// virtual machine the fault costs more than zeroing the page (perf at Kaggle scale: 693,000
// faults, the kernel's time in `creditscore features` a fifth of its user time). Linux makes a
// whole range present in one call instead (MADV_POPULATE_WRITE, 5.14).
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace creditscore {

// Gives the kernel `advice` (madvise) on the pages of [data, data + bytes): only those wholly
// inside it, or every page it touches. False where the kernel refuses.
bool advise_pages(const void* data, std::size_t bytes, bool whole_pages_only, int advice);

// Makes the whole pages inside [data, data + bytes) present and writable; pages already present
// stay as they are. False where the kernel cannot: the pages then fault in when first touched.
bool populate(void* data, std::size_t bytes);

// Makes the room for the next `count` values of `values` present, as far as it is reserved.
template <typename T>
void populate_room(std::vector<T>& values, std::size_t count) {
  populate(values.data() + values.size(),
           std::min(count, values.capacity() - values.size()) * sizeof(T));
}

// values.reserve(count), all that room made present.
template <typename T>
void reserve_populated(std::vector<T>& values, std::size_t count) {
  values.reserve(count);
  populate_room(values, count);
}

// populate(), a part of the range on each core: the kernel zeroes a large fresh block's pages
// on all of them at once, for a step that has nothing else to run beside.
void populate_on_every_core(void* data, std::size_t bytes);

// values.reserve(count), all that room made present by every core.
template <typename T>
void reserve_populated_on_every_core(std::vector<T>& values, std::size_t count) {
  values.reserve(count);
  populate_on_every_core(values.data(), values.capacity() * sizeof(T));
}

}  // namespace creditscore
