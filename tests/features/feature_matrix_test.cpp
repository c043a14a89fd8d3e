#include "features/feature_matrix.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "tests/support/temporary_directory.h"

namespace creditscore::features {
namespace {

class FeatureMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    matrix_.names = {"A", "B_é"};
    matrix_.ids = {100002, 100003};
    matrix_.targets = {1.0f, std::nanf("")};
    matrix_.values = {0.5f, std::nanf(""), -3.25f, 1e-7f};
  }
  const testing::TemporaryDirectory temporary_{"matrix"};
  const std::filesystem::path& dir_ = temporary_.path();
  FeatureMatrix matrix_;
};

TEST_F(FeatureMatrixTest, BinaryRoundTripKeepsEveryBit) {
  write_matrix(matrix_, dir_ / "m.bin");
  const FeatureMatrix back = read_matrix(dir_ / "m.bin");
  EXPECT_EQ(back.names, matrix_.names);
  EXPECT_EQ(back.ids, matrix_.ids);
  EXPECT_EQ(back.targets[0], 1.0f);
  EXPECT_TRUE(std::isnan(back.targets[1]));
  EXPECT_EQ(back.values[2], -3.25f);
  EXPECT_TRUE(std::isnan(back.values[1]));
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
  EXPECT_EQ(text.str(), "SK_ID_CURR,TARGET,A,B_é\n100002,1,0.5,\n100003,,-3.25,1e-07\n");
}

}  // namespace
}  // namespace creditscore::features
