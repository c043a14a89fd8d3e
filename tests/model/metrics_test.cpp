#include "model/metrics.h"

#include <gtest/gtest.h>

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
