// Comparing a client with others: GET /api/v1/features (the catalogue, for pickers),
// /api/v1/features/{name}/distribution (a group's distribution by outcome, the client's value
// marked) and /api/v1/bivariate (two features over a group, coloured by score). Groups: all
// clients, the client's nearest neighbours, or those matching `where` filters.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "server/api_error.h"
#include "server/client_filter.h"
#include "server/feature_histogram.h"
#include "server/json_views.h"
#include "server/routes.h"
#include "server/similar_clients.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

std::size_t feature_index(const explain::ServedModel& model, const std::string& name) {
  const auto index = model.catalog().index_of(name);
  if (!index) throw ApiError(404, "no feature " + name + " (see /api/v1/features)");
  return *index;
}

json counts_json(const OutcomeCounts& c) {
  return {{"repaid", c.repaid}, {"defaulted", c.defaulted}, {"unknown", c.unknown}};
}

// The client asked about, when there is one: id and feature vector.
std::optional<std::pair<std::int64_t, std::vector<float>>> asked_client(const Request& request,
                                                                        const Service& service) {
  if (!request.query("client")) return std::nullopt;
  const std::int64_t id = request.query_integer("client", 0, INT64_MIN, INT64_MAX);
  auto row = service.population().features(id);
  if (!row) throw ApiError(404, "no client " + std::to_string(id));
  return std::make_pair(id, std::move(*row));
}

// The rows of the group the request names: group=all (default), similar (needs client=) or
// filtered (by its where= conditions).
std::vector<std::size_t> group_rows(
    const Request& request, const explain::ServedModel& model, const store::StoredMatrix& clients,
    const std::optional<std::pair<std::int64_t, std::vector<float>>>& client) {
  const std::string group = request.query("group").value_or("all");
  std::vector<FeatureCondition> conditions;
  for (const std::string& text : request.query_all("where"))
    conditions.push_back(parse_condition(text, clients.names));
  if (group == "all" || group == "filtered") {
    if (group == "filtered" && conditions.empty()) {
      throw ApiError(422, "group=filtered needs at least one where=FEATURE:min:max");
    }
    return filter_rows(clients, conditions);
  }
  if (group == "similar") {
    if (!client) throw ApiError(422, "group=similar needs client=ID");
    const auto k = static_cast<std::size_t>(request.query_integer("k", 200, 1, 5000));
    std::vector<std::size_t> rows;
    for (const Neighbour& n :
         nearest_clients(clients, client->second, model.important_features(20), k, client->first))
      rows.push_back(n.row);
    std::sort(rows.begin(), rows.end());
    return rows;
  }
  throw ApiError(422, "group=" + group + ": expected all, similar or filtered");
}

}  // namespace

void add_comparison_routes(Router& router, Service& service) {
  router.get("/api/v1/features", [&service](const Request&) {
    const auto model = service.model();
    std::vector<std::size_t> rank(model->num_features(), model->num_features());
    const std::vector<std::size_t> important = model->important_features(model->num_features());
    for (std::size_t k = 0; k < important.size(); ++k) rank[important[k]] = k + 1;
    json features = json::array();
    for (std::size_t f = 0; f < model->num_features(); ++f) {
      const features::FeatureInfo& info = model->catalog().features()[f];
      json item = feature_json(*model, f);
      item["table"] = tables::schema_of(info.table).file_name;
      item["description"] = info.description;
      item["discrete"] = model->bundle().reference[f].discrete;
      item["importance_rank"] = rank[f];
      features.push_back(std::move(item));
    }
    return Reply(json{{"features", features}});
  });

  router.get("/api/v1/features/{name}/distribution", [&service](const Request& request) {
    const auto model = service.model();
    const std::size_t feature = feature_index(*model, request.path(0));
    const auto client = asked_client(request, service);
    const model::FeatureDistribution& reference = model->bundle().reference[feature];
    return Reply(service.population().read([&](const store::StoredMatrix& clients) {
      const std::vector<std::size_t> rows = group_rows(request, *model, clients, client);
      const FeatureHistogram histogram = feature_histogram(clients, rows, feature, reference);
      json bins = json::array();
      for (std::size_t b = 0; b < histogram.bins.size(); ++b) {
        json bin = counts_json(histogram.bins[b]);
        if (reference.discrete) {
          bin["value"] = reference.values_or_edges[b];
        } else {
          bin["from"] = reference.values_or_edges[b];
          bin["to"] = reference.values_or_edges[b + 1];
        }
        bins.push_back(std::move(bin));
      }
      json body = feature_json(*model, feature);
      body["group"] = request.query("group").value_or("all");
      body["size"] = rows.size();
      body["discrete"] = reference.discrete;
      body["bins"] = std::move(bins);
      body["missing"] = counts_json(histogram.missing);
      body["elsewhere"] = counts_json(histogram.elsewhere);
      if (client) {
        const float value = client->second[feature];
        const auto bin = model::bin_of(reference, value);
        body["client"] = {{"id", client->first},
                          {"value", number_or_null(value)},
                          {"bin", bin ? json(*bin) : json(nullptr)},
                          {"percentile", number_or_null(model::percentile_rank(reference, value))}};
      }
      return body;
    }));
  });

  router.get("/api/v1/bivariate", [&service](const Request& request) {
    const auto model = service.model();
    const auto x_name = request.query("x"), y_name = request.query("y");
    if (!x_name || !y_name) throw ApiError(400, "give both features: x=NAME&y=NAME");
    const std::size_t x = feature_index(*model, *x_name), y = feature_index(*model, *y_name);
    const auto limit = static_cast<std::size_t>(request.query_integer("limit", 2000, 1, 20000));
    const auto client = asked_client(request, service);
    return Reply(service.population().read([&](const store::StoredMatrix& clients) {
      std::vector<std::size_t> rows = group_rows(request, *model, clients, client);
      rows.erase(std::remove_if(rows.begin(), rows.end(),
                                [&](std::size_t r) {
                                  return std::isnan(clients.values[r * clients.cols() + x]) ||
                                         std::isnan(clients.values[r * clients.cols() + y]);
                                }),
                 rows.end());
      const std::size_t stride = std::max<std::size_t>(1, (rows.size() + limit - 1) / limit);
      json points = json::array();
      for (std::size_t i = 0; i < rows.size(); i += stride) {
        const std::size_t r = rows[i];
        const std::int8_t target = clients.targets[r];
        points.push_back({clients.values[r * clients.cols() + x],
                          clients.values[r * clients.cols() + y],
                          number_or_null(clients.probabilities[r]),
                          target == store::kUnknownTarget ? json(nullptr) : json(target)});
      }
      json body = {{"x", feature_json(*model, x)},
                   {"y", feature_json(*model, y)},
                   {"group", request.query("group").value_or("all")},
                   {"with_both_values", rows.size()},
                   {"columns", {"x", "y", "probability", "target"}},
                   {"points", points}};
      if (client) {
        body["client"] = {{"id", client->first},
                          {"x", number_or_null(client->second[x])},
                          {"y", number_or_null(client->second[y])},
                          {"probability", model->probability(client->second)}};
      }
      return body;
    }));
  });
}

}  // namespace creditscore::server
