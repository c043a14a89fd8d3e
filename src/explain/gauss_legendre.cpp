#include "explain/gauss_legendre.h"

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

#include "common/error.h"

namespace creditscore::explain {

Quadrature gauss_legendre(int n) {
  if (n < 1 || n > 64) {
    throw internal_error("gauss_legendre: " + std::to_string(n) + " points, not in 1..64");
  }
  Quadrature rule{std::vector<double>(n), std::vector<double>(n)};
  // The points are the roots of the Legendre polynomial P_n on [-1, 1], found by Newton's method
  // from Tricomi's estimate; the weight of a root x is 2 / ((1 - x²) P_n'(x)²).
  for (int i = 0; i < n; ++i) {
    double x = std::cos(std::numbers::pi * (i + 0.75) / (n + 0.5));
    double derivative = 0;
    for (int iteration = 0; iteration < 100; ++iteration) {
      double p = 1, previous = 0;  // P_k(x) and P_{k-1}(x) by Bonnet's recurrence
      for (int k = 1; k <= n; ++k) {
        const double next = ((2 * k - 1) * x * p - (k - 1) * previous) / k;
        previous = p;
        p = next;
      }
      derivative = n * (x * p - previous) / (x * x - 1);
      const double step = p / derivative;
      x -= step;
      if (std::abs(step) < 1e-16) break;
    }
    // Mapped from [-1, 1] to [0, 1]: y = (1 - x) / 2 keeps the points increasing.
    rule.points[i] = (1 - x) / 2;
    rule.weights[i] = 1 / ((1 - x * x) * derivative * derivative);
  }
  return rule;
}

}  // namespace creditscore::explain
