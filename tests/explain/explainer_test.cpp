#include "explain/explainer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/explain/random_model.h"
#include "tests/support/error_kind.h"

namespace creditscore::explain {
namespace {

using model::Prediction;

// The explainer's values for the clients are XGBoost's, row by row as in a batch.
void expect_xgboost_values(const Explainer& explainer, const model::Booster& booster,
                           const RandomClients& clients) {
  const std::vector<double> expected =
      booster.predict(model::DMatrix(clients.view()), Prediction::Contributions);
  const std::size_t width = explainer.values_per_row();
  ASSERT_EQ(expected.size(), clients.rows * width);
  std::vector<double> batch(expected.size()), one(width);
  explainer.explain(clients.view(), batch);
  for (std::size_t i = 0; i < batch.size(); ++i) ASSERT_NEAR(batch[i], expected[i], 1e-5) << i;
  for (std::size_t r = 0; r < clients.rows; r += 10) {  // XGBoost's single rows are slow
    explainer.explain(clients.row(r), one);
    for (std::size_t i = 0; i < width; ++i) ASSERT_EQ(one[i], batch[r * width + i]) << r;
  }
}

TEST(Explainer, ExplainsTreeModelsWithTreeShap) {
  const RandomClients clients(300, 10, 0.3, 0.2, 21);
  const model::Booster booster = train(clients, 20, {{"objective", "binary:logistic"}});
  const Explainer explainer(booster.to_json());
  EXPECT_EQ(explainer.engine(), ShapEngine::TreeShap);
  EXPECT_EQ(explainer.fallback_reason(), "");
  EXPECT_EQ(explainer.num_features(), 10u);
  EXPECT_EQ(explainer.values_per_row(), 11u);
  expect_xgboost_values(explainer, booster, clients);
}

// Found by fuzz/model_bundle_fuzzer.cpp: a number beyond a double escaped as a bare JSON error.
TEST(Explainer, AModelFileThatIsNotJsonIsAModelFormatError) {
  EXPECT_THROW(Explainer("{\"learner\": 8.6E186172558}"), ModelFormatError);
  EXPECT_THROW(Explainer("{not json"), ModelFormatError);
}

TEST(Explainer, FallsBackToXGBoostForDartBoosters) {
  const RandomClients clients(300, 6, 0.3, 0.3, 22);
  const model::Booster booster =
      train(clients, 10, {{"booster", "dart"}, {"rate_drop", "0.2"}, {"max_depth", "4"}});
  const Explainer explainer(booster.to_json());
  EXPECT_EQ(explainer.engine(), ShapEngine::XGBoost);
  EXPECT_EQ(explainer.fallback_reason(), "booster \"dart\": only gbtree models are explained here");
  expect_xgboost_values(explainer, booster, clients);
}

TEST(Explainer, FallsBackToXGBoostForCategoricalSplits) {
  const RandomClients clients(300, 4, 0.1, 0.3, 23);
  auto model = nlohmann::json::parse(train(clients, 3, {{"max_depth", "2"}}).to_json());
  auto& tree = model["learner"]["gradient_booster"]["model"]["trees"][0];
  tree["split_type"][0] = 1;  // node 0 sends categories 0 and 2 right
  tree["categories_nodes"] = {0};
  tree["categories_segments"] = {0};
  tree["categories_sizes"] = {2};
  tree["categories"] = {0, 2};
  const Explainer explainer(model.dump());
  EXPECT_EQ(explainer.engine(), ShapEngine::XGBoost);
  EXPECT_EQ(explainer.fallback_reason(), "tree 0 node 0: categorical split");
  expect_xgboost_values(explainer, model::Booster::from_json(model.dump()), clients);
}

TEST(Explainer, FallsBackToXGBoostForSeveralClasses) {
  const RandomClients clients(300, 5, 0.2, 0.3, 24);
  std::vector<float> classes(clients.y);
  for (std::size_t r = 0; r < classes.size(); ++r) classes[r] += static_cast<float>(r % 2);
  const model::Booster booster =
      train(clients, 5, {{"objective", "multi:softprob"}, {"num_class", "3"}}, classes);
  const Explainer explainer(booster.to_json());
  EXPECT_EQ(explainer.engine(), ShapEngine::XGBoost);
  EXPECT_EQ(explainer.values_per_row(), 3u * 6u);
  expect_xgboost_values(explainer, booster, clients);
}

// The margin of both engines is XGBoost's, to the bit.
TEST(Explainer, PredictsXGBoostsMargin) {
  const RandomClients clients(200, 8, 0.3, 0.2, 26);
  for (const Parameters& parameters :
       {Parameters{{"objective", "binary:logistic"}, {"max_depth", "5"}},
        Parameters{{"booster", "dart"}, {"rate_drop", "0.1"}}}) {
    const model::Booster booster = train(clients, 15, parameters);
    const Explainer explainer(booster.to_json());
    const std::vector<double> expected =
        booster.predict(model::DMatrix(clients.view()), Prediction::Margin);
    for (std::size_t r = 0; r < clients.rows; r += 7)
      EXPECT_EQ(explainer.predict_margin(clients.row(r)), expected[r]) << r;
  }
}

TEST(Explainer, RefusesWhatIsNotAModel) {
  EXPECT_THROW(Explainer("{\"learner\": 3}"), ModelFormatError);
  EXPECT_THROW(Explainer("not json"), ModelFormatError);
  const RandomClients clients(50, 3, 0, 0.3, 25);
  const Explainer explainer(train(clients, 2, {{"booster", "dart"}}).to_json());
  std::vector<float> row(2);
  std::vector<double> out(4);
  EXPECT_ERROR_KIND(explainer.explain(row, out), ErrorKind::Internal);
}

}  // namespace
}  // namespace creditscore::explain
