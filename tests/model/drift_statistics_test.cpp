#include "model/drift_statistics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace creditscore::model {
namespace {

TEST(DriftStatistics, PsiIsZeroForTheSameSharesAndTheTextbookFigureOtherwise) {
  const std::vector<double> half = {0.5, 0.5}, moved = {0.25, 0.75};
  EXPECT_DOUBLE_EQ(population_stability_index(half, half), 0);
  // 0.25 ln 2 + 0.25 ln 1.5
  EXPECT_NEAR(population_stability_index(half, moved), 0.25 * std::log(2) + 0.25 * std::log(1.5),
              1e-12);
  // An empty bin counts, floored instead of dividing by zero.
  EXPECT_GT(population_stability_index(std::vector<double>{1, 0}, std::vector<double>{0.5, 0.5}),
            1);
  EXPECT_THROW(population_stability_index(half, std::vector<double>{1}), std::invalid_argument);
}

TEST(DriftStatistics, PValuesMatchTheirDistributionsTables) {
  EXPECT_NEAR(chi_squared_p_value(3.841459, 1), 0.05, 1e-6);
  EXPECT_NEAR(chi_squared_p_value(9.487729, 4), 0.05, 1e-6);
  EXPECT_DOUBLE_EQ(chi_squared_p_value(0, 3), 1);
  // Kolmogorov's distribution: P(K > 1.3581) = 0.05, for large samples.
  const double effective = std::sqrt(1e8 * 1e8 / 2e8);
  EXPECT_NEAR(kolmogorov_smirnov_p_value(1.3581 / effective, 1e8, 1e8), 0.05, 1e-3);
  EXPECT_DOUBLE_EQ(kolmogorov_smirnov_p_value(0, 100, 100), 1);
  // Two shares 1.96 standard errors apart.
  const double n = 1e6, p = 0.5, se = std::sqrt(p * (1 - p) * 2 / n);
  EXPECT_NEAR(proportions_z_test_p_value(p - 0.98 * se, n, p + 0.98 * se, n), 0.05, 1e-3);
  EXPECT_DOUBLE_EQ(proportions_z_test_p_value(0, 10, 0, 10), 1);
}

TEST(DriftStatistics, JensenShannonDistanceIsZeroForTheSameAndRootLog2ForDisjoint) {
  const std::vector<double> a = {3, 1, 0}, same = {0.75, 0.25, 0}, apart = {0, 0, 5};
  EXPECT_NEAR(jensen_shannon_distance(a, same), 0, 1e-12);
  EXPECT_NEAR(jensen_shannon_distance(a, apart), std::sqrt(std::log(2)), 1e-12);
}

}  // namespace
}  // namespace creditscore::model
