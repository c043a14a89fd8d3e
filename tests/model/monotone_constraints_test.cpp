#include "model/monotone_constraints.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

#include "model/train_config.h"

namespace creditscore::model {
namespace {

// Clients whose default grows with AMT_CREDIT, falls with EXT_SOURCE_2, also grows with
// INCOME_CREDIT_PERC (against what the business expects), and ignores PAYMENT_RATE.
struct Clients {
  std::vector<std::string> names = {"AMT_CREDIT", "EXT_SOURCE_2", "INCOME_CREDIT_PERC",
                                    "PAYMENT_RATE", "OTHER"};
  std::vector<float> x, y;
  std::size_t rows = 4000;

  Clients() {
    std::mt19937_64 random(7);
    std::normal_distribution<float> normal;
    std::uniform_real_distribution<float> unit(0, 1);
    for (std::size_t r = 0; r < rows; ++r) {
      const float credit = normal(random), score = normal(random), income = normal(random);
      const float logit = 1.2f * credit - 1.5f * score + 0.8f * income;
      const bool missing = r % 10 == 0;
      for (float v :
           {credit, missing ? std::nanf("") : score, income, normal(random), normal(random)})
        x.push_back(v);
      y.push_back(unit(random) < 1 / (1 + std::exp(-logit)) ? 1.f : 0.f);
    }
  }
  MatrixView view() const { return {x.data(), rows, names.size()}; }
};

TEST(MonotoneConstraints, FollowTheMeasuredDirectionWhereItIsClearAndAsExpected) {
  const Clients clients;
  const auto choices = choose_monotone(clients.view(), clients.y, clients.names);
  ASSERT_EQ(choices.size(), 4u) << "only the candidates present";
  std::map<std::string, MonotoneChoice> by_name;
  for (const auto& c : choices) by_name[c.feature] = c;
  EXPECT_GT(by_name["AMT_CREDIT"].spearman, 0.1);
  EXPECT_EQ(by_name["AMT_CREDIT"].constraint, 1) << "no expectation: the data decides";
  EXPECT_EQ(by_name["EXT_SOURCE_2"].constraint, -1);
  EXPECT_GT(by_name["INCOME_CREDIT_PERC"].spearman, 0.05);
  EXPECT_EQ(by_name["INCOME_CREDIT_PERC"].constraint, 0) << "measured against the expectation";
  EXPECT_EQ(by_name["PAYMENT_RATE"].constraint, 0) << "no clear relation";

  const std::vector<int> vector = constraint_vector(choices, clients.names);
  EXPECT_EQ(vector, (std::vector<int>{1, -1, 0, 0, 0}));
  const nlohmann::json recorded = to_json(choices);
  EXPECT_EQ(recorded[0]["feature"], "AMT_CREDIT");
  EXPECT_EQ(recorded[0]["constraint"], 1);
}

// XGBoost gets the constraints: the model's probability never falls as AMT_CREDIT grows, nor rises
// as EXT_SOURCE_2 does, whatever the other features.
TEST(MonotoneConstraints, TheTrainedModelIsMonotoneInTheConstrainedFeatures) {
  const Clients clients;
  TrainConfig config;
  config.threads = 1;
  config.monotone = true;
  config.monotone_constraints = {1, -1, 0, 0, 0};
  const auto params = xgboost_params(config, 1000, clients.rows);
  ASSERT_EQ(params.at("monotone_constraints"), "(1,-1,0,0,0)");
  EXPECT_EQ(xgboost_params(TrainConfig{}, 1000, clients.rows).count("monotone_constraints"), 0u);

  DMatrix train(clients.view(), clients.y);
  Booster booster(train);
  for (const auto& [name, value] : params) booster.set_param(name, value);
  for (int round = 0; round < 30; ++round) booster.update(round, train);
  for (std::size_t feature : {0u, 1u}) {
    for (std::size_t r = 0; r < 20; ++r) {
      std::vector<float> grid;
      for (int step = 0; step <= 40; ++step) {
        std::vector<float> row(clients.x.begin() + r * 5, clients.x.begin() + r * 5 + 5);
        row[feature] = -3.0f + 0.15f * static_cast<float>(step);
        grid.insert(grid.end(), row.begin(), row.end());
      }
      const std::vector<double> p =
          booster.predict(DMatrix({grid.data(), 41, 5}), Prediction::Probability);
      for (std::size_t k = 1; k < p.size(); ++k) {
        if (feature == 0) {
          EXPECT_GE(p[k], p[k - 1] - 1e-7) << "row " << r << " step " << k;
        } else {
          EXPECT_LE(p[k], p[k - 1] + 1e-7) << "row " << r << " step " << k;
        }
      }
    }
  }
}

}  // namespace
}  // namespace creditscore::model
