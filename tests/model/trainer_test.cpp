#include "model/trainer.h"

#include <gtest/gtest.h>

#include "tests/model/logistic_problem.h"
#include "tests/support/error_kind.h"

namespace creditscore::model {
namespace {

TEST(Trainer, SearchKeepsTheBestTrialAndRefitsWithItsRounds) {
  const Problem problem(3000);
  TrainConfig config = quick_config();
  config.search_minutes = 30;  // the trial cap ends the search, not the clock
  config.max_search_trials = 3;
  std::vector<std::string> stages;
  TrainingSet data(problem.x, Problem::kCols, problem.y, config.trees.max_bin);
  const TrainingResult result =
      train_model(data, config, [&](std::string_view stage, std::uint64_t, std::uint64_t) {
        if (stages.empty() || stages.back() != stage) stages.emplace_back(stage);
      });
  ASSERT_EQ(result.trials.size(), 3u);
  double best = 0;
  for (const SearchTrial& trial : result.trials) best = std::max(best, trial.out_of_fold_auc);
  EXPECT_DOUBLE_EQ(result.cross_validation.out_of_fold_auc, best);
  EXPECT_DOUBLE_EQ(result.evaluation.roc_auc, best);
  EXPECT_EQ(result.rounds, result.cross_validation.mean_best_rounds);
  EXPECT_EQ(result.trials.front().trees.max_depth, 3);  // the given settings come first
  EXPECT_EQ(stages.front(), "search 1, fold 1/3");
  EXPECT_EQ(stages.back(), "final model");
  // The cost-optimal threshold is never worse than the naive 0.5, and with FN = 10 FP it is low.
  EXPECT_LE(result.evaluation.best.cost_per_client, result.evaluation.cost_at_half);
  EXPECT_LT(result.evaluation.best.threshold, 0.5);
}

TEST(Trainer, FinalRoundsFixTheFinalModelsSize) {
  const Problem problem(1000);
  TrainConfig config = quick_config();
  config.final_rounds = 17;
  TrainingSet data(problem.x, Problem::kCols, problem.y, config.trees.max_bin);
  EXPECT_EQ(train_model(data, config).rounds, 17);
  config.final_rounds = -1;
  EXPECT_ERROR_KIND(train_model(data, config), ErrorKind::InvalidInput);
}

TEST(Trainer, SampledSettingsAreValidAndReproducible) {
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    TrainConfig config;
    config.trees = sample_tree_params(seed, 0.05);
    EXPECT_NO_THROW(validate(config));
  }
  EXPECT_EQ(sample_tree_params(7, 0.05).max_depth, sample_tree_params(7, 0.05).max_depth);
  EXPECT_EQ(sample_tree_params(7, 0.05).subsample, sample_tree_params(7, 0.05).subsample);
}

}  // namespace
}  // namespace creditscore::model
