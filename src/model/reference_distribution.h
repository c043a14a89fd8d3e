// How every feature is distributed over the training clients, kept in the model bundle: the
// dashboard compares a client with them, and drift is measured against them.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/xgboost.h"

namespace creditscore::model {

// Quantile levels stored for every feature.
inline constexpr double kQuantileLevels[] = {0.0,  0.01, 0.05, 0.1,  0.25, 0.5,
                                             0.75, 0.9,  0.95, 0.99, 1.0};

struct FeatureDistribution {
  std::string name;
  std::size_t present = 0;  // clients with a value
  std::size_t missing = 0;
  double mean = 0;
  double stddev = 0;              // of the present values (population)
  std::vector<double> quantiles;  // one per kQuantileLevels; empty when no client has a value
  // Features with few distinct values (one-hot categories, flags, counts): every value with its
  // clients. Others: a histogram between the 1st and 99th percentiles (outer bins catch the
  // tails), with `edges` one longer than the counts.
  bool discrete = false;
  std::vector<double> values_or_edges;
  std::vector<std::size_t> good_counts;     // clients who repaid, per value or bin
  std::vector<std::size_t> default_counts;  // clients who defaulted, per value or bin
  // Features that are not discrete, for drift: the quantiles at sketch_levels(), and the clients
  // in each bin between the distinct deciles (decile_edges). Empty in bundles made before drift
  // was monitored.
  std::vector<double> sketch;
  std::vector<std::size_t> decile_counts;
};

// The levels of a distribution's sketch: every percentile, and finer in both tails (to 0.01 %),
// where money amounts stretch far and a percentile alone would misplace much of the distance.
const std::vector<double>& sketch_levels();

// The distinct 10th to 90th percentiles: a value v falls in bin decile_bin(edges, v), where the
// bins are (-inf, e0), [e0, e1), ..., [e_last, +inf).
std::vector<double> decile_edges(const FeatureDistribution& distribution);
std::size_t decile_bin(std::span<const double> edges, double value);

// One distribution per column of `features`, named by `names`. Labels are 0/1 per row.
std::vector<FeatureDistribution> reference_distributions(MatrixView features,
                                                         std::span<const float> labels,
                                                         std::span<const std::string> names,
                                                         std::size_t histogram_bins = 20);

// The value or bin of `distribution` that `value` falls in: the index of an equal value for a
// discrete feature (nullopt when none is equal), else the histogram's bin, the outer bins taking
// the tails. nullopt for a missing value or a feature no client had.
std::optional<std::size_t> bin_of(const FeatureDistribution& distribution, double value);

// Where `value` stands among the training clients with a value, in [0, 1]: the share below it
// plus half the share equal to it (exact for discrete features, interpolated between quantiles
// otherwise). NaN when `value` is missing or no client had a value.
double percentile_rank(const FeatureDistribution& distribution, double value);

nlohmann::json to_json(const std::vector<FeatureDistribution>& distributions);
// Throws std::invalid_argument naming the feature or field that is wrong.
std::vector<FeatureDistribution> distributions_from_json(const nlohmann::json& document);

}  // namespace creditscore::model
