#include "explain/explainer.h"

#include <algorithm>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>
#include <vector>

#include "common/error.h"

namespace creditscore::explain {

struct Explainer::Fallback {
  explicit Fallback(model::Booster from) : booster(std::move(from)) {}
  model::Booster booster;
  std::mutex lock;  // XGBoost's thread safety varies with the booster; this path is the slow one
};

Explainer::Explainer(std::string_view model_json) {
  const nlohmann::json model = parse_model_json(model_json);
  shape_ = model_shape(model);
  try {
    tree_shap_.emplace(TreeEnsemble::from_parsed_json(model));
  } catch (const UnsupportedModel& unsupported) {
    fallback_reason_ = unsupported.what();
    fallback_ = std::make_unique<Fallback>(model::Booster::from_json(model_json));
  }
}

Explainer::~Explainer() = default;
Explainer::Explainer(Explainer&&) noexcept = default;
Explainer& Explainer::operator=(Explainer&&) noexcept = default;

double Explainer::predict_margin(std::span<const float> row) const {
  if (tree_shap_) return tree_shap_->ensemble().predict_margin(row);
  if (shape_.outputs != 1) throw internal_error("predict_margin: a model of several outputs");
  const model::DMatrix matrix(model::MatrixView{row.data(), 1, row.size()});
  const std::lock_guard hold(fallback_->lock);
  return fallback_->booster.predict(matrix, model::Prediction::Margin).at(0);
}

void Explainer::explain(std::span<const float> row, std::span<double> out) const {
  if (tree_shap_) return tree_shap_->explain(row, out);
  explain(model::MatrixView{row.data(), 1, row.size()}, out);
}

void Explainer::explain(model::MatrixView rows, std::span<double> out) const {
  if (tree_shap_) return tree_shap_->explain(rows, out);
  if (rows.cols != num_features() || out.size() != rows.rows * values_per_row()) {
    throw internal_error("Explainer::explain: " + std::to_string(rows.rows) + " x " +
                         std::to_string(rows.cols) + " values in and " +
                         std::to_string(out.size()) + " out for " + std::to_string(num_features()) +
                         " features");
  }
  const model::DMatrix matrix(rows);
  std::vector<double> values;
  {
    const std::lock_guard hold(fallback_->lock);
    values = fallback_->booster.predict(matrix, model::Prediction::Contributions);
  }
  if (values.size() != out.size()) {
    throw model::XGBoostError("pred_contribs gave " + std::to_string(values.size()) +
                              " values, not " + std::to_string(out.size()));
  }
  std::copy(values.begin(), values.end(), out.begin());
}

}  // namespace creditscore::explain
