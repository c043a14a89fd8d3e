#include "model/feature_drift.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "common/error.h"
#include "model/drift_statistics.h"

namespace creditscore::model {
namespace {

// The training clients with a value, as a distribution function and its inverse: exact over the
// values of a discrete feature, linear between the quantiles of another's sketch.
class ReferenceCdf {
 public:
  explicit ReferenceCdf(const FeatureDistribution& d) : discrete_(d.discrete) {
    if (discrete_) {
      knots_ = d.values_or_edges;
      double total = 0;
      for (std::size_t i = 0; i < knots_.size(); ++i) {
        total += static_cast<double>(d.good_counts[i] + d.default_counts[i]);
        shares_.push_back(total);
      }
      for (double& s : shares_) s /= total;
    } else {
      knots_ = d.sketch;
      shares_ = sketch_levels();
    }
  }
  const std::vector<double>& knots() const { return knots_; }

  // The share of values <= x (`left`: < x).
  double at(double x, bool left = false) const {
    const auto end = left ? std::lower_bound(knots_.begin(), knots_.end(), x)
                          : std::upper_bound(knots_.begin(), knots_.end(), x);
    const auto below = static_cast<std::size_t>(end - knots_.begin());
    if (discrete_) return below == 0 ? 0.0 : shares_[below - 1];
    if (below == 0) return 0;
    if (below == knots_.size()) return 1;
    const std::size_t j = below - 1;  // knots_[j] <= x (< x when left) < knots_[j + 1]
    return shares_[j] +
           (x - knots_[j]) / (knots_[j + 1] - knots_[j]) * (shares_[j + 1] - shares_[j]);
  }
  // The value below which a share u of the clients lies.
  double quantile(double u) const {
    if (discrete_) {
      const auto found = std::lower_bound(shares_.begin(), shares_.end(), u);
      return knots_[std::min(static_cast<std::size_t>(found - shares_.begin()), knots_.size() - 1)];
    }
    const auto above = std::upper_bound(shares_.begin(), shares_.end(), u);
    const std::size_t j = std::clamp<std::size_t>(static_cast<std::size_t>(above - shares_.begin()),
                                                  1, shares_.size() - 1) -
                          1;
    const double within = (u - shares_[j]) / (shares_[j + 1] - shares_[j]);
    return knots_[j] + std::clamp(within, 0.0, 1.0) * (knots_[j + 1] - knots_[j]);
  }

 private:
  bool discrete_;
  std::vector<double> knots_;
  std::vector<double> shares_;  // the cumulative share at each knot
};

// sup |F_ref - F_cur|: both are monotone and F_ref linear between its knots, so the largest gap
// is at a current value or a knot, on one side or the other.
double kolmogorov_smirnov(const ReferenceCdf& reference, const std::vector<double>& sorted) {
  const auto n = static_cast<double>(sorted.size());
  const auto current = [&](double x, bool left) {
    const auto end = left ? std::lower_bound(sorted.begin(), sorted.end(), x)
                          : std::upper_bound(sorted.begin(), sorted.end(), x);
    return static_cast<double>(end - sorted.begin()) / n;
  };
  double d = 0;
  const auto check = [&](double x) {
    for (const bool left : {false, true})
      d = std::max(d, std::abs(reference.at(x, left) - current(x, left)));
  };
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i == 0 || sorted[i] != sorted[i - 1]) check(sorted[i]);
  }
  for (const double knot : reference.knots()) check(knot);
  return d;
}

// The Wasserstein distance: the mean gap between the two quantile functions.
double wasserstein(const ReferenceCdf& reference, const std::vector<double>& sorted) {
  constexpr int kSteps = 2000;
  double sum = 0;
  for (int k = 0; k < kSteps; ++k) {
    const double u = (k + 0.5) / kSteps;
    const auto i = std::min(static_cast<std::size_t>(u * static_cast<double>(sorted.size())),
                            sorted.size() - 1);
    sum += std::abs(reference.quantile(u) - sorted[i]);
  }
  return sum / kSteps;
}

DriftBins psi_bins(const FeatureDistribution& d, std::span<const double> current) {
  DriftBins bins;
  const auto total = static_cast<double>(d.present + d.missing);
  const std::vector<double> edges = decile_edges(d);
  bins.by_value = d.discrete;
  bins.bounds = d.discrete ? d.values_or_edges : edges;
  if (d.discrete) {
    for (std::size_t i = 0; i < d.good_counts.size(); ++i)
      bins.reference.push_back(static_cast<double>(d.good_counts[i] + d.default_counts[i]));
    bins.reference.push_back(0);  // values training never saw
  } else {
    for (const std::size_t count : d.decile_counts)
      bins.reference.push_back(static_cast<double>(count));
  }
  bins.reference.push_back(static_cast<double>(d.missing));
  for (double& share : bins.reference) share /= total;

  bins.current.assign(bins.reference.size(), 0);
  for (const double value : current) {
    std::size_t bin = bins.current.size() - 1;  // missing
    if (!std::isnan(value)) {
      bin = d.discrete ? bin_of(d, value).value_or(d.good_counts.size()) : decile_bin(edges, value);
    }
    bins.current[bin] += 1;
  }
  for (double& share : bins.current) share /= static_cast<double>(current.size());
  return bins;
}

}  // namespace

