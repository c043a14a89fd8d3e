#include "store/database.h"

#include "store/postgresql_connection.h"
#include "store/sqlite_connection.h"

namespace creditscore::store {

bool is_postgresql(const std::filesystem::path& location) {
  const std::string& text = location.native();
  return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

std::string display_name(const std::filesystem::path& location) {
  std::string text = location.string();
  if (!is_postgresql(location)) return text;
  // postgresql://user:password@host/...: the password goes, the rest stays.
  const std::size_t start = text.find("://") + 3;
  const std::size_t at = text.find('@', start);
  const std::size_t colon = text.find(':', start);
  if (at != std::string::npos && colon < at) text.replace(colon, at - colon, ":***");
  return text;
}

const std::filesystem::path& require_client_store(const std::filesystem::path& location) {
  if (!is_postgresql(location) && !std::filesystem::is_regular_file(location)) {
    throw StoreError(
        location.string() + ": no client store here; build one with `creditscore store build`",
        ErrorKind::NotFound);
  }
  return location;
}

Database::Database(const std::filesystem::path& location)
    : location_(location),
      name_(display_name(location)),
      connection_(is_postgresql(location)
                      ? std::unique_ptr<Connection>(open_postgresql(location.string(), name_))
                      : std::unique_ptr<Connection>(open_sqlite(location))) {}

Database::~Database() = default;

Statement Database::prepare(std::string_view sql) {
  return Statement(connection_->prepare(sql));
}

}  // namespace creditscore::store
