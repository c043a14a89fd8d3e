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

// The clients' features and outcomes as XGBoost learns from them: every row quantized once, in
// one matrix that the folds, every trial of a search and the final model share. A fold learns on
// it with its held-out rows weighing 0: a slice of a fold's rows would be a second copy and a
// second quantization (a QuantileDMatrix cannot even be sliced), as much memory again. The
// held-out rows are scored from the booster's prediction cache of this same matrix, exact (a
// quantized value falls on the same side of every split as its float) and free, so the float
// features are needed only until XGBoost has its copy: the set takes them and lets them go then.
class TrainingSet {
 public:
  // `features`: one row of `cols` floats per label. Throws invalid input when a label is not 0
  // or 1, or when only one outcome is present. Its yes/no columns (model/yes_no_columns.h) are
  // learned from their yeses, except those `monotone_constraints` (the settings') bind.
  TrainingSet(std::vector<float> features, std::size_t cols, std::span<const float> labels,
              int max_bin, std::span<const int> monotone_constraints = {});

  // Every row, those of `held_out` weighing 0 (they add nothing to any histogram, split or leaf)
  // and the others 1, until the next call. A booster learning on it must be made after the call.
  const DMatrix& learning_without(std::span<const std::size_t> held_out);
  std::span<const float> labels() const { return labels_; }
  int max_bin() const { return max_bin_; }
  // Checks that `config` learns as this set was made for: its bins, no constraint on a column
  // learned from its yeses. Throws an internal error otherwise.
  void check_settings(const TrainConfig& config) const;
  // The model a booster learned on this set, as it reads the features themselves: the model to
  // save and serve. The booster itself reads them with the noes of yes/no columns missing.
  std::string model_json(const Booster& booster) const;

 private:
  std::vector<float> labels_;
  int max_bin_;
  std::vector<std::size_t> yes_no_columns_;
  DMatrix all_;
  std::vector<float> weights_;
};

// Progress is reported in rounds, stage "fold k/K". The settings' max_bin must be the set's.
CrossValidationResult cross_validate(TrainingSet& data, const TrainConfig& config,
                                     const ProgressFn& progress = {});

// The final model: all clients, a fixed number of rounds. Like every booster learned on the set,
// it reads yes/no columns with their noes missing: data.model_json(booster) is the model to keep.
Booster fit_booster(TrainingSet& data, const TrainConfig& config, int rounds,
                    const ProgressFn& progress = {});

}  // namespace creditscore::model
