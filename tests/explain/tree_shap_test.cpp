#include "explain/tree_shap.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "tests/explain/random_model.h"
#include "tests/support/error_kind.h"

namespace creditscore::explain {
namespace {

// The margin summed in double (predict_margin sums in float, as XGBoost): additivity is exact up
// to double rounding.
double margin_in_double(const TreeEnsemble& ensemble, std::span<const float> row) {
  double margin = ensemble.base_margin();
  for (std::size_t t = 0; t < ensemble.num_trees(); ++t) {
    const TreeEnsemble::Tree nodes = ensemble.tree(t);
    std::size_t node = 0;
    for (std::int32_t r = nodes.split[node]; r >= 0; r = nodes.split[node]) {
      node = 2 * static_cast<std::size_t>(r) +
             (nodes.splits[r].goes_left(row[nodes.splits[r].feature]) ? 1 : 2);
    }
    margin += nodes.leaf_value[node];
  }
  return margin;
}

using model::Prediction;

// Every SHAP value of every row is XGBoost's, and the values add up to XGBoost's margin.
void expect_xgboost_values(const model::Booster& booster, const RandomClients& rows) {
  const TreeShap shap(TreeEnsemble::from_json(booster.to_json()));
  const model::DMatrix matrix(rows.view());
  const std::vector<double> expected = booster.predict(matrix, Prediction::Contributions);
  const std::vector<double> margin = booster.predict(matrix, Prediction::Margin);
  std::vector<double> ours(expected.size());
  shap.explain(rows.view(), ours);
  const std::size_t width = rows.features + 1;
  for (std::size_t r = 0; r < rows.rows; ++r) {
    double sum = 0;
    for (std::size_t f = 0; f < width; ++f) {
      ASSERT_NEAR(ours[r * width + f], expected[r * width + f], 1e-5)
          << "row " << r << ", "
          << (f == rows.features ? "base value" : "feature " + std::to_string(f));
      sum += ours[r * width + f];
    }
    ASSERT_NEAR(sum, margin[r], 1e-5) << "row " << r;
    ASSERT_NEAR(sum, margin_in_double(shap.ensemble(), rows.row(r)), 1e-9) << "row " << r;
  }
}

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

// Trains the case's binary:logistic model and holds it against XGBoost on its training clients
// (who sit on the thresholds) and on fresh ones.
void expect_xgboost_values(const Case& c, std::uint64_t seed) {
  SCOPED_TRACE(c.describe());
  const RandomClients clients(300, c.features, c.missing_rate, c.positive_rate, seed);
  const model::Booster booster = train(clients, c.rounds,
                                       {{"objective", "binary:logistic"},
                                        {"max_depth", std::to_string(c.depth)},
                                        {"tree_method", c.tree_method},
                                        {"base_score", std::to_string(c.positive_rate)},
                                        {"min_child_weight", "0.1"}});
  expect_xgboost_values(booster, clients);
  expect_xgboost_values(
      booster, RandomClients(100, c.features, std::min(1.0, c.missing_rate + 0.1), 0.5, seed + 1));
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
  expect_xgboost_values({12, 10, 40, 0.2, 0.3, "exact"}, 5);  // 6 quadrature points
}

// One tree `depth` splits deep, each with a leaf on a random side, on features k % `features`:
// deep paths through all the features, and through some of them again.
nlohmann::json caterpillar(const RandomClients& clients, int depth, std::uint64_t seed) {
  auto model = nlohmann::json::parse(train(clients, 1, {{"max_depth", "1"}}).to_json());
  std::mt19937_64 random(seed);
  std::normal_distribution<float> normal;
  std::uniform_real_distribution<float> uniform(0.1f, 0.9f);
  std::vector<int> left{-1}, right{-1}, parent{2147483647}, feature{0}, default_left{0};
  std::vector<float> condition{normal(random)}, cover{1000.f};
  const auto add_child = [&](int of, float share) {
    left.push_back(-1);
    right.push_back(-1);
    parent.push_back(of);
    feature.push_back(0);
    default_left.push_back(0);
    condition.push_back(normal(random));  // a leaf's value, until it splits
    cover.push_back(cover[of] * share);
    return static_cast<int>(left.size()) - 1;
  };
  for (int k = 0, split = 0; k < depth; ++k) {
    const float share = uniform(random);
    left[split] = add_child(split, share);
    right[split] = add_child(split, 1 - share);  // XGBoost's layout: right = left + 1
    feature[split] = k % static_cast<int>(clients.features);
    default_left[split] = uniform(random) < 0.5f;
    split = uniform(random) < 0.5f ? left[split] : right[split];
  }
  const std::size_t nodes = left.size();
  auto& tree = model["learner"]["gradient_booster"]["model"]["trees"][0];
  tree["left_children"] = left;
  tree["right_children"] = right;
  tree["parents"] = parent;
  tree["split_indices"] = feature;
  tree["split_conditions"] = condition;
  tree["base_weights"] = condition;
  tree["default_left"] = default_left;
  tree["sum_hessian"] = cover;
  tree["split_type"] = std::vector<int>(nodes, 0);
  tree["loss_changes"] = std::vector<float>(nodes, 0.f);
  tree["tree_param"]["num_nodes"] = std::to_string(nodes);
  return model;
}

TEST(TreeShap, EqualsXGBoostOnAHandBuiltDeepTree) {
  const RandomClients clients(300, 17, 0.2, 0.3, 6);
  expect_xgboost_values(model::Booster::from_json(caterpillar(clients, 30, 6).dump()), clients);
}

TEST(TreeShap, EqualsXGBoostForOtherObjectives) {
  const RandomClients clients(300, 8, 0.2, 0.4, 8);
  for (const char* objective : {"reg:squarederror", "count:poisson", "binary:logitraw"}) {
    SCOPED_TRACE(objective);
    expect_xgboost_values(
        train(clients, 10, {{"objective", objective}, {"base_score", "0.8"}, {"max_depth", "5"}}),
        clients);
  }
}

TEST(TreeShap, BaseValueIsXGBoostsBias) {
  const RandomClients clients(300, 5, 0.2, 0.15, 7);
  const model::Booster booster =
      train(clients, 10, {{"objective", "binary:logistic"}, {"base_score", "0.15"}});
  const TreeShap shap(TreeEnsemble::from_json(booster.to_json()));
  const std::vector<double> expected =
      booster.predict(model::DMatrix(clients.view()), Prediction::Contributions);
  EXPECT_NEAR(shap.base_value(), expected[5], 1e-6);
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
  EXPECT_ERROR_KIND(shap.explain(row, out), ErrorKind::Internal);
  std::vector<float> good(3);
  std::vector<double> short_out(3);
  EXPECT_ERROR_KIND(shap.explain(good, short_out), ErrorKind::Internal);
}

// Missing values read as -inf at a split sending them left: a split at -inf could not tell them
// from a real -inf.
TEST(TreeShap, RefusesSplitsAtMinusInfinitySendingMissingValuesLeft) {
  const RandomClients clients(100, 3, 0.3, 0.3, 19);
  auto model = nlohmann::json::parse(train(clients, 1, {{"max_depth", "1"}}).to_json());
  auto& tree = model["learner"]["gradient_booster"]["model"]["trees"][0];
  tree["split_conditions"][0] = -INFINITY;
  tree["default_left"][0] = 1;
  EXPECT_THROW(TreeShap{TreeEnsemble::from_parsed_json(model)}, UnsupportedModel);
  tree["default_left"][0] = 0;
  EXPECT_NO_THROW(TreeShap{TreeEnsemble::from_parsed_json(model)});
}

}  // namespace
}  // namespace creditscore::explain
