#include "model/metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "tests/support/error_kind.h"

namespace creditscore::model {
namespace {

TEST(RocAuc, PerfectRankingIsOne) {
  std::vector<double> scores = {0.1, 0.2, 0.8, 0.9};
  std::vector<int> labels = {0, 0, 1, 1};
  EXPECT_DOUBLE_EQ(roc_auc(scores, labels), 1.0);
}

TEST(RocAuc, HandComputedWithTies) {
  // Pairs (positive, negative): (0.5 vs 0.5) tie = 0.5, (0.5 vs 0.2) = 1, (0.9 vs both) = 2.
  std::vector<double> scores = {0.2, 0.5, 0.5, 0.9};
  std::vector<int> labels = {0, 0, 1, 1};
  EXPECT_DOUBLE_EQ(roc_auc(scores, labels), 3.5 / 4.0);
}

TEST(RocAuc, RefusesOneClassAndSizeMismatch) {
  std::vector<double> scores = {0.1, 0.2};
  std::vector<int> ones = {1, 1};
  std::vector<int> short_labels = {1};
  EXPECT_ERROR_KIND(roc_auc(scores, ones), ErrorKind::InvalidInput);
  EXPECT_ERROR_KIND(roc_auc(scores, short_labels), ErrorKind::InvalidInput);
}

}  // namespace
}  // namespace creditscore::model

namespace creditscore::model {
namespace {

// `count` clients whose scores separate the outcomes as well as `signal` says, with ties.
void noisy_clients(std::size_t count, double signal, std::vector<double>& scores,
                   std::vector<int>& labels) {
  std::mt19937_64 random(7);
  std::normal_distribution<double> noise;
  for (std::size_t i = 0; i < count; ++i) {
    labels.push_back(i % 5 == 0 ? 1 : 0);
    scores.push_back(std::round(10 * (signal * labels.back() + noise(random))) / 10);
  }
}

TEST(RocAucInterval, HoldsTheAucNarrowsWithMoreClientsAndIsReproducible) {
  std::vector<double> few_scores, many_scores;
  std::vector<int> few_labels, many_labels;
  noisy_clients(500, 1.0, few_scores, few_labels);
  noisy_clients(20000, 1.0, many_scores, many_labels);
  const Interval few = roc_auc_interval(few_scores, few_labels);
  const Interval many = roc_auc_interval(many_scores, many_labels);
  EXPECT_LT(few.low, roc_auc(few_scores, few_labels));
  EXPECT_GT(few.high, roc_auc(few_scores, few_labels));
  EXPECT_LT(many.low, roc_auc(many_scores, many_labels));
  EXPECT_GT(many.high, roc_auc(many_scores, many_labels));
  // The standard error shrinks as 1/sqrt(n): 40 times the clients, about a sixth of the width.
  EXPECT_LT(many.high - many.low, (few.high - few.low) / 3);
  EXPECT_GT(many.high - many.low, (few.high - few.low) / 12);
  const Interval again = roc_auc_interval(few_scores, few_labels);
  EXPECT_EQ(again.low, few.low);
  EXPECT_EQ(again.high, few.high);
  // A wider level, a wider interval.
  const Interval wide = roc_auc_interval(few_scores, few_labels, 200, 0.99);
  EXPECT_LE(wide.low, few.low);
  EXPECT_GE(wide.high, few.high);
}

TEST(RocAucInterval, RefusesOneOutcomeAndBadSettings) {
  std::vector<double> scores = {0.1, 0.2, 0.3};
  std::vector<int> ones = {1, 1, 1}, both = {0, 1, 1};
  EXPECT_ERROR_KIND(roc_auc_interval(scores, ones), ErrorKind::InvalidInput);
  EXPECT_ERROR_KIND(roc_auc_interval(scores, both, 1), ErrorKind::InvalidInput);
  EXPECT_ERROR_KIND(roc_auc_interval(scores, both, 200, 1.0), ErrorKind::InvalidInput);
}

TEST(PrAuc, HandComputedAveragePrecision) {
  // Decreasing scores: 1(pos) 0(neg) 1(pos) 0(neg): precision at each positive 1/1 and 2/3.
  std::vector<double> scores = {0.9, 0.8, 0.7, 0.1};
  std::vector<int> labels = {1, 0, 1, 0};
  EXPECT_DOUBLE_EQ(pr_auc(scores, labels), 0.5 * 1.0 + 0.5 * (2.0 / 3.0));
}

TEST(BrierScore, HandComputed) {
  std::vector<double> probabilities = {0.1, 0.8, 0.5};
  std::vector<int> labels = {0, 1, 1};
  EXPECT_DOUBLE_EQ(brier_score(probabilities, labels), (0.01 + 0.04 + 0.25) / 3.0);
}

TEST(RocCurve, GoesFromOriginToOneOneThroughEachDistinctScore) {
  std::vector<double> scores = {0.2, 0.5, 0.5, 0.9};
  std::vector<int> labels = {0, 0, 1, 1};
  const std::vector<RocPoint> curve = roc_curve(scores, labels);
  ASSERT_EQ(curve.size(), 4u);
  EXPECT_DOUBLE_EQ(curve.front().false_positive_rate, 0.0);
  EXPECT_DOUBLE_EQ(curve[1].true_positive_rate, 0.5);   // 0.9 refused only
  EXPECT_DOUBLE_EQ(curve[2].false_positive_rate, 0.5);  // 0.5 group refused
  EXPECT_DOUBLE_EQ(curve.back().true_positive_rate, 1.0);
  EXPECT_DOUBLE_EQ(curve.back().false_positive_rate, 1.0);
}

TEST(Calibration, EqualCountBinsAndWeightedError) {
  std::vector<double> probabilities = {0.1, 0.1, 0.9, 0.9};
  std::vector<int> labels = {0, 0, 1, 0};
  const auto curve = calibration_curve(probabilities, labels, 2);
  ASSERT_EQ(curve.size(), 2u);
  EXPECT_DOUBLE_EQ(curve[0].mean_probability, 0.1);
  EXPECT_DOUBLE_EQ(curve[0].observed_rate, 0.0);
  EXPECT_DOUBLE_EQ(curve[1].observed_rate, 0.5);
  EXPECT_DOUBLE_EQ(calibration_error(curve), (0.1 * 2 + 0.4 * 2) / 4.0);
}

TEST(Metrics, RefuseEmptyInput) {
  std::vector<double> none;
  std::vector<int> no_labels;
  EXPECT_ERROR_KIND(brier_score(none, no_labels), ErrorKind::InvalidInput);
  EXPECT_ERROR_KIND(calibration_curve(none, no_labels), ErrorKind::InvalidInput);
}

}  // namespace
}  // namespace creditscore::model
