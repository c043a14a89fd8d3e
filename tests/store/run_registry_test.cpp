#include "store/run_registry.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "tests/support/temporary_directory.h"

namespace creditscore::store {
namespace {

class RunRegistryTest : public ::testing::Test {
 protected:
  static RunRecord run(const std::string& id, const std::string& created_at) {
    return {id,   created_at,    "data", "fp-" + id, R"({"eta":0.05})", R"({"auc":0.78})",
            "{}", "models/" + id};
  }
  const testing::TemporaryDirectory temporary_{"registry"};
  const std::filesystem::path& dir_ = temporary_.path();
};

TEST_F(RunRegistryTest, RecordsAndListsNewestFirstAcrossReopening) {
  {
    RunRegistry registry(dir_ / "registry.sqlite");
    registry.record(run("a", "2026-11-24T10:00:00Z"));
    registry.record(run("b", "2026-11-24T11:00:00Z"));
    EXPECT_THROW(registry.record(run("a", "2026-11-24T12:00:00Z")), StoreError);
  }
  RunRegistry reopened(dir_ / "registry.sqlite");
  const auto runs = reopened.list();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].id, "b");
  EXPECT_EQ(runs[1].metrics_json, R"({"auc":0.78})");
  EXPECT_EQ(reopened.find("a")->bundle_path, "models/a");
  EXPECT_FALSE(reopened.find("zzz").has_value());
}

TEST_F(RunRegistryTest, PromoteAndRollBackWalkTheHistory) {
  RunRegistry registry(dir_ / "registry.sqlite");
  for (const char* id : {"a", "b", "c"}) registry.record(run(id, "2026-11-24T10:00:00Z"));
  EXPECT_FALSE(registry.served().has_value());
  EXPECT_THROW(registry.rollback(), StoreError);
  registry.promote("a");
  EXPECT_THROW(registry.rollback(), StoreError);  // nothing before a
  registry.promote("b");
  registry.promote("c");
  EXPECT_EQ(registry.served()->id, "c");
  EXPECT_EQ(registry.rollback().id, "b");
  EXPECT_EQ(registry.served()->id, "b");
  EXPECT_EQ(registry.rollback().id, "a");
  EXPECT_EQ(registry.served()->id, "a");
  EXPECT_THROW(registry.rollback(), StoreError);
  EXPECT_EQ(registry.served()->id, "a");  // a failed rollback changes nothing
}

TEST_F(RunRegistryTest, PromotingAnUnknownRunNamesIt) {
  RunRegistry registry(dir_ / "registry.sqlite");
  try {
    registry.promote("nope");
    FAIL();
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what()).find("no run nope"), std::string::npos) << error.what();
  }
}

TEST_F(RunRegistryTest, AFileThatIsNotADatabaseIsRefusedClearly) {
  const auto file = dir_ / "garbage.sqlite";
  std::FILE* out = std::fopen(file.c_str(), "wb");
  std::fputs("this is not a database, just some text that is long enough to be read", out);
  std::fclose(out);
  try {
    RunRegistry registry(file);
    FAIL();
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what()).find(file.string()), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace creditscore::store
