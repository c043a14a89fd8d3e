// The model's global view, computed once when it is trained and kept in its bundle: how much each
// feature moves the predictions on average (mean |SHAP| over a sample of training clients), and
// for the most important features the (value, SHAP) pairs of that sample, for the dashboard's
// summary (beeswarm) and dependence plots.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "explain/explainer.h"
#include "model/xgboost.h"

namespace creditscore::explain {

struct GlobalExplanation {
  struct Importance {
    std::string feature;
    double mean_abs_shap;  // on the margin's scale
  };
  struct Dependence {
    std::string feature;
    std::vector<float> values;  // one per sampled client; NaN when missing
    std::vector<double> shap;
  };
  std::size_t sample_size = 0;
  double base_value = 0;
  std::vector<Importance> importance;  // every feature, most important first (stable)
  std::vector<Dependence> dependence;  // the `top` most important, in the same order
};

// Explains every row of `sample` (named columns) with `explainer`, one output models only.
GlobalExplanation explain_globally(const Explainer& explainer, model::MatrixView sample,
                                   std::span<const std::string> names, std::size_t top = 20);

// Missing values are null in JSON.
nlohmann::json to_json(const GlobalExplanation& global);
// Throws std::invalid_argument naming what is malformed.
GlobalExplanation global_explanation_from_json(const nlohmann::json& document);

}  // namespace creditscore::explain
