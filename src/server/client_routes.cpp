// Clients: GET /api/v1/clients (paged, searched by id prefix), /api/v1/clients/{id} (what the
// client told us, with labels, a history summary and the score), .../score, .../explanation and
// .../similar.
#include "app/client_views.h"
#include "features/category_labels.h"
#include "server/json_views.h"
#include "server/routes.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

json target_json(std::optional<int> target) {
  return target ? json(*target) : json(nullptr);
}

json target_json(std::int8_t target) {
  return target == store::kUnknownTarget ? json(nullptr) : json(target);
}

}  // namespace

void add_client_routes(Router& router, app::Service& service) {
  router.get("/api/v1/clients", [&service](const Request& request) {
    const auto offset = static_cast<std::size_t>(request.query_integer("offset", 0, 0, INT32_MAX));
    const auto limit = static_cast<std::size_t>(request.query_integer("limit", 20, 1, 200));
    const app::ClientListing listing =
        app::list_clients(service, offset, limit, request.query("q").value_or(""));
    json clients = json::array();
    for (std::size_t k = 0; k < listing.page.rows.size(); ++k) {
      const store::ClientRow& row = listing.page.rows[k];
      const double probability = listing.probabilities[k];
      clients.push_back(
          {{"id", row.id},
           {"split", store::split_name(row.split)},
           {"target", target_json(row.target)},
           {"probability", number_or_null(probability)},
           {"decision", std::isnan(probability)
                            ? json(nullptr)
                            : json(model::decision_name(probability, listing.model->threshold()))},
           {"amt_credit", row.amt_credit ? json(*row.amt_credit) : json(nullptr)},
           {"amt_income_total", row.amt_income_total ? json(*row.amt_income_total) : json(nullptr)},
           {"name_contract_type", row.name_contract_type},
           {"name_contract_type_fr", features::category_label(row.name_contract_type).fr},
           {"name_contract_type_en", features::category_label(row.name_contract_type).en}});
    }
    return Reply({{"total", listing.page.total},
                  {"offset", offset},
                  {"limit", limit},
                  {"clients", clients}});
  });

  router.get("/api/v1/clients/{id}", [&service](const Request& request) {
    const app::ClientFile file = app::client_file(service, request.path_integer("id", "client id"));
    return Reply(
        json{{"id", file.client.id},
             {"split", store::split_name(file.client.split)},
             {"target", target_json(file.client.target)},
             {"application", application_fields_json(json::parse(file.client.application))},
             {"summary", json::parse(file.client.summary)},
             {"score", score_json(*file.model, file.probability)}});
  });

  router.get("/api/v1/clients/{id}/score", [&service](const Request& request) {
    const std::int64_t id = request.path_integer("id", "client id");
    const app::ClientScore score = app::client_score(service, id);
    json body = score_json(*score.model, score.probability);
    body["id"] = id;
    return Reply(body);
  });

  router.get("/api/v1/clients/{id}/explanation", [&service](const Request& request) {
    const std::int64_t id = request.path_integer("id", "client id");
    const auto top = static_cast<std::size_t>(request.query_integer("top", 15, 1, 1000));
    const auto reasons = static_cast<std::size_t>(request.query_integer("reasons", 5, 1, 50));
    const app::ClientExplained client = app::client_explanation(service, id, reasons);
    json body = explanation_json(*client.model, client.features, client.explanation, top);
    body["id"] = id;
    return Reply(body);
  });

  router.get("/api/v1/clients/{id}/similar", [&service](const Request& request) {
    const std::int64_t id = request.path_integer("id", "client id");
    const auto k = static_cast<std::size_t>(request.query_integer("k", 10, 1, 500));
    const auto count = static_cast<std::size_t>(request.query_integer("features", 20, 1, 100));
    const app::SimilarClients similar = app::similar_clients(service, id, k, count);
    json features = json::array();
    for (std::size_t f : similar.features) features.push_back(feature_json(*similar.model, f));
    json neighbours = json::array();
    std::size_t known = 0, defaulted = 0;
    for (const app::SimilarClient& n : similar.clients) {
      known += n.target != store::kUnknownTarget ? 1 : 0;
      defaulted += n.target == 1 ? 1 : 0;
      neighbours.push_back({{"id", n.id},
                            {"distance", n.distance},
                            {"probability", number_or_null(n.probability)},
                            {"split", store::split_name(n.split)},
                            {"target", target_json(n.target)}});
    }
    return Reply(json{
        {"id", id},
        {"features", features},
        {"clients", neighbours},
        {"known_outcomes", known},
        {"default_rate", known ? json(static_cast<double>(defaulted) / static_cast<double>(known))
                               : json(nullptr)}});
  });
}

}  // namespace creditscore::server
