#include "cli/store_building.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <iostream>
#include <optional>
#include <unordered_set>

#include "cli/dataset_report.h"
#include "cli/feature_report.h"
#include "cli/number_format.h"
#include "cli/progress_bar.h"
#include "cli/served_bundle.h"
#include "cli/text_table.h"
#include "features/feature_builder.h"
#include "model/model_bundle.h"
#include "model/xgboost.h"
#include "store/application_json.h"
#include "store/client_store.h"
#include "store/history_summary.h"

namespace creditscore::cli {
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
    throw std::runtime_error(wal.string() + " exists: " + out.string() +
                             " is open in another process (stop the server first), or was "
                             "left so by a crash (open it once with sqlite3 to recover it)");
  }
}

// The temporary database, removed unless it was renamed into place.
class TemporaryDatabase {
 public:
  explicit TemporaryDatabase(const std::filesystem::path& out)
      : file_(out.string() + ".tmp." + std::to_string(::getpid())) {
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
                   const std::string& run_id) {
  std::size_t total = 0;
  for (const ScoredClients& part : scored) total += part.matrix.rows();
  const store::HistorySummary summarize(scored.front().matrix.names);
  ProgressBar bar("clients");
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
      bar.update("writing the client store", done, total);
    }
  }
  bar.finish();
}

}  // namespace

void run_store_build(const StoreBuildOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  check_not_in_use(options.out);
  const std::filesystem::path bundle_path = chosen_bundle(options.model, options.models);
  const model::ModelBundle bundle = model::read_bundle(bundle_path);
  const features::FeatureCatalog catalog = features::FeatureCatalog::from_json(bundle.catalog);
  const tables::Dataset data = read_dataset_with_report(options.data, std::cout);
  const features::FeatureBuilder builder(catalog);
  const model::Booster booster = model::Booster::from_json(bundle.model_json);

  std::vector<ScoredClients> scored;
  for (const auto& [split, applications] :
       {std::pair{store::ClientSplit::Train, &data.application_train},
        std::pair{store::ClientSplit::Test, &data.application_test}}) {
    ScoredClients part{split,
                       applications,
                       build_features_with_report(builder, *applications, data, std::cout),
                       {}};
    if (part.matrix.ids.size() != applications->rows() ||
        !std::equal(part.matrix.ids.begin(), part.matrix.ids.end(),
                    applications->ids("SK_ID_CURR").begin())) {
      throw std::logic_error("features of " + applications->schema().file_name +
                             " are not in the order of its rows");
    }
    part.probabilities =
        part.matrix.rows() == 0
            ? std::vector<double>()
            : booster.predict(model::DMatrix({part.matrix.values.data(), part.matrix.rows(),
                                              part.matrix.cols()}),
                              model::Prediction::Probability);
    for (double probability : part.probabilities)
      part.refused += probability >= bundle.threshold() ? 1 : 0;
    scored.push_back(std::move(part));
  }

  // One row per client: an id in both files would silently keep only its test row.
  const std::unordered_set<std::int64_t> train_ids(scored[0].matrix.ids.begin(),
                                                   scored[0].matrix.ids.end());
  for (const std::int64_t id : scored[1].matrix.ids) {
    if (train_ids.contains(id)) {
      throw std::runtime_error("SK_ID_CURR " + std::to_string(id) + " is in both " +
                               data.application_train.schema().file_name + " and " +
                               data.application_test.schema().file_name);
    }
  }

  if (options.out.has_parent_path()) std::filesystem::create_directories(options.out.parent_path());
  TemporaryDatabase temporary(options.out);
  {
    store::ClientStore store(temporary.file());
    store.set_meta({catalog.names(), bundle.run_id, utc_now(),
                    std::filesystem::absolute(options.data).lexically_normal().string()});
    write_clients(store, scored, bundle.run_id);
  }  // closing the last connection folds the write-ahead log into the file
  check_not_in_use(options.out);
  temporary.rename_to(options.out);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::cout << "\nClient store built with " << bundle.run_id << " (" << bundle_path.string()
            << ")\n\n";
  TextTable table({"clients", "count", "refused", "refused share"});
  std::size_t clients = 0, refused = 0;
  for (const ScoredClients& part : scored) {
    const std::size_t rows = part.matrix.rows();
    clients += rows;
    refused += part.refused;
    table.add_row(
        {part.split == store::ClientSplit::Train ? "train (history, outcome known)"
                                                 : "test (new applications)",
         format_count(rows), format_count(part.refused),
         format_percent(rows ? static_cast<double>(part.refused) / static_cast<double>(rows) : 0,
                        1)});
  }
  table.add_row(
      {"all", format_count(clients), format_count(refused),
       format_percent(clients ? static_cast<double>(refused) / static_cast<double>(clients) : 0,
                      1)});
  table.print(std::cout);
  std::cout << '\n';
  TextTable summary({"measure", "value"});
  summary.add_row({"decision threshold", format_fixed(bundle.threshold(), 3)});
  summary.add_row({"features per client", format_count(catalog.names().size())});
  summary.add_row(
      {"database size (MB)", format_megabytes(std::filesystem::file_size(options.out))});
  summary.add_row({"seconds", format_fixed(seconds, 1)});
  summary.add_row({"written to", options.out.string()});
  summary.print(std::cout);
}

}  // namespace creditscore::cli
