// Stratified K-fold cross-validation with early stopping: each fold learns on the others and
// stops when its AUC has not improved for `early_stopping_rounds`; every client gets one
// out-of-fold probability, from the fold that never saw it.
#pragma once

#include <span>
#include <vector>

#include "model/train_config.h"
#include "model/xgboost.h"
#include "tables/progress.h"

namespace creditscore::model {

// Fold of each client in [0, folds): defaulters and good clients are shuffled apart and dealt
// round robin, so that every fold has the same default rate. Same seed, same folds.
std::vector<int> stratified_folds(std::span<const float> labels, int folds, std::uint64_t seed);

struct FoldResult {
  int best_rounds = 0;  // rounds up to and including the best one
  double best_auc = 0;
  double seconds = 0;
};

struct CrossValidationResult {
  std::vector<double> out_of_fold;  // probability of default per client
  std::vector<FoldResult> folds;
  int mean_best_rounds = 0;
  double out_of_fold_auc = 0;
};

// Progress is reported in rounds, stage "fold k/K".
CrossValidationResult cross_validate(MatrixView features, std::span<const float> labels,
                                     const TrainConfig& config, const ProgressFn& progress = {});

// The final model: all clients, a fixed number of rounds.
Booster fit_booster(MatrixView features, std::span<const float> labels, const TrainConfig& config,
                    int rounds, const ProgressFn& progress = {});

}  // namespace creditscore::model
