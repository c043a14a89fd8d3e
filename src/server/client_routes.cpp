// Clients: GET /api/v1/clients (paged, searched by id prefix), /api/v1/clients/{id} (what the
// client told us, with labels, a history summary and the score), .../explanation and .../similar.
#include <algorithm>
#include <cmath>

#include "features/category_labels.h"
#include "features/column_labels.h"
#include "server/api_error.h"
#include "server/json_views.h"
#include "server/routes.h"
#include "server/similar_clients.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

std::vector<float> client_features(const Service& service, std::int64_t id) {
  auto row = service.population().features(id);
  if (!row) throw ApiError(404, "no client " + std::to_string(id));
  return std::move(*row);
}

json target_json(std::optional<int> target) {
  return target ? json(*target) : json(nullptr);
}

}  // namespace

void add_client_routes(Router& router, Service& service) {
  router.get("/api/v1/clients", [&service](const Request& request) {
    const auto offset = static_cast<std::size_t>(request.query_integer("offset", 0, 0, INT32_MAX));
    const auto limit = static_cast<std::size_t>(request.query_integer("limit", 20, 1, 200));
    const std::string query = request.query("q").value_or("");
    if (!std::all_of(query.begin(), query.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      throw ApiError(422, "q=\"" + query + "\": search clients by the digits of their id");
    }
    const store::ClientPage page =
        service.with_store([&](store::ClientStore& s) { return s.list(offset, limit, query); });
    const auto model = service.model();
    json clients = json::array();
    for (const store::ClientRow& row : page.rows) {
      const double probability = service.population().read([&](const store::StoredMatrix& m) {
        const auto found = std::lower_bound(m.ids.begin(), m.ids.end(), row.id);
        return found != m.ids.end() && *found == row.id
                   ? m.probabilities[static_cast<std::size_t>(found - m.ids.begin())]
                   : std::nan("");
      });
      clients.push_back(
          {{"id", row.id},
           {"split", store::split_name(row.split)},
           {"target", target_json(row.target)},
           {"probability", number_or_null(probability)},
           {"decision", std::isnan(probability)             ? json(nullptr)
                        : probability >= model->threshold() ? json("refused")
                                                            : json("granted")},
           {"amt_credit", row.amt_credit ? json(*row.amt_credit) : json(nullptr)},
           {"amt_income_total", row.amt_income_total ? json(*row.amt_income_total) : json(nullptr)},
           {"name_contract_type", row.name_contract_type}});
    }
    return Reply(
        {{"total", page.total}, {"offset", offset}, {"limit", limit}, {"clients", clients}});
  });

  router.get("/api/v1/clients/{id}", [&service](const Request& request) {
    const std::int64_t id = request.path_integer(0, "client id");
    const auto client = service.with_store([&](store::ClientStore& s) { return s.find(id); });
    if (!client) throw ApiError(404, "no client " + std::to_string(id));
    const auto application = json::parse(client->application);
    json fields = json::array();
    for (const auto& [column, value] : application.items()) {
      const features::Label& label =
          features::column_label(tables::TableId::ApplicationTrain, column);
      json field = {
          {"column", column}, {"label_fr", label.fr}, {"label_en", label.en}, {"value", value}};
      if (value.is_string()) {
        const features::Label words = features::category_label(value.get<std::string>());
        field["value_fr"] = words.fr;
        field["value_en"] = words.en;
      }
      fields.push_back(std::move(field));
    }
    const auto model = service.model();
    const auto row = client_features(service, id);
    return Reply(nlohmann::json{{"id", id},
                                {"split", store::split_name(client->split)},
                                {"target", target_json(client->target)},
                                {"application", fields},
                                {"summary", json::parse(client->summary)},
                                {"score", score_json(*model, model->probability(row))}});
  });

  router.get("/api/v1/clients/{id}/score", [&service](const Request& request) {
    const std::int64_t id = request.path_integer(0, "client id");
    const auto row = client_features(service, id);
    const auto model = service.model();
    json body = score_json(*model, model->probability(row));
    body["id"] = id;
    return Reply(body);
  });

  router.get("/api/v1/clients/{id}/explanation", [&service](const Request& request) {
    const std::int64_t id = request.path_integer(0, "client id");
    const auto top = static_cast<std::size_t>(request.query_integer("top", 15, 1, 1000));
    const auto reasons = static_cast<std::size_t>(request.query_integer("reasons", 5, 1, 50));
    const auto row = client_features(service, id);
    const auto model = service.model();
    const auto explained = service.stored_explanation(model, id, row);
    json body =
        explanation_json(*model, row, model->explain(row, explained->values, reasons), top);
    body["id"] = id;
    return Reply(body);
  });

  router.get("/api/v1/clients/{id}/similar", [&service](const Request& request) {
    const std::int64_t id = request.path_integer(0, "client id");
    const auto k = static_cast<std::size_t>(request.query_integer("k", 10, 1, 500));
    const auto count = static_cast<std::size_t>(request.query_integer("features", 20, 1, 100));
    const auto row = client_features(service, id);
    const auto model = service.model();
    const std::vector<std::size_t> on = model->important_features(count);
    json features = json::array();
    for (std::size_t f : on) features.push_back(feature_json(*model, f));
    return Reply(service.population().read([&](const store::StoredMatrix& m) {
      json neighbours = json::array();
      std::size_t known = 0, defaulted = 0;
      for (const Neighbour& n : nearest_clients(m, row, on, k, id)) {
        const std::int8_t target = m.targets[n.row];
        known += target != store::kUnknownTarget ? 1 : 0;
        defaulted += target == 1 ? 1 : 0;
        neighbours.push_back(
            {{"id", m.ids[n.row]},
             {"distance", n.distance},
             {"probability", number_or_null(m.probabilities[n.row])},
             {"split", store::split_name(m.splits[n.row])},
             {"target", target == store::kUnknownTarget ? json(nullptr) : json(target)}});
      }
      return json{
          {"id", id},
          {"features", features},
          {"clients", neighbours},
          {"known_outcomes", known},
          {"default_rate", known ? json(static_cast<double>(defaulted) / static_cast<double>(known))
                                 : json(nullptr)}};
    }));
  });
}

}  // namespace creditscore::server
