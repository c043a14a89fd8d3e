#include "tables/group_index.h"

#include <algorithm>
#include <atomic>
#include <numeric>
#include <utility>

#include "common/parallel.h"

namespace creditscore::tables {

GroupIndex::GroupIndex(std::span<const Id> ids) : range_({ids}) {
  dense_ = range_.worth_a_table(32);
  if (!dense_) {
    group_by_hash(ids);
  } else if (!group_by_runs(ids)) {
    group_by_slots(ids);
  }
}

bool GroupIndex::group_by_runs(std::span<const Id> ids) {
  // On every core: each part of the rows counts the runs that start in it, then numbers them
  // after those of the parts before it, each run claiming its id's slot. A slot claimed twice is
  // an id whose rows came back after another's: not runs.
  const std::size_t parts = std::min(thread_budget(), ids.size() / kRowsPerPart + 1);
  auto part_rows = [&](std::size_t part) {
    return std::pair{ids.size() * part / parts, ids.size() * (part + 1) / parts};
  };
  auto starts_run = [&](std::size_t r) { return r == 0 || ids[r] != ids[r - 1]; };
  std::vector<std::uint32_t> first_group(parts + 1, 0);
  parallel_for(parts, [&](std::size_t part) {
    const auto [begin, end] = part_rows(part);
    std::uint32_t runs = 0;
    for (std::size_t r = begin; r < end; ++r) runs += starts_run(r);
    first_group[part + 1] = runs;
  });
  std::partial_sum(first_group.begin(), first_group.end(), first_group.begin());
  group_by_offset_.assign(range_.size(), kNoGroup);
  offsets_.resize(first_group.back() + 1);
  offsets_.back() = static_cast<std::uint32_t>(ids.size());
  std::atomic<bool> repeated{false};
  parallel_for(parts, [&](std::size_t part) {
    const auto [begin, end] = part_rows(part);
    std::uint32_t group = first_group[part];
    for (std::size_t r = begin; r < end && !repeated.load(std::memory_order_relaxed); ++r) {
      if (!starts_run(r)) continue;
      std::uint32_t unclaimed = kNoGroup;
      if (!std::atomic_ref(group_by_offset_[range_.offset(ids[r])])
               .compare_exchange_strong(unclaimed, group, std::memory_order_relaxed)) {
        repeated = true;
      }
      offsets_[group++] = static_cast<std::uint32_t>(r);
    }
  });
  if (repeated) return false;
  rows_.reset(new std::uint32_t[ids.size()]);  // left unset: each part writes its own
  parallel_ranges(ids.size(), kRowsPerPart, [&](std::size_t begin, std::size_t end) {
    std::iota(rows_.get() + begin, rows_.get() + end, static_cast<std::uint32_t>(begin));
  });
  return true;
}

void GroupIndex::group_by_slots(std::span<const Id> ids) {
  // A counting sort over the ids' slots, on every core: each part of the rows counts its ids,
  // then learns where its rows of each id go, after those of the parts before it, so that every
  // group keeps file order.
  const std::size_t parts = std::min(thread_budget(), ids.size() / kRowsPerPart + 1);
  auto part_rows = [&](std::size_t part) {
    return std::pair{ids.size() * part / parts, ids.size() * (part + 1) / parts};
  };
  // A part's count of each slot, then its next position there (made here, in the memory this
  // thread frees and reuses, not in the workers').
  std::vector<std::vector<std::uint32_t>> next(parts, std::vector<std::uint32_t>(range_.size()));
  parallel_for(parts, [&](std::size_t part) {
    const auto [begin, end] = part_rows(part);
    for (std::size_t r = begin; r < end; ++r) ++next[part][range_.offset(ids[r])];
  });
  group_by_offset_.assign(range_.size(), kNoGroup);
  offsets_.assign(1, 0);
  for (std::size_t slot = 0; slot < group_by_offset_.size(); ++slot) {
    std::uint32_t position = offsets_.back();
    for (std::vector<std::uint32_t>& counts : next)
      position += std::exchange(counts[slot], position);
    if (position == offsets_.back()) continue;
    group_by_offset_[slot] = static_cast<std::uint32_t>(offsets_.size() - 1);
    offsets_.push_back(position);
  }
  rows_.reset(new std::uint32_t[ids.size()]);
  parallel_for(parts, [&](std::size_t part) {
    const auto [begin, end] = part_rows(part);
    for (std::size_t r = begin; r < end; ++r)
      rows_[next[part][range_.offset(ids[r])]++] = static_cast<std::uint32_t>(r);
  });
}

void GroupIndex::group_by_hash(std::span<const Id> ids) {
  group_by_id_.reserve(ids.size() / 4 + 1);
  std::vector<std::uint32_t> group_of_row(ids.size());
  std::vector<std::uint32_t> counts;
  for (std::size_t r = 0; r < ids.size(); ++r) {
    std::uint32_t& group = group_by_id_.try_emplace(ids[r], kNoGroup).first->second;
    if (group == kNoGroup) {
      group = static_cast<std::uint32_t>(counts.size());
      counts.push_back(0);
    }
    group_of_row[r] = group;
    ++counts[group];
  }
  offsets_.assign(counts.size() + 1, 0);
  for (std::size_t g = 0; g < counts.size(); ++g) offsets_[g + 1] = offsets_[g] + counts[g];
  rows_.reset(new std::uint32_t[ids.size()]);
  std::vector<std::uint32_t> next(offsets_.begin(), offsets_.end() - 1);
  for (std::size_t r = 0; r < ids.size(); ++r)
    rows_[next[group_of_row[r]]++] = static_cast<std::uint32_t>(r);
}

std::uint32_t GroupIndex::group_of(std::int64_t id) const {
  if (dense_) {
    const std::uint64_t at = range_.offset(id);
    return at < group_by_offset_.size() ? group_by_offset_[at] : kNoGroup;
  }
  const auto found = group_by_id_.find(id);
  return found == group_by_id_.end() ? kNoGroup : found->second;
}

std::span<const std::uint32_t> GroupIndex::rows_of(std::int64_t id) const {
  const std::uint32_t g = group_of(id);
  if (g == kNoGroup) return {};
  return {rows_.get() + offsets_[g], rows_.get() + offsets_[g + 1]};
}

std::size_t GroupIndex::rows_of_any(std::span<const std::int64_t> ids) const {
  std::vector<char> counted(offsets_.size() - 1);
  std::size_t rows = 0;
  for (std::int64_t id : ids) {
    const std::uint32_t g = group_of(id);
    if (g == kNoGroup || counted[g]) continue;
    counted[g] = 1;
    rows += offsets_[g + 1] - offsets_[g];
  }
  return rows;
}

}  // namespace creditscore::tables
