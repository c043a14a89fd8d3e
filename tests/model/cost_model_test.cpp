#include "model/cost_model.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/support/error_kind.h"

namespace creditscore::model {
namespace {

TEST(Verdict, TheOneRuleAndItsWordsParsedBack) {
  EXPECT_EQ(verdict(0.25, 0.25), Verdict::Refused);
  EXPECT_EQ(verdict(0.2499, 0.25), Verdict::Granted);
  EXPECT_EQ(parse_verdict("granted"), Verdict::Granted);
  EXPECT_EQ(parse_verdict(verdict_name(Verdict::Refused)), Verdict::Refused);
  EXPECT_ERROR_KIND(parse_verdict("maybe"), ErrorKind::InvalidInput);
}

TEST(CostModel, CostPerClientWeighsMissedDefaultsTenTimes) {
  Confusion confusion;
  confusion.false_negatives = 2;
  confusion.false_positives = 3;
  confusion.true_negatives = 5;
  EXPECT_DOUBLE_EQ(cost_per_client(CostModel{}, confusion), (10.0 * 2 + 3) / 10.0);
}

TEST(CostModel, ConfusionRefusesAtOrAboveTheThreshold) {
  std::vector<double> p = {0.2, 0.5, 0.7};
  std::vector<int> y = {0, 1, 0};
  const Confusion c = confusion_at(p, y, 0.5);
  EXPECT_EQ(c.true_positives, 1u);
  EXPECT_EQ(c.false_positives, 1u);
  EXPECT_EQ(c.true_negatives, 1u);
  EXPECT_EQ(c.false_negatives, 0u);
}

TEST(CostModel, BestThresholdOnAConstructedCase) {
  // Ten clients. Refusing the top three (0.9, 0.6, 0.4) catches both defaulters at the price of
  // one good client: cost 1/10. Refusing fewer misses a defaulter (>= 10/10); more refuses more
  // good clients. The threshold sits between 0.4 and the next score 0.3.
  std::vector<double> p = {0.9, 0.6, 0.4, 0.3, 0.2, 0.2, 0.1, 0.1, 0.05, 0.01};
  std::vector<int> y = {1, 0, 1, 0, 0, 0, 0, 0, 0, 0};
  const ThresholdChoice best = best_threshold(p, y, CostModel{});
  EXPECT_DOUBLE_EQ(best.threshold, 0.35);
  EXPECT_DOUBLE_EQ(best.cost_per_client, 0.1);
  EXPECT_EQ(best.confusion.false_negatives, 0u);
  EXPECT_EQ(best.confusion.false_positives, 1u);
  // The naive 0.5 misses the defaulter at 0.4 and still refuses 0.6: (10 + 1) / 10.
  EXPECT_DOUBLE_EQ(cost_per_client(CostModel{}, confusion_at(p, y, 0.5)), 1.1);
}

TEST(CostModel, EqualCostsMoveTheThresholdUp) {
  std::vector<double> p = {0.9, 0.6, 0.4, 0.3};
  std::vector<int> y = {1, 0, 0, 0};
  const ThresholdChoice best = best_threshold(p, y, CostModel{1.0, 1.0});
  EXPECT_DOUBLE_EQ(best.threshold, 0.75);
  EXPECT_DOUBLE_EQ(best.cost_per_client, 0.0);
}

TEST(CostModel, CostCurveSpansZeroToOne) {
  std::vector<double> p = {0.9, 0.1};
  std::vector<int> y = {1, 0};
  const auto curve = cost_curve(p, y, CostModel{}, 11);
  ASSERT_EQ(curve.size(), 11u);
  EXPECT_DOUBLE_EQ(curve.front().threshold, 0.0);
  EXPECT_DOUBLE_EQ(curve.front().cost_per_client, 0.5);  // everyone refused: one good client
  EXPECT_DOUBLE_EQ(curve[5].cost_per_client, 0.0);
  EXPECT_DOUBLE_EQ(curve.back().cost_per_client, 5.0);  // everyone granted: one default
}

}  // namespace
}  // namespace creditscore::model
