#include "features/feature_matrix.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "features/matrix_writer.h"
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
  static std::string read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
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

// The file as written block by block while they are made, in any order: the same bytes as
// every block written at once, each block's values starting at a multiple of 4,096 bytes.
TEST_F(FeatureMatrixTest, BlocksWrittenAsTheyAreMadeGiveTheSameAlignedFile) {
  write_matrix(matrix_, dir_ / "whole.bin");
  {
    MatrixWriter writer(dir_ / "made.bin", matrix_);
    writer.write(matrix_.blocks[1]);
    writer.write(matrix_.blocks[0]);
    writer.commit();
  }
  const std::string whole = read_bytes(dir_ / "whole.bin");
  EXPECT_EQ(read_bytes(dir_ / "made.bin"), whole);
  // Head, then a block in each of the next two 4 KB pages: rows {0.5} and {-3.25}, then
  // {NaN, 2} and {1e-7, 4}.
  ASSERT_EQ(whole.size(), 3u * 4096);
  float values[4];
  std::memcpy(values, whole.data() + 4096, 2 * sizeof(float));
  EXPECT_EQ(values[0], 0.5f);
  EXPECT_EQ(values[1], -3.25f);
  std::memcpy(values, whole.data() + 2 * 4096, 4 * sizeof(float));
  EXPECT_TRUE(std::isnan(values[0]));
  EXPECT_EQ(values[3], 4.0f);
}

TEST_F(FeatureMatrixTest, AFileWithABlockMissingIsNeverMade) {
  {
    MatrixWriter unfinished(dir_ / "unfinished.bin", matrix_);
    unfinished.write(matrix_.blocks[0]);
  }
  {
    MatrixWriter writer(dir_ / "m.bin", matrix_);
    writer.write(matrix_.blocks[1]);
    EXPECT_THROW(writer.write(matrix_.blocks[1]), std::runtime_error);
    FeatureBlock foreign{1, 1, {1.0f, 2.0f}};
    EXPECT_THROW(writer.write(foreign), std::runtime_error);
    try {
      writer.commit();
      FAIL() << "a block was never handed over";
    } catch (const std::runtime_error& error) {
      EXPECT_NE(std::string(error.what()).find("columns from 0"), std::string::npos)
          << error.what();
    }
  }
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_), {}), 0);
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
  const std::string full = read_bytes(dir_ / "m.bin");
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
  // A file of the first format, or blocks whose columns do not add up to the names.
  std::string first_format = full;
  first_format[4] = 1;
  EXPECT_THROW(parse_matrix(first_format, "v1.bin"), std::runtime_error);
  std::string widths = full;
  const std::size_t head = 24 + (4 + 1) + (4 + 4) + (4 + 1) + 2 * 8 + 2 * 4;
  widths[head + 4] = 2;  // blocks of 2 and 2 columns, for 3 names
  try {
    parse_matrix(widths, "widths.bin");
    FAIL();
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("4 columns in all, for 3 names"), std::string::npos)
        << error.what();
  }
}

// Found by fuzz/feature_matrix_fuzzer.cpp: reading zero values copied from a null pointer.
TEST_F(FeatureMatrixTest, AnEmptyMatrixReadsAndTrailingBytesAreRefused) {
  // Magic, version 2, no rows, no columns, no blocks: a head of 28 bytes, padded to 4,096.
  std::string empty = std::string("CSFM\2\0\0\0", 8) + std::string(4096 - 8, '\0');
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
