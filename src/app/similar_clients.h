// The clients most like a given one: nearest on the model's most important features, each
// standardized over all clients (a missing value counts as the mean), so that no feature weighs
// by its unit alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "store/client_store.h"

namespace creditscore::app {

struct Neighbour {
  std::size_t row;
  double distance;
};

// The `k` rows nearest to `client` on `features`, nearest first (ties by row), leaving out the
// row of `exclude` (the client itself, when it is among them).
std::vector<Neighbour> nearest_clients(const store::StoredMatrix& clients,
                                       std::span<const float> client,
                                       std::span<const std::size_t> features, std::size_t k,
                                       std::optional<std::int64_t> exclude);

}  // namespace creditscore::app
