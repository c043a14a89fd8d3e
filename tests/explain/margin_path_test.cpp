#include "explain/margin_path.h"

#include <gtest/gtest.h>

#include <random>

#include "tests/explain/random_model.h"

namespace creditscore::explain {
namespace {

// Along the path, the steps give the margin the trees give the row with its moving features set,
// wherever x is not at a step's very edge; and they change only where some tree's split is crossed.
TEST(MarginPath, TheStepsAreTheEnsemblesMarginAlongThePath) {
  const RandomClients clients(500, 6, 0.1, 0.3, 17);
  const TreeEnsemble trees = TreeEnsemble::from_json(
      train(clients, 30, {{"objective", "binary:logistic"}, {"max_depth", "5"}}).to_json());
  const std::vector<MovingFeature> moving = {{0, 1.0, 1}, {2, 2.0, -1}, {4, -0.5, 2}};
  std::mt19937_64 random(3);
  for (std::size_t r = 0; r < 20; ++r) {
    std::vector<float> row(clients.row(r).begin(), clients.row(r).end());
    const MarginSteps steps = margin_along(trees, row, moving, 0.05, 3.0);
    ASSERT_EQ(steps.edges.size(), steps.margins.size() + 1);
    EXPECT_EQ(steps.edges.front(), 0.05);
    EXPECT_EQ(steps.edges.back(), 3.0);
    EXPECT_GT(steps.margins.size(), 1u) << "the moving features are split on";
    std::uniform_real_distribution<double> along(0.05, 3.0);
    for (int k = 0; k < 200; ++k) {
      const double x = along(random);
      const std::size_t step = steps.step_at(x);
      const double gap = std::min(x - steps.edges[step], steps.edges[step + 1] - x);
      if (gap < 1e-5) continue;
      for (const MovingFeature& m : moving) row[m.feature] = static_cast<float>(m.at(x));
      EXPECT_NEAR(steps.margins[step], trees.predict_margin(row), 1e-4)
          << "row " << r << " x " << x;
    }
  }
}

TEST(MarginPath, WithNothingMovingTheMarginIsOneStep) {
  const RandomClients clients(300, 4, 0.1, 0.3, 5);
  const TreeEnsemble trees = TreeEnsemble::from_json(
      train(clients, 10, {{"objective", "binary:logistic"}, {"max_depth", "3"}}).to_json());
  const MarginSteps steps = margin_along(trees, clients.row(0), {}, 1.0, 2.0);
  ASSERT_EQ(steps.margins.size(), 1u);
  EXPECT_NEAR(steps.margins[0], trees.predict_margin(clients.row(0)), 1e-5);
}

// Folded once for a row, the trees give every path of that row the steps the whole ensemble gives,
// whichever of the features that may move stay put on it and at what value.
TEST(MarginPath, TreesFoldedForARowGiveEachOfItsPathsTheSameSteps) {
  const RandomClients clients(500, 6, 0.1, 0.3, 23);
  const TreeEnsemble trees = TreeEnsemble::from_json(
      train(clients, 30, {{"objective", "binary:logistic"}, {"max_depth", "5"}}).to_json());
  const std::vector<std::size_t> may_move = {0, 2, 4};
  for (std::size_t r = 0; r < 10; ++r) {
    std::vector<float> row(clients.row(r).begin(), clients.row(r).end());
    const PathTrees folded(trees, row, may_move);
    for (const auto& moving : std::vector<std::vector<MovingFeature>>{
             {{0, 1.0, 1}}, {{2, 2.0, -1}, {4, -0.5, 2}}, {{0, 1.0, 1}, {2, 3.0, 1}}}) {
      row[4] = static_cast<float>(r) * 0.1f;  // a feature that may move, put elsewhere
      const MarginSteps whole = margin_along(trees, row, moving, 0.05, 3.0);
      const MarginSteps walked = folded.margin_along(row, moving, 0.05, 3.0);
      ASSERT_EQ(walked.edges, whole.edges) << "row " << r;
      ASSERT_EQ(walked.margins.size(), whole.margins.size());
      for (std::size_t i = 0; i < whole.margins.size(); ++i)
        EXPECT_NEAR(walked.margins[i], whole.margins[i], 1e-9);
    }
  }
  const std::vector<MovingFeature> not_declared = {{1, 1.0, 1}};
  EXPECT_THROW(PathTrees(trees, clients.row(0), may_move)
                   .margin_along(clients.row(0), not_declared, 1.0, 2.0),
               std::invalid_argument);
  const std::vector<std::size_t> out_of_range = {6};
  EXPECT_THROW(PathTrees(trees, clients.row(0), out_of_range), std::invalid_argument);
}

TEST(MarginPath, RefusesAnEmptyIntervalAndABadMovingFeature) {
  const RandomClients clients(300, 4, 0.1, 0.3, 5);
  const TreeEnsemble trees =
      TreeEnsemble::from_json(train(clients, 2, {{"objective", "binary:logistic"}}).to_json());
  EXPECT_THROW(margin_along(trees, clients.row(0), {}, 2.0, 1.0), std::invalid_argument);
  EXPECT_THROW(margin_along(trees, clients.row(0), {}, 0.0, 1.0), std::invalid_argument);
  const std::vector<MovingFeature> out_of_range = {{9, 1.0, 1}};
  EXPECT_THROW(margin_along(trees, clients.row(0), out_of_range, 1.0, 2.0), std::invalid_argument);
  const std::vector<MovingFeature> constant = {{0, 1.0, 0}};
  EXPECT_THROW(margin_along(trees, clients.row(0), constant, 1.0, 2.0), std::invalid_argument);
}

}  // namespace
}  // namespace creditscore::explain
