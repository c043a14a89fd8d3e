// Feature vectors of many clients: one row per client, one float per feature, NaN = missing.
//
// Binary file format (little-endian), for inspection and for other tools:
//   "CSFM"              4 bytes, magic
//   version             u32 (1)
//   rows, cols          u64, u64
//   names               cols times: u32 length, then the UTF-8 bytes
//   SK_ID_CURR          rows times i64
//   TARGET              rows times f32 (NaN where unknown: test clients, new applications)
//   values              rows x cols f32, row-major
// Written atomically; reading checks the magic, the version and the exact size.
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

// Straight from the blocks, in pieces every core makes and writes: the matrix is never put
// together.
void write_matrix(const FeatureBlocks& features, const std::filesystem::path& file);
// Throws a corrupt Error naming the file and the problem (not a matrix, version, truncated).
FeatureMatrix read_matrix(const std::filesystem::path& file);
// The same, from the file's bytes already in memory; `source` names them in errors.
FeatureMatrix parse_matrix(std::string_view bytes, const std::string& source);
// SK_ID_CURR, TARGET, then every feature; empty fields for missing values.
void write_matrix_csv(const FeatureBlocks& features, const std::filesystem::path& file);

}  // namespace creditscore::features
