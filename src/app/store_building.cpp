#include "app/store_building.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <optional>
#include <tuple>
#include <unordered_set>

#include "app/application_rules.h"
#include "app/table_coverage.h"
#include "common/error.h"
#include "features/feature_builder.h"
#include "model/model_bundle.h"
#include "model/xgboost.h"
#include "store/application_json.h"
#include "store/carried_tables.h"
#include "store/history_summary.h"
#include "tables/atomic_file.h"

namespace creditscore::app {
namespace {

// Clients written per transaction: large enough to amortise the commit, small enough for the
// write-ahead log to stay small and the progress bar to move.
constexpr std::size_t kChunk = 2000;

// One application table, its features and probabilities.
struct ScoredClients {
  store::ClientSplit split;
  const tables::Table* applications;
  features::FeatureMatrix matrix;
  std::vector<double> probabilities;
  std::size_t refused = 0;
};

// Rows `first` onwards of `matrix`, taken out of it.
features::FeatureMatrix take_rows_from(features::FeatureMatrix& matrix, std::size_t first) {
  const auto at = [](auto& values, std::size_t row) {
    return values.begin() + static_cast<std::ptrdiff_t>(row);
  };
  features::FeatureMatrix rest{matrix.names,
                               {at(matrix.ids, first), matrix.ids.end()},
                               {at(matrix.targets, first), matrix.targets.end()},
                               {at(matrix.values, first * matrix.cols()), matrix.values.end()}};
  matrix.ids.erase(at(matrix.ids, first), matrix.ids.end());
  matrix.targets.erase(at(matrix.targets, first), matrix.targets.end());
  matrix.values.erase(at(matrix.values, first * matrix.cols()), matrix.values.end());
  return rest;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char iso[32];
  std::strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return iso;
}

// An SQLite database file and its companions: the write-ahead log and the shared-memory index.
void remove_database(const std::filesystem::path& file) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(file.string() + suffix, ignored);
}

// A write-ahead log beside the destination belongs to a process that has it open (or that
// crashed): it would be replayed into the new file, so the store is not replaced under it.
void check_not_in_use(const std::filesystem::path& out) {
  const std::filesystem::path wal = out.string() + "-wal";
  if (std::filesystem::exists(wal)) {
    throw conflict(wal.string() + " exists: " + out.string() +
                   " is open in another process (stop the server first), or was "
                   "left so by a crash (open it once with sqlite3 to recover it)");
  }
}

// The temporary database, removed unless it was renamed into place.
class TemporaryDatabase {
 public:
  explicit TemporaryDatabase(const std::filesystem::path& out) : file_(temporary_name(out)) {
    remove_leftovers(out);
    remove_database(file_);
  }
  ~TemporaryDatabase() {
    if (!committed_) remove_database(file_);
  }
  TemporaryDatabase(const TemporaryDatabase&) = delete;
  TemporaryDatabase& operator=(const TemporaryDatabase&) = delete;

  const std::filesystem::path& file() const { return file_; }
  void rename_to(const std::filesystem::path& out) {
    std::filesystem::rename(file_, out);
    committed_ = true;
  }

 private:
  std::filesystem::path file_;
  bool committed_ = false;
};

void write_clients(store::ClientStore& store, const std::vector<ScoredClients>& scored,
                   const std::string& run_id, PipelineObserver& observer) {
  std::size_t total = 0;
  for (const ScoredClients& part : scored) total += part.matrix.rows();
  const store::HistorySummary summarize(scored.front().matrix.names);
  const ProgressFn progress = observer.begin_step("clients");
  std::size_t done = 0;
  std::vector<store::StoredClient> chunk;
  for (const ScoredClients& part : scored) {
    const store::ApplicationJson application(*part.applications);
    const features::FeatureMatrix& matrix = part.matrix;
    for (std::size_t start = 0; start < matrix.rows(); start += kChunk) {
      const std::size_t end = std::min(matrix.rows(), start + kChunk);
      chunk.resize(end - start);
      for (std::size_t r = start; r < end; ++r) {
        store::StoredClient& client = chunk[r - start];
        client.id = matrix.ids[r];
        client.split = part.split;
        client.target = std::isnan(matrix.targets[r])
                            ? std::nullopt
                            : std::optional<int>(static_cast<int>(matrix.targets[r]));
        // The builder keeps the applications' order, so row r is application row r.
        client.application = application.row(r);
        client.summary = summarize(matrix.row(r)).dump();
        client.features.assign(matrix.row(r).begin(), matrix.row(r).end());
        client.probability = part.probabilities[r];
        client.run_id = run_id;
      }
      store.put(chunk);
      done += end - start;
      if (progress) progress("writing the client store", done, total);
    }
  }
  observer.end_step();
}

}  // namespace

