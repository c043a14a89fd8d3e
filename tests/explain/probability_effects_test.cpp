#include "explain/probability_effects.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

#include "tests/support/error_kind.h"

namespace creditscore::explain {
namespace {

double sum(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0);
}

TEST(ProbabilityEffects, AddUpToTheProbabilityChangeAndKeepSigns) {
  const std::vector<double> shap = {0.8, -0.3, 0.0, 1.1, -2.5};  // then the base: -2.5
  const std::vector<double> effects = probability_effects(shap);
  ASSERT_EQ(effects.size(), 4u);
  const double margin = -2.5 + 0.8 - 0.3 + 1.1;
  EXPECT_NEAR(sum(effects), logistic(margin) - logistic(-2.5), 1e-15);
  EXPECT_GT(effects[0], 0);
  EXPECT_LT(effects[1], 0);
  EXPECT_EQ(effects[2], 0);
  EXPECT_NEAR(effects[3] / effects[0], 1.1 / 0.8, 1e-12);  // proportional to SHAP
}

TEST(ProbabilityEffects, OpposedEffectsThatCancelUseTheSlope) {
  const std::vector<double> shap = {0.5, -0.5, 0.0};  // base 0: p = 0.5, slope 0.25
  const std::vector<double> effects = probability_effects(shap);
  EXPECT_DOUBLE_EQ(effects[0], 0.125);
  EXPECT_DOUBLE_EQ(effects[1], -0.125);
  EXPECT_ERROR_KIND(probability_effects({}), ErrorKind::Internal);
}

TEST(ProbabilityEffects, Logistic) {
  EXPECT_DOUBLE_EQ(logistic(0), 0.5);
  EXPECT_NEAR(logistic(std::log(0.08 / 0.92)), 0.08, 1e-15);
}

}  // namespace
}  // namespace creditscore::explain
