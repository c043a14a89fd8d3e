#include "tables/group_index.h"

namespace creditscore::tables {

GroupIndex::GroupIndex(std::span<const Id> ids) : range_({ids}) {
  dense_ = range_.worth_a_table(32);
  if (dense_) group_by_offset_.assign(range_.size(), kNoGroup);
  if (!dense_) group_by_id_.reserve(ids.size() / 4 + 1);
  std::vector<std::uint32_t> group_of_row(ids.size());
  std::vector<std::uint32_t> counts;
  for (std::size_t r = 0; r < ids.size(); ++r) {
    std::uint32_t& group = dense_ ? group_by_offset_[range_.offset(ids[r])]
                                  : group_by_id_.try_emplace(ids[r], kNoGroup).first->second;
    if (group == kNoGroup) {
      group = static_cast<std::uint32_t>(counts.size());
      counts.push_back(0);
    }
    group_of_row[r] = group;
    ++counts[group];
  }
  offsets_.assign(counts.size() + 1, 0);
  for (std::size_t g = 0; g < counts.size(); ++g) offsets_[g + 1] = offsets_[g] + counts[g];
  rows_.resize(ids.size());
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
  return std::span<const std::uint32_t>(rows_).subspan(offsets_[g], offsets_[g + 1] - offsets_[g]);
}

}  // namespace creditscore::tables
