// Learning a model from the command line (`train`, and `demo`): read, build features, learn,
// write the bundle, record the run, and promote it when asked or when nothing is served yet.
#pragma once

#include <filesystem>
#include <string>

#include "model/train_config.h"

namespace creditscore::cli {

struct TrainOptions {
  std::filesystem::path data = "data";
  std::filesystem::path models = "models";
  model::TrainConfig config;
  std::string weighting = "none";
  double cost_ratio = 10;
  bool promote = false;
  std::filesystem::path database;  // the shared registry; empty: --models'
};

void run_training(const TrainOptions& options);

}  // namespace creditscore::cli
