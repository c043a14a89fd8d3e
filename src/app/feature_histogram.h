// How a feature is distributed over a group of clients, split by outcome, on the bins of the
// model's reference distribution (its values for a discrete feature, its histogram otherwise),
// so that every group is drawn on the same axis as the training clients.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "model/reference_distribution.h"
#include "store/client_store.h"

namespace creditscore::app {

struct OutcomeCounts {
  std::size_t repaid = 0, defaulted = 0, unknown = 0;  // unknown: applications not yet decided
};

struct FeatureHistogram {
  std::vector<OutcomeCounts> bins;  // one per reference value or bin
  OutcomeCounts missing;            // clients without a value
  OutcomeCounts elsewhere;          // values a discrete reference does not have
};

FeatureHistogram feature_histogram(const store::StoredMatrix& clients,
                                   std::span<const std::size_t> rows, std::size_t feature,
                                   const model::FeatureDistribution& reference);

}  // namespace creditscore::app
