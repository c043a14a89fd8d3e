#include "model/evaluation.h"

#include <gtest/gtest.h>

#include "tests/model/logistic_problem.h"
#include "tests/support/error_kind.h"

namespace creditscore::model {
namespace {

TEST(Evaluation, TrueProbabilitiesAreWellCalibratedAndRoundTripThroughJson) {
  const Problem problem(20000);
  const std::vector<int> outcomes(problem.y.begin(), problem.y.end());
  const Evaluation e = evaluate(problem.true_p, outcomes, CostModel{});
  EXPECT_EQ(e.clients, 20000u);
  EXPECT_LT(e.calibration_error, 0.01);  // the law that drew the outcomes is calibrated
  EXPECT_GT(e.roc_auc, 0.7);
  EXPECT_LE(e.best.cost_per_client, e.cost_at_half);
  // With FN = 10 x FP, refusing pays from p = 1/11 on: the best threshold is near it.
  EXPECT_NEAR(e.best.threshold, 1.0 / 11.0, 0.04);
  ASSERT_EQ(e.cost_curve.size(), 101u);
  EXPECT_EQ(e.calibration.size(), 10u);

  const Evaluation back = evaluation_from_json(to_json(e));
  EXPECT_DOUBLE_EQ(back.roc_auc, e.roc_auc);
  EXPECT_DOUBLE_EQ(back.best.threshold, e.best.threshold);
  EXPECT_EQ(back.best.confusion.false_negatives, e.best.confusion.false_negatives);
  EXPECT_EQ(back.roc.size(), e.roc.size());
  EXPECT_DOUBLE_EQ(back.cost_curve[50].cost_per_client, e.cost_curve[50].cost_per_client);

  nlohmann::json broken = to_json(e);
  broken.erase("threshold");
  EXPECT_ERROR_KIND(evaluation_from_json(broken), ErrorKind::Corrupt);
}

}  // namespace
}  // namespace creditscore::model
