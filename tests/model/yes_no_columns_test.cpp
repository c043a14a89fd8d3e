#include "model/yes_no_columns.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>

#include "model/cross_validation.h"
#include "tests/model/logistic_problem.h"
#include "tests/support/error_kind.h"

namespace creditscore::model {
namespace {

const float kMissing = std::nanf("");

TEST(YesNoColumns, AreTheColumnsOfZerosAndOnesThatNoConstraintBinds) {
  // columns: flag, flag with a missing value, three values, all 0, flag under a constraint
  const std::vector<float> features = {0, 0,        0, 0, 1,  //
                                       1, kMissing, 1, 0, 0,  //
                                       1, 1,        2, 0, 1};
  EXPECT_EQ(find_yes_no_columns(features, 5, {}), (std::vector<std::size_t>{0, 3, 4}));
  const std::vector<int> constraints = {0, 0, 0, 0, 1};
  EXPECT_EQ(find_yes_no_columns(features, 5, constraints), (std::vector<std::size_t>{0, 3}));
  EXPECT_ERROR_KIND(find_yes_no_columns(features, 5, std::vector<int>{0, 1}), ErrorKind::Internal);
}

TEST(YesNoColumns, OnlyTheirNoesAreHidden) {
  std::vector<float> features = {0, 0, 1, 0,  //
                                 1, 0, 0, 2};
  const std::vector<std::size_t> columns = {0, 2};
  hide_noes(features, 4, columns);
  EXPECT_TRUE(std::isnan(features[0]));
  EXPECT_EQ(features[1], 0.0f);
  EXPECT_EQ(features[2], 1.0f);
  EXPECT_EQ(features[4], 1.0f);
  EXPECT_EQ(features[5], 0.0f);
  EXPECT_TRUE(std::isnan(features[6]));
}

// Clients whose default depends on two flags (columns 1 and 3) and a continuous feature (0).
struct FlagProblem {
  static constexpr std::size_t kCols = 4;
  std::vector<float> x, y;
  explicit FlagProblem(std::size_t rows) {
    std::mt19937_64 random(5);
    std::normal_distribution<float> normal;
    std::bernoulli_distribution coin(0.3);
    std::uniform_real_distribution<double> uniform;
    for (std::size_t r = 0; r < rows; ++r) {
      const float f[kCols] = {normal(random), coin(random) ? 1.0f : 0.0f, normal(random),
                              coin(random) ? 1.0f : 0.0f};
      x.insert(x.end(), f, f + kCols);
      const double p = 1.0 / (1.0 + std::exp(-(-2.0 + f[0] + 1.5 * f[1] - 1.2 * f[3])));
      y.push_back(uniform(random) < p ? 1.0f : 0.0f);
    }
  }
  MatrixView view() const { return {x.data(), y.size(), kCols}; }
};

std::vector<double> margins(const Booster& booster, MatrixView rows) {
  return booster.predict(DMatrix(rows), Prediction::Margin);
}

// The written-back model reads the features as they are exactly as the booster read them with
// the noes missing; and it splits on the flags, so the test shows something.
TEST(YesNoColumns, TheWrittenBackModelReadsTheFeaturesAsTheBoosterReadTheHiddenNoes) {
  const FlagProblem problem(3000);
  TrainingSet data(problem.x, FlagProblem::kCols, problem.y, quick_config().trees.max_bin);
  const Booster booster = fit_booster(data, quick_config(), 20);
  const std::string model_json = data.model_json(booster);

  std::vector<float> hidden = problem.x;
  hide_noes(hidden, FlagProblem::kCols, std::vector<std::size_t>{1, 3});
  const Booster served = Booster::from_json(model_json);
  EXPECT_EQ(margins(served, problem.view()),
            margins(booster, {hidden.data(), problem.y.size(), FlagProblem::kCols}));

  int flag_splits = 0;
  const nlohmann::json model = nlohmann::json::parse(model_json);
  for (const nlohmann::json& tree : model["learner"]["gradient_booster"]["model"]["trees"]) {
    for (std::size_t node = 0; node < tree["split_indices"].size(); ++node) {
      const int feature = tree["split_indices"][node];
      if (tree["left_children"][node] >= 0 && (feature == 1 || feature == 3)) {
        ++flag_splits;
        EXPECT_EQ(tree["split_conditions"][node].get<float>(), 0.5f);
        EXPECT_EQ(tree["default_left"][node], 1);
      }
    }
  }
  EXPECT_GT(flag_splits, 10);

  // A flag missing at scoring time counts as a no.
  std::vector<float> row(problem.x.begin(), problem.x.begin() + FlagProblem::kCols);
  row[1] = row[3] = 0.0f;
  const std::vector<double> with_noes = margins(served, {row.data(), 1, FlagProblem::kCols});
  row[1] = row[3] = kMissing;
  EXPECT_EQ(margins(served, {row.data(), 1, FlagProblem::kCols}), with_noes);
}

// A flag learned from its yeses is split as when its noes are known: the same flags coded 1 and 2
// (not yes/no, so nothing hidden) give the same probabilities.
TEST(YesNoColumns, LearningFromTheYesesAloneLearnsTheSameSplits) {
  const FlagProblem problem(3000);
  std::vector<float> recoded = problem.x;
  for (std::size_t at = 0; at < recoded.size(); at += FlagProblem::kCols) {
    recoded[at + 1] += 1.0f;
    recoded[at + 3] += 1.0f;
  }
  const int bins = quick_config().trees.max_bin;
  TrainingSet flags(problem.x, FlagProblem::kCols, problem.y, bins);
  TrainingSet values(recoded, FlagProblem::kCols, problem.y, bins);
  const std::vector<double> from_flags = margins(
      Booster::from_json(flags.model_json(fit_booster(flags, quick_config(), 20))), problem.view());
  const std::vector<double> from_values =
      margins(Booster::from_json(values.model_json(fit_booster(values, quick_config(), 20))),
              {recoded.data(), problem.y.size(), FlagProblem::kCols});
  ASSERT_EQ(from_flags.size(), from_values.size());
  for (std::size_t r = 0; r < from_flags.size(); ++r)
    EXPECT_NEAR(from_flags[r], from_values[r], 1e-5) << "row " << r;
}

TEST(YesNoColumns, AConstraintOnAHiddenColumnIsRefused) {
  const FlagProblem problem(200);
  TrainingSet data(problem.x, FlagProblem::kCols, problem.y, quick_config().trees.max_bin);
  TrainConfig config = quick_config();
  config.monotone_constraints = {0, 1, 0, 0};
  EXPECT_ERROR_KIND(data.check_settings(config), ErrorKind::Internal);
  TrainingSet constrained(problem.x, FlagProblem::kCols, problem.y, config.trees.max_bin,
                          config.monotone_constraints);
  EXPECT_NO_THROW(constrained.check_settings(config));
}

TEST(YesNoColumns, AMalformedModelIsAnInternalError) {
  const std::vector<std::size_t> columns = {0};
  EXPECT_ERROR_KIND(write_back_noes("{", columns), ErrorKind::Internal);
  EXPECT_ERROR_KIND(write_back_noes(R"({"learner": {}})", columns), ErrorKind::Internal);
  EXPECT_ERROR_KIND(
      write_back_noes(R"({"learner": {"gradient_booster": {"model": {"trees": [{}]}}}})", columns),
      ErrorKind::Internal);
  EXPECT_EQ(write_back_noes("{ }", {}), "{ }");
}

}  // namespace
}  // namespace creditscore::model
