#include "explain/global_explanation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "tests/explain/random_model.h"
#include "tests/support/error_kind.h"

namespace creditscore::explain {
namespace {

TEST(GlobalExplanation, MeanAbsoluteShapOrdersTheFeatures) {
  const RandomClients clients(400, 6, 0.2, 0.2, 31);
  const Explainer explainer(train(clients, 30, {{"max_depth", "4"}}).to_json());
  const std::vector<std::string> names = {"A", "B", "C", "D", "E", "F"};
  const GlobalExplanation global = explain_globally(explainer, clients.view(), names, 3);

  std::vector<double> shap(clients.rows * 7);
  explainer.explain(clients.view(), shap);
  EXPECT_EQ(global.sample_size, 400u);
  EXPECT_EQ(global.base_value, shap[6]);
  ASSERT_EQ(global.importance.size(), 6u);
  for (std::size_t k = 0; k < 6; ++k) {
    const std::size_t f = static_cast<std::size_t>(global.importance[k].feature[0] - 'A');
    double mean = 0;
    for (std::size_t r = 0; r < clients.rows; ++r) mean += std::abs(shap[r * 7 + f]);
    EXPECT_NEAR(global.importance[k].mean_abs_shap, mean / 400, 1e-12);
    if (k > 0) {
      EXPECT_GE(global.importance[k - 1].mean_abs_shap, global.importance[k].mean_abs_shap);
    }
  }
  ASSERT_EQ(global.dependence.size(), 3u);
  for (std::size_t k = 0; k < 3; ++k) {
    const GlobalExplanation::Dependence& d = global.dependence[k];
    EXPECT_EQ(d.feature, global.importance[k].feature);
    const std::size_t f = static_cast<std::size_t>(d.feature[0] - 'A');
    ASSERT_EQ(d.values.size(), 400u);
    for (std::size_t r = 0; r < clients.rows; ++r) {
      const float x = clients.x[r * 6 + f];
      EXPECT_TRUE(std::isnan(x) ? std::isnan(d.values[r]) : d.values[r] == x);
      EXPECT_EQ(d.shap[r], shap[r * 7 + f]);
    }
  }
}

TEST(GlobalExplanation, JsonRoundTripKeepsMissingValues) {
  const RandomClients clients(100, 4, 0.3, 0.3, 32);
  const Explainer explainer(train(clients, 5, {}).to_json());
  const std::vector<std::string> names = {"A", "B", "C", "D"};
  const GlobalExplanation global = explain_globally(explainer, clients.view(), names, 2);
  const nlohmann::json document = to_json(global);
  EXPECT_NO_THROW(static_cast<void>(document.dump()));  // NaN would be written as null
  const GlobalExplanation back = global_explanation_from_json(document);
  EXPECT_EQ(back.sample_size, global.sample_size);
  ASSERT_EQ(back.dependence.size(), 2u);
  std::size_t missing = 0;
  for (std::size_t r = 0; r < 100; ++r) {
    const float a = global.dependence[0].values[r], b = back.dependence[0].values[r];
    missing += std::isnan(a) ? 1 : 0;
    EXPECT_TRUE(std::isnan(a) ? std::isnan(b) : a == b);
  }
  EXPECT_GT(missing, 10u);
  EXPECT_EQ(back.dependence[1].shap, global.dependence[1].shap);

  nlohmann::json short_values = document;
  short_values["dependence"][0]["values"].erase(0);
  EXPECT_ERROR_KIND(global_explanation_from_json(short_values), ErrorKind::Corrupt);
  EXPECT_ERROR_KIND(global_explanation_from_json({{"sample_size", 3}}), ErrorKind::Corrupt);
  EXPECT_ERROR_KIND(explain_globally(explainer, clients.view(), std::vector<std::string>{"A"}),
                    ErrorKind::Internal);
}

}  // namespace
}  // namespace creditscore::explain
