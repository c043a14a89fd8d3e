#include "app/drift_monitor.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include "app/service.h"
#include "common/error.h"
#include "common/parallel.h"
#include "store/audit_trail.h"

namespace creditscore::app {
namespace {

// The rows of `clients` that hold the `current` ones (both by id), and their months.
struct CurrentRows {
  std::vector<std::size_t> rows;
  std::vector<std::string> months;
};

CurrentRows rows_of(const store::StoredMatrix& clients,
                    const std::vector<store::CurrentClient>& current) {
  CurrentRows found;
  std::size_t r = 0;
  for (const store::CurrentClient& client : current) {
    while (r < clients.rows() && clients.ids[r] < client.id) ++r;
    if (r < clients.rows() && clients.ids[r] == client.id) {
      found.rows.push_back(r);
      found.months.push_back(client.month);
    }
  }
  return found;
}

std::map<std::string, double> importance_of(const explain::ServedModel& model) {
  std::map<std::string, double> importance;
  const nlohmann::json& global = model.bundle().global_explanation;
  if (!global.is_object() || !global.contains("importance")) return importance;
  for (const nlohmann::json& item : global["importance"])
    importance[item.value("feature", "")] = item.value("mean_abs_shap", 0.0);
  return importance;
}

// With the histograms for a drifting feature, and for the scores.
nlohmann::json drift_json(const model::FeatureDrift& d, bool with_histogram) {
  nlohmann::json json = {{"name", d.name},
                         {"psi", d.psi},
                         {"psi_level", model::psi_level(d.psi)},
                         {"test", model::drift_test_name(d.test)},
                         {"statistic", d.statistic},
                         {"p_value", d.p_value},
                         {"drifted", d.drifted},
                         {"test_drifted", d.test_drifted},
                         {"psi_drifted", d.psi_drifted},
                         {"reference_clients", d.reference_clients},
                         {"current_clients", d.current_clients},
                         {"missing_before", d.missing_before},
                         {"missing_now", d.missing_now},
                         {"unseen", d.unseen}};
  if (with_histogram) {
    json["histogram"] = {{"bins", d.bins.by_value ? "values" : "deciles"},
                         {"bounds", d.bins.bounds},
                         {"reference", d.bins.reference},
                         {"current", d.bins.current}};
  }
  return json;
}

// Over the clients whose outcome is known, of the month `month` ("": of all months).
Quality quality_of(const std::vector<double>& all_probabilities,
                   const std::vector<int>& all_outcomes, const std::vector<std::string>& months,
                   const std::string& month, const model::ModelBundle& bundle) {
  std::vector<double> probabilities;
  std::vector<int> outcomes;
  for (std::size_t i = 0; i < all_outcomes.size(); ++i) {
    if (all_outcomes[i] == store::kUnknownTarget || (!month.empty() && months[i] != month))
      continue;
    probabilities.push_back(all_probabilities[i]);
    outcomes.push_back(all_outcomes[i]);
  }
  Quality q;
  q.clients = outcomes.size();
  q.defaulters = static_cast<std::size_t>(std::count(outcomes.begin(), outcomes.end(), 1));
  const model::Evaluation& oof = bundle.evaluation;
  q.roc_auc_before = oof.roc_auc;
  q.cost_per_client_before = oof.best.cost_per_client;
  q.calibration_error_before = oof.calibration_error;
  if (q.defaulters == 0 || q.defaulters == q.clients) return q;
  q.roc_auc = model::roc_auc(probabilities, outcomes);
  q.cost_per_client = model::cost_per_client(
      oof.costs, model::confusion_at(probabilities, outcomes, bundle.threshold()));
  q.calibration_error =
      model::calibration_error(model::calibration_curve(probabilities, outcomes, 10));
  return q;
}

nlohmann::json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

}  // namespace

DriftReport monitor_drift(Service& service, const MonitoringWindow& window,
                          const MonitoringSettings& settings) {
  const auto start = std::chrono::steady_clock::now();
  for (const auto& bound : {window.since, window.until}) {
    if (bound) store::check_since(*bound);
  }
  const auto model = service.model();
  const model::ModelBundle& bundle = model->bundle();
  if (!bundle.evaluation.scores) {
    throw unsupported("the model " + bundle.run_id +
                      " predates drift monitoring (its bundle keeps no score distribution); "
                      "retrain it");
  }
  std::vector<store::CurrentClient> current = service.with_store([&](store::ClientStore& s) {
    return s.current_clients(window.since.value_or(""), window.until.value_or(""));
  });
  if (window.last && current.size() > *window.last)
    current.erase(current.begin(), current.end() - static_cast<std::ptrdiff_t>(*window.last));
  if (current.empty()) throw invalid_input("no current client in the window: nothing to compare");

  DriftReport report;
  report.run_id = bundle.run_id;
  report.settings = settings;
  report.reference_clients = bundle.evaluation.clients;
  const std::map<std::string, double> importance = importance_of(*model);
  const model::GroupColumns group_columns(bundle.feature_names);
  std::vector<double> probabilities;
  std::vector<int> outcomes;  // kUnknownTarget until the outcome arrives
  std::vector<model::ClientGroups> groups;
  std::vector<std::string> months;
  service.population().read([&](const store::StoredMatrix& clients) {
    CurrentRows found = rows_of(clients, current);
    const std::vector<std::size_t>& rows = found.rows;
    months = std::move(found.months);
    report.current_clients = rows.size();
    report.features.resize(bundle.reference.size());
    parallel_for(bundle.reference.size(), [&](std::size_t c) {
      std::vector<double> column(rows.size());
      for (std::size_t i = 0; i < rows.size(); ++i) column[i] = clients.row(rows[i])[c];
      DriftedFeature& feature = report.features[c];
      feature.drift = model::feature_drift(bundle.reference[c], column, settings.drift);
      const auto found = importance.find(feature.drift.name);
      feature.importance = found != importance.end() ? found->second : 0.0;
    });
    for (const std::size_t r : rows) {
      probabilities.push_back(clients.probabilities[r]);
      outcomes.push_back(clients.targets[r]);
      groups.push_back(group_columns.of(clients.row(r)));
    }
    return 0;
  });

  // Dataset drift: among the features the model uses most.
  std::vector<DriftedFeature*> by_importance;
  for (DriftedFeature& f : report.features) by_importance.push_back(&f);
  std::stable_sort(by_importance.begin(), by_importance.end(),
                   [](const auto* a, const auto* b) { return a->importance > b->importance; });
  report.top_features = std::min(settings.top, by_importance.size());
  for (std::size_t i = 0; i < report.top_features; ++i) {
    by_importance[i]->top = true;
    report.top_drifted += by_importance[i]->drift.drifted ? 1 : 0;
  }
  report.drift_share = report.top_features == 0 ? 0
                                                : static_cast<double>(report.top_drifted) /
                                                      static_cast<double>(report.top_features);
  report.dataset_drift = report.top_features > 0 && report.drift_share >= settings.drift_share;
  // A drifting feature the model ignores should not alarm anyone: ranked by PSI x importance.
  std::stable_sort(report.features.begin(), report.features.end(),
                   [](const DriftedFeature& a, const DriftedFeature& b) {
                     return a.drift.psi * a.importance > b.drift.psi * b.importance;
                   });

  report.scores = model::feature_drift(*bundle.evaluation.scores, probabilities, settings.drift);
  const model::Confusion& oof = bundle.evaluation.best.confusion;
  report.refusal_rate_before = oof.total() == 0
                                   ? 0
                                   : static_cast<double>(oof.true_positives + oof.false_positives) /
                                         static_cast<double>(oof.total());
  const auto refused = std::count_if(probabilities.begin(), probabilities.end(),
                                     [&](double p) { return p >= model->threshold(); });
  report.refusal_rate_now = static_cast<double>(refused) /
                            static_cast<double>(std::max<std::size_t>(probabilities.size(), 1));
  report.quality = quality_of(probabilities, outcomes, months, "", bundle);
  for (const std::string& month : std::set<std::string>(months.begin(), months.end())) {
    Quality q = quality_of(probabilities, outcomes, months, month, bundle);
    if (q.clients > 0) report.quality_by_month.push_back({month, std::move(q)});
  }
  report.fairness = model::assess_fairness(probabilities, outcomes, groups, model->threshold());
  report.fairness_before = bundle.fairness;
  report.milliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return report;
}

nlohmann::json to_json(const DriftReport& report) {
  nlohmann::json features = nlohmann::json::array();
  for (const DriftedFeature& f : report.features) {
    nlohmann::json item = drift_json(f.drift, f.drift.drifted);
    item["importance"] = f.importance;
    item["top"] = f.top;
    features.push_back(std::move(item));
  }
  const model::DriftSettings& d = report.settings.drift;
  const Quality& q = report.quality;
  nlohmann::json by_month = nlohmann::json::array();
  for (const MonthQuality& m : report.quality_by_month) {
    by_month.push_back({{"month", m.month},
                        {"clients", m.quality.clients},
                        {"defaulters", m.quality.defaulters},
                        {"roc_auc", optional_number(m.quality.roc_auc)},
                        {"cost_per_client", optional_number(m.quality.cost_per_client)},
                        {"calibration_error", optional_number(m.quality.calibration_error)}});
  }
  return {{"run_id", report.run_id},
          {"reference_clients", report.reference_clients},
          {"current_clients", report.current_clients},
          {"dataset_drift", report.dataset_drift},
          {"drift_share", report.drift_share},
          {"top_features", report.top_features},
          {"top_drifted", report.top_drifted},
          {"settings",
           {{"flagged_by", d.flag_by_psi ? "psi" : "test"},
            {"small_sample", d.small_sample},
            {"p_value", d.p_value},
            {"distance", d.distance},
            {"psi", d.psi},
            {"top", report.settings.top},
            {"drift_share", report.settings.drift_share}}},
          {"features", features},
          {"prediction",
           {{"scores", drift_json(report.scores, true)},
            {"refusal_rate_before", report.refusal_rate_before},
            {"refusal_rate_now", report.refusal_rate_now}}},
          {"quality",
           {{"clients", q.clients},
            {"defaulters", q.defaulters},
            {"roc_auc", optional_number(q.roc_auc)},
            {"cost_per_client", optional_number(q.cost_per_client)},
            {"calibration_error", optional_number(q.calibration_error)},
            {"by_month", by_month},
            {"out_of_fold",
             {{"roc_auc", q.roc_auc_before},
              {"cost_per_client", q.cost_per_client_before},
              {"calibration_error", q.calibration_error_before}}}}},
          {"fairness",
           {{"now", model::to_json(report.fairness)},
            {"at_training",
             report.fairness_before ? model::to_json(*report.fairness_before) : nlohmann::json()}}},
          {"milliseconds", report.milliseconds}};
}

}  // namespace creditscore::app
