// Scoring a data set's applications in one go: each client's probability of default and the
// decision, by the same rules as the API (application_rules.h, model::refuses), written to a
// predictions file atomically.
#pragma once

#include <filesystem>
#include <string>

#include "app/pipeline_observer.h"

namespace creditscore::app {

struct BatchScoringRequest {
  std::filesystem::path bundle;
  std::filesystem::path data = "data";
  std::filesystem::path out = "predictions.csv";
  bool train_clients = false;  // the history's clients rather than the new applications
};

struct BatchScores {
  std::string run_id;
  double threshold = 0;
  std::size_t clients = 0, refused = 0;
  double mean_probability = 0;
};

// Writes SK_ID_CURR,PROBABILITY_OF_DEFAULT,DECISION, one line per client.
BatchScores score_to_file(const BatchScoringRequest& request, PipelineObserver& observer);

}  // namespace creditscore::app
