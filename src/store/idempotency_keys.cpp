#include "store/idempotency_keys.h"

namespace creditscore::store {

void create_idempotency_table(Database& db) {
  db.execute(R"sql(
CREATE TABLE IF NOT EXISTS idempotency_keys (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  resource INTEGER NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (scope, key)
);
)sql");
}

std::optional<std::int64_t> earlier_resource(Database& db, const IdempotencyKey& key) {
  Statement query = db.prepare(
      "SELECT fingerprint, resource FROM idempotency_keys WHERE scope = ?1 AND key = ?2");
  if (!query.bind(1, key.scope).bind(2, key.key).step()) return std::nullopt;
  if (query.text(0) != key.fingerprint) {
    throw StoreError("Idempotency-Key \"" + key.key +
                         "\" was sent before with another request: a new request needs a new key",
                     ErrorKind::InvalidInput);
  }
  return query.integer(1);
}

void remember_resource(Database& db, const IdempotencyKey& key, std::int64_t resource) {
  db.prepare(
        "INSERT INTO idempotency_keys (scope, key, fingerprint, resource, at) "
        "VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
      .bind(1, key.scope)
      .bind(2, key.key)
      .bind(3, key.fingerprint)
      .bind(4, resource)
      .run();
}

}  // namespace creditscore::store
