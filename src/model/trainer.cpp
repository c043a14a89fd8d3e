#include "model/trainer.h"

#include <chrono>
#include <cmath>
#include <optional>
#include <random>

namespace creditscore::model {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

TreeParams sample_tree_params(std::uint64_t seed, double learning_rate) {
  std::mt19937_64 random(seed);
  auto uniform = [&](double low, double high) {
    return std::uniform_real_distribution<double>(low, high)(random);
  };
  auto log_uniform = [&](double low, double high) {
    return std::exp(uniform(std::log(low), std::log(high)));
  };
  TreeParams t;
  t.learning_rate = learning_rate;
  t.max_depth = std::uniform_int_distribution<int>(3, 8)(random);
  t.min_child_weight = log_uniform(1, 100);
  t.subsample = uniform(0.6, 1.0);
  t.colsample_bytree = uniform(0.2, 0.9);
  t.reg_lambda = log_uniform(0.1, 30);
  t.reg_alpha = uniform(0, 1) < 0.5 ? 0.0 : log_uniform(0.01, 10);
  t.gamma = uniform(0, 1) < 0.5 ? 0.0 : log_uniform(0.01, 5);
  return t;
}

TrainingResult train_model(TrainingSet& data, const TrainConfig& config,
                           const ProgressFn& progress) {
  validate(config);
  const auto start = Clock::now();
  const double budget = config.search_minutes * 60.0;
  std::vector<SearchTrial> trials;
  std::optional<CrossValidationResult> best_cv;
  TrainConfig best_config = config;
  // The given settings first, then random ones while the search budget lasts.
  for (std::uint64_t trial = 0;
       trial == 0 || (seconds_since(start) < budget &&
                      trial < static_cast<std::uint64_t>(config.max_search_trials));
       ++trial) {
    TrainConfig candidate = config;
    if (trial > 0) {
      candidate.trees = sample_tree_params(config.seed + trial, config.trees.learning_rate);
      candidate.trees.max_bin = config.trees.max_bin;  // the bins the features were quantized in
    }
    const auto trial_start = Clock::now();
    ProgressFn trial_progress;
    if (progress) {
      trial_progress = [&, trial](std::string_view stage, std::uint64_t done, std::uint64_t total) {
        progress(
            budget > 0 ? "search " + std::to_string(trial + 1) + ", " + std::string(stage) : stage,
            done, total);
      };
    }
    CrossValidationResult cv = cross_validate(data, candidate, trial_progress);
    trials.push_back(
        {candidate.trees, cv.out_of_fold_auc, cv.mean_best_rounds, seconds_since(trial_start)});
    if (!best_cv || cv.out_of_fold_auc > best_cv->out_of_fold_auc) {
      best_cv = std::move(cv);
      best_config = candidate;
    }
  }
  const double cv_seconds = seconds_since(start);

  const auto fit_start = Clock::now();
  const int rounds = config.final_rounds > 0 ? config.final_rounds : best_cv->mean_best_rounds;
  const Booster booster = fit_booster(data, best_config, rounds, progress);
  const double fit_seconds = seconds_since(fit_start);

  const std::vector<int> outcomes(data.labels().begin(), data.labels().end());
  Evaluation evaluation = evaluate(best_cv->out_of_fold, outcomes, config.costs);
  return {data.model_json(booster), booster.boosted_rounds(), best_config, std::move(*best_cv),
          std::move(evaluation),    std::move(trials),        cv_seconds,  fit_seconds};
}

}  // namespace creditscore::model
