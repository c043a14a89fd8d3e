// Feature vectors of clients the API receives: a new application with its own history rows, or a
// stored client's application with some fields changed (what-if), whose history features are
// those already stored (the store keeps features, not history rows; history features depend on
// history rows only).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "explain/served_model.h"
#include "tables/dataset.h"

namespace creditscore::app {

struct BuiltClient {
  std::vector<float> features;
  // What the caller should know but is no error, e.g. a category training never saw.
  std::vector<std::string> warnings;
};

// The features of a client given by all its tables (see posted_client.h), with a warning for
// the history tables the model learned from that the client lacks (see table_coverage.h).
BuiltClient build_client(const explain::ServedModel& model, const tables::Dataset& client);

// `application` (the stored fields, a JSON object) with `changes` applied (fields to new values,
// null to clear one), rebuilt into application features; history features copied from
// `stored`. Throws an invalid_input Error naming a changed field that is unknown or invalid.
BuiltClient build_edited_client(const explain::ServedModel& model,
                                const nlohmann::json& application, const nlohmann::json& changes,
                                std::int64_t id, std::span<const float> stored);

}  // namespace creditscore::app
