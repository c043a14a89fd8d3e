// The SQLite connection keeps compiled statements for reuse: a reused one must behave exactly as a
// freshly compiled one.
#include <gtest/gtest.h>

#include <string>

#include "store/database.h"
#include "tests/support/temporary_directory.h"

namespace creditscore::store {
namespace {

class SqliteConnectionTest : public ::testing::Test {
 protected:
  testing::TemporaryDirectory directory_{"sqlite_connection"};
  Database db_{directory_.path() / "store.sqlite"};

  std::string name_of(std::int64_t id) {
    Statement query = db_.prepare("SELECT name FROM people WHERE id = ?1");
    query.bind(1, id);
    return query.step() ? query.text(0) : "(none)";
  }
};

TEST_F(SqliteConnectionTest, TwoCursorsOfOneStatementAtOnceReadEachTheirOwnRows) {
  db_.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT)");
  db_.execute("INSERT INTO people VALUES (1, 'Ana'), (2, 'Bo'), (3, 'Cy')");
  const std::string sql = "SELECT name FROM people WHERE id >= ?1 ORDER BY id";
  Statement outer = db_.prepare(sql);
  outer.bind(1, std::int64_t{1});
  ASSERT_TRUE(outer.step());
  {
    Statement inner = db_.prepare(sql);
    inner.bind(1, std::int64_t{3});
    ASSERT_TRUE(inner.step());
    EXPECT_EQ(inner.text(0), "Cy");
  }
  EXPECT_EQ(outer.text(0), "Ana");
  ASSERT_TRUE(outer.step());
  EXPECT_EQ(outer.text(0), "Bo") << "the inner cursor did not disturb the outer one";
}

TEST_F(SqliteConnectionTest, AReusedStatementStartsWithNoBindingsAndReadsTheRowsAsTheyAreNow) {
  db_.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT)");
  db_.execute("INSERT INTO people VALUES (1, 'Ana')");
  EXPECT_EQ(name_of(1), "Ana");
  db_.execute("UPDATE people SET name = 'Anna' WHERE id = 1");
  EXPECT_EQ(name_of(1), "Anna");
  EXPECT_EQ(name_of(2), "(none)");
  // A cursor that binds nothing gets NULL, never the last cursor's value.
  Statement unbound = db_.prepare("SELECT name FROM people WHERE id = ?1");
  EXPECT_FALSE(unbound.step());
}

TEST_F(SqliteConnectionTest, AStatementKeptAcrossASchemaChangeReadsTheNewTable) {
  db_.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT)");
  db_.execute("INSERT INTO people VALUES (1, 'Ana')");
  EXPECT_EQ(name_of(1), "Ana");
  db_.execute("DROP TABLE people");
  db_.execute("CREATE TABLE people (name TEXT, id INTEGER PRIMARY KEY)");
  db_.execute("INSERT INTO people VALUES ('Zoe', 1)");
  EXPECT_EQ(name_of(1), "Zoe");
  db_.execute("DROP TABLE people");
  EXPECT_THROW(name_of(1), StoreError) << "a statement on a table gone fails, as when compiled";
}

TEST_F(SqliteConnectionTest, AnUnfinishedCursorLeavesNoReadOpenBehind) {
  db_.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT)");
  db_.execute("INSERT INTO people VALUES (1, 'Ana'), (2, 'Bo')");
  {
    Statement query = db_.prepare("SELECT name FROM people ORDER BY id");
    ASSERT_TRUE(query.step());  // one row of two read, then let go
  }
  // Another connection can empty the whole WAL into the database only when no read is open.
  Database other(directory_.path() / "store.sqlite");
  Statement checkpoint = other.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
  ASSERT_TRUE(checkpoint.step());
  EXPECT_EQ(checkpoint.integer(0), 0) << "the checkpoint was blocked";
}

}  // namespace
}  // namespace creditscore::store
