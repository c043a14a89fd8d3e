// For operators and tools: GET /healthz (the process answers), /readyz (a model and the clients
// are loaded), /metrics (Prometheus text, with the monitor's gauges) and /openapi.json.
#include <memory>

#include "server/monitoring_gauges.h"
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
  auto gauges = std::make_shared<MonitoringGauges>();
  router.get("/metrics", [&service, &metrics, gauges](const Request&) {
    return Reply::of_type(metrics.text() + Metrics::cache_text(service.explanations().counts()) +
                              gauges->text(service),
                          "text/plain; version=0.0.4");
  });
  router.get("/openapi.json", [](const Request&) { return Reply(openapi_document()); });
}

}  // namespace creditscore::server
