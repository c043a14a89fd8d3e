// Learning a model: read the data set, build the features, learn with cross-validation, write
// the bundle (model, catalogue, reference distributions, global explanation, metrics), record
// the run, and promote it when asked or when nothing is served yet.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "app/pipeline_observer.h"
#include "model/evaluation.h"
#include "model/train_config.h"
#include "model/trainer.h"

namespace creditscore::app {

struct TrainingRequest {
  std::filesystem::path data = "data";
  std::filesystem::path models = "models";
  model::TrainConfig config;  // checked here (invalid_input naming the setting)
  bool promote = false;
  std::filesystem::path database;  // a shared PostgreSQL registry; empty: the one in `models`
};

struct TrainedRun {
  model::TrainingResult result;
  std::optional<model::Evaluation> oracle;  // on generated data: the true probabilities' figures
  std::string run_id;
  std::filesystem::path bundle;
  bool promoted = false;  // served from now on: asked for, or the first model of the registry
};

TrainedRun train_and_record(const TrainingRequest& request, PipelineObserver& observer);

}  // namespace creditscore::app
