// Building the client store from the command line (`store build`, and `demo`): every client of
// a data set (the history with its outcome, and the new applications) with its raw application,
// a summary of its history, its feature vector and the probability of default the bundle's model
// gives, written under a temporary name and renamed into place.
#pragma once

#include <filesystem>

#include "app/store_building.h"

namespace creditscore::cli {

struct StoreBuildOptions {
  std::filesystem::path model;  // the bundle; empty: the one the registry of `models` serves
  std::filesystem::path models = "models";
  std::filesystem::path database;  // a shared registry; empty: the one in `models`
  app::StoreBuildRequest request;  // its bundle chosen from the three above
};

void run_store_build(const StoreBuildOptions& options);

}  // namespace creditscore::cli
