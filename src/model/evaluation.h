// Everything measured on a set of probabilities against outcomes: the model's out-of-fold
// predictions, or the generator's true probabilities (the oracle) for comparison.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <vector>

#include "model/cost_model.h"
#include "model/metrics.h"
#include "model/reference_distribution.h"

namespace creditscore::model {

struct Evaluation {
  std::size_t clients = 0;
  std::size_t defaulters = 0;
  double roc_auc = 0;
  // Its 95 % bootstrap interval; absent in bundles made before it was kept.
  std::optional<Interval> roc_auc_interval;
  double pr_auc = 0;
  double brier_score = 0;
  double calibration_error = 0;
  CostModel costs;
  ThresholdChoice best;     // the threshold of least business cost
  double cost_at_half = 0;  // cost per client with the naive threshold 0.5
  std::vector<RocPoint> roc;
  std::vector<CostPoint> cost_curve;
  std::vector<CalibrationBin> calibration;
  // The probabilities' distribution, as a feature's: prediction drift is measured against it.
  // Absent (nullopt) in bundles made before drift was monitored.
  std::optional<FeatureDistribution> scores;
};

Evaluation evaluate(std::span<const double> probabilities, std::span<const int> labels,
                    const CostModel& costs);

nlohmann::json to_json(const Evaluation& evaluation);
// Throws std::invalid_argument naming the missing field.
Evaluation evaluation_from_json(const nlohmann::json& document);

}  // namespace creditscore::model
