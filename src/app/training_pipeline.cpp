#include "app/training_pipeline.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <optional>
#include <random>

#include "common/free_memory.h"
#include "explain/global_explanation.h"
#include "features/feature_builder.h"
#include "model/checksum.h"
#include "model/model_bundle.h"
#include "model/monotone_constraints.h"
#include "store/run_registry.h"
#include "synth/generator.h"
#include "synth/oracle_file.h"

namespace creditscore::app {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// "20261124-194800-3f2a": sortable, readable, unique enough for one machine.
std::string new_run_id(std::string& created_at) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32], iso[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &utc);
  std::strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &utc);
  created_at = iso;
  char suffix[8];
  std::snprintf(suffix, sizeof suffix, "%04x",
                static_cast<unsigned>(std::random_device{}() & 0xFFFF));
  return std::string(stamp) + "-" + suffix;
}

std::string fingerprint(const features::FeatureMatrix& matrix) {
  model::Sha256 digest;
  digest.update(
      {reinterpret_cast<const char*>(matrix.ids.data()), matrix.ids.size() * sizeof(std::int64_t)});
  digest.update({reinterpret_cast<const char*>(matrix.targets.data()),
                 matrix.targets.size() * sizeof(float)});
  digest.update(
      {reinterpret_cast<const char*>(matrix.values.data()), matrix.values.size() * sizeof(float)});
  return digest.hex();
}

// The generator's true probabilities of the training clients, when the data set has them.
std::optional<model::Evaluation> oracle_evaluation(const std::filesystem::path& data,
                                                   const features::FeatureMatrix& train,
                                                   const std::vector<int>& outcomes,
                                                   const model::CostModel& costs) {
  const std::filesystem::path file = data / synth::kOracleFile;
  if (!std::filesystem::exists(file)) return std::nullopt;
  const auto oracle = synth::read_oracle(file);
  std::vector<double> probabilities;
  for (std::int64_t id : train.ids) {
    const auto found = oracle.find(id);
    if (found == oracle.end()) return std::nullopt;  // not this data set's oracle
    probabilities.push_back(found->second);
  }
  return model::evaluate(probabilities, outcomes, costs);
}

// Each client's protected groups, read from their features, for the fairness of the out-of-fold
// decisions (EU AI Act Art. 10).
std::vector<model::ClientGroups> client_groups(const features::FeatureMatrix& matrix) {
  const model::GroupColumns columns(matrix.names);
  std::vector<model::ClientGroups> groups;
  groups.reserve(matrix.rows());
  for (std::size_t r = 0; r < matrix.rows(); ++r) groups.push_back(columns.of(matrix.row(r)));
  return groups;
}

// The global explanation's clients: a random sample of the training clients' features, as
// rows. Mean |SHAP| settles well before 2,000 clients, and the dashboard's summary plots stay
// light.
std::vector<float> explanation_sample(const features::FeatureMatrix& matrix, std::uint64_t seed) {
  constexpr std::size_t kSampleSize = 2000;
  std::vector<std::size_t> rows(matrix.rows());
  std::iota(rows.begin(), rows.end(), 0);
  std::shuffle(rows.begin(), rows.end(), std::mt19937_64(seed));
  rows.resize(std::min(kSampleSize, rows.size()));
  std::sort(rows.begin(), rows.end());
  std::vector<float> sample;
  sample.reserve(rows.size() * matrix.cols());
  for (std::size_t r : rows) {
    const std::span<const float> row = matrix.row(r);
    sample.insert(sample.end(), row.begin(), row.end());
  }
  return sample;
}

nlohmann::json global_explanation(const std::string& model_json, const std::vector<float>& sample,
                                  const std::vector<std::string>& names,
                                  PipelineObserver& observer) {
  const explain::Explainer explainer(model_json);
  if (explainer.engine() == explain::ShapEngine::XGBoost)
    observer.remark("Explanations by XGBoost's pred_contribs: " + explainer.fallback_reason());
  return explain::to_json(explain::explain_globally(
      explainer, {sample.data(), sample.size() / names.size(), names.size()}, names));
}

nlohmann::json config_json(const model::TrainConfig& c) {
  const model::TreeParams& t = c.trees;
  return {{"learning_rate", t.learning_rate},
          {"max_depth", t.max_depth},
          {"min_child_weight", t.min_child_weight},
          {"subsample", t.subsample},
          {"colsample_bytree", t.colsample_bytree},
          {"lambda", t.reg_lambda},
          {"alpha", t.reg_alpha},
          {"gamma", t.gamma},
          {"max_bin", t.max_bin},
          {"weighting", model::to_string(c.weighting)},
          {"folds", c.folds},
          {"max_rounds", c.max_rounds},
          {"early_stopping_rounds", c.early_stopping_rounds},
          {"final_rounds", c.final_rounds},
          {"search_minutes", c.search_minutes},
          {"monotone", c.monotone},
          {"seed", c.seed}};
}

}  // namespace

