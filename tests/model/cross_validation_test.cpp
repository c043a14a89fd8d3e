#include "model/cross_validation.h"

#include <gtest/gtest.h>

#include "model/metrics.h"
#include "tests/model/logistic_problem.h"
#include "tests/support/error_kind.h"

namespace creditscore::model {
namespace {

// A booster that learned `rounds` rounds on `data` with the `held_out` rows weighing 0.
Booster learned_without(TrainingSet& data, std::span<const std::size_t> held_out,
                        const TrainConfig& config, int rounds) {
  const DMatrix& matrix = data.learning_without(held_out);
  Booster booster(matrix);
  for (const auto& [name, value] : xgboost_params(config, 150, 1500))
    booster.set_param(name, value);
  for (int round = 0; round < rounds; ++round) booster.update(round, matrix);
  return booster;
}

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
  TrainingSet data(problem.x, Problem::kCols, problem.y, quick_config().trees.max_bin);
  const CrossValidationResult result = cross_validate(data, quick_config());
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
  const int bins = quick_config().trees.max_bin;
  std::vector<float> one_outcome(200, 0.f);
  EXPECT_ERROR_KIND(TrainingSet(problem.x, Problem::kCols, one_outcome, bins),
                    ErrorKind::InvalidInput);
  std::vector<float> odd = problem.y;
  odd[0] = 2.f;
  EXPECT_ERROR_KIND(TrainingSet(problem.x, Problem::kCols, odd, bins), ErrorKind::InvalidInput);
  TrainingSet data(problem.x, Problem::kCols, problem.y, bins);
  TrainConfig bad = quick_config();
  bad.folds = 1;
  try {
    cross_validate(data, bad);
    FAIL();
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("--folds"), std::string::npos);
  }
  bad = quick_config();
  bad.trees.max_bin = bins / 2;
  EXPECT_ERROR_KIND(cross_validate(data, bad), ErrorKind::Internal);
}

// A fold learns on the one quantized matrix with its held-out rows weighing 0: what those rows
// hold changes nothing that is learned, and they count again once nothing is held out.
TEST(TrainingSet, HeldOutRowsAddNothingToWhatIsLearned) {
  const Problem problem(3000);
  const TrainConfig config = quick_config();
  std::vector<float> flipped = problem.y;
  std::vector<std::size_t> held_out;
  for (std::size_t r = 1; r < 3000; r += 2) {
    held_out.push_back(r);
    flipped[r] = 1.0f - flipped[r];
  }
  TrainingSet original(problem.x, Problem::kCols, problem.y, config.trees.max_bin);
  TrainingSet changed(problem.x, Problem::kCols, flipped, config.trees.max_bin);
  const DMatrix every_row(problem.view());
  auto learn = [&](TrainingSet& data, std::span<const std::size_t> rows) {
    return learned_without(data, rows, config, 20).predict(every_row, Prediction::Probability);
  };
  EXPECT_EQ(learn(original, held_out), learn(changed, held_out));
  EXPECT_NE(learn(original, {}), learn(changed, {}));
  EXPECT_ERROR_KIND(original.learning_without(std::vector<std::size_t>{3000}), ErrorKind::Internal);
}

// A fold scores its held-out rows from the booster's predictions of the quantized matrix it learns
// on: exactly what the model gives on their floats, which the set let go.
TEST(TrainingSet, HeldOutRowsAreScoredExactlyWithoutTheirFloats) {
  const Problem problem(3000);
  TrainingSet data(problem.x, Problem::kCols, problem.y, quick_config().trees.max_bin);
  std::vector<std::size_t> odd_rows;
  for (std::size_t r = 1; r < 3000; r += 2) odd_rows.push_back(r);
  const Booster booster = learned_without(data, odd_rows, quick_config(), 20);
  EXPECT_EQ(booster.predict(data.learning_without(odd_rows), Prediction::Probability),
            booster.predict(DMatrix(problem.view()), Prediction::Probability));
}

// The bins are those of every client, whichever fold learns first: XGBoost would otherwise
// quantize on the first fold's weights and keep those bins for all the others.
TEST(TrainingSet, FoldsShareTheBinsOfEveryClient) {
  const Problem problem(3000);
  TrainConfig config = quick_config();
  config.trees.max_bin = 8;  // few bins, so that quantiles without a fold's rows differ
  std::vector<std::size_t> first_half(1500), second_half(1500);
  for (std::size_t r = 0; r < 1500; ++r) {
    first_half[r] = r;
    second_half[r] = 1500 + r;
  }
  auto learn = [&](TrainingSet& data, std::span<const std::size_t> held_out) {
    return learned_without(data, held_out, config, 10).to_json();
  };
  TrainingSet first(problem.x, Problem::kCols, problem.y, config.trees.max_bin);
  TrainingSet second(problem.x, Problem::kCols, problem.y, config.trees.max_bin);
  const std::string learned_first = learn(first, first_half);
  learn(second, second_half);
  EXPECT_EQ(learn(second, first_half), learned_first);
}

TEST(FitBooster, LearnsTheAskedNumberOfRounds) {
  const Problem problem(500);
  TrainingSet data(problem.x, Problem::kCols, problem.y, quick_config().trees.max_bin);
  const Booster booster = fit_booster(data, quick_config(), 17);
  EXPECT_EQ(booster.boosted_rounds(), 17);
}

}  // namespace
}  // namespace creditscore::model
