#include "store/run_registry.h"

#include <unistd.h>

#include <fstream>
#include <iterator>

#include "model/checksum.h"

namespace creditscore::store {

std::filesystem::path registry_file(const std::filesystem::path& models) {
  return models / "registry.sqlite";
}

namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  data_directory TEXT NOT NULL,
  data_fingerprint TEXT NOT NULL,
  params_json TEXT NOT NULL,
  metrics_json TEXT NOT NULL,
  timings_json TEXT NOT NULL,
  bundle_path TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS promotions (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id TEXT NOT NULL REFERENCES runs(id),
  action TEXT NOT NULL CHECK (action IN ('promote', 'rollback')),
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS bundle_files (
  run_id TEXT NOT NULL REFERENCES runs(id),
  name TEXT NOT NULL,
  bytes BLOB NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (run_id, name)
);
)sql";

constexpr std::string_view kColumns =
    "id, created_at, data_directory, data_fingerprint, params_json, metrics_json, timings_json, "
    "bundle_path";

RunRecord read_run(const Statement& row) {
  return {row.text(0), row.text(1), row.text(2), row.text(3),
          row.text(4), row.text(5), row.text(6), row.text(7)};
}

}  // namespace

std::filesystem::path registry_location(const std::filesystem::path& models,
                                        const std::filesystem::path& database) {
  return database.empty() ? registry_file(models) : database;
}

RunRegistry::RunRegistry(const std::filesystem::path& file) : db_(file) {
  db_.execute(kSchema);
}

void RunRegistry::record(const RunRecord& run) {
  if (find(run.id))
    throw StoreError(db_.name() + ": run " + run.id + " already recorded", ErrorKind::Conflict);
  Statement insert = db_.prepare("INSERT INTO runs (" + std::string(kColumns) +
                                 ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  insert.bind(1, run.id).bind(2, run.created_at).bind(3, run.data_directory);
  insert.bind(4, run.data_fingerprint).bind(5, run.params_json).bind(6, run.metrics_json);
  insert.bind(7, run.timings_json).bind(8, run.bundle_path);
  insert.run();
  keep_bundle_files(run);
}

void RunRegistry::keep_bundle_files(const RunRecord& run) {
  if (db_.dialect() != Dialect::PostgreSQL) return;
  in_transaction(db_, [&] {
    Statement held = db_.prepare("SELECT 1 FROM bundle_files WHERE run_id = ?1");
    if (held.bind(1, run.id).step()) return;
    Statement insert = db_.prepare(
        "INSERT INTO bundle_files (run_id, name, bytes, sha256) VALUES (?1, ?2, ?3, ?4)");
    for (const auto& entry : std::filesystem::directory_iterator(run.bundle_path)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), {});
      if (!in.good() && !in.eof())
        throw StoreError(entry.path().string() + ": cannot read the bundle's file");
      insert.bind(1, run.id).bind(2, entry.path().filename().string());
      insert.bind_blob(3, std::as_bytes(std::span(bytes.data(), bytes.size())));
      insert.bind(4, model::sha256_hex(bytes)).run();
      insert.reset();
    }
  });
}

std::filesystem::path RunRegistry::bundle_directory(const RunRecord& run,
                                                    const std::filesystem::path& cache) {
  if (db_.dialect() != Dialect::PostgreSQL) return run.bundle_path;
  const std::filesystem::path directory = cache / run.id;
  if (std::filesystem::is_directory(directory)) return directory;  // written whole, by a rename
  Statement files = db_.prepare("SELECT name, bytes, sha256 FROM bundle_files WHERE run_id = ?1");
  files.bind(1, run.id);
  const std::filesystem::path staging =
      cache / (".incoming-" + run.id + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(staging);
  std::filesystem::create_directories(staging);
  bool any = false;
  while (files.step()) {
    const std::string name = files.text(0);
    const auto bytes = files.blob(1);
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (name.find('/') != std::string::npos || model::sha256_hex(text) != files.text(2)) {
      std::filesystem::remove_all(staging);
      throw StoreError(db_.name() + ": run " + run.id + "'s bundle file " + name +
                       " does not match its checksum");
    }
    std::ofstream out(staging / name, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out.flush()) throw StoreError((staging / name).string() + ": cannot write");
    any = true;
  }
  if (!any) {  // a run recorded before its files were kept: where it was made
    std::filesystem::remove_all(staging);
    return run.bundle_path;
  }
  std::error_code taken;  // by another server on this machine, meanwhile: the same files
  std::filesystem::rename(staging, directory, taken);
  if (taken) std::filesystem::remove_all(staging);
  return directory;
}

std::vector<RunRecord> RunRegistry::list() {
  Statement query = db_.prepare("SELECT " + std::string(kColumns) +
                                " FROM runs ORDER BY created_at DESC, id DESC");
  std::vector<RunRecord> runs;
  while (query.step()) runs.push_back(read_run(query));
  return runs;
}

std::optional<RunRecord> RunRegistry::find(std::string_view id) {
  Statement query = db_.prepare("SELECT " + std::string(kColumns) + " FROM runs WHERE id = ?1");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return read_run(query);
}

std::vector<std::string> RunRegistry::served_stack() {
  Statement query = db_.prepare("SELECT run_id, action FROM promotions ORDER BY sequence");
  std::vector<std::string> stack;
  while (query.step()) {
    if (query.text(1) == "promote") {
      stack.push_back(query.text(0));
    } else if (!stack.empty()) {
      stack.pop_back();
    }
  }
  return stack;
}

void RunRegistry::promote(std::string_view id) {
  if (!find(id)) {
    throw StoreError(
        "no run " + std::string(id) + " in " + db_.name() + " (see `creditscore runs`)",
        ErrorKind::NotFound);
  }
  db_.prepare("INSERT INTO promotions (run_id, action) VALUES (?1, 'promote')").bind(1, id).run();
}

RunRecord RunRegistry::rollback() {
  RunRecord previous;
  in_transaction(db_, [&] {
    const std::vector<std::string> stack = served_stack();
    if (stack.size() < 2) {
      throw StoreError(
          "nothing to roll back to: " + std::string(stack.empty() ? "no run was ever promoted"
                                                                  : "only one run was ever served"),
          ErrorKind::Conflict);
    }
    db_.prepare("INSERT INTO promotions (run_id, action) VALUES (?1, 'rollback')")
        .bind(1, stack.back())
        .run();
    previous = *find(stack[stack.size() - 2]);
  });
  return previous;
}

std::optional<RunRecord> RunRegistry::served() {
  const std::vector<std::string> stack = served_stack();
  if (stack.empty()) return std::nullopt;
  return find(stack.back());
}

}  // namespace creditscore::store