TrainedRun train_and_record(const TrainingRequest& request, PipelineObserver& observer) {
  const auto start = Clock::now();
  model::TrainConfig config = request.config;
  model::validate(config);

  // The tables are let go once the features are built: at Kaggle scale they weigh more than
  // everything training holds after them.
  std::optional<tables::Dataset> data =
      observer.read_dataset(request.data, {tables::TableId::ApplicationTrain});
  const double read_seconds = seconds_since(start);
  const auto features_start = Clock::now();
  const features::FeatureCatalog catalog = features::FeatureCatalog::fit(*data);
  const features::FeatureBuilder builder(catalog);
  const tables::Table* const clients[] = {&data->application_train};
  features::FeatureMatrix matrix = features::assemble(observer.build_features(
      [&](features::BuildReport* report, const ProgressFn& progress) {
        return builder.build_and_release(clients, *data, report, progress);
      },
      clients));
  const double features_seconds = seconds_since(features_start);
  std::vector<tables::TableId> learned_from;
  for (tables::TableId id : tables::all_tables()) {
    if (id != tables::TableId::ApplicationTest && data->has(id)) learned_from.push_back(id);
  }
  data.reset();
  release_free_memory();

  std::vector<model::MonotoneChoice> monotone;
  if (config.monotone) {
    monotone = model::choose_monotone({matrix.values.data(), matrix.rows(), matrix.cols()},
                                      matrix.targets, matrix.names);
    config.monotone_constraints = model::constraint_vector(monotone, matrix.names);
    std::string constrained;
    for (const model::MonotoneChoice& choice : monotone) {
      if (choice.constraint != 0)
        constrained += " " + choice.feature + (choice.constraint > 0 ? " (+)" : " (-)");
    }
    observer.remark("Monotone:" + (constrained.empty() ? std::string(" none clear") : constrained));
  }
  // All that is read from the float features is taken before XGBoost copies them, and they are
  // let go then: at Kaggle scale they weigh 0.9 GB beside XGBoost's 2.7 GB.
  const std::string data_fingerprint = fingerprint(matrix);
  std::vector<model::FeatureDistribution> reference = model::reference_distributions(
      {matrix.values.data(), matrix.rows(), matrix.cols()}, matrix.targets, matrix.names);
  const std::vector<model::ClientGroups> groups = client_groups(matrix);
  const std::vector<float> sample = explanation_sample(matrix, config.seed);
  const auto quantize_start = Clock::now();
  model::TrainingSet training_set(std::move(matrix.values), matrix.cols(), matrix.targets,
                                  config.trees.max_bin, config.monotone_constraints);
  const double quantize_seconds = seconds_since(quantize_start);

  observer.remark("\nLearning (" + std::to_string(config.folds) +
                  "-fold cross-validation, early stopping after " +
                  std::to_string(config.early_stopping_rounds) + " rounds without progress)");
  TrainedRun run{model::train_model(training_set, config, observer.begin_step("rounds")),
                 std::nullopt,
                 {},
                 {},
                 false};
  observer.end_step();
  const model::TrainingResult& result = run.result;
  const std::vector<int> outcomes(matrix.targets.begin(), matrix.targets.end());
  run.oracle = oracle_evaluation(request.data, matrix, outcomes, config.costs);

  model::ModelBundle bundle;
  bundle.run_id = new_run_id(bundle.created_at);
  bundle.xgboost_version = model::xgboost_version();
  bundle.feature_names = matrix.names;
  bundle.learned_from = learned_from;
  bundle.model_json = result.model_json;
  bundle.catalog = catalog.to_json();
  bundle.reference = std::move(reference);
  const auto explanation_start = Clock::now();
  bundle.global_explanation = global_explanation(bundle.model_json, sample, matrix.names, observer);
  const double explanation_seconds = seconds_since(explanation_start);
  bundle.evaluation = result.evaluation;
  bundle.oracle = run.oracle;
  bundle.fairness = model::assess_fairness(result.cross_validation.out_of_fold, outcomes, groups,
                                           result.evaluation.best.threshold);
  const nlohmann::json timings = {{"read_seconds", read_seconds},
                                  {"features_seconds", features_seconds},
                                  {"quantize_seconds", quantize_seconds},
                                  {"cross_validation_seconds", result.cross_validation_seconds},
                                  {"final_fit_seconds", result.final_fit_seconds},
                                  {"explanation_seconds", explanation_seconds},
                                  {"total_seconds", seconds_since(start)}};
  bundle.training = {{"data_directory", request.data.string()},
                     {"data_fingerprint", data_fingerprint},
                     {"clients", matrix.rows()},
                     {"settings", config_json(result.config)},
                     {"monotone", model::to_json(monotone)},
                     {"rounds", result.rounds},
                     {"trials", result.trials.size()},
                     {"timings", timings}};
  run.run_id = bundle.run_id;
  run.bundle = request.models / bundle.run_id;
  model::write_bundle(bundle, run.bundle);

  const model::Evaluation& e = result.evaluation;
  nlohmann::json metrics = {{"clients", e.clients},
                            {"roc_auc", e.roc_auc},
                            {"pr_auc", e.pr_auc},
                            {"brier_score", e.brier_score},
                            {"calibration_error", e.calibration_error},
                            {"threshold", e.best.threshold},
                            {"cost_at_threshold", e.best.cost_per_client},
                            {"cost_at_half", e.cost_at_half}};
  if (run.oracle) {
    metrics["oracle_roc_auc"] = run.oracle->roc_auc;
    metrics["oracle_cost"] = run.oracle->best.cost_per_client;
  }
  store::RunRegistry registry(store::registry_location(request.models, request.database));
  registry.record({bundle.run_id, bundle.created_at, request.data.string(),
                   bundle.training["data_fingerprint"], config_json(result.config).dump(),
                   metrics.dump(), timings.dump(), run.bundle.string()});
  run.promoted = request.promote || !registry.served();
  if (run.promoted) registry.promote(bundle.run_id);
  return run;
}

}  // namespace creditscore::app
