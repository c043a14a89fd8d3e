#include "tables/group_index.h"

namespace creditscore::tables {

GroupIndex::GroupIndex(std::span<const std::int64_t> ids) {
  std::vector<std::uint32_t> group_of_row(ids.size());
  group_of_.reserve(ids.size() / 4 + 1);
  std::vector<std::uint32_t> counts;
  for (std::size_t r = 0; r < ids.size(); ++r) {
    const auto [it, inserted] =
        group_of_.try_emplace(ids[r], static_cast<std::uint32_t>(counts.size()));
    if (inserted) counts.push_back(0);
    group_of_row[r] = it->second;
    ++counts[it->second];
  }
  offsets_.assign(counts.size() + 1, 0);
  for (std::size_t g = 0; g < counts.size(); ++g) offsets_[g + 1] = offsets_[g] + counts[g];
  rows_.resize(ids.size());
  std::vector<std::uint32_t> next(offsets_.begin(), offsets_.end() - 1);
  for (std::size_t r = 0; r < ids.size(); ++r)
    rows_[next[group_of_row[r]]++] = static_cast<std::uint32_t>(r);
}

std::span<const std::uint32_t> GroupIndex::rows_of(std::int64_t id) const {
  const auto found = group_of_.find(id);
  if (found == group_of_.end()) return {};
  const std::uint32_t g = found->second;
  return std::span<const std::uint32_t>(rows_).subspan(offsets_[g], offsets_[g + 1] - offsets_[g]);
}

}  // namespace creditscore::tables
