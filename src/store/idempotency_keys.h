// Safe retries: the key a client sends with a request that creates something (the HTTP
// Idempotency-Key header), kept with what that request created in the same transaction as the
// creation, so that a retry after a lost answer finds it, whatever happened in between, and
// creates nothing new.
//
//   idempotency_keys  scope (who sent it, to which route), key, fingerprint (of the request),
//                     resource (the id created), at; one row per (scope, key)
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace creditscore::store {

struct IdempotencyKey {
  std::string scope;        // who sent it to which route: "alice POST /api/v1/applications"
  std::string key;          // as sent
  std::string fingerprint;  // of the request's path and body: the same key with another is refused
};

// The table, in the database `db` (created if needed).
void create_idempotency_table(Database& db);

// Within the caller's write transaction on `db`: the resource a request with `key` created before,
// if one did. A key that came with another request is an InvalidInput StoreError naming it.
std::optional<std::int64_t> earlier_resource(Database& db, const IdempotencyKey& key);
void remember_resource(Database& db, const IdempotencyKey& key, std::int64_t resource);

}  // namespace creditscore::store