const char* drift_test_name(DriftTest test) {
  switch (test) {
    case DriftTest::KolmogorovSmirnov:
      return "kolmogorov_smirnov";
    case DriftTest::ChiSquared:
      return "chi_squared";
    case DriftTest::ZTest:
      return "z_test";
    case DriftTest::Wasserstein:
      return "wasserstein";
    case DriftTest::JensenShannon:
      return "jensen_shannon";
  }
  return "?";
}

const char* psi_level(double psi) {
  return psi < 0.10 ? "stable" : psi <= 0.25 ? "moderate" : "significant";
}

FeatureDrift feature_drift(const FeatureDistribution& reference, std::span<const double> current,
                           const DriftSettings& settings) {
  if (!reference.discrete && reference.present > 0 &&
      reference.sketch.size() != sketch_levels().size()) {
    throw unsupported(
        "drift of " + reference.name +
        ": the model's bundle predates drift monitoring (no quantile sketch); retrain it");
  }
  FeatureDrift drift;
  drift.name = reference.name;
  drift.reference_clients = reference.present;
  std::vector<double> sorted;
  for (const double value : current) {
    if (!std::isnan(value)) sorted.push_back(value);
  }
  std::sort(sorted.begin(), sorted.end());
  drift.current_clients = sorted.size();
  const auto total = static_cast<double>(reference.present + reference.missing);
  drift.missing_before = total > 0 ? static_cast<double>(reference.missing) / total : 0;
  drift.missing_now = current.empty() ? 0
                                      : static_cast<double>(current.size() - sorted.size()) /
                                            static_cast<double>(current.size());
  if (current.empty() || total == 0) return drift;

  drift.bins = psi_bins(reference, current);
  const DriftBins& bins = drift.bins;
  drift.psi = population_stability_index(bins.reference, bins.current);
  drift.psi_drifted = drift.psi > settings.psi;
  if (reference.discrete && !sorted.empty()) {
    drift.unseen = bins.current[reference.good_counts.size()] *
                   static_cast<double>(current.size()) / static_cast<double>(sorted.size());
  }

  const bool category =
      reference.discrete && reference.values_or_edges.size() <= settings.max_category_values;
  const bool small = sorted.size() <= settings.small_sample;
  const auto n = static_cast<double>(reference.present), m = static_cast<double>(sorted.size());
  if (sorted.empty() || reference.present == 0) {
    drift.test = category ? DriftTest::ChiSquared : DriftTest::KolmogorovSmirnov;
  } else if (category) {
    // The categories and any value training never saw, among the clients with a value.
    std::vector<double> expected(bins.reference.begin(), bins.reference.end() - 1);
    std::vector<double> observed(bins.current.begin(), bins.current.end() - 1);
    for (double& share : expected) share /= 1 - drift.missing_before;
    for (double& share : observed) share /= 1 - drift.missing_now;
    if (!small) {
      drift.test = DriftTest::JensenShannon;
      drift.statistic = jensen_shannon_distance(expected, observed);
      drift.p_value = 1;
      drift.test_drifted = drift.statistic >= settings.distance;
    } else if (reference.values_or_edges.size() <= 2) {
      drift.test = DriftTest::ZTest;  // on the share of the last value (1 for a flag)
      const std::size_t last = reference.values_or_edges.size() - 1;
      drift.statistic = observed[last] - expected[last];
      drift.p_value = proportions_z_test_p_value(expected[last], n, observed[last], m);
      drift.test_drifted = drift.p_value < settings.p_value;
    } else {
      drift.test = DriftTest::ChiSquared;
      // A value training never saw is expected from half a client, as a continuity correction.
      expected.back() = 0.5 / n;
      const bool with_unseen = observed.back() > 0;
      double chi = 0;
      for (std::size_t i = 0; i + (with_unseen ? 0 : 1) < expected.size(); ++i)
        chi += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i] * m;
      drift.statistic = chi;
      drift.p_value =
          chi_squared_p_value(chi, static_cast<double>(expected.size() - (with_unseen ? 1 : 2)));
      drift.test_drifted = drift.p_value < settings.p_value;
    }
  } else {
    const ReferenceCdf cdf(reference);
    if (small) {
      drift.test = DriftTest::KolmogorovSmirnov;
      drift.statistic = kolmogorov_smirnov(cdf, sorted);
      drift.p_value = kolmogorov_smirnov_p_value(drift.statistic, n, m);
      drift.test_drifted = drift.p_value < settings.p_value;
    } else {
      drift.test = DriftTest::Wasserstein;
      drift.statistic = wasserstein(cdf, sorted) / std::max(reference.stddev, 0.001);
      drift.p_value = 1;
      drift.test_drifted = drift.statistic >= settings.distance;
    }
  }
  drift.drifted = settings.flag_by_psi ? drift.psi_drifted : drift.test_drifted;
  return drift;
}

}  // namespace creditscore::model
