// The rows of a history table grouped by an id (SK_ID_CURR, SK_ID_BUREAU), each group in file
// order: a counting sort, linear in the rows.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace creditscore::tables {

class GroupIndex {
 public:
  explicit GroupIndex(std::span<const std::int64_t> ids);

  // The rows holding `id`, in file order; empty when none.
  std::span<const std::uint32_t> rows_of(std::int64_t id) const;

 private:
  static constexpr std::uint32_t kNoGroup = UINT32_MAX;
  std::uint32_t group_of(std::int64_t id) const;

  // Home Credit's ids are dense: an id's group is found at its distance from the least id, in a
  // table over their range; ids too far apart for that go through a hash map.
  bool dense_ = false;
  std::int64_t least_ = 0;
  std::vector<std::uint32_t> group_by_offset_;  // kNoGroup where no row holds the id
  std::unordered_map<std::int64_t, std::uint32_t> group_by_id_;
  std::vector<std::uint32_t> offsets_;  // group g's rows are rows_[offsets_[g], offsets_[g + 1])
  std::vector<std::uint32_t> rows_;
};

}  // namespace creditscore::tables
