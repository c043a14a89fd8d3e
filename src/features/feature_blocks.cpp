#include "features/feature_blocks.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <string>

#include "common/error.h"
#include "common/parallel.h"

namespace creditscore::features {

void FeatureBlocks::copy_rows(std::size_t begin, std::size_t end, void* out) const {
  const std::size_t row_bytes = cols() * sizeof(float);
  for (const FeatureBlock& block : blocks) {
    const float* from = block.values.data() + begin * block.count;
    char* to = static_cast<char*>(out) + block.first * sizeof(float);
    for (std::size_t r = begin; r < end; ++r, from += block.count, to += row_bytes)
      std::memcpy(to, from, block.count * sizeof(float));
  }
}

std::size_t FeatureBlocks::tile_rows() const {
  constexpr std::size_t kTileBytes = 1 << 20;
  return std::max<std::size_t>(1, kTileBytes / (sizeof(float) * std::max<std::size_t>(1, cols())));
}

std::size_t FeatureBlocks::missing_values() const {
  std::atomic<std::size_t> missing{0};
  for (const FeatureBlock& block : blocks) {
    parallel_ranges(block.values.size(), 1 << 20, [&](std::size_t begin, std::size_t end) {
      missing += static_cast<std::size_t>(
          std::count_if(block.values.begin() + static_cast<std::ptrdiff_t>(begin),
                        block.values.begin() + static_cast<std::ptrdiff_t>(end),
                        [](float v) { return std::isnan(v); }));
    });
  }
  return missing;
}

void check_blocks(const FeatureBlocks& features) {
  if (features.targets.size() != features.rows())
    throw internal_error("feature blocks: " + std::to_string(features.targets.size()) +
                         " targets for " + std::to_string(features.rows()) + " rows");
  std::size_t next = 0;
  for (const FeatureBlock& block : features.blocks) {
    if (block.first != next || block.values.size() != features.rows() * block.count)
      throw internal_error("feature blocks: the block of columns from " +
                           std::to_string(block.first) + " does not follow column " +
                           std::to_string(next) + " or lacks rows");
    next += block.count;
  }
  if (next != features.cols())
    throw internal_error("feature blocks: " + std::to_string(next) + " columns of " +
                         std::to_string(features.cols()));
}

}  // namespace creditscore::features
