#include "explain/tree_shap.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "tests/explain/random_model.h"

namespace creditscore::explain {
namespace {

using model::Prediction;

struct Case {
  int depth, rounds;
  std::size_t features;
  double missing_rate, positive_rate;
  std::string tree_method;

  std::string describe() const {
    return "depth " + std::to_string(depth) + ", " + std::to_string(rounds) + " rounds, " +
           std::to_string(features) + " features, " + std::to_string(missing_rate) +
           " missing, base_score " + std::to_string(positive_rate) + ", " + tree_method;
  }
};

// Trains the case's model and checks, on its training clients and on fresh ones, that every
// SHAP value is XGBoost's and that they add up to XGBoost's margin.
void expect_xgboost_values(const Case& c, std::uint64_t seed) {
  SCOPED_TRACE(c.describe());
  const RandomClients clients(300, c.features, c.missing_rate, c.positive_rate, seed);
  const model::Booster booster = train(clients, c.rounds,
                                       {{"objective", "binary:logistic"},
                                        {"max_depth", std::to_string(c.depth)},
                                        {"tree_method", c.tree_method},
                                        {"base_score", std::to_string(c.positive_rate)},
                                        {"min_child_weight", "0.1"}});
  const TreeShap shap(TreeEnsemble::from_json(booster.to_json()));

  const RandomClients fresh(100, c.features, c.missing_rate + 0.1, c.positive_rate, seed + 1);
  for (const RandomClients* rows : {&clients, &fresh}) {
    const model::DMatrix matrix(rows->view());
    const std::vector<double> expected = booster.predict(matrix, Prediction::Contributions);
    const std::vector<double> margin = booster.predict(matrix, Prediction::Margin);
    std::vector<double> ours(expected.size());
    shap.explain(rows->view(), ours);
    const std::size_t width = c.features + 1;
    for (std::size_t r = 0; r < rows->rows; ++r) {
      double sum = 0;
      for (std::size_t f = 0; f < width; ++f) {
        ASSERT_NEAR(ours[r * width + f], expected[r * width + f], 1e-5)
            << "row " << r << ", "
            << (f == c.features ? "base value" : "feature " + std::to_string(f));
        sum += ours[r * width + f];
      }
      ASSERT_NEAR(sum, margin[r], 1e-5) << "row " << r;
      ASSERT_NEAR(sum, shap.ensemble().predict_margin(rows->row(r)), 1e-9) << "row " << r;
    }
  }
}

TEST(TreeShap, EqualsXGBoostOnRandomModels) {
  std::mt19937_64 random(2024);
  std::uniform_int_distribution<int> depth(1, 8), rounds(1, 50), features(1, 50), method(0, 2);
  std::uniform_real_distribution<double> missing(0, 0.5), positive(0.05, 0.6);
  const char* methods[] = {"hist", "exact", "approx"};
  for (int i = 0; i < 40; ++i) {
    expect_xgboost_values({depth(random), rounds(random), std::size_t(features(random)),
                           missing(random), positive(random), methods[method(random)]},
                          1000 + i);
  }
}

TEST(TreeShap, EqualsXGBoostAtTheEdges) {
  expect_xgboost_values({1, 1, 1, 0.0, 0.5, "hist"}, 1);      // one stump on one feature
  expect_xgboost_values({8, 50, 50, 0.0, 0.3, "hist"}, 2);    // deep, many trees, no missing
  expect_xgboost_values({8, 30, 2, 0.3, 0.2, "exact"}, 3);    // features split again and again
  expect_xgboost_values({6, 20, 30, 0.9, 0.4, "hist"}, 4);    // mostly missing
  expect_xgboost_values({12, 10, 40, 0.2, 0.3, "exact"}, 5);  // up to 12 features on a path
}

TEST(TreeShap, BaseValueIsXGBoostsBias) {
  const RandomClients clients(300, 5, 0.2, 0.15, 7);
  const model::Booster booster =
      train(clients, 10, {{"objective", "binary:logistic"}, {"base_score", "0.15"}});
  const TreeShap shap(TreeEnsemble::from_json(booster.to_json()));
  const std::vector<double> expected =
      booster.predict(model::DMatrix(clients.view()), Prediction::Contributions);
  EXPECT_NEAR(shap.base_value(), expected[5], 1e-6);
  EXPECT_NEAR(shap.ensemble().base_margin(), std::log(0.15 / 0.85), 1e-6);
}

TEST(TreeShap, SingleRowsAndBatchesAgree) {
  const RandomClients clients(200, 12, 0.3, 0.3, 11);
  const model::Booster booster = train(clients, 20, {{"max_depth", "5"}});
  const TreeShap shap(TreeEnsemble::from_json(booster.to_json()));
  std::vector<double> batch(clients.rows * 13);
  shap.explain(clients.view(), batch);
  std::vector<double> one(13);
  for (std::size_t r = 0; r < clients.rows; ++r) {
    shap.explain(clients.row(r), one);
    for (std::size_t f = 0; f < 13; ++f) ASSERT_EQ(one[f], batch[r * 13 + f]) << r << " " << f;
  }
}

TEST(TreeShap, ConcurrentCallersGetTheSameValues) {
  const RandomClients clients(100, 20, 0.3, 0.3, 13);
  const model::Booster booster = train(clients, 30, {{"max_depth", "6"}});
  const TreeShap shap(TreeEnsemble::from_json(booster.to_json()));
  std::vector<double> expected(clients.rows * 21);
  shap.explain(clients.view(), expected);
  std::vector<std::vector<double>> results(4, std::vector<double>(expected.size()));
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&] {
      for (int repeat = 0; repeat < 5; ++repeat) shap.explain(clients.view(), result);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& result : results) EXPECT_EQ(result, expected);
}

TEST(TreeShap, RefusesRowsOfTheWrongWidth) {
  const RandomClients clients(50, 3, 0, 0.3, 17);
  const TreeShap shap(TreeEnsemble::from_json(train(clients, 2, {}).to_json()));
  std::vector<float> row(2);
  std::vector<double> out(4);
  EXPECT_THROW(shap.explain(row, out), std::invalid_argument);
  std::vector<float> good(3);
  std::vector<double> short_out(3);
  EXPECT_THROW(shap.explain(good, short_out), std::invalid_argument);
}

}  // namespace
}  // namespace creditscore::explain