BuiltStore build_store(const StoreBuildRequest& request, PipelineObserver& observer) {
  if (store::is_postgresql(request.out)) {
    throw invalid_input("--out " + store::display_name(request.out) +
                        ": a store is built as an SQLite file, then copied into PostgreSQL with "
                        "`creditscore store migrate`");
  }
  check_not_in_use(request.out);
  const model::ModelBundle bundle = model::read_bundle(request.bundle);
  const features::FeatureCatalog catalog = features::FeatureCatalog::from_json(bundle.catalog);
  tables::Dataset data = observer.read_dataset(request.data, {});
  for (const std::string& warning : coverage_warnings(bundle.learned_from, data)) {
    observer.remark("warning: " + warning);
  }
  check_dataset(data, request.data);
  const features::FeatureBuilder builder(catalog);
  const model::Booster booster = model::Booster::from_json(bundle.model_json);

  // Both files' clients in one build, each history table indexed once and let go after it: the
  // store keeps only the applications' rows.
  const tables::Table* const both[] = {&data.application_train, &data.application_test};
  features::FeatureMatrix train_matrix = features::assemble(observer.build_features(
      [&](features::BuildReport* report, const ProgressFn& progress) {
        return builder.build_and_release(both, data, report, progress);
      },
      both));
  features::FeatureMatrix test_matrix = take_rows_from(train_matrix, data.application_train.rows());
  std::vector<ScoredClients> scored;
  for (auto [split, applications, matrix] :
       {std::tuple{store::ClientSplit::Train, &data.application_train, &train_matrix},
        std::tuple{store::ClientSplit::Test, &data.application_test, &test_matrix}}) {
    ScoredClients part{split, applications, std::move(*matrix), {}};
    if (part.matrix.ids.size() != applications->rows() ||
        !std::equal(part.matrix.ids.begin(), part.matrix.ids.end(),
                    applications->ids("SK_ID_CURR").begin())) {
      throw internal_error("features of " + applications->schema().file_name +
                           " are not in the order of its rows");
    }
    part.probabilities =
        part.matrix.rows() == 0
            ? std::vector<double>()
            : booster.predict(model::DMatrix({part.matrix.values.data(), part.matrix.rows(),
                                              part.matrix.cols()}),
                              model::Prediction::Probability);
    for (double probability : part.probabilities)
      part.refused += model::refuses(probability, bundle.threshold()) ? 1 : 0;
    scored.push_back(std::move(part));
  }

  // One row per client: an id in both files would silently keep only its test row.
  const std::unordered_set<std::int64_t> train_ids(scored[0].matrix.ids.begin(),
                                                   scored[0].matrix.ids.end());
  for (const std::int64_t id : scored[1].matrix.ids) {
    if (train_ids.contains(id)) {
      throw invalid_input("SK_ID_CURR " + std::to_string(id) + " is in both " +
                          data.application_train.schema().file_name + " and " +
                          data.application_test.schema().file_name);
    }
  }

  if (request.out.has_parent_path()) std::filesystem::create_directories(request.out.parent_path());
  TemporaryDatabase temporary(request.out);
  {
    store::ClientStore store(temporary.file());
    store.set_meta({catalog.names(), bundle.run_id, utc_now(),
                    std::filesystem::absolute(request.data).lexically_normal().string()});
    write_clients(store, scored, bundle.run_id, observer);
  }
  check_not_in_use(request.out);
  store::carry_over_access(request.out, temporary.file());
  // Closing the last connection folds the write-ahead log into the file.
  temporary.rename_to(request.out);

  BuiltStore built{bundle.run_id, bundle.threshold(), catalog.names().size(), {}};
  for (const ScoredClients& part : scored)
    built.parts.push_back({part.split, part.matrix.rows(), part.refused});
  return built;
}

}  // namespace creditscore::app
