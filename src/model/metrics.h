// Quality measures of predicted probabilities of default against observed outcomes (labels 0/1).
// Every function throws std::invalid_argument when the sizes differ or the input is empty, and
// those that need both outcomes say so when one is absent.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace creditscore::model {

// Area under the ROC curve: the probability that a random defaulter scores higher than a random
// good client, ties counting one half.
double roc_auc(std::span<const double> scores, std::span<const int> labels);

// Area under the precision-recall curve, as average precision (the sum over defaulters, in
// decreasing score order, of the precision at each), ties handled as one step.
double pr_auc(std::span<const double> scores, std::span<const int> labels);

// Mean squared difference between probability and outcome.
double brier_score(std::span<const double> probabilities, std::span<const int> labels);

struct Interval {
  double low = 0, high = 0;
};

// The percentile bootstrap interval of the ROC AUC at `level` (0.95: from the 2.5th to the
// 97.5th percentile): the clients resampled with replacement `resamples` times, each resample's
// AUC read in one pass over the clients sorted once. Seeded: the same input, the same interval.
Interval roc_auc_interval(std::span<const double> scores, std::span<const int> labels,
                          std::size_t resamples = 200, double level = 0.95, std::uint64_t seed = 1);

struct RocPoint {
  double threshold;  // clients scoring >= threshold are predicted to default
  double false_positive_rate;
  double true_positive_rate;
};

// The ROC curve at every distinct score, from (0,0) to (1,1), thinned to at most `max_points`.
std::vector<RocPoint> roc_curve(std::span<const double> scores, std::span<const int> labels,
                                std::size_t max_points = 200);

struct CalibrationBin {
  double mean_probability;
  double observed_rate;
  std::size_t clients;
};

// Clients sorted by probability and cut into `bins` groups of equal size (defaults are rare, so
// equal-width bins would leave the upper ones nearly empty).
std::vector<CalibrationBin> calibration_curve(std::span<const double> probabilities,
                                              std::span<const int> labels, std::size_t bins = 10);

// Expected calibration error: the clients-weighted mean |mean probability - observed rate|.
double calibration_error(const std::vector<CalibrationBin>& curve);

}  // namespace creditscore::model
