// Building the client store: every client of a data set (the history with its outcome, and the
// new applications) with its raw application, a summary of its history, its feature vector and
// the probability of default the bundle's model gives. Written under a temporary name and
// renamed into place, so that a store is whole or absent.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/pipeline_observer.h"
#include "store/client_store.h"

namespace creditscore::app {

struct StoreBuildRequest {
  std::filesystem::path bundle;  // the model that scores the clients
  std::filesystem::path data = "data";
  std::filesystem::path out = "clients.sqlite";
};

struct BuiltStore {
  struct Part {
    store::ClientSplit split;
    std::size_t clients = 0;
    std::size_t refused = 0;
  };
  std::string run_id;
  double threshold = 0;
  std::size_t features = 0;  // per client
  std::vector<Part> parts;   // train, then test
};

// Throws a conflict Error when the destination is open in another process, invalid_input when
// an application breaks the rules (application_rules.h) or a client is in both files.
BuiltStore build_store(const StoreBuildRequest& request, PipelineObserver& observer);

}  // namespace creditscore::app
