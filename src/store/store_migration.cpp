#include "store/store_migration.h"

#include <algorithm>
#include <cstdio>

#include "common/error.h"
#include "model/checksum.h"
#include "store/access_store.h"
#include "store/audit_trail.h"
#include "store/client_store.h"
#include "store/database.h"
#include "store/decision_log.h"
#include "store/run_registry.h"

namespace creditscore::store {
namespace {

struct Column {
  std::string name;
  bool key = false;
};

std::string quoted(const std::string& name) {
  return "\"" + name + "\"";
}

// The tables a source holds, in the order they were created, so that a table is copied after
// those it refers to; the version counter of logins is the target's own.
std::vector<std::string> tables_of(Database& source) {
  Statement query = source.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND "
      "name <> 'access_version' ORDER BY rowid");
  std::vector<std::string> tables;
  while (query.step()) tables.push_back(query.text(0));
  return tables;
}

std::vector<Column> columns_of(Database& source, const std::string& table) {
  Statement query = source.prepare("PRAGMA table_info(" + quoted(table) + ")");
  std::vector<Column> columns;
  while (query.step()) columns.push_back({query.text(1), query.integer(5) > 0});
  return columns;
}

std::string column_list(const std::vector<Column>& columns) {
  std::string list;
  for (const Column& c : columns) list += (list.empty() ? "" : ", ") + quoted(c.name);
  return list;
}

// One value as both databases agree to show it: SQLite and PostgreSQL keep a number in
// different types (an INTEGER in a REAL column, a bigint for an integer).
std::string canonical(const Statement& row, int column) {
  switch (row.kind(column)) {
    case ValueKind::Null:
      return "N";
    case ValueKind::Integer:
    case ValueKind::Real: {
      char text[40];
      std::snprintf(text, sizeof text, "R%.17g", row.real(column));
      return text;
    }
    case ValueKind::Blob: {
      const auto bytes = row.blob(column);
      return "B" + model::sha256_hex(
                       std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    }
    case ValueKind::Text:
      break;
  }
  return "T" + row.text(column);
}

struct Contents {
  std::size_t rows = 0;
  std::string checksum;
};

// The rows' count and a checksum that does not depend on their order, which the two databases
// are free to choose differently.
Contents contents_of(Database& db, const std::string& table, const std::vector<Column>& columns) {
  Statement query = db.prepare("SELECT " + column_list(columns) + " FROM " + quoted(table));
  std::vector<std::string> digests;
  while (query.step()) {
    std::string row;
    for (int c = 0; c < static_cast<int>(columns.size()); ++c) row += canonical(query, c) + '\x1f';
    digests.push_back(model::sha256_hex(row));
  }
  std::sort(digests.begin(), digests.end());
  std::string all;
  for (const std::string& d : digests) all += d;
  return {digests.size(), model::sha256_hex(all)};
}

std::size_t copy_rows(Database& source, Database& target, const std::string& table,
                      const std::vector<Column>& columns) {
  std::string values;
  for (std::size_t c = 1; c <= columns.size(); ++c)
    values += (c > 1 ? ", ?" : "?") + std::to_string(c);
  Statement read = source.prepare("SELECT " + column_list(columns) + " FROM " + quoted(table));
  std::size_t copied = 0;
  in_transaction(target, [&] {
    Statement insert = target.prepare("INSERT INTO " + quoted(table) + " (" + column_list(columns) +
                                      ") VALUES (" + values + ") ON CONFLICT DO NOTHING");
    while (read.step()) {
      for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
        switch (read.kind(c)) {
          case ValueKind::Null:
            insert.bind_null(c + 1);
            break;
          case ValueKind::Integer:
            insert.bind(c + 1, read.integer(c));
            break;
          case ValueKind::Real:
            insert.bind(c + 1, read.real(c));
            break;
          case ValueKind::Text:
            insert.bind(c + 1, read.text(c));
            break;
          case ValueKind::Blob:
            insert.bind_blob(c + 1, read.blob(c));
            break;
        }
      }
      insert.run();
      copied += static_cast<std::size_t>(target.changes());
      insert.reset();
    }
    // A key the source numbered itself: the target's own numbering goes on after it.
    for (const Column& c : columns) {
      if (!c.key) continue;
      Statement sequence = target.prepare("SELECT pg_get_serial_sequence(?1, ?2)");
      if (!sequence.bind(1, table).bind(2, c.name).step() || sequence.is_null(0)) continue;
      target.prepare("SELECT setval(?1, max(" + quoted(c.name) + ")) FROM " + quoted(table))
          .bind(1, sequence.text(0))
          .run();
    }
  });
  return copied;
}

void migrate_file(const std::filesystem::path& file, Database& target,
                  std::vector<MigratedTable>& migrated,
                  const std::function<void(const std::string&)>& progress) {
  if (!std::filesystem::is_regular_file(file))
    throw invalid_input("--from " + file.string() + ": no such file");
  Database source(file);
  for (const std::string& table : tables_of(source)) {
    if (progress) progress(table);
    const std::vector<Column> columns = columns_of(source, table);
    MigratedTable done{file.string(), table, 0, copy_rows(source, target, table, columns), {}};
    const Contents from = contents_of(source, table, columns);
    const Contents to = contents_of(target, table, columns);
    if (from.rows != to.rows || from.checksum != to.checksum) {
      throw StoreError(target.name() + ": table " + table + " differs from " + file.string() +
                       "'s once copied: " + std::to_string(from.rows) + " rows there, " +
                       std::to_string(to.rows) + " here" +
                       (from.rows == to.rows ? ", with other values" : "") +
                       " (was it written to since an earlier migration?)");
    }
    done.rows = from.rows;
    done.checksum = from.checksum;
    migrated.push_back(std::move(done));
  }
}

// The files of every run's bundle found on this machine, for servers that have none.
void keep_bundles(const std::string& source, RunRegistry registry, Database& target,
                  std::vector<MigratedTable>& migrated) {
  const auto held = [&] {
    Statement count = target.prepare("SELECT count(*) FROM bundle_files");
    count.step();
    return static_cast<std::size_t>(count.integer(0));
  };
  const std::size_t before = held();
  for (const RunRecord& run : registry.list()) {
    if (std::filesystem::is_directory(run.bundle_path)) registry.keep_bundle_files(run);
  }
  const std::size_t after = held();
  migrated.push_back({source, "bundle_files", after, after - before, "(each file's own)"});
}

}  // namespace

std::vector<MigratedTable> migrate_store(const MigrationRequest& request,
                                         const std::function<void(const std::string&)>& progress) {
  if (!is_postgresql(request.target)) {
    throw invalid_input("--to " + request.target.string() +
                        ": expected a PostgreSQL URL, postgresql://user@host:port/database");
  }
  // Opening each store creates its tables in the target with the target's own definitions.
  { const ClientStore clients(request.target); }
  { const AccessStore access(request.target); }
  { const AuditTrail audit(request.target); }
  { const DecisionLog decisions(request.target); }
  if (!request.registry.empty()) {
    const RunRegistry registry(request.target);
  }

  Database target(request.target);
  std::vector<MigratedTable> migrated;
  migrate_file(request.store, target, migrated, progress);
  if (!request.registry.empty()) {
    migrate_file(request.registry, target, migrated, progress);
    keep_bundles(request.registry.string(), RunRegistry(request.target), target, migrated);
  }
  return migrated;
}

}  // namespace creditscore::store
