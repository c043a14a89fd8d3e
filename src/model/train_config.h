// Everything that decides how a model is learned. Filled from command-line flags; recorded with
// every run so that a model can be learned again.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/cost_model.h"

namespace creditscore::model {

// How the rare defaults (about 8 %) are weighted while learning.
enum class ClassWeighting {
  None,      // every client counts once: probabilities stay calibrated
  Balanced,  // XGBoost's scale_pos_weight = good clients / defaulters
};

struct TreeParams {
  double learning_rate = 0.05;
  int max_depth = 6;
  double min_child_weight = 5;
  double subsample = 0.8;
  double colsample_bytree = 0.5;
  double reg_lambda = 1.0;
  double reg_alpha = 0.0;
  double gamma = 0.0;
  // 128, not XGBoost's 256: half the histogram to fill and scan at every node. On 356,255
  // generated clients, back to back, a boosting round took 24 % less time, for the same
  // out-of-fold AUC (0.8123 against 0.8122).
  int max_bin = 128;
};

struct TrainConfig {
  TreeParams trees;
  ClassWeighting weighting = ClassWeighting::None;
  CostModel costs;
  int folds = 5;
  int max_rounds = 2000;
  int early_stopping_rounds = 50;
  int final_rounds = 0;        // rounds of the final model; 0 = the folds' mean best
  double search_minutes = 0;   // random search over TreeParams while time remains; 0 = none
  int max_search_trials = 50;  // and at most this many settings tried, the given ones included
  std::uint64_t seed = 42;
  int threads = 0;  // 0 = all cores
  // Constrain the features of model/monotone_constraints.h in their measured directions; the
  // training pipeline fills `monotone_constraints` (one per feature) from the data. On by default:
  // on 100,000 generated clients they cost no out-of-fold AUC (bench/monotone.sh).
  bool monotone = true;
  std::vector<int> monotone_constraints;
};

// The XGBoost parameters for these settings (objective, hist method, eval metric...).
// `defaulters` and `clients` size scale_pos_weight when weighting is Balanced.
std::map<std::string, std::string> xgboost_params(const TrainConfig& config, std::size_t defaulters,
                                                  std::size_t clients);

// Checks ranges, throwing std::invalid_argument that names the setting.
void validate(const TrainConfig& config);

const char* to_string(ClassWeighting weighting);
ClassWeighting class_weighting_from_string(const std::string& text);

}  // namespace creditscore::model
