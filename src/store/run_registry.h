// Every training run, recorded in the database: its settings, metrics, timings, the fingerprint
// of the data it learned from and where its model bundle is. Also which run's bundle is served, as
// a history of promotions that a rollback walks back. A registry in a shared PostgreSQL database
// also holds each bundle's files, so that servers on other machines need no shared filesystem.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace creditscore::store {

struct RunRecord {
  std::string id;          // e.g. "20261124-185300-3f2a"
  std::string created_at;  // ISO 8601, UTC
  std::string data_directory;
  std::string data_fingerprint;
  std::string params_json;
  std::string metrics_json;
  std::string timings_json;
  std::string bundle_path;
};

// The registry's file in a models directory: MODELS/registry.sqlite.
std::filesystem::path registry_file(const std::filesystem::path& models);
// Where the registry is: in the shared `database` when there is one (several servers follow the
// same promotions), else in the models directory's file.
std::filesystem::path registry_location(const std::filesystem::path& models,
                                        const std::filesystem::path& database);

class RunRegistry {
 public:
  explicit RunRegistry(const std::filesystem::path& file);

  // Throws StoreError when a run with the same id exists. In a shared database, the files of the
  // bundle at run.bundle_path are kept with it.
  void record(const RunRecord& run);
  // Keeps the files of `run`'s bundle in a shared database, unless they are there already (a
  // run copied by `store migrate`); nothing in a file registry.
  void keep_bundle_files(const RunRecord& run);
  // Where `run`'s bundle is on this machine: the files the shared database holds, written once
  // under `cache`/RUN each checked against its SHA-256; else the path it was recorded with.
  std::filesystem::path bundle_directory(const RunRecord& run, const std::filesystem::path& cache);
  // Newest first.
  std::vector<RunRecord> list();
  std::optional<RunRecord> find(std::string_view id);

  // Serves `id` from now on; throws StoreError naming the id when there is no such run.
  void promote(std::string_view id);
  // Serves again the run served before the current one; returns it. Throws StoreError when no
  // earlier run was served.
  RunRecord rollback();
  std::optional<RunRecord> served();

 private:
  // The stack of served runs, oldest at the bottom: a promotion pushes, a rollback pops.
  std::vector<std::string> served_stack();
  Database db_;
};

}  // namespace creditscore::store
