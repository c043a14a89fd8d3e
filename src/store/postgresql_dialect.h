// The stores' SQL is written once, as SQLite reads it; PostgreSQL differs in a few words, and
// this is the one place that knows them.
#pragma once

#include <string>
#include <string_view>

namespace creditscore::store {

// `sql` as PostgreSQL reads it: ?N parameters become $N; in CREATE TABLE, INTEGER becomes BIGINT
// (SQLite's integers have 64 bits), REAL DOUBLE PRECISION, BLOB BYTEA, and an AUTOINCREMENT key
// an identity column; SQLite's strftime of 'now' becomes to_char of now() in UTC. Nothing inside
// quotes changes.
std::string to_postgresql(std::string_view sql);

}  // namespace creditscore::store
