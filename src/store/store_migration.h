// `creditscore store migrate`: a whole SQLite store, and its run registry, copied into the
// PostgreSQL database several servers share. Every table the source has is copied row by row,
// keeping what the target holds already, so that running it again copies nothing twice; then
// each table's row count and checksum are compared on both sides.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace creditscore::store {

struct MigratedTable {
  std::string source;  // the file it came from
  std::string name;
  std::size_t rows = 0;    // in the source, and so in the target
  std::size_t copied = 0;  // by this run; 0 when run again
  std::string checksum;    // SHA-256 of the rows, whatever their order, equal on both sides
};

struct MigrationRequest {
  std::filesystem::path store;     // SQLite client store
  std::filesystem::path registry;  // SQLite run registry; empty: none
  std::filesystem::path target;    // postgresql:// URL
};

// Throws an invalid_input Error for a source that is no file or a target that is no PostgreSQL
// URL, and StoreError naming the table when a table differs once copied. `progress` hears of
// each table as it starts.
std::vector<MigratedTable> migrate_store(
    const MigrationRequest& request,
    const std::function<void(const std::string& table)>& progress = {});

}  // namespace creditscore::store
