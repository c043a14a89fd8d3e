#include "store/postgresql_connection.h"

#include <libpq-fe.h>

#include <atomic>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <vector>

#include "store/postgresql_dialect.h"

namespace creditscore::store {
namespace {

// The advisory lock every writer and every schema change takes: the database's writers then run
// one after another, across all servers, as SQLite's do on one file.
constexpr std::string_view kWriterLock = "SELECT pg_advisory_xact_lock(7428190312)";
// pg_type.h's oids, which libpq-fe.h does not declare.
constexpr Oid kByteaType = 17;
constexpr Oid kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701;

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// A parameter as libpq takes it: text, or bytes for a blob; none for NULL.
struct Parameter {
  std::optional<std::string> value;
  bool binary = false;
};

class PostgresqlConnection;

class PostgresqlCursor final : public Cursor {
 public:
  PostgresqlCursor(PostgresqlConnection& connection, std::string sql)
      : connection_(connection), sql_(std::move(sql)) {}

  void bind_text(int index, std::string_view text) override {
    slot(index) = {std::string(text), false};
  }
  void bind_integer(int index, std::int64_t value) override {
    slot(index) = {std::to_string(value), false};
  }
  void bind_real(int index, double value) override {
    if (std::isnan(value)) {
      slot(index) = {"NaN", false};
    } else if (std::isinf(value)) {
      slot(index) = {value > 0 ? "Infinity" : "-Infinity", false};
    } else {
      char text[32];
      std::snprintf(text, sizeof text, "%.17g", value);  // enough digits to read back exactly
      slot(index) = {text, false};
    }
  }
  void bind_blob(int index, std::span<const std::byte> bytes) override {
    slot(index) = {std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()), true};
  }
  void bind_null(int index) override { slot(index) = {}; }

  bool step() override;
  void reset() override {
    result_.reset();
    parameters_.clear();
    row_ = -1;
  }

  // Results come in binary, PostgreSQL's own representation: bytes as they are, numbers in
  // network byte order, so that reading every client's vector decodes no text.
  std::string text(int column) const override {
    switch (PQftype(result_.get(), column)) {
      case kInt2:
      case kInt4:
      case kInt8:
        return is_null(column) ? std::string() : std::to_string(integer(column));
      case kFloat4:
      case kFloat8: {
        if (is_null(column)) return {};
        char number[32];
        std::snprintf(number, sizeof number, "%.17g", real(column));
        return number;
      }
      default:
        return std::string(raw(column));
    }
  }
  std::int64_t integer(int column) const override {
    if (is_null(column)) return 0;
    const std::string_view bytes = raw(column);
    switch (PQftype(result_.get(), column)) {
      case kInt2:
        return static_cast<std::int16_t>(big_endian(bytes, 2));
      case kInt4:
        return static_cast<std::int32_t>(big_endian(bytes, 4));
      case kInt8:
        return static_cast<std::int64_t>(big_endian(bytes, 8));
      case kFloat4:
      case kFloat8:
        return static_cast<std::int64_t>(real(column));
      default: {
        std::int64_t value = 0;
        const auto [stop, error] =
            std::from_chars(bytes.data(), bytes.data() + bytes.size(), value);
        if (error != std::errc() || stop != bytes.data() + bytes.size())
          not_a("an integer", column);
        return value;
      }
    }
  }
  double real(int column) const override {
    if (is_null(column)) return 0;
    const std::string_view bytes = raw(column);
    switch (PQftype(result_.get(), column)) {
      case kFloat4:
        return std::bit_cast<float>(static_cast<std::uint32_t>(big_endian(bytes, 4)));
      case kFloat8:
        return std::bit_cast<double>(big_endian(bytes, 8));
      case kInt2:
      case kInt4:
      case kInt8:
        return static_cast<double>(integer(column));
      default: {
        const std::string value(bytes);
        char* end = nullptr;
        const double number = std::strtod(value.c_str(), &end);
        if (end != value.c_str() + value.size()) not_a("a number", column);
        return number;
      }
    }
  }
  std::span<const std::byte> blob(int column) const override {
    const std::string_view bytes = raw(column);
    return {reinterpret_cast<const std::byte*>(bytes.data()), bytes.size()};
  }
  bool is_null(int column) const override { return PQgetisnull(result_.get(), row_, column) != 0; }
  int column_count() const override { return PQnfields(result_.get()); }
  ValueKind kind(int column) const override {
    if (is_null(column)) return ValueKind::Null;
    switch (PQftype(result_.get(), column)) {  // pg_type.h's oids
      case kInt2:
      case kInt4:
      case kInt8:
        return ValueKind::Integer;
      case kFloat4:
      case kFloat8:
        return ValueKind::Real;
      case kByteaType:
        return ValueKind::Blob;
      default:
        return ValueKind::Text;
    }
  }

