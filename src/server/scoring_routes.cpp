// Scoring what the API is sent: POST /api/v1/score (an application with optional history rows,
// scored and explained, saved nowhere), POST /api/v1/clients/{id}/what-if (a stored client with
// some fields changed, beside its current score) and POST /api/v1/applications (a new
// application, saved in the store and the clients in memory, so that it survives a restart).
#include <chrono>
#include <ctime>

#include "server/api_error.h"
#include "server/client_features.h"
#include "server/json_views.h"
#include "server/posted_client.h"
#include "server/routes.h"
#include "store/application_json.h"
#include "store/history_summary.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

json explained(const explain::ServedModel& model, const BuiltClient& client, std::size_t top) {
  json body = explanation_json(model, client.features, model.explain(client.features), top);
  body["warnings"] = client.warnings;
  return body;
}

std::size_t top_of(const Request& request) {
  return static_cast<std::size_t>(request.query_integer("top", 15, 1, 1000));
}

}  // namespace

void add_scoring_routes(Router& router, Service& service) {
  router.post("/api/v1/score", [&service](const Request& request) {
    const json body = request.json_body();
    const auto model = service.model();
    const tables::Dataset client = posted_client(body, service.population().next_id());
    return Reply(explained(*model, build_client(*model, client), top_of(request)));
  });

  router.post("/api/v1/clients/{id}/what-if", [&service](const Request& request) {
    const std::int64_t id = request.path_integer(0, "client id");
    const json body = request.json_body();
    if (!body.is_object() || !body.contains("changes")) {
      throw ApiError(422, "expected {\"changes\": {FIELD: value, ...}}");
    }
    const auto stored = service.with_store([&](store::ClientStore& s) { return s.find(id); });
    const auto row = service.population().features(id);
    if (!stored || !row) throw ApiError(404, "no client " + std::to_string(id));
    const auto model = service.model();
    const BuiltClient current{*row, {}};
    const BuiltClient edited =
        build_edited_client(*model, json::parse(stored->application), body["changes"], id, *row);
    return Reply(nlohmann::json{{"id", id},
                                {"changes", body["changes"]},
                                {"current", explained(*model, current, top_of(request))},
                                {"edited", explained(*model, edited, top_of(request))}});
  });

  router.post("/api/v1/applications", [&service](const Request& request) {
    const json body = request.json_body();
    const auto model = service.model();
    const std::lock_guard hold(service.admission());  // ids are given in order
    const std::int64_t id = service.population().next_id();
    const tables::Dataset client = posted_client(body, id);
    const BuiltClient built = build_client(*model, client);
    const double probability = model->probability(built.features);
    store::StoredClient stored;
    stored.id = id;
    stored.split = store::ClientSplit::New;
    stored.application = store::application_json(client.application_test, 0);
    stored.summary = store::HistorySummary(model->bundle().feature_names)(built.features).dump();
    stored.features = built.features;
    stored.probability = probability;
    stored.run_id = model->bundle().run_id;
    service.with_store([&](store::ClientStore& s) { s.put(std::span(&stored, 1)); });
    service.population().add(id, store::ClientSplit::New, built.features, probability);
    json answer = explained(*model, built, top_of(request));
    answer["id"] = id;
    return Reply::created(answer);
  });
}

}  // namespace creditscore::server
