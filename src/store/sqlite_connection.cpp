#include "store/sqlite_connection.h"

#include <sqlite3.h>

#include <mutex>
#include <string>
#include <unordered_map>

namespace creditscore::store {
namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& name, std::string_view what) {
  throw StoreError(name + ": " + std::string(what) + ": " +
                   (db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
}

// Compiled statements kept for the next cursor of the same SQL: compiling is most of what a small
// statement costs (two fifths of an audit record's commit), and the server runs the same few
// statements again and again. Each statement is lent to one cursor at a time.
class StatementCache {
 public:
  StatementCache() = default;
  ~StatementCache() { clear(); }
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // An idle statement compiled from `sql`, or nullptr.
  sqlite3_stmt* take(const std::string& sql) {
    const std::lock_guard hold(lock_);
    const auto idle = idle_.find(sql);
    if (idle == idle_.end()) return nullptr;
    sqlite3_stmt* statement = idle->second;
    idle_.erase(idle);
    return statement;
  }
  // Keeps `statement`, reset, for the next cursor of `sql`; finalizes it when enough are kept.
  void give_back(std::string sql, sqlite3_stmt* statement) {
    if (statement == nullptr) return;  // the SQL was only blanks or comments
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    {
      const std::lock_guard hold(lock_);
      if (idle_.size() < kMaxIdle) {
        idle_.emplace(std::move(sql), statement);
        return;
      }
    }
    sqlite3_finalize(statement);
  }
  void clear() {
    const std::lock_guard hold(lock_);
    for (const auto& [sql, statement] : idle_) sqlite3_finalize(statement);
    idle_.clear();
  }

 private:
  static constexpr std::size_t kMaxIdle = 128;
  std::mutex lock_;
  std::unordered_multimap<std::string, sqlite3_stmt*> idle_;
};

class SqliteCursor final : public Cursor {
 public:
  SqliteCursor(sqlite3* db, const std::string& name, std::string_view sql, StatementCache& cache)
      : db_(db), name_(name), sql_(sql), cache_(cache), statement_(cache.take(sql_)) {
    if (statement_ == nullptr && sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()),
                                                    &statement_, nullptr) != SQLITE_OK) {
      fail(db, name, "cannot prepare '" + sql_ + "'");
    }
  }
  ~SqliteCursor() override { cache_.give_back(std::move(sql_), statement_); }
  SqliteCursor(const SqliteCursor&) = delete;
  SqliteCursor& operator=(const SqliteCursor&) = delete;

  void bind_text(int index, std::string_view text) override {
    check(sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()),
                            SQLITE_TRANSIENT));
  }
  void bind_integer(int index, std::int64_t value) override {
    check(sqlite3_bind_int64(statement_, index, value));
  }
  void bind_real(int index, double value) override {
    check(sqlite3_bind_double(statement_, index, value));
  }
  void bind_blob(int index, std::span<const std::byte> bytes) override {
    check(sqlite3_bind_blob64(statement_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
  }
  void bind_null(int index) override { check(sqlite3_bind_null(statement_, index)); }

  bool step() override {
    const int status = sqlite3_step(statement_);
    if (status == SQLITE_ROW) return true;
    if (status == SQLITE_DONE) return false;
    fail(db_, name_, "step");
  }
  void reset() override {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }

  std::string text(int column) const override {
    const auto* bytes = sqlite3_column_text(statement_, column);
    return bytes == nullptr
               ? std::string()
               : std::string(reinterpret_cast<const char*>(bytes),
                             static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
  }
  std::int64_t integer(int column) const override {
    return sqlite3_column_int64(statement_, column);
  }
  double real(int column) const override { return sqlite3_column_double(statement_, column); }
  std::span<const std::byte> blob(int column) const override {
    // The pointer first: sqlite3_column_bytes then gives the size of that same representation.
    const void* bytes = sqlite3_column_blob(statement_, column);
    return {static_cast<const std::byte*>(bytes),
            static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))};
  }
  bool is_null(int column) const override {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
  }
  int column_count() const override { return sqlite3_column_count(statement_); }
  ValueKind kind(int column) const override {
    switch (sqlite3_column_type(statement_, column)) {
      case SQLITE_NULL:
        return ValueKind::Null;
      case SQLITE_INTEGER:
        return ValueKind::Integer;
      case SQLITE_FLOAT:
        return ValueKind::Real;
      case SQLITE_BLOB:
        return ValueKind::Blob;
      default:
        return ValueKind::Text;
    }
  }

 private:
  void check(int status) const {
    if (status != SQLITE_OK) fail(db_, name_, "bind");
  }

  sqlite3* db_;
  std::string name_;
  std::string sql_;
  StatementCache& cache_;
  sqlite3_stmt* statement_ = nullptr;
};

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::filesystem::path& file) : name_(file.string()) {
    if (sqlite3_open_v2(file.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
      const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw StoreError(name_ + ": cannot open database: " + message);
    }
    // Two processes on one file wait for each other instead of failing.
    sqlite3_busy_timeout(db_, 5000);
    try {
      execute("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
    } catch (...) {
      sqlite3_close(db_);  // the destructor does not run when a constructor throws
      throw;
    }
  }
  ~SqliteConnection() override {
    statements_.clear();  // SQLite closes no connection with statements left
    sqlite3_close(db_);
  }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::SQLite; }
  void execute(std::string_view sql) override {
    char* error = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string message = error != nullptr ? error : "unknown error";
      sqlite3_free(error);
      throw StoreError(name_ + ": " + message);
    }
  }
  std::unique_ptr<Cursor> prepare(std::string_view sql) override {
    return std::make_unique<SqliteCursor>(db_, name_, sql, statements_);
  }
  // IMMEDIATE takes the file's write lock at once, so a transaction never fails midway on it.
  // Both statements kept compiled: the audit trail runs them on every answer.
  void begin_writing() override { prepare("BEGIN IMMEDIATE")->step(); }
  void commit() override { prepare("COMMIT")->step(); }
  void leave_checkpoints() override { sqlite3_wal_autocheckpoint(db_, 0); }
  void checkpoint() override {
    const int status =
        sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (status != SQLITE_OK && status != SQLITE_BUSY) fail(db_, name_, "checkpoint");
  }
  std::int64_t changes() const override { return sqlite3_changes64(db_); }

 private:
  std::string name_;
  sqlite3* db_ = nullptr;
  StatementCache statements_;
};

}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::filesystem::path& file) {
  return std::make_unique<SqliteConnection>(file);
}

}  // namespace creditscore::store
