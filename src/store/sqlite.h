// A small owner of SQLite's C API: a database connection and prepared statements. Every failing
// call throws StoreError with SQLite's message and the database's file name.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "common/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace creditscore::store {

// A database that cannot be used as asked: broken or of another schema (corrupt), a run asked
// for that is not there (not found), or one recorded twice (conflict).
class StoreError : public Error {
 public:
  explicit StoreError(const std::string& message, ErrorKind kind = ErrorKind::Corrupt)
      : Error(kind, message) {}
};

class Statement;

class Database {
 public:
  // Opens (creating if needed) the database file, in WAL mode with a busy timeout so that a
  // reader and a writer in two processes wait for each other instead of failing.
  explicit Database(const std::filesystem::path& file);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that take no parameters and return no rows.
  void execute(std::string_view sql);
  Statement prepare(std::string_view sql);
  // Rows changed by the last INSERT, UPDATE or DELETE.
  std::int64_t changes() const;
  // The rowid of the last row inserted.
  std::int64_t last_insert_id() const;
  const std::filesystem::path& file() const { return file_; }
  sqlite3* handle() const { return db_; }

 private:
  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
};

// Runs `work` in a transaction: committed when it returns, rolled back when it throws.
template <typename Work>
void in_transaction(Database& db, Work&& work) {
  db.execute("BEGIN IMMEDIATE");
  try {
    work();
  } catch (...) {
    db.execute("ROLLBACK");
    throw;
  }
  db.execute("COMMIT");
}

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  // Parameters are numbered from 1, as in SQL's ?1, ?2...
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind_blob(int index, std::span<const std::byte> bytes);
  Statement& bind_null(int index);
  // Advances to the next row: true while there is one.
  bool step();
  // Runs a statement that returns no row.
  void run();
  void reset();

  std::string text(int column) const;  // columns are numbered from 0
  std::int64_t integer(int column) const;
  double real(int column) const;
  // The column's bytes, valid until the next step() or reset().
  std::span<const std::byte> blob(int column) const;
  bool is_null(int column) const;

 private:
  Database* db_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace creditscore::store
