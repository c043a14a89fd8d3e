#include "model/evaluation.h"

#include <algorithm>
#include <stdexcept>

#include "common/error.h"
#include "common/json_count.h"

namespace creditscore::model {
namespace {

const nlohmann::json& field(const nlohmann::json& document, const char* name) {
  if (!document.is_object() || !document.contains(name)) {
    throw corrupt(std::string("evaluation: missing field '") + name + "'");
  }
  return document[name];
}

nlohmann::json confusion_json(const Confusion& c) {
  return {{"true_positives", c.true_positives},
          {"false_positives", c.false_positives},
          {"true_negatives", c.true_negatives},
          {"false_negatives", c.false_negatives}};
}

Confusion confusion_from_json(const nlohmann::json& j) {
  return {json_count(field(j, "true_positives")), json_count(field(j, "false_positives")),
          json_count(field(j, "true_negatives")), json_count(field(j, "false_negatives"))};
}

}  // namespace

Evaluation evaluate(std::span<const double> probabilities, std::span<const int> labels,
                    const CostModel& costs) {
  Evaluation e;
  e.clients = labels.size();
  e.defaulters = static_cast<std::size_t>(std::count(labels.begin(), labels.end(), 1));
  e.roc_auc = roc_auc(probabilities, labels);
  e.roc_auc_interval = roc_auc_interval(probabilities, labels);
  e.pr_auc = pr_auc(probabilities, labels);
  e.brier_score = brier_score(probabilities, labels);
  e.calibration = calibration_curve(probabilities, labels, 10);
  e.calibration_error = calibration_error(e.calibration);
  e.costs = costs;
  e.best = best_threshold(probabilities, labels, costs);
  e.cost_at_half = cost_per_client(costs, confusion_at(probabilities, labels, 0.5));
  e.roc = roc_curve(probabilities, labels, 200);
  e.cost_curve = cost_curve(probabilities, labels, costs, 101);
  const std::vector<float> scores(probabilities.begin(), probabilities.end());
  std::vector<float> label_values(labels.begin(), labels.end());
  const std::string name = "probability";
  e.scores =
      reference_distributions({scores.data(), scores.size(), 1}, label_values, {&name, 1})[0];
  return e;
}

nlohmann::json to_json(const Evaluation& e) {
  nlohmann::json roc = nlohmann::json::array();
  for (const RocPoint& p : e.roc)
    roc.push_back({p.threshold, p.false_positive_rate, p.true_positive_rate});
  nlohmann::json cost = nlohmann::json::array();
  for (const CostPoint& p : e.cost_curve) cost.push_back({p.threshold, p.cost_per_client});
  nlohmann::json calibration = nlohmann::json::array();
  for (const CalibrationBin& b : e.calibration) {
    calibration.push_back({b.mean_probability, b.observed_rate, b.clients});
  }
  nlohmann::json document = {
      {"clients", e.clients},
      {"defaulters", e.defaulters},
      {"roc_auc", e.roc_auc},
      {"pr_auc", e.pr_auc},
      {"brier_score", e.brier_score},
      {"calibration_error", e.calibration_error},
      {"false_negative_cost", e.costs.false_negative_cost},
      {"false_positive_cost", e.costs.false_positive_cost},
      {"threshold", e.best.threshold},
      {"cost_at_threshold", e.best.cost_per_client},
      {"confusion_at_threshold", confusion_json(e.best.confusion)},
      {"cost_at_half", e.cost_at_half},
      {"roc_curve",
       {{"columns", {"threshold", "false_positive_rate", "true_positive_rate"}}, {"points", roc}}},
      {"cost_curve", {{"columns", {"threshold", "cost_per_client"}}, {"points", cost}}},
      {"calibration_curve",
       {{"columns", {"mean_probability", "observed_rate", "clients"}}, {"points", calibration}}}};
  if (e.roc_auc_interval) {
    document["roc_auc_interval"] = {{"low", e.roc_auc_interval->low},
                                    {"high", e.roc_auc_interval->high}};
  }
  if (e.scores) document["score_distribution"] = to_json(std::vector{*e.scores})[0];
  return document;
}

Evaluation evaluation_from_json(const nlohmann::json& j) {
  Evaluation e;
  e.clients = json_count(field(j, "clients"));
  e.defaulters = json_count(field(j, "defaulters"));
  e.roc_auc = field(j, "roc_auc").get<double>();
  e.pr_auc = field(j, "pr_auc").get<double>();
  e.brier_score = field(j, "brier_score").get<double>();
  e.calibration_error = field(j, "calibration_error").get<double>();
  e.costs = {field(j, "false_negative_cost").get<double>(),
             field(j, "false_positive_cost").get<double>()};
  e.best = {field(j, "threshold").get<double>(), field(j, "cost_at_threshold").get<double>(),
            confusion_from_json(field(j, "confusion_at_threshold"))};
  e.cost_at_half = field(j, "cost_at_half").get<double>();
  for (const auto& p : field(field(j, "roc_curve"), "points")) {
    e.roc.push_back({p.at(0).get<double>(), p.at(1).get<double>(), p.at(2).get<double>()});
  }
  for (const auto& p : field(field(j, "cost_curve"), "points")) {
    e.cost_curve.push_back({p.at(0).get<double>(), p.at(1).get<double>()});
  }
  for (const auto& p : field(field(j, "calibration_curve"), "points")) {
    e.calibration.push_back({p.at(0).get<double>(), p.at(1).get<double>(), json_count(p.at(2))});
  }
  if (j.contains("roc_auc_interval")) {
    e.roc_auc_interval = Interval{field(j["roc_auc_interval"], "low").get<double>(),
                                  field(j["roc_auc_interval"], "high").get<double>()};
  }
  if (j.contains("score_distribution")) {
    e.scores = distributions_from_json(nlohmann::json::array({j["score_distribution"]}))[0];
  }
  return e;
}

}  // namespace creditscore::model
