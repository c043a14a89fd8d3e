// One interface over the two databases the product runs on: SQLite, embedded, named by a file
// path; and PostgreSQL, shared by several servers, named by a postgresql:// URL. The stores write
// one portable SQL (?1 parameters, ON CONFLICT, RETURNING) and never know which one they have;
// each backend owns its differences. Every failing call throws StoreError naming the database.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>

#include "common/error.h"

namespace creditscore::store {

// A database that cannot be used as asked: broken or of another schema (corrupt), a run asked
// for that is not there (not found), or one recorded twice (conflict).
class StoreError : public Error {
 public:
  explicit StoreError(const std::string& message, ErrorKind kind = ErrorKind::Corrupt)
      : Error(kind, message) {}
};

enum class Dialect { SQLite, PostgreSQL };

// What a value read back is.
enum class ValueKind { Null, Integer, Real, Text, Blob };

// Whether `location` names a PostgreSQL database (postgresql:// or postgres://) rather than a file.
bool is_postgresql(const std::filesystem::path& location);
// The location as it may be shown: a URL without its password.
std::string display_name(const std::filesystem::path& location);
// `location`, unless it holds no client store: then a not_found Error. Opening creates an SQLite
// file, and no command should run on an empty one made by a typo; a PostgreSQL database is
// created by its operator.
const std::filesystem::path& require_client_store(const std::filesystem::path& location);

// A statement's bound parameters and the rows it returns, as each backend keeps them.
class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual void bind_text(int index, std::string_view text) = 0;
  virtual void bind_integer(int index, std::int64_t value) = 0;
  virtual void bind_real(int index, double value) = 0;
  virtual void bind_blob(int index, std::span<const std::byte> bytes) = 0;
  virtual void bind_null(int index) = 0;
  virtual bool step() = 0;
  virtual void reset() = 0;
  virtual std::string text(int column) const = 0;
  virtual std::int64_t integer(int column) const = 0;
  virtual double real(int column) const = 0;
  virtual std::span<const std::byte> blob(int column) const = 0;
  virtual bool is_null(int column) const = 0;
  virtual int column_count() const = 0;
  virtual ValueKind kind(int column) const = 0;
};

// One open connection of a backend.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  virtual void execute(std::string_view sql) = 0;
  virtual std::unique_ptr<Cursor> prepare(std::string_view sql) = 0;
  // Starts a transaction that no other writer, in this process or another, runs beside.
  virtual void begin_writing() = 0;
  virtual void commit() = 0;
  // See Database.
  virtual void leave_checkpoints() = 0;
  virtual void checkpoint() = 0;
  virtual std::int64_t changes() const = 0;
};

class Statement;

class Database {
 public:
  // Opens the database at `location`: an SQLite file, created if needed, or a PostgreSQL URL.
  explicit Database(const std::filesystem::path& location);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return connection_->dialect(); }
  // Runs one or more statements that take no parameters and return no rows.
  void execute(std::string_view sql) { connection_->execute(sql); }
  Statement prepare(std::string_view sql);
  // Rows changed by the last INSERT, UPDATE or DELETE.
  std::int64_t changes() const { return connection_->changes(); }
  // SQLite copies its write-ahead log into the database file (a checkpoint, which waits for the
  // disk) in passing, on the commit that finds the log long. After this call this connection's
  // commits no longer do it: a WalCheckpointer does, on a thread of its own. Nothing for
  // PostgreSQL, whose server checkpoints.
  void leave_checkpoints() { connection_->leave_checkpoints(); }
  // Copies what the write-ahead log holds into the database file, beside readers and writers
  // (SQLite's passive checkpoint); does nothing while another connection checkpoints.
  void checkpoint() { connection_->checkpoint(); }
  // Where the database is, for messages: the file, or the URL without its password.
  const std::string& name() const { return name_; }
  const std::filesystem::path& location() const { return location_; }

 private:
  template <typename Work>
  friend void in_transaction(Database& db, Work&& work);

  std::filesystem::path location_;
  std::string name_;
  std::unique_ptr<Connection> connection_;
  // Held through a transaction, so that two threads sharing the connection take turns.
  std::recursive_mutex transaction_;
};

// Runs `work` in a transaction: committed when it returns, rolled back when it throws.
template <typename Work>
void in_transaction(Database& db, Work&& work) {
  const std::lock_guard hold(db.transaction_);
  db.connection_->begin_writing();
  try {
    work();
  } catch (...) {
    db.execute("ROLLBACK");
    throw;
  }
  db.connection_->commit();
}

class Statement {
 public:
  explicit Statement(std::unique_ptr<Cursor> cursor) : cursor_(std::move(cursor)) {}

  // Parameters are numbered from 1, as in SQL's ?1, ?2...
  Statement& bind(int index, std::string_view text) {
    cursor_->bind_text(index, text);
    return *this;
  }
  Statement& bind(int index, std::int64_t value) {
    cursor_->bind_integer(index, value);
    return *this;
  }
  Statement& bind(int index, double value) {
    cursor_->bind_real(index, value);
    return *this;
  }
  Statement& bind_blob(int index, std::span<const std::byte> bytes) {
    cursor_->bind_blob(index, bytes);
    return *this;
  }
  Statement& bind_null(int index) {
    cursor_->bind_null(index);
    return *this;
  }
  // Advances to the next row: true while there is one.
  bool step() { return cursor_->step(); }
  // Runs a statement that returns no row.
  void run() {
    while (step()) {
    }
  }
  void reset() { cursor_->reset(); }

  // Columns are numbered from 0.
  std::string text(int column) const { return cursor_->text(column); }
  std::int64_t integer(int column) const { return cursor_->integer(column); }
  double real(int column) const { return cursor_->real(column); }
  // The column's bytes, valid until the next step() or reset().
  std::span<const std::byte> blob(int column) const { return cursor_->blob(column); }
  bool is_null(int column) const { return cursor_->is_null(column); }
  // The current row's width and what each value is, for code that copies any table.
  int column_count() const { return cursor_->column_count(); }
  ValueKind kind(int column) const { return cursor_->kind(column); }

 private:
  std::unique_ptr<Cursor> cursor_;
};

}  // namespace creditscore::store
