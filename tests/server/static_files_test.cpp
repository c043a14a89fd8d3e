#include "server/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/temporary_directory.h"

namespace creditscore::server {
namespace {

class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFilesTest() {
    std::filesystem::create_directories(root_.path() / "served/assets");
    std::ofstream(root_.path() / "served/index.html") << "<p>index</p>";
    std::ofstream(root_.path() / "served/assets/app.js") << "let a = 1;";
    std::ofstream(root_.path() / "served/assets/blob.bin") << "\x01\x02";
    std::ofstream(root_.path() / "secret.txt") << "not served";
  }
  const testing::TemporaryDirectory root_{"static-files"};
};

TEST_F(StaticFilesTest, ServesFilesUnderThePrefixTypedByExtension) {
  const StaticFiles files("/docs/assets/", root_.path() / "served");
  EXPECT_EQ(files.prefix(), "/docs/assets");
  const auto script = files.find("/docs/assets/assets/app.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_EQ(script->body, "let a = 1;");
  EXPECT_EQ(script->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(files.find("/docs/assets/assets/blob.bin")->content_type, "application/octet-stream");
  const auto index = files.find("/docs/assets/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index->body, "<p>index</p>");
}

TEST_F(StaticFilesTest, NothingOutsideTheDirectoryOrThePrefix) {
  const StaticFiles files("/", root_.path() / "served");
  EXPECT_TRUE(files.find("/index.html"));
  EXPECT_FALSE(files.find("/../secret.txt"));
  EXPECT_FALSE(files.find("/assets/../../secret.txt"));
  EXPECT_FALSE(files.find("/missing.js"));
  EXPECT_FALSE(files.find("/assets/app.js/more"));
  EXPECT_FALSE(files.find(std::string("/index.html\0.png", 16)));
  const StaticFiles docs("/docs", root_.path() / "served");
  EXPECT_FALSE(docs.find("/docsindex.html")) << "a prefix ends at a segment";
  EXPECT_FALSE(docs.find("/index.html"));
}

TEST_F(StaticFilesTest, ADirectoryThatIsNotThereIsSaidAtOnce) {
  try {
    StaticFiles("/", root_.path() / "nowhere");
    FAIL() << "accepted a missing directory";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("nowhere: not a directory"), std::string::npos);
  }
}

}  // namespace
}  // namespace creditscore::server
