#include "explain/served_model.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "common/error.h"
#include "explain/probability_effects.h"

namespace creditscore::explain {

ServedModel::ServedModel(model::ModelBundle bundle)
    : bundle_(std::move(bundle)),
      catalog_(features::FeatureCatalog::from_json(bundle_.catalog)),
      explainer_(bundle_.model_json),
      reasons_(catalog_.features(), bundle_.reference) {
  if (catalog_.names() != bundle_.feature_names || explainer_.num_features() != num_features() ||
      explainer_.values_per_row() != num_features() + 1) {
    throw corrupt("bundle " + bundle_.run_id + ": its catalogue has " +
                  std::to_string(catalog_.features().size()) + " features, its model " +
                  std::to_string(explainer_.num_features()) + " and its manifest " +
                  std::to_string(num_features()) + "; they must be the same");
  }
}

std::unique_ptr<const ServedModel> ServedModel::load(const std::filesystem::path& directory) {
  return std::make_unique<const ServedModel>(model::read_bundle(directory));
}

std::vector<std::size_t> ServedModel::important_features(std::size_t count) const {
  std::vector<std::size_t> features;
  const nlohmann::json& global = bundle_.global_explanation;
  if (!global.is_object() || !global.contains("importance")) return features;
  for (const auto& item : global["importance"]) {
    if (features.size() == count) break;
    if (const auto index = catalog_.index_of(item.value("feature", ""))) features.push_back(*index);
  }
  return features;
}

features::FeatureMatrix ServedModel::build_features(const tables::Table& applications,
                                                    const tables::Dataset& history,
                                                    features::BuildReport* report) const {
  return features::FeatureBuilder(catalog_).build(applications, history, report);
}

// XGBoost's logistic transform, in float as it computes it (src/common/math.h): the
// probability is then the one XGBoost gives, to the bit, as in `creditscore score`.
double ServedModel::probability(std::span<const float> row) const {
  const auto margin = static_cast<float>(explainer_.predict_margin(row));
  return 1.0f / (std::exp(std::min(-margin, 88.7f)) + 1.0f + 1e-16f);
}

ClientExplanation ServedModel::explain(std::span<const float> row,
                                       std::size_t reasons_per_side) const {
  std::vector<double> values(num_features() + 1);
  explainer_.explain(row, values);
  return explain(row, std::move(values), reasons_per_side);
}

ClientExplanation ServedModel::explain(std::span<const float> row, std::vector<double> values,
                                       std::size_t reasons_per_side) const {
  if (values.size() != num_features() + 1) {
    throw internal_error("ServedModel::explain: " + std::to_string(values.size()) +
                         " SHAP values for " + std::to_string(num_features()) +
                         " features and the base value");
  }
  ClientExplanation result;
  result.probability = probability(row);
  result.refused = model::refuses(result.probability, threshold());
  result.base_value = values.back();
  result.base_probability = logistic(result.base_value);
  result.effects = probability_effects(values);
  result.reasons = reasons_.reasons(row, values, reasons_per_side);
  values.pop_back();
  result.shap = std::move(values);
  return result;
}

}  // namespace creditscore::explain
