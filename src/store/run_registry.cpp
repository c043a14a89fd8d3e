#include "store/run_registry.h"

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
