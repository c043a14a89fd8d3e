#include "explain/global_explanation.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "common/error.h"
#include "common/json_count.h"

namespace creditscore::explain {

GlobalExplanation explain_globally(const Explainer& explainer, model::MatrixView sample,
                                   std::span<const std::string> names, std::size_t top) {
  const std::size_t features = explainer.num_features();
  if (sample.cols != features || names.size() != features ||
      explainer.values_per_row() != features + 1) {
    throw internal_error("global explanation: " + std::to_string(sample.cols) + " columns and " +
                         std::to_string(names.size()) + " names for " + std::to_string(features) +
                         " features of a one-output model");
  }
  const std::size_t width = features + 1;
  std::vector<double> shap(sample.rows * width);
  explainer.explain(sample, shap);

  GlobalExplanation global;
  global.sample_size = sample.rows;
  std::vector<double> mean_abs(features, 0);
  for (std::size_t r = 0; r < sample.rows; ++r) {
    for (std::size_t f = 0; f < features; ++f) mean_abs[f] += std::abs(shap[r * width + f]);
    global.base_value = shap[r * width + features];
  }
  for (double& m : mean_abs) m /= sample.rows ? static_cast<double>(sample.rows) : 1.0;

  std::vector<std::size_t> order(features);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return mean_abs[a] > mean_abs[b]; });
  for (std::size_t f : order) global.importance.push_back({names[f], mean_abs[f]});
  for (std::size_t k = 0; k < std::min(top, features); ++k) {
    const std::size_t f = order[k];
    GlobalExplanation::Dependence d{names[f], {}, {}};
    for (std::size_t r = 0; r < sample.rows; ++r) {
      d.values.push_back(sample.data[r * sample.cols + f]);
      d.shap.push_back(shap[r * width + f]);
    }
    global.dependence.push_back(std::move(d));
  }
  return global;
}

nlohmann::json to_json(const GlobalExplanation& global) {
  nlohmann::json importance = nlohmann::json::array();
  for (const auto& i : global.importance)
    importance.push_back({{"feature", i.feature}, {"mean_abs_shap", i.mean_abs_shap}});
  nlohmann::json dependence = nlohmann::json::array();
  for (const auto& d : global.dependence) {
    nlohmann::json values = nlohmann::json::array();
    for (float v : d.values)
      values.push_back(std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v));
    dependence.push_back({{"feature", d.feature}, {"values", values}, {"shap", d.shap}});
  }
  return {{"sample_size", global.sample_size},
          {"base_value", global.base_value},
          {"importance", importance},
          {"dependence", dependence}};
}

GlobalExplanation global_explanation_from_json(const nlohmann::json& document) {
  GlobalExplanation global;
  try {
    global.sample_size = json_count(document.at("sample_size"));
    global.base_value = document.at("base_value").get<double>();
    for (const auto& i : document.at("importance"))
      global.importance.push_back(
          {i.at("feature").get<std::string>(), i.at("mean_abs_shap").get<double>()});
    for (const auto& d : document.at("dependence")) {
      GlobalExplanation::Dependence dependence{d.at("feature").get<std::string>(), {}, {}};
      for (const auto& v : d.at("values"))
        dependence.values.push_back(v.is_null() ? std::nanf("") : v.get<float>());
      dependence.shap = d.at("shap").get<std::vector<double>>();
      if (dependence.values.size() != global.sample_size ||
          dependence.shap.size() != global.sample_size) {
        throw corrupt("global explanation: dependence of " + dependence.feature + ": " +
                      std::to_string(dependence.values.size()) + " values and " +
                      std::to_string(dependence.shap.size()) + " SHAP values for " +
                      std::to_string(global.sample_size) + " clients");
      }
      global.dependence.push_back(std::move(dependence));
    }
  } catch (const nlohmann::json::exception& error) {
    throw corrupt(std::string("global explanation: ") + error.what());
  }
  return global;
}

}  // namespace creditscore::explain
