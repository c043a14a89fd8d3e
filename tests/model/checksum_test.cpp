#include "model/checksum.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace creditscore::model {
namespace {

TEST(Sha256, KnownDigests) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 pieces;
  pieces.update("a");
  pieces.update("bc");
  EXPECT_EQ(pieces.hex(), sha256_hex("abc"));
}

TEST(Sha256, FileDigestEqualsBytesDigestAndMissingFileIsNamed) {
  const auto file = std::filesystem::temp_directory_path() / ("sha_" + std::to_string(::getpid()));
  std::ofstream(file, std::ios::binary) << "abc";
  EXPECT_EQ(sha256_file(file), sha256_hex("abc"));
  std::filesystem::remove(file);
  try {
    sha256_file(file);
    FAIL();
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(file.string()), std::string::npos);
  }
}

}  // namespace
}  // namespace creditscore::model
