// The features of many clients as blocks of adjacent columns, each block row-major in its own
// memory: how FeatureBuilder::build_and_release makes them, one history table's at a time, each
// table let go once its block is made, then the application's. They are written to a file as they
// are (features/feature_matrix.h) or put together into one FeatureMatrix for those who need its
// rows whole: at Kaggle scale, a gigabyte the `features` command never takes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace creditscore::features {

struct FeatureBlock {
  std::size_t first = 0;      // its first column
  std::size_t count = 0;      // its columns
  std::vector<float> values;  // rows x count
};

struct FeatureBlocks {
  std::vector<std::string> names;
  std::vector<std::int64_t> ids;
  std::vector<float> targets;
  std::vector<FeatureBlock> blocks;  // in column order, each column in exactly one

  std::size_t rows() const { return ids.size(); }
  std::size_t cols() const { return names.size(); }
  // Rows [begin, end) with every column, row-major, into `out` ((end - begin) x cols() floats,
  // aligned or not).
  void copy_rows(std::size_t begin, std::size_t end, void* out) const;
  // The rows copied at once: a megabyte of them, which stays in cache while every block adds its
  // columns (at least one row).
  std::size_t tile_rows() const;
  std::size_t missing_values() const;
};

// Throws an internal Error unless the blocks hold every column once, in order, and every row.
void check_blocks(const FeatureBlocks& features);

}  // namespace creditscore::features
