// For operators and tools: GET /healthz (the process answers), /readyz (a model and the clients
// are loaded), /metrics (Prometheus text) and /openapi.json.
#include "server/openapi.h"
#include "server/routes.h"

namespace creditscore::server {

void add_operations_routes(Router& router, app::Service& service, Metrics& metrics) {
  router.get("/healthz", [](const Request&) { return Reply(nlohmann::json{{"status", "ok"}}); });
  router.get("/readyz", [&service](const Request&) {
    return Reply(nlohmann::json{{"status", "ready"},
                                {"model", service.model()->bundle().run_id},
                                {"clients", service.population().size()}});
  });
  router.get("/metrics", [&service, &metrics](const Request&) {
    return Reply::of_type(metrics.text() + Metrics::cache_text(service.explanations().counts()),
                          "text/plain; version=0.0.4");
  });
  router.get("/openapi.json", [](const Request&) { return Reply(openapi_document()); });
}

}  // namespace creditscore::server
