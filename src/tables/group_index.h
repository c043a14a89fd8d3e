// The rows of a history table grouped by an id (SK_ID_CURR, SK_ID_BUREAU), each group in file
// order: a counting sort, linear in the rows, on every core when the ids are dense; or, when every
// id's rows already lie together (bureau_balance's months come credit by credit), the runs as
// they are, found on every core.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <unordered_map>
#include <vector>

#include "tables/id_range.h"
#include "tables/table.h"

namespace creditscore::tables {

class GroupIndex {
 public:
  explicit GroupIndex(std::span<const Id> ids);

  // The rows holding `id`, in file order; empty when none.
  std::span<const std::uint32_t> rows_of(std::int64_t id) const;
  // How many rows hold one of `ids`; an id given more than once counts once.
  std::size_t rows_of_any(std::span<const std::int64_t> ids) const;

 private:
  static constexpr std::uint32_t kNoGroup = UINT32_MAX;
  static constexpr std::size_t kRowsPerPart = 1 << 18;  // the rows worth a thread
  std::uint32_t group_of(std::int64_t id) const;
  bool group_by_runs(std::span<const Id> ids);   // dense ids in runs; false when not runs
  void group_by_slots(std::span<const Id> ids);  // dense ids: a table over their range
  void group_by_hash(std::span<const Id> ids);   // ids far apart

  // An id's group is found in a table over the ids' range, or a hash map (IdRange decides).
  IdRange range_;
  bool dense_ = false;
  std::vector<std::uint32_t> group_by_offset_;  // kNoGroup where no row holds the id
  std::unordered_map<std::int64_t, std::uint32_t> group_by_id_;
  std::vector<std::uint32_t> offsets_;     // group g's rows are rows_[offsets_[g], offsets_[g + 1])
  std::unique_ptr<std::uint32_t[]> rows_;  // every row once, group by group
};

}  // namespace creditscore::tables
