#include "app/client_export.h"

#include <algorithm>
#include <cmath>

#include "app/decisions.h"
#include "common/error.h"
#include "store/application_json.h"
#include "store/audit_trail.h"
#include "tables/client_slicer.h"

namespace creditscore::app {
namespace {

using nlohmann::json;

json number_or_null(double value) {
  return std::isfinite(value) ? json(value) : json(nullptr);
}

// Every access to the client's file, oldest first, page by page.
json accesses(const std::filesystem::path& store, std::int64_t id) {
  store::AuditTrail trail(store);
  store::AuditQuery query;
  query.client_id = id;
  query.limit = 500;
  json records = json::array();
  for (;;) {
    const std::vector<store::AuditRecord> page = trail.find(query);
    for (const store::AuditRecord& record : page) records.push_back(store::to_json(record));
    if (page.size() < query.limit) break;
    query.offset += page.size();
  }
  std::reverse(records.begin(), records.end());
  return records;
}

// The client's rows of each history table: as posted with the application, or read from the data
// set the store was built from (the store keeps only their summary and the features built from
// them).
json history_rows(const store::StoredClient& client, const std::filesystem::path& data) {
  if (!client.posted_history.empty())
    return {{"source", "posted with the application"},
            {"tables", json::parse(client.posted_history)}};
  json history = {{"source", data.string()}};
  if (!std::filesystem::is_directory(data)) {
    history["tables"] = nullptr;
    history["note"] = "the data set the store was built from is no longer at " + data.string();
    return history;
  }
  const tables::Dataset dataset = tables::read_dataset(data);
  history["tables"] =
      json::parse(store::history_json(tables::ClientSlicer(dataset).slice(client.id)));
  return history;
}

}  // namespace

nlohmann::json client_export(Service& service, std::int64_t id) {
  const auto client = service.with_store([&](store::ClientStore& s) { return s.find(id); });
  if (!client) throw not_found("no client " + std::to_string(id));
  const auto model = service.model();
  const std::filesystem::path file =
      service.with_store([](store::ClientStore& s) { return s.location(); });

  json features = json::array();
  const auto& infos = model->catalog().features();
  for (std::size_t f = 0; f < infos.size() && f < client->features.size(); ++f) {
    features.push_back({{"name", infos[f].name},
                        {"source", tables::schema_of(infos[f].table).file_name},
                        {"label_fr", infos[f].label.fr},
                        {"label_en", infos[f].label.en},
                        {"value", number_or_null(client->features[f])}});
  }
  json decisions = json::array();
  for (const store::Decision& d : decision_history(service, id))
    decisions.push_back(store::to_json(d));

  json document;
  document["client_id"] = id;
  document["exported_at"] = store::audit_time_now();
  document["controller"] = "Prêt à dépenser";
  document["split"] = store::split_name(client->split);
  document["outcome"] = client->target ? json(*client->target) : json(nullptr);
  document["application"] = json::parse(client->application);
  document["history_summary"] = json::parse(client->summary);
  document["history_rows"] = history_rows(
      *client, service.with_store([](store::ClientStore& s) { return s.meta().data_directory; }));
  document["features"] = std::move(features);
  document["scores"] = json::array(
      {{{"kind", "stored"},
        {"run_id", client->run_id},
        {"at", client->updated_at},
        {"probability", client->probability ? json(*client->probability) : json(nullptr)}},
       {{"kind", "live"},
        {"run_id", model->bundle().run_id},
        {"at", document["exported_at"]},
        {"probability", number_or_null(model->probability(client->features))}}});
  document["decisions"] = std::move(decisions);
  document["accesses"] = accesses(file, id);
  return document;
}

}  // namespace creditscore::app
