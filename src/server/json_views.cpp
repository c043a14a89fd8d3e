#include "server/json_views.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "explain/global_explanation.h"
#include "features/category_labels.h"
#include "features/column_labels.h"
#include "features/display_unit.h"
#include "model/evaluation.h"

namespace creditscore::server {

using nlohmann::json;

namespace {

const char* engine_name(const explain::ServedModel& model) {
  return model.explainer().engine() == explain::ShapEngine::TreeShap ? "tree_shap"
                                                                     : "xgboost_pred_contribs";
}

}  // namespace

json number_or_null(double value) {
  return std::isnan(value) ? json(nullptr) : json(value);
}

json application_fields_json(const json& application) {
  const tables::TableSchema& schema = tables::schema_of(tables::TableId::ApplicationTrain);
  json fields = json::array();
  for (const auto& [column, value] : application.items()) {
    const features::Label& label =
        features::column_label(tables::TableId::ApplicationTrain, column);
    json field = {
        {"column", column}, {"label_fr", label.fr}, {"label_en", label.en}, {"value", value}};
    if (value.is_string()) {
      const features::Label words = features::category_label(value.get<std::string>());
      field["value_fr"] = words.fr;
      field["value_en"] = words.en;
    }
    const features::DisplayUnit unit =
        features::display_unit(tables::TableId::ApplicationTrain, column);
    if (unit != features::DisplayUnit::AsIs) field["unit"] = features::display_unit_name(unit);
    const auto index = schema.find(column);
    if (index && schema.columns[*index].may_hold_no_date && value.is_number() &&
        value.get<float>() == tables::kNoDate) {
      field["no_date"] = true;
    }
    fields.push_back(std::move(field));
  }
  return fields;
}

json feature_json(const explain::ServedModel& model, std::size_t feature) {
  const features::FeatureInfo& info = model.catalog().features().at(feature);
  return {{"feature", info.name},
          {"label_fr", info.label.fr},
          {"label_en", info.label.en},
          {"unit", features::display_unit_name(info.unit)}};
}

json score_json(const explain::ServedModel& model, double probability) {
  return {{"probability", probability},
          {"decision", model::decision_name(probability, model.threshold())},
          {"threshold", model.threshold()},
          {"distance", probability - model.threshold()},
          {"model", model.bundle().run_id}};
}

json explanation_json(const explain::ServedModel& model, std::span<const float> row,
                      const explain::ClientExplanation& e, std::size_t top) {
  std::vector<std::size_t> order(e.shap.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::abs(e.shap[a]) > std::abs(e.shap[b]);
  });
  const explain::ReasonWriter& words = model.reason_writer();
  json contributions = json::array();
  double other_shap = 0, other_effect = 0;
  std::size_t others = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::size_t f = order[k];
    if (k >= top || e.shap[f] == 0) {
      other_shap += e.shap[f];
      other_effect += e.effects[f];
      others += e.shap[f] != 0 ? 1 : 0;
      continue;
    }
    json item = feature_json(model, f);
    item["label_fr"] = words.display_label(f, explain::Language::French);
    item["label_en"] = words.display_label(f, explain::Language::English);
    item["value"] = number_or_null(row[f]);
    item["value_fr"] = words.describe_value(f, row[f], explain::Language::French);
    item["value_en"] = words.describe_value(f, row[f], explain::Language::English);
    item["shap"] = e.shap[f];
    item["effect"] = e.effects[f];
    contributions.push_back(std::move(item));
  }
  auto reasons = [](const std::vector<explain::Reason>& side) {
    json list = json::array();
    for (const explain::Reason& r : side) {
      list.push_back({{"feature", r.feature}, {"effect", r.effect}, {"fr", r.fr}, {"en", r.en}});
    }
    return list;
  };
  json result = score_json(model, e.probability);
  result["base_value"] = e.base_value;
  result["base_probability"] = e.base_probability;
  result["contributions"] = std::move(contributions);
  result["others"] = {{"count", others}, {"shap", other_shap}, {"effect", other_effect}};
  result["reasons"] = {{"towards_refusal", reasons(e.reasons.towards_refusal)},
                       {"towards_acceptance", reasons(e.reasons.towards_acceptance)}};
  result["engine"] = engine_name(model);
  return result;
}

json model_json(const explain::ServedModel& model, std::size_t top) {
  const model::ModelBundle& bundle = model.bundle();
  json importance = json::array();
  if (!bundle.global_explanation.is_null()) {
    const explain::GlobalExplanation global =
        explain::global_explanation_from_json(bundle.global_explanation);
    for (std::size_t k = 0; k < std::min(top, global.importance.size()); ++k) {
      const auto index = model.catalog().index_of(global.importance[k].feature);
      if (!index) continue;
      json item = feature_json(model, *index);
      item["mean_abs_shap"] = global.importance[k].mean_abs_shap;
      importance.push_back(std::move(item));
    }
  }
  json learned_from = json::array();
  for (tables::TableId id : bundle.learned_from)
    learned_from.push_back(tables::schema_of(id).file_name);
  return {{"run_id", bundle.run_id},
          {"created_at", bundle.created_at},
          {"xgboost_version", bundle.xgboost_version},
          {"features", bundle.feature_names.size()},
          {"learned_from", learned_from},
          {"threshold", model.threshold()},
          {"cost_ratio", bundle.evaluation.costs.false_negative_cost /
                             bundle.evaluation.costs.false_positive_cost},
          {"evaluation", model::to_json(bundle.evaluation)},
          {"oracle", bundle.oracle ? model::to_json(*bundle.oracle) : json(nullptr)},
          {"training", bundle.training},
          {"explanation_engine", engine_name(model)},
          {"fallback_reason", model.explainer().fallback_reason()},
          {"importance", importance}};
}

}  // namespace creditscore::server
