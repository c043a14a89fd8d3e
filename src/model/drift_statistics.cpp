#include "model/drift_statistics.h"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace creditscore::model {

double population_stability_index(std::span<const double> reference,
                                  std::span<const double> current) {
  if (reference.size() != current.size())
    throw std::invalid_argument("population_stability_index: the bins differ");
  constexpr double kFloor = 1e-4;
  double psi = 0;
  for (std::size_t b = 0; b < reference.size(); ++b) {
    const double r = std::max(reference[b], kFloor), c = std::max(current[b], kFloor);
    psi += (c - r) * std::log(c / r);
  }
  return psi;
}

double kolmogorov_smirnov_p_value(double d, double n, double m) {
  if (!(n > 0 && m > 0)) return 1;
  const double effective = std::sqrt(n * m / (n + m));
  const double lambda = (effective + 0.12 + 0.11 / effective) * d;
  if (lambda < 0.2) return 1;  // the series converges slowly there, to 1
  double sum = 0, sign = 1;
  for (int k = 1; k <= 100; ++k) {
    const double term = sign * std::exp(-2.0 * k * k * lambda * lambda);
    sum += term;
    if (std::abs(term) < 1e-12) break;
    sign = -sign;
  }
  return std::clamp(2 * sum, 0.0, 1.0);
}

double chi_squared_p_value(double statistic, double degrees) {
  if (!(degrees > 0)) return 1;
  if (!(statistic > 0)) return 1;
  return boost::math::cdf(boost::math::complement(boost::math::chi_squared(degrees), statistic));
}

double proportions_z_test_p_value(double reference, double n, double current, double m) {
  const double pooled = (reference * n + current * m) / (n + m);
  const double variance = pooled * (1 - pooled) * (1 / n + 1 / m);
  if (!(variance > 0)) return 1;
  const double z = std::abs(reference - current) / std::sqrt(variance);
  return 2 * boost::math::cdf(boost::math::complement(boost::math::normal(), z));
}

double jensen_shannon_distance(std::span<const double> p, std::span<const double> q) {
  if (p.size() != q.size())
    throw std::invalid_argument("jensen_shannon_distance: the categories differ");
  const double p_sum = std::accumulate(p.begin(), p.end(), 0.0);
  const double q_sum = std::accumulate(q.begin(), q.end(), 0.0);
  if (!(p_sum > 0 && q_sum > 0)) return 0;
  double divergence = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double a = p[i] / p_sum, b = q[i] / q_sum, mid = (a + b) / 2;
    if (a > 0) divergence += a * std::log(a / mid) / 2;
    if (b > 0) divergence += b * std::log(b / mid) / 2;
  }
  return std::sqrt(std::max(divergence, 0.0));
}

}  // namespace creditscore::model