 private:
  Parameter& slot(int index) {
    const auto at = static_cast<std::size_t>(index - 1);
    if (parameters_.size() <= at) parameters_.resize(at + 1);
    return parameters_[at];
  }
  [[noreturn]] void not_a(std::string_view what, int column) const;
  std::string_view raw(int column) const {
    return {PQgetvalue(result_.get(), row_, column),
            static_cast<std::size_t>(PQgetlength(result_.get(), row_, column))};
  }
  // The `size` bytes of a binary integer, most significant first; a column of another width is
  // a bug of the SQL, named.
  std::uint64_t big_endian(std::string_view bytes, std::size_t size) const {
    if (bytes.size() != size)
      throw StoreError("a binary value of " + std::to_string(bytes.size()) + " bytes where " +
                       std::to_string(size) + " were expected");
    std::uint64_t value = 0;
    for (unsigned char byte : bytes) value = value << 8 | byte;
    return value;
  }

  PostgresqlConnection& connection_;
  std::string sql_;
  std::vector<Parameter> parameters_;
  Result result_;
  int row_ = -1;
};

class PostgresqlConnection final : public Connection {
 public:
  PostgresqlConnection(const std::string& url, std::string name)
      : name_(std::move(name)), connection_(PQconnectdb(url.c_str())) {
    if (connection_ == nullptr) throw StoreError(name_ + ": cannot connect: out of memory");
    if (PQstatus(connection_) != CONNECTION_OK) {
      const std::string message = PQerrorMessage(connection_);
      PQfinish(connection_);
      throw StoreError(name_ + ": cannot connect: " + trimmed(message));
    }
    // CREATE ... IF NOT EXISTS says "skipping" as a notice: nothing anyone needs to read.
    PQsetNoticeProcessor(
        connection_, [](void*, const char*) {}, nullptr);
  }
  ~PostgresqlConnection() override { PQfinish(connection_); }
  PostgresqlConnection(const PostgresqlConnection&) = delete;
  PostgresqlConnection& operator=(const PostgresqlConnection&) = delete;

  Dialect dialect() const override { return Dialect::PostgreSQL; }

  void execute(std::string_view sql) override {
    // A schema is created under the writers' lock, so that servers starting together do not
    // race to create the same table.
    const bool changes_schema = sql.find("CREATE ") != std::string_view::npos;
    const std::string text =
        (changes_schema ? std::string(kWriterLock) + ";\n" : std::string()) + to_postgresql(sql);
    run(text, [&](PGconn* c) { return PQexec(c, text.c_str()); });
  }
  std::unique_ptr<Cursor> prepare(std::string_view sql) override {
    return std::make_unique<PostgresqlCursor>(*this, to_postgresql(sql));
  }
  void begin_writing() override { execute("BEGIN; " + std::string(kWriterLock)); }
  void commit() override { execute("COMMIT"); }
  void leave_checkpoints() override {}
  void checkpoint() override {}
  std::int64_t changes() const override { return changes_; }

  const std::string& name() const { return name_; }

  Result run_with(const std::string& sql, const std::vector<Parameter>& parameters) {
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
    std::vector<Oid> types;
    for (const Parameter& p : parameters) {
      values.push_back(p.value ? p.value->data() : nullptr);
      lengths.push_back(p.value ? static_cast<int>(p.value->size()) : 0);
      formats.push_back(p.binary ? 1 : 0);
      types.push_back(p.binary ? kByteaType : 0);  // 0: the server infers the type
    }
    return run(sql, [&](PGconn* c) {
      return PQexecParams(c, sql.c_str(), static_cast<int>(parameters.size()), types.data(),
                          values.data(), lengths.data(), formats.data(), 1);
    });
  }

 private:
  static std::string trimmed(std::string message) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    return message;
  }

  // Runs `exec` on the connection; a connection lost between transactions is opened again once.
  template <typename Exec>
  Result run(const std::string& sql, Exec&& exec) {
    const std::lock_guard hold(lock_);
    const bool idle = PQtransactionStatus(connection_) == PQTRANS_IDLE;
    Result result(exec(connection_));
    if (idle && PQstatus(connection_) == CONNECTION_BAD) {
      PQreset(connection_);
      result.reset(exec(connection_));
    }
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      const std::string message =
          result ? PQresultErrorMessage(result.get()) : PQerrorMessage(connection_);
      throw StoreError(name_ + ": " + trimmed(message) + " (in '" + sql.substr(0, 200) + "')");
    }
    const char* tuples = PQcmdTuples(result.get());
    changes_ = *tuples == '\0' ? 0 : std::stoll(tuples);
    return result;
  }

  std::string name_;
  PGconn* connection_;
  std::mutex lock_;  // libpq's connections are not shared between threads unguarded
  std::atomic<std::int64_t> changes_ = 0;
};

bool PostgresqlCursor::step() {
  if (!result_) {
    result_ = connection_.run_with(sql_, parameters_);
    row_ = 0;
  } else {
    ++row_;
  }
  return row_ < PQntuples(result_.get());
}

void PostgresqlCursor::not_a(std::string_view what, int column) const {
  throw StoreError(connection_.name() + ": column " + PQfname(result_.get(), column) + " is not " +
                   std::string(what) + " in '" + sql_.substr(0, 200) + "'");
}

}  // namespace

std::unique_ptr<Connection> open_postgresql(const std::string& url, const std::string& name) {
  return std::make_unique<PostgresqlConnection>(url, name);
}

}  // namespace creditscore::store
