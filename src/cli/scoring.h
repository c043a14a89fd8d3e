// Batch scoring from the command line (`score`, and `demo`): a data set's clients through a
// model bundle, to a predictions file with each probability of default and decision.
#pragma once

#include <filesystem>
#include <string>

namespace creditscore::cli {

struct ScoreOptions {
  std::filesystem::path model;
  std::filesystem::path models = "models";
  std::filesystem::path data = "data";
  std::filesystem::path out = "predictions.csv";
  std::string clients = "test";
};

void run_scoring(const ScoreOptions& options);

}  // namespace creditscore::cli
