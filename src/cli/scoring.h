// Batch scoring from the command line (`score`, and `demo`): a data set's clients through a
// model bundle, to a predictions file with each probability of default and decision.
#pragma once

#include <filesystem>
#include <string>

#include "app/batch_scoring.h"

namespace creditscore::cli {

struct ScoreOptions {
  std::filesystem::path model;  // the bundle; empty: the one the registry of `models` serves
  std::filesystem::path models = "models";
  std::filesystem::path database;    // a shared registry; empty: the one in `models`
  app::BatchScoringRequest request;  // its bundle chosen from the three above
  std::string clients = "test";
};

void run_scoring(const ScoreOptions& options);

}  // namespace creditscore::cli
