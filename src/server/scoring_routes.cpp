// Scoring what the API is sent: POST /api/v1/score (an application with optional history rows,
// scored and explained, saved nowhere), POST /api/v1/clients/{id}/what-if (a stored client with
// some fields changed, beside its current score) and POST /api/v1/applications (a new
// application, saved in the store and the clients in memory, so that it survives a restart).
#include "server/idempotency.h"
#include "server/json_views.h"
#include "server/routes.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

json explained(const app::ExplainedClient& client, std::size_t top) {
  json body = explanation_json(*client.model, client.client.features, client.explanation, top);
  body["warnings"] = client.client.warnings;
  return body;
}

std::size_t top_of(const Request& request) {
  return static_cast<std::size_t>(request.query_integer("top", 15, 1, 1000));
}

}  // namespace

void add_scoring_routes(Router& router, app::Admission& admission) {
  router.post("/api/v1/score", [&admission](const Request& request) {
    return Reply(explained(admission.score(request.json_body()), top_of(request)));
  });

  router.post("/api/v1/clients/{id}/what-if", [&admission](const Request& request) {
    const std::int64_t id = request.path_integer("id", "client id");
    const json body = request.json_body();
    if (!body.is_object() || !body.contains("changes")) {
      throw invalid_input("expected {\"changes\": {FIELD: value, ...}}");
    }
    const app::WhatIf what_if = admission.what_if(id, body["changes"]);
    return Reply(json{{"id", id},
                      {"changes", what_if.changes},
                      {"current", explained(what_if.current, top_of(request))},
                      {"edited", explained(what_if.edited, top_of(request))}});
  });

  router.post("/api/v1/applications", [&admission](const Request& request) {
    const auto key = idempotency_key(request, "POST /api/v1/applications");
    const app::Admitted admitted = admission.admit(request.json_body(), key ? &*key : nullptr);
    json answer = explained(admitted.explained, top_of(request));
    answer["id"] = admitted.id;
    Reply reply = Reply::created(answer);
    reply.client_id = admitted.id;
    return admitted.replayed ? replayed(std::move(reply)) : reply;
  });
}

}  // namespace creditscore::server
