// The SHAP values of a model's predictions: our exact TreeSHAP (TreeShap) whenever the model is
// within its reach, XGBoost's own pred_contribs otherwise, saying why. Values are on the margin's
// scale; per model output, num_features() values then the base value, adding up to the margin.
//
// const methods may be called from many threads at once; XGBoost's path takes a lock.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "explain/tree_shap.h"
#include "model/xgboost.h"

namespace creditscore::explain {

enum class ShapEngine { TreeShap, XGBoost };

class Explainer {
 public:
  // Throws ModelFormatError for JSON that is no XGBoost model, and model::XGBoostError when the
  // model needs XGBoost and XGBoost refuses it.
  explicit Explainer(std::string_view model_json);
  ~Explainer();
  Explainer(Explainer&&) noexcept;
  Explainer& operator=(Explainer&&) noexcept;

  ShapEngine engine() const { return tree_shap_ ? ShapEngine::TreeShap : ShapEngine::XGBoost; }
  // Why XGBoost explains this model, e.g. "tree 3 node 7: categorical split"; empty otherwise.
  const std::string& fallback_reason() const { return fallback_reason_; }
  // The trees as we read them; nullptr on XGBoost's path.
  const TreeEnsemble* trees() const { return tree_shap_ ? &tree_shap_->ensemble() : nullptr; }
  std::size_t num_features() const { return shape_.features; }
  // (num_features() + 1) per model output: one output but for multi-class models.
  std::size_t values_per_row() const { return shape_.outputs * (shape_.features + 1); }

  // The model's raw score (margin) of one row, XGBoost's to the bit: the trees' sum in float, or
  // XGBoost's own on the fallback path.
  double predict_margin(std::span<const float> row) const;

  // One row of num_features() values into values_per_row() values.
  void explain(std::span<const float> row, std::span<double> out) const;
  // Every row into rows × values_per_row() values.
  void explain(model::MatrixView rows, std::span<double> out) const;

 private:
  struct Fallback;

  ModelShape shape_{};
  std::optional<TreeShap> tree_shap_;
  std::unique_ptr<Fallback> fallback_;
  std::string fallback_reason_;
};

}  // namespace creditscore::explain
