#include "app/client_features.h"

#include "app/posted_client.h"
#include "app/table_coverage.h"
#include "common/error.h"

namespace creditscore::app {

BuiltClient build_client(const explain::ServedModel& model, const tables::Dataset& client) {
  features::BuildReport report;
  features::FeatureMatrix matrix = model.build_features(client.application_test, client, &report);
  BuiltClient built{std::move(matrix.values), {}};
  for (const auto& [column, rows] : report.unseen_categories) {
    built.warnings.push_back(column + ": a value training never saw (" + std::to_string(rows) +
                             " row" + (rows > 1 ? "s" : "") + "), counted as \"other\"");
  }
  for (const auto& [table, rows] : report.ignored_history_rows) {
    built.warnings.push_back(table + ": " + std::to_string(rows) +
                             " row(s) of another client, ignored");
  }
  for (std::string& warning : coverage_warnings(model.bundle().learned_from, client)) {
    built.warnings.push_back(std::move(warning));
  }
  return built;
}

BuiltClient build_edited_client(const explain::ServedModel& model,
                                const nlohmann::json& application, const nlohmann::json& changes,
                                std::int64_t id, std::span<const float> stored) {
  if (!changes.is_object()) throw invalid_input("changes: expected an object of fields");
  nlohmann::json edited = application;
  edited.erase("SK_ID_CURR");
  edited.erase("TARGET");
  for (const auto& [field, value] : changes.items()) edited[field] = value;
  tables::Dataset client = posted_client({{"application", edited}}, id);
  client.absent.clear();  // its history is the stored one, whose features are copied below
  BuiltClient built = build_client(model, client);
  const auto& features = model.catalog().features();
  for (std::size_t f = 0; f < features.size(); ++f) {
    const bool from_application = features[f].table == tables::TableId::ApplicationTrain ||
                                  features[f].table == tables::TableId::ApplicationTest;
    if (!from_application) built.features[f] = stored[f];
  }
  return built;
}

}  // namespace creditscore::app
