// Checkpoints left to a thread of their own: a connection that leaves them never copies the
// write-ahead log into the database file itself, and the checkpointer does.
#include "store/wal_checkpointer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/support/temporary_directory.h"

namespace creditscore::store {
namespace {

// Some 8 MB in 2,000 transactions: well past the 1,000 pages at which SQLite would checkpoint.
void fill(Database& db) {
  db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
  const std::string text(4000, 'x');
  for (std::int64_t id = 1; id <= 2000; ++id) {
    in_transaction(db, [&] {
      db.prepare("INSERT INTO notes (id, text) VALUES (?1, ?2)").bind(1, id).bind(2, text).run();
    });
  }
}

TEST(WalCheckpointerTest, TheLogReachesTheFileOnlyThroughTheCheckpointer) {
  testing::TemporaryDirectory directory("wal_checkpointer");
  const std::filesystem::path file = directory.path() / "store.sqlite";
  Database db(file);  // open throughout: the last connection closed would checkpoint too
  db.leave_checkpoints();
  fill(db);
  EXPECT_LT(std::filesystem::file_size(file), 1u << 20) << "the commits copied the log";
  EXPECT_GT(std::filesystem::file_size(file.string() + "-wal"), 8'000'000u);
  { WalCheckpointer checkpointer(file); }  // checkpoints once more as it stops
  EXPECT_GT(std::filesystem::file_size(file), 8'000'000u);
  Statement count = db.prepare("SELECT count(*) FROM notes");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(count.integer(0), 2000);
}

TEST(WalCheckpointerTest, ACommitThatDoesNotLeaveThemStillCheckpoints) {
  testing::TemporaryDirectory directory("wal_checkpointer");
  const std::filesystem::path file = directory.path() / "store.sqlite";
  Database db(file);
  fill(db);
  EXPECT_GT(std::filesystem::file_size(file), 4'000'000u);
}

}  // namespace
}  // namespace creditscore::store
