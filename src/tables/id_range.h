// The range of some ids, and whether a table over it beats a hash: the one rule for the structures
// that look ids up in bulk (the foreign-key check's set, a history table's group index). Home
// Credit's ids are dense, so a table indexed by an id's distance from the least is the rule; ids
// too far apart for it go to a hash.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <span>

#include "tables/table.h"

namespace creditscore::tables {

class IdRange {
 public:
  explicit IdRange(std::initializer_list<std::span<const Id>> columns) {
    for (const auto ids : columns) {
      for (const Id id : ids) {
        least_ = std::min<std::int64_t>(least_, id);
        most_ = std::max<std::int64_t>(most_, id);
      }
      count_ += ids.size();
    }
  }

  // Whether a table over the range, of `bits_per_slot` a slot, costs no more than a hash would
  // (about 16 bytes an id), give or take 256 KB.
  bool worth_a_table(std::uint64_t bits_per_slot) const {
    constexpr std::uint64_t kHashBitsPerId = 16 * 8;
    constexpr std::uint64_t kSlackBits = std::uint64_t{256} * 1024 * 8;
    if (count_ == 0) return false;
    const std::uint64_t slots = offset(most_);  // one fewer than the range holds: no overflow
    return slots < (kHashBitsPerId * count_ + kSlackBits) / bits_per_slot;
  }

  // Slots in a table over the range (one worth having: the full range of int64 would not fit).
  std::uint64_t size() const { return count_ == 0 ? 0 : offset(most_) + 1; }

  // An id's slot; an id below the least wraps round past the range, so one test finds it outside.
  std::uint64_t offset(std::int64_t id) const {
    return static_cast<std::uint64_t>(id) - static_cast<std::uint64_t>(least_);
  }

 private:
  std::int64_t least_ = std::numeric_limits<std::int64_t>::max();
  std::int64_t most_ = std::numeric_limits<std::int64_t>::min();
  std::uint64_t count_ = 0;
};

}  // namespace creditscore::tables
