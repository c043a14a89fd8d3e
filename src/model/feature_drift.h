// Whether one feature drifted: its current values against the training clients' distribution
// (model/reference_distribution.h), by the population stability index and by the test Evidently
// would choose (model/drift_statistics.h), with the missing share before and now and the share of
// values training never saw.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "model/reference_distribution.h"

namespace creditscore::model {

struct DriftSettings {
  // Up to this many current clients: Kolmogorov-Smirnov for numeric features, chi-squared for
  // categories and few-valued ones, the Z-test for binary ones. Beyond: normed Wasserstein
  // distance for numeric features, Jensen-Shannon for categories.
  std::size_t small_sample = 1000;
  double p_value = 0.05;     // a test flags below it (confidence 0.95)
  double distance = 0.1;     // a distance flags at or above it
  double psi = 0.25;         // the PSI flags above it: "significant"
  bool flag_by_psi = false;  // which figure flags a feature: the test's (default) or the PSI
  // Features with at most this many values are categories (Evidently's rule).
  std::size_t max_category_values = 5;
};

enum class DriftTest { KolmogorovSmirnov, ChiSquared, ZTest, Wasserstein, JensenShannon };
const char* drift_test_name(DriftTest test);  // "kolmogorov_smirnov", "chi_squared", ...

// The PSI's reading: "stable" below 0.10, "moderate" to 0.25, "significant" above.
const char* psi_level(double psi);

// The bins PSI compares, as shares of all clients, training's and now: a discrete feature's
// values training saw (`bounds`), then one for any other value; or the bins that the distinct
// deciles of training's values bound (`bounds`: below the first, between each two, above the
// last); then one for missing values. Both histograms of a drifting feature are these.
struct DriftBins {
  bool by_value = false;
  std::vector<double> bounds;
  std::vector<double> reference, current;
};

struct FeatureDrift {
  std::string name;
  std::size_t reference_clients = 0, current_clients = 0;  // with a value
  double psi = 0;
  DriftTest test = DriftTest::KolmogorovSmirnov;
  double statistic = 0;  // the test's statistic, or the distance
  double p_value = 1;    // 1 for distances
  bool test_drifted = false, psi_drifted = false;
  bool drifted = false;                        // by the figure the settings choose
  double missing_before = 0, missing_now = 0;  // shares of all clients
  double unseen = 0;  // share of current values that no training client had (discrete features)
  DriftBins bins;     // empty without current clients
};

// `current` holds one value per current client, NaN when missing. Throws an unsupported Error
// for a reference made before drift was monitored (no quantile sketch).
FeatureDrift feature_drift(const FeatureDistribution& reference, std::span<const double> current,
                           const DriftSettings& settings);

}  // namespace creditscore::model
