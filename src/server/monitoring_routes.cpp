// The model watched in production (app/drift_monitor.h): GET /api/v1/monitoring, the same
// document as `creditscore monitor --json`, for the analysts who answer for the model; and
// POST /api/v1/clients/{id}/outcome, a past application's outcome as it arrives.
#include "app/drift_monitor.h"
#include "app/outcomes.h"
#include "common/error.h"
#include "server/routes.h"

namespace creditscore::server {

void add_monitoring_routes(Router& router, app::Service& service) {
  router.get("/api/v1/monitoring", [&service](const Request& request) {
    app::MonitoringWindow window;
    window.since = request.query("since");
    window.until = request.query("until");
    if (request.query("last"))
      window.last = static_cast<std::size_t>(request.query_integer("last", 0, 1, 100'000'000));
    app::MonitoringSettings settings;
    const std::string flag_by = request.query("flag_by").value_or("test");
    if (flag_by != "test" && flag_by != "psi")
      throw invalid_input("flag_by=\"" + flag_by + "\": say test or psi");
    settings.drift.flag_by_psi = flag_by == "psi";
    return Reply(app::to_json(app::monitor_drift(service, window, settings)));
  });

  router.post("/api/v1/clients/{id}/outcome", [&service](const Request& request) {
    const std::int64_t id = request.path_integer("id", "client id");
    const int target = app::outcome_from_json(request.json_body());
    const store::Outcome outcome{id, target};
    app::record_outcomes(service, {&outcome, 1});
    return Reply(nlohmann::json{{"id", id}, {"outcome", app::outcome_name(target)}});
  });
}

}  // namespace creditscore::server
