#include "app/feature_histogram.h"

#include <cmath>

namespace creditscore::app {

FeatureHistogram feature_histogram(const store::StoredMatrix& clients,
                                   std::span<const std::size_t> rows, std::size_t feature,
                                   const model::FeatureDistribution& reference) {
  FeatureHistogram histogram;
  histogram.bins.resize(reference.good_counts.size());
  for (std::size_t r : rows) {
    const float value = clients.values[r * clients.cols() + feature];
    const auto bin = model::bin_of(reference, value);
    OutcomeCounts& counts = std::isnan(value) ? histogram.missing
                            : bin             ? histogram.bins[*bin]
                                              : histogram.elsewhere;
    const std::int8_t target = clients.targets[r];
    ++(target == 1 ? counts.defaulted : target == 0 ? counts.repaid : counts.unknown);
  }
  return histogram;
}

}  // namespace creditscore::app
