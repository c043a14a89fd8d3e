#include "model/cross_validation.h"

#include <gtest/gtest.h>

#include "model/metrics.h"
#include "tests/model/logistic_problem.h"
#include "tests/support/error_kind.h"

namespace creditscore::model {
namespace {

TEST(StratifiedFolds, SameDefaultRateInEveryFoldAndDeterministic) {
  std::vector<float> labels(1000, 0.f);
  for (std::size_t i = 0; i < 100; ++i) labels[i * 7] = 1.f;
  const std::vector<int> folds = stratified_folds(labels, 5, 9);
  EXPECT_EQ(folds, stratified_folds(labels, 5, 9));
  EXPECT_NE(folds, stratified_folds(labels, 5, 10));
  for (int fold = 0; fold < 5; ++fold) {
    int clients = 0, defaulters = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (folds[i] != fold) continue;
      ++clients;
      defaulters += static_cast<int>(labels[i]);
    }
    EXPECT_EQ(clients, 200);
    EXPECT_EQ(defaulters, 20);
  }
}

TEST(CrossValidation, OutOfFoldPredictionsApproachTheTrueProbabilities) {
  const Problem problem(6000);
  const CrossValidationResult result = cross_validate(problem.view(), problem.y, quick_config());
  ASSERT_EQ(result.folds.size(), 3u);
  std::vector<int> outcomes(problem.y.begin(), problem.y.end());
  const double oracle = roc_auc(problem.true_p, outcomes);
  EXPECT_GT(result.out_of_fold_auc, oracle - 0.03) << "oracle " << oracle;
  EXPECT_LE(result.out_of_fold_auc, oracle + 0.02);
  for (const FoldResult& fold : result.folds) {
    EXPECT_GE(fold.best_rounds, 1);
    EXPECT_LT(fold.best_rounds, 300) << "early stopping never triggered";
  }
  for (double p : result.out_of_fold) {
    EXPECT_GT(p, 0.0);
    EXPECT_LT(p, 1.0);
  }
}

TEST(CrossValidation, RefusesBadInputByName) {
  const Problem problem(200);
  std::vector<float> one_outcome(200, 0.f);
  EXPECT_ERROR_KIND(cross_validate(problem.view(), one_outcome, quick_config()),
                    ErrorKind::InvalidInput);
  std::vector<float> odd = problem.y;
  odd[0] = 2.f;
  EXPECT_ERROR_KIND(cross_validate(problem.view(), odd, quick_config()), ErrorKind::InvalidInput);
  TrainConfig bad = quick_config();
  bad.folds = 1;
  try {
    cross_validate(problem.view(), problem.y, bad);
    FAIL();
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("--folds"), std::string::npos);
  }
}

TEST(FitBooster, LearnsTheAskedNumberOfRounds) {
  const Problem problem(500);
  const Booster booster = fit_booster(problem.view(), problem.y, quick_config(), 17);
  EXPECT_EQ(booster.boosted_rounds(), 17);
}

}  // namespace
}  // namespace creditscore::model
