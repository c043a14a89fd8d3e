#include "model/cross_validation.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <stdexcept>

#include "common/error.h"
#include "model/metrics.h"
#include "model/yes_no_columns.h"

namespace creditscore::model {
namespace {

std::size_t count_defaulters(std::span<const float> labels) {
  return static_cast<std::size_t>(std::count(labels.begin(), labels.end(), 1.0f));
}

void apply_params(Booster& booster, const TrainConfig& config, std::span<const float> labels) {
  for (const auto& [name, value] :
       xgboost_params(config, count_defaulters(labels), labels.size())) {
    booster.set_param(name, value);
  }
}

void check_labels(std::span<const float> labels) {
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

DMatrix checked_and_quantized(std::vector<float> features, std::size_t cols,
                              std::span<const float> labels, int max_bin,
                              std::span<const std::size_t> yes_no_columns) {
  check_labels(labels);
  hide_noes(features, cols, yes_no_columns);
  return DMatrix::quantized(std::move(features), cols, labels, max_bin);
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

TrainingSet::TrainingSet(std::vector<float> features, std::size_t cols,
                         std::span<const float> labels, int max_bin,
                         std::span<const int> monotone_constraints)
    : labels_(labels.begin(), labels.end()),
      max_bin_(max_bin),
      yes_no_columns_(find_yes_no_columns(features, cols, monotone_constraints)),
      all_(checked_and_quantized(std::move(features), cols, labels, max_bin, yes_no_columns_)) {}

void TrainingSet::check_settings(const TrainConfig& config) const {
  validate(config);
  if (config.trees.max_bin != max_bin_) {
    throw internal_error("training: settings of " + std::to_string(config.trees.max_bin) +
                         " bins on features quantized into " + std::to_string(max_bin_));
  }
  for (const std::size_t column : yes_no_columns_) {
    if (column < config.monotone_constraints.size() && config.monotone_constraints[column] != 0) {
      throw internal_error("training: a monotone constraint on yes/no column " +
                           std::to_string(column) + ", learned from its yeses");
    }
  }
}

std::string TrainingSet::model_json(const Booster& booster) const {
  return write_back_noes(booster.to_json(), yes_no_columns_);
}

const DMatrix& TrainingSet::learning_without(std::span<const std::size_t> held_out) {
  weights_.assign(labels_.size(), 1.0f);
  for (const std::size_t row : held_out) {
    if (row >= weights_.size()) throw internal_error("training: no row " + std::to_string(row));
    weights_[row] = 0.0f;
  }
  all_.set_weights(weights_);
  return all_;
}

CrossValidationResult cross_validate(TrainingSet& data, const TrainConfig& config,
                                     const ProgressFn& progress) {
  data.check_settings(config);
  const std::span<const float> labels = data.labels();
  const std::vector<int> fold_of = stratified_folds(labels, config.folds, config.seed);
  CrossValidationResult result;
  result.out_of_fold.assign(labels.size(), 0.0);
  const std::uint64_t total_rounds =
      static_cast<std::uint64_t>(config.folds) * static_cast<std::uint64_t>(config.max_rounds);
  for (int fold = 0; fold < config.folds; ++fold) {
    const auto start = std::chrono::steady_clock::now();
    const std::string stage =
        "fold " + std::to_string(fold + 1) + "/" + std::to_string(config.folds);
    std::vector<std::size_t> valid_rows;
    std::vector<float> train_labels;
    std::vector<int> valid_outcomes;
    for (std::size_t r = 0; r < labels.size(); ++r) {
      if (fold_of[r] == fold) {
        valid_rows.push_back(r);
        valid_outcomes.push_back(static_cast<int>(labels[r]));
      } else {
        train_labels.push_back(labels[r]);
      }
    }
    const DMatrix& matrix = data.learning_without(valid_rows);
    Booster booster(matrix);
    apply_params(booster, config, train_labels);
    FoldResult fold_result;
    fold_result.best_auc = -1;
    std::vector<double> valid_scores(valid_rows.size());
    for (int round = 0; round < config.max_rounds; ++round) {
      booster.update(round, matrix);
      const std::vector<double> scores = booster.predict(matrix, Prediction::Probability);
      for (std::size_t i = 0; i < valid_rows.size(); ++i) valid_scores[i] = scores[valid_rows[i]];
      const double auc = roc_auc(valid_scores, valid_outcomes);
      if (auc > fold_result.best_auc) {
        fold_result.best_auc = auc;
        fold_result.best_rounds = round + 1;
        for (std::size_t i = 0; i < valid_rows.size(); ++i)
          result.out_of_fold[valid_rows[i]] = valid_scores[i];
      }
      if (progress) {
        progress(stage, static_cast<std::uint64_t>(fold) * config.max_rounds + round + 1,
                 total_rounds);
      }
      if (round + 1 - fold_result.best_rounds >= config.early_stopping_rounds) break;
    }
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

Booster fit_booster(TrainingSet& data, const TrainConfig& config, int rounds,
                    const ProgressFn& progress) {
  data.check_settings(config);
  const DMatrix& all = data.learning_without({});
  Booster booster(all);
  apply_params(booster, config, data.labels());
  for (int round = 0; round < rounds; ++round) {
    booster.update(round, all);
    if (progress)
      progress("final model", static_cast<std::uint64_t>(round + 1),
               static_cast<std::uint64_t>(rounds));
  }
  return booster;
}

}  // namespace creditscore::model
