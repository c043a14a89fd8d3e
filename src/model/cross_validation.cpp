#include "model/cross_validation.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <stdexcept>

#include "common/error.h"
#include "model/metrics.h"

namespace creditscore::model {
namespace {

struct Subset {
  std::vector<float> features;
  std::vector<float> labels;
  std::vector<std::size_t> rows;  // positions in the full matrix
};

// Copies the rows whose fold is (or is not) `fold`: XGBoost needs each part as its own matrix.
Subset take_rows(MatrixView features, std::span<const float> labels,
                 const std::vector<int>& fold_of, int fold, bool inside) {
  Subset subset;
  for (std::size_t r = 0; r < features.rows; ++r) {
    if ((fold_of[r] == fold) == inside) subset.rows.push_back(r);
  }
  subset.features.resize(subset.rows.size() * features.cols);
  subset.labels.resize(subset.rows.size());
  for (std::size_t i = 0; i < subset.rows.size(); ++i) {
    const float* source = features.data + subset.rows[i] * features.cols;
    std::copy(source, source + features.cols, subset.features.begin() + i * features.cols);
    subset.labels[i] = labels[subset.rows[i]];
  }
  return subset;
}

std::size_t count_defaulters(std::span<const float> labels) {
  return static_cast<std::size_t>(std::count(labels.begin(), labels.end(), 1.0f));
}

void apply_params(Booster& booster, const TrainConfig& config, std::span<const float> labels) {
  for (const auto& [name, value] :
       xgboost_params(config, count_defaulters(labels), labels.size())) {
    booster.set_param(name, value);
  }
}

void check_inputs(MatrixView features, std::span<const float> labels) {
  if (features.rows != labels.size()) {
    throw internal_error("training: " + std::to_string(features.rows) + " rows for " +
                         std::to_string(labels.size()) + " labels");
  }
  for (float label : labels) {
    if (label != 0.0f && label != 1.0f) {
      throw invalid_input("training: TARGET must be 0 or 1, found " + std::to_string(label));
    }
  }
  const std::size_t defaulters = count_defaulters(labels);
  if (defaulters == 0 || defaulters == labels.size()) {
    throw invalid_input("training: both outcomes (TARGET 0 and 1) must be present");
  }
}

}  // namespace

std::vector<int> stratified_folds(std::span<const float> labels, int folds, std::uint64_t seed) {
  std::vector<std::size_t> defaulters, good;
  for (std::size_t r = 0; r < labels.size(); ++r)
    (labels[r] == 1.0f ? defaulters : good).push_back(r);
  std::mt19937_64 random(seed);
  std::shuffle(defaulters.begin(), defaulters.end(), random);
  std::shuffle(good.begin(), good.end(), random);
  std::vector<int> fold_of(labels.size());
  std::size_t dealt = 0;
  for (const auto* group : {&defaulters, &good}) {
    for (std::size_t r : *group)
      fold_of[r] = static_cast<int>(dealt++ % static_cast<std::size_t>(folds));
  }
  return fold_of;
}

CrossValidationResult cross_validate(MatrixView features, std::span<const float> labels,
                                     const TrainConfig& config, const ProgressFn& progress) {
  validate(config);
  check_inputs(features, labels);
  const std::vector<int> fold_of = stratified_folds(labels, config.folds, config.seed);
  CrossValidationResult result;
  result.out_of_fold.assign(features.rows, 0.0);
  const std::uint64_t total_rounds =
      static_cast<std::uint64_t>(config.folds) * static_cast<std::uint64_t>(config.max_rounds);
  for (int fold = 0; fold < config.folds; ++fold) {
    const auto start = std::chrono::steady_clock::now();
    const std::string stage =
        "fold " + std::to_string(fold + 1) + "/" + std::to_string(config.folds);
    const Subset train = take_rows(features, labels, fold_of, fold, false);
    const Subset valid = take_rows(features, labels, fold_of, fold, true);
    const DMatrix train_matrix({train.features.data(), train.rows.size(), features.cols},
                               train.labels);
    const DMatrix valid_matrix({valid.features.data(), valid.rows.size(), features.cols},
                               valid.labels);
    Booster booster(train_matrix, &valid_matrix);
    apply_params(booster, config, train.labels);
    FoldResult fold_result;
    fold_result.best_auc = -1;
    for (int round = 0; round < config.max_rounds; ++round) {
      booster.update(round, train_matrix);
      const double auc = booster.evaluate(round, valid_matrix);
      if (auc > fold_result.best_auc) {
        fold_result.best_auc = auc;
        fold_result.best_rounds = round + 1;
      }
      if (progress) {
        progress(stage, static_cast<std::uint64_t>(fold) * config.max_rounds + round + 1,
                 total_rounds);
      }
      if (round + 1 - fold_result.best_rounds >= config.early_stopping_rounds) break;
    }
    const std::vector<double> p =
        booster.predict(valid_matrix, Prediction::Probability, fold_result.best_rounds);
    for (std::size_t i = 0; i < valid.rows.size(); ++i) result.out_of_fold[valid.rows[i]] = p[i];
    fold_result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.folds.push_back(fold_result);
  }
  double rounds_sum = 0;
  for (const FoldResult& fold : result.folds) rounds_sum += fold.best_rounds;
  result.mean_best_rounds = std::max(1, static_cast<int>(rounds_sum / config.folds + 0.5));
  std::vector<int> outcomes(labels.begin(), labels.end());
  result.out_of_fold_auc = roc_auc(result.out_of_fold, outcomes);
  return result;
}

Booster fit_booster(MatrixView features, std::span<const float> labels, const TrainConfig& config,
                    int rounds, const ProgressFn& progress) {
  validate(config);
  check_inputs(features, labels);
  const DMatrix matrix(features, labels);
  Booster booster(matrix);
  apply_params(booster, config, labels);
  for (int round = 0; round < rounds; ++round) {
    booster.update(round, matrix);
    if (progress)
      progress("final model", static_cast<std::uint64_t>(round + 1),
               static_cast<std::uint64_t>(rounds));
  }
  return booster;
}

}  // namespace creditscore::model
