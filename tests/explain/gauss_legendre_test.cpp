#include "explain/gauss_legendre.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "tests/support/error_kind.h"

namespace creditscore::explain {
namespace {

TEST(GaussLegendre, IntegratesPolynomialsBelowDegreeTwoNExactly) {
  for (int n = 1; n <= 16; ++n) {
    const Quadrature rule = gauss_legendre(n);
    ASSERT_EQ(rule.points.size(), static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      EXPECT_GT(rule.points[i], i == 0 ? 0.0 : rule.points[i - 1]) << n;
      EXPECT_LT(rule.points[i], 1.0) << n;
      EXPECT_GT(rule.weights[i], 0.0) << n;
    }
    for (int degree = 0; degree < 2 * n; ++degree) {
      double integral = 0;
      for (int i = 0; i < n; ++i) integral += rule.weights[i] * std::pow(rule.points[i], degree);
      EXPECT_NEAR(integral, 1.0 / (degree + 1), 1e-14) << n << " points, y^" << degree;
    }
  }
}

TEST(GaussLegendre, IsSymmetricAboutOneHalf) {
  const Quadrature rule = gauss_legendre(5);
  for (int i = 0; i < 5; ++i) {
    EXPECT_NEAR(rule.points[i] + rule.points[4 - i], 1.0, 1e-15);
    EXPECT_NEAR(rule.weights[i], rule.weights[4 - i], 1e-15);
  }
  EXPECT_NEAR(rule.points[2], 0.5, 1e-15);
}

TEST(GaussLegendre, RefusesCountsOutOfRange) {
  EXPECT_ERROR_KIND(gauss_legendre(0), ErrorKind::Internal);
  EXPECT_ERROR_KIND(gauss_legendre(65), ErrorKind::Internal);
}

}  // namespace
}  // namespace creditscore::explain
