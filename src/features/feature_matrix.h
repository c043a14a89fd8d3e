// Feature vectors of many clients: one row per client, one float per feature, NaN = missing.
//
// Binary file format (little-endian), for inspection and for other tools:
//   "CSFM"              4 bytes, magic
//   version             u32 (2)
//   rows, cols          u64, u64
//   names               cols times: u32 length, then the UTF-8 bytes
//   SK_ID_CURR          rows times i64
//   TARGET              rows times f32 (NaN where unknown: test clients, new applications)
//   blocks              u32, then blocks times u32: each block's columns, in column order
//   values              for each block: zeros up to the next multiple of 4,096 bytes from the
//                       file's start, then rows x its columns f32, row-major
//   zeros               up to the next multiple of 4,096 bytes
// The values come as the blocks of adjacent columns they are built in (feature_blocks.h), each
// aligned so that it goes to the disk on its own, while the next is built. Written atomically;
// reading checks the magic, the version and the exact size.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "features/feature_blocks.h"

namespace creditscore::features {

struct FeatureMatrix {
  std::vector<std::string> names;
  std::vector<std::int64_t> ids;
  std::vector<float> targets;
  std::vector<float> values;

  std::size_t rows() const { return ids.size(); }
  std::size_t cols() const { return names.size(); }
  std::span<const float> row(std::size_t r) const { return {values.data() + r * cols(), cols()}; }
};

// The matrix of `features`, whose blocks it takes and frees once copied.
FeatureMatrix assemble(FeatureBlocks features);

// Writes every block of `features` (MatrixWriter writes them as they are made).
void write_matrix(const FeatureBlocks& features, const std::filesystem::path& file);
// The file's bytes before the values: magic, version, sizes, names, ids, targets and blocks.
std::string matrix_file_head(const FeatureBlocks& layout);
// Where each block's values start in a file whose head takes `head_size` bytes, then where the
// file ends: blocks of `block_columns` columns each, of `rows` rows.
std::vector<std::size_t> value_offsets(std::size_t head_size, std::size_t rows,
                                       std::span<const std::size_t> block_columns);
// Throws a corrupt Error naming the file and the problem (not a matrix, version, truncated).
FeatureMatrix read_matrix(const std::filesystem::path& file);
// The same, from the file's bytes already in memory; `source` names them in errors.
FeatureMatrix parse_matrix(std::string_view bytes, const std::string& source);
// SK_ID_CURR, TARGET, then every feature; empty fields for missing values.
void write_matrix_csv(const FeatureBlocks& features, const std::filesystem::path& file);

}  // namespace creditscore::features
