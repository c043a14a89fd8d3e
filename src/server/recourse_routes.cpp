// What would change the decision (app/recourse.h): GET /api/v1/clients/{id}/recourse for a stored
// client and POST /api/v1/recourse for an application sent as /api/v1/score takes it.
#include "app/recourse.h"
#include "server/routes.h"

namespace creditscore::server {

void add_recourse_routes(Router& router, app::Service& service) {
  router.get("/api/v1/clients/{id}/recourse", [&service](const Request& request) {
    const std::int64_t id = request.path_integer("id", "client id");
    nlohmann::json answer = app::to_json(app::client_recourse(service, id));
    answer["id"] = id;
    return Reply(std::move(answer));
  });

  router.post("/api/v1/recourse", [&service](const Request& request) {
    nlohmann::json answer = app::to_json(app::posted_recourse(service, request.json_body()));
    answer["id"] = nullptr;
    return Reply(std::move(answer));
  });
}

}  // namespace creditscore::server
