// Learning the scoring model: optional random search of the tree settings under a time budget,
// cross-validation of the chosen settings (out-of-fold probabilities, metrics, the threshold of
// least business cost), and the final model refit on every client.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "model/cross_validation.h"
#include "model/evaluation.h"
#include "model/train_config.h"
#include "model/xgboost.h"
#include "tables/progress.h"

namespace creditscore::model {

struct SearchTrial {
  TreeParams trees;
  double out_of_fold_auc = 0;
  int rounds = 0;
  double seconds = 0;
};

struct TrainingResult {
  std::string model_json;  // the final model, in XGBoost's JSON format (TrainingSet::model_json)
  int rounds = 0;          // its boosting rounds
  TrainConfig config;      // with the tree settings that won the search
  CrossValidationResult cross_validation;
  Evaluation evaluation;            // of the out-of-fold probabilities
  std::vector<SearchTrial> trials;  // the first is the settings given
  double cross_validation_seconds = 0;
  double final_fit_seconds = 0;
};

// Learns from `data`, quantized in the settings' max_bin. Progress stages: "search k",
// "fold k/K", "final model".
TrainingResult train_model(TrainingSet& data, const TrainConfig& config,
                           const ProgressFn& progress = {});

// A random draw of tree settings around sensible ranges (for the search).
TreeParams sample_tree_params(std::uint64_t seed, double learning_rate);

}  // namespace creditscore::model
