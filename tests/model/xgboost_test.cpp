#include "model/xgboost.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "tests/support/error_kind.h"

namespace creditscore::model {
namespace {

// 400 rows, 3 features; default when x0 > 0.6, x1 is missing one time in five.
struct Toy {
  std::vector<float> x;
  std::vector<float> y;
  static constexpr std::size_t kRows = 400;
  static constexpr std::size_t kCols = 3;
  Toy() {
    std::mt19937 random(7);
    std::uniform_real_distribution<float> uniform(0.f, 1.f);
    for (std::size_t r = 0; r < kRows; ++r) {
      const float x0 = uniform(random);
      x.push_back(x0);
      x.push_back(uniform(random) < 0.2f ? std::nanf("") : uniform(random));
      x.push_back(uniform(random));
      y.push_back(x0 > 0.6f ? 1.f : 0.f);
    }
  }
  MatrixView view() const { return {x.data(), kRows, kCols}; }
};

Booster train(const DMatrix& matrix, int rounds) {
  Booster booster(matrix);
  booster.set_param("objective", "binary:logistic");
  booster.set_param("tree_method", "hist");
  booster.set_param("max_depth", "3");
  booster.set_param("nthread", "1");
  for (int round = 0; round < rounds; ++round) booster.update(round, matrix);
  return booster;
}

TEST(XGBoost, LearnsASimpleRule) {
  Toy toy;
  DMatrix matrix(toy.view(), toy.y);
  Booster booster = train(matrix, 20);
  EXPECT_EQ(booster.boosted_rounds(), 20);
  const std::vector<double> p = booster.predict(matrix, Prediction::Probability);
  ASSERT_EQ(p.size(), Toy::kRows);
  for (std::size_t r = 0; r < Toy::kRows; ++r) {
    EXPECT_EQ(p[r] > 0.5, toy.y[r] == 1.f) << "row " << r;
  }
}

TEST(XGBoost, JsonRoundTripPredictsTheSameAndContributionsAddUpToTheMargin) {
  Toy toy;
  DMatrix matrix(toy.view(), toy.y);
  Booster booster = train(matrix, 10);
  Booster loaded = Booster::from_json(booster.to_json());
  EXPECT_EQ(loaded.predict(matrix, Prediction::Margin),
            booster.predict(matrix, Prediction::Margin));
  const std::vector<double> margin = loaded.predict(matrix, Prediction::Margin);
  const std::vector<double> contributions = loaded.predict(matrix, Prediction::Contributions);
  ASSERT_EQ(contributions.size(), Toy::kRows * (Toy::kCols + 1));
  for (std::size_t r = 0; r < Toy::kRows; ++r) {
    double sum = 0;
    for (std::size_t c = 0; c <= Toy::kCols; ++c) sum += contributions[r * (Toy::kCols + 1) + c];
    EXPECT_NEAR(sum, margin[r], 1e-5);
  }
  EXPECT_EQ(booster.predict(matrix, Prediction::Margin, 5).size(), Toy::kRows);
}

TEST(XGBoost, ErrorsCarryXGBoostsMessage) {
  EXPECT_THROW(Booster::from_json("{not a model"), XGBoostError);
  // Found by fuzz/model_bundle_fuzzer.cpp: a model XGBoost cannot load is a damaged file, which
  // the server refuses as such (never a bug's 500).
  EXPECT_ERROR_KIND(Booster::from_json(R"({"learner": {"gradient_booster": {"name": "gbtre~"}}})"),
                    ErrorKind::Corrupt);
  Toy toy;
  std::vector<float> too_few_labels(3, 0.f);
  EXPECT_ERROR_KIND(DMatrix(toy.view(), too_few_labels), ErrorKind::Internal);
  DMatrix matrix(toy.view(), toy.y);
  Booster booster(matrix);
  booster.set_param("objective", "no:such");  // XGBoost checks parameters when it trains
  EXPECT_THROW(booster.update(0, matrix), XGBoostError);
  EXPECT_FALSE(xgboost_version().empty());
}

}  // namespace
}  // namespace creditscore::model
