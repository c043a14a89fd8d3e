#include "features/feature_matrix.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "tests/support/temporary_directory.h"

namespace creditscore::features {
namespace {

class FeatureMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    matrix_.names = {"A", "B_é", "C"};
    matrix_.ids = {100002, 100003};
    matrix_.targets = {1.0f, std::nanf("")};
    // Rows {0.5, NaN, 2} and {-3.25, 1e-7, 4}: a block of one column, then one of two.
    matrix_.blocks = {{0, 1, {0.5f, -3.25f}}, {1, 2, {std::nanf(""), 2.0f, 1e-7f, 4.0f}}};
  }
  const testing::TemporaryDirectory temporary_{"matrix"};
  const std::filesystem::path& dir_ = temporary_.path();
  FeatureBlocks matrix_;
};

TEST_F(FeatureMatrixTest, BinaryRoundTripKeepsEveryBit) {
  write_matrix(matrix_, dir_ / "m.bin");
  const FeatureMatrix back = read_matrix(dir_ / "m.bin");
  EXPECT_EQ(back.names, matrix_.names);
  EXPECT_EQ(back.ids, matrix_.ids);
  EXPECT_EQ(back.targets[0], 1.0f);
  EXPECT_TRUE(std::isnan(back.targets[1]));
  ASSERT_EQ(back.values.size(), 6u);
  EXPECT_EQ(back.values[0], 0.5f);
  EXPECT_TRUE(std::isnan(back.values[1]));
  EXPECT_EQ(back.values[2], 2.0f);
  EXPECT_EQ(back.values[3], -3.25f);
  EXPECT_EQ(back.values[4], 1e-7f);
  EXPECT_EQ(back.values[5], 4.0f);
}

TEST_F(FeatureMatrixTest, AssembledBlocksAreTheMatrixTheFileHolds) {
  EXPECT_EQ(matrix_.missing_values(), 1u);
  write_matrix(matrix_, dir_ / "m.bin");
  const FeatureMatrix read = read_matrix(dir_ / "m.bin");
  const FeatureMatrix assembled = assemble(matrix_);
  EXPECT_EQ(assembled.names, read.names);
  EXPECT_EQ(assembled.ids, read.ids);
  ASSERT_EQ(assembled.values.size(), read.values.size());
  EXPECT_EQ(std::memcmp(assembled.values.data(), read.values.data(), read.values.size() * 4), 0);
}

// Any piece of the row-major bytes, whatever rows its ends cut, is that piece of the matrix.
TEST_F(FeatureMatrixTest, EveryPieceOfTheBytesIsThatPieceOfTheMatrix) {
  const FeatureMatrix whole = assemble(matrix_);
  const auto* expected = reinterpret_cast<const char*>(whole.values.data());
  const std::size_t size = whole.values.size() * sizeof(float);
  for (std::size_t offset = 0; offset <= size; ++offset)
    for (std::size_t length = 0; offset + length <= size; ++length) {
      std::string piece(length, '\0');
      matrix_.copy_bytes(offset, length, piece.data());
      EXPECT_EQ(piece, std::string(expected + offset, length)) << offset << "+" << length;
    }
  std::string past(2, '\0');
  EXPECT_THROW(matrix_.copy_bytes(size - 1, 2, past.data()), std::runtime_error);
}

// 700,000 clients: the ids and targets alone outgrow the first 4 MB piece the file is written in,
// and the pieces' edges cut rows.
TEST_F(FeatureMatrixTest, ALargeMatrixReadsBackEveryBit) {
  FeatureBlocks large;
  large.names = matrix_.names;
  const std::size_t rows = 700'000;
  for (std::size_t r = 0; r < rows; ++r) {
    large.ids.push_back(static_cast<std::int64_t>(100'000 + r));
    large.targets.push_back(static_cast<float>(r % 2));
  }
  large.blocks = {{0, 1, {}}, {1, 2, {}}};
  for (std::size_t v = 0; v < rows; ++v) large.blocks[0].values.push_back(static_cast<float>(v));
  for (std::size_t v = 0; v < 2 * rows; ++v)
    large.blocks[1].values.push_back(-static_cast<float>(v) / 3);
  write_matrix(large, dir_ / "large.bin");
  const FeatureMatrix back = read_matrix(dir_ / "large.bin");
  EXPECT_EQ(back.ids, large.ids);
  EXPECT_EQ(back.targets, large.targets);
  const FeatureMatrix assembled = assemble(large);
  ASSERT_EQ(back.values.size(), assembled.values.size());
  EXPECT_EQ(std::memcmp(back.values.data(), assembled.values.data(), back.values.size() * 4), 0);
}

TEST_F(FeatureMatrixTest, BlocksThatLeaveAColumnOutAreRefused) {
  FeatureBlocks gap = matrix_;
  gap.blocks[1].first = 2;
  EXPECT_THROW(write_matrix(gap, dir_ / "gap.bin"), std::runtime_error);
  FeatureBlocks short_rows = matrix_;
  short_rows.blocks[0].values.pop_back();
  EXPECT_THROW(assemble(short_rows), std::runtime_error);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "gap.bin"));
}

TEST_F(FeatureMatrixTest, TruncatedOrForeignFilesAreRefused) {
  write_matrix(matrix_, dir_ / "m.bin");
  std::ifstream in(dir_ / "m.bin", std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const std::string full = bytes.str();
  std::ofstream(dir_ / "cut.bin", std::ios::binary) << full.substr(0, full.size() - 3);
  try {
    read_matrix(dir_ / "cut.bin");
    FAIL();
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("truncated"), std::string::npos) << error.what();
  }
  std::ofstream(dir_ / "csv.bin", std::ios::binary) << "SK_ID_CURR,TARGET\n1,0\n";
  EXPECT_THROW(read_matrix(dir_ / "csv.bin"), std::runtime_error);
  std::ofstream(dir_ / "long.bin", std::ios::binary) << full << "x";
  EXPECT_THROW(read_matrix(dir_ / "long.bin"), std::runtime_error);
  EXPECT_THROW(read_matrix(dir_ / "missing.bin"), std::runtime_error);
}

// Found by fuzz/feature_matrix_fuzzer.cpp: reading zero values copied from a null pointer.
TEST_F(FeatureMatrixTest, AnEmptyMatrixReadsAndTrailingBytesAreRefused) {
  std::string empty = std::string("CSFM\1\0\0\0", 8) + std::string(16, '\0');
  const FeatureMatrix none = parse_matrix(empty, "empty.bin");
  EXPECT_EQ(none.rows(), 0u);
  EXPECT_EQ(none.cols(), 0u);
  try {
    parse_matrix(empty + "x", "long.bin");
    FAIL();
  } catch (const std::runtime_error& error) {
    EXPECT_EQ(std::string(error.what()),
              "long.bin: not a readable feature matrix (trailing bytes)");
  }
}

TEST_F(FeatureMatrixTest, CsvHasIdFirstAndEmptyMissingValues) {
  write_matrix_csv(matrix_, dir_ / "m.csv");
  std::ifstream in(dir_ / "m.csv");
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "SK_ID_CURR,TARGET,A,B_é,C\n100002,1,0.5,,2\n100003,,-3.25,1e-07,4\n");
}

}  // namespace
}  // namespace creditscore::features
