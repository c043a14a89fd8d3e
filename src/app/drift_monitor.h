// The model watched in production: every feature of the current clients (the test split and the
// applications posted since, over a window) against the training clients kept in the bundle, the
// features ranked by drift x importance; whether the data set drifted (enough of the features
// the model uses most); and whether the scores and the refusal rate moved from the out-of-fold
// ones; its quality as outcomes arrive; whether its decisions treat the protected groups alike.
// EU AI Act Art. 10 (bias) and 15 (the accuracy stated must be kept).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/fairness.h"
#include "model/feature_drift.h"

namespace creditscore::app {

class Service;

// Which current clients: updated within [since, until) (ISO 8601 dates or times, UTC), then the
// last `last` of them by id (the newest applications). Empty: every test and new client.
struct MonitoringWindow {
  std::optional<std::string> since, until;
  std::optional<std::size_t> last;
};

struct MonitoringSettings {
  model::DriftSettings drift;
  std::size_t top = 50;      // the features of largest mean |SHAP| that dataset drift counts
  double drift_share = 0.5;  // dataset drift when at least this share of them drift
};

struct DriftedFeature {
  model::FeatureDrift drift;
  double importance = 0;  // mean |SHAP| over the training sample, on the margin's scale
  bool top = false;       // among the `top` most important
};

// The model's quality over the current clients whose outcome has arrived, beside the out-of-fold
// figures. A figure needs both outcomes among them: nullopt otherwise.
struct Quality {
  std::size_t clients = 0, defaulters = 0;
  std::optional<double> roc_auc, cost_per_client, calibration_error;
  double roc_auc_before = 0, cost_per_client_before = 0, calibration_error_before = 0;
};

// The quality over the clients who applied in one month ("2026-12"), for its course over time.
struct MonthQuality {
  std::string month;
  Quality quality;
};

struct DriftReport {
  std::string run_id;
  std::size_t reference_clients = 0, current_clients = 0;
  MonitoringSettings settings;
  std::vector<DriftedFeature> features;  // by PSI x importance, largest first
  std::size_t top_features = 0, top_drifted = 0;
  double drift_share = 0;  // top_drifted / top_features
  bool dataset_drift = false;
  model::FeatureDrift scores;  // the probabilities against the out-of-fold ones
  double refusal_rate_before = 0, refusal_rate_now = 0;
  Quality quality;
  std::vector<MonthQuality> quality_by_month;  // the months with an outcome, in order
  // The model's decisions on the current clients by sex and age band (the rates that need an
  // outcome over those whose outcome arrived), and the out-of-fold ones kept at training.
  model::Fairness fairness;
  std::optional<model::Fairness> fairness_before;
  double milliseconds = 0;
};

// Throws an invalid_input Error for a malformed date or an empty window, an unsupported one for
// a bundle made before drift was monitored.
DriftReport monitor_drift(Service& service, const MonitoringWindow& window,
                          const MonitoringSettings& settings = {});

nlohmann::json to_json(const DriftReport& report);

}  // namespace creditscore::app
