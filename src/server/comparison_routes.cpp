// Comparing a client with others: GET /api/v1/features (the catalogue, for pickers),
// /api/v1/features/{name}/distribution (a group's distribution by outcome, the client's value
// marked) and /api/v1/bivariate (two features over a group, coloured by score). Groups: all
// clients, the client's nearest neighbours, or those matching `where` filters.
#include "app/comparisons.h"
#include "server/json_views.h"
#include "server/routes.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

json counts_json(const app::OutcomeCounts& c) {
  return {{"repaid", c.repaid}, {"defaulted", c.defaulted}, {"unknown", c.unknown}};
}

app::GroupQuery group_query(const Request& request) {
  app::GroupQuery query;
  query.group = request.query("group").value_or("all");
  query.where = request.query_all("where");
  if (request.query("client"))
    query.client = request.query_integer("client", 0, INT64_MIN, INT64_MAX);
  query.similar = static_cast<std::size_t>(request.query_integer("k", 200, 1, 5000));
  return query;
}

}  // namespace

void add_comparison_routes(Router& router, app::Service& service) {
  router.get("/api/v1/features", [&service](const Request&) {
    const auto model = service.model();
    const std::vector<std::size_t> rank = app::importance_ranks(*model);
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
    const app::GroupQuery query = group_query(request);
    const app::Distribution d = app::feature_distribution(service, request.path("name"), query);
    const model::FeatureDistribution& reference = d.model->bundle().reference[d.feature];
    json bins = json::array();
    for (std::size_t b = 0; b < d.histogram.bins.size(); ++b) {
      json bin = counts_json(d.histogram.bins[b]);
      if (reference.discrete) {
        bin["value"] = reference.values_or_edges[b];
      } else {
        bin["from"] = reference.values_or_edges[b];
        bin["to"] = reference.values_or_edges[b + 1];
      }
      bins.push_back(std::move(bin));
    }
    json body = feature_json(*d.model, d.feature);
    body["group"] = query.group;
    body["size"] = d.size;
    body["discrete"] = reference.discrete;
    body["bins"] = std::move(bins);
    body["missing"] = counts_json(d.histogram.missing);
    body["elsewhere"] = counts_json(d.histogram.elsewhere);
    if (d.client) {
      body["client"] = {{"id", d.client->id},
                        {"value", number_or_null(d.client->value)},
                        {"bin", d.client->bin ? json(*d.client->bin) : json(nullptr)},
                        {"percentile", number_or_null(d.client->percentile)}};
    }
    return Reply(body);
  });

  router.get("/api/v1/bivariate", [&service](const Request& request) {
    const std::string hint = "give both features: x=NAME&y=NAME";
    const std::string x = request.required_query("x", hint), y = request.required_query("y", hint);
    const auto limit = static_cast<std::size_t>(request.query_integer("limit", 2000, 1, 20000));
    const app::GroupQuery query = group_query(request);
    const app::Bivariate b = app::bivariate(service, x, y, query, limit);
    json points = json::array();
    for (const app::Bivariate::Point& p : b.points) {
      points.push_back({p.x, p.y, number_or_null(p.probability),
                        p.target == store::kUnknownTarget ? json(nullptr) : json(p.target)});
    }
    json body = {{"x", feature_json(*b.model, b.x)},
                 {"y", feature_json(*b.model, b.y)},
                 {"group", query.group},
                 {"with_both_values", b.with_both_values},
                 {"columns", {"x", "y", "probability", "target"}},
                 {"points", points}};
    if (b.client) {
      body["client"] = {{"id", b.client->id},
                        {"x", number_or_null(b.client->x)},
                        {"y", number_or_null(b.client->y)},
                        {"probability", b.client->probability}};
    }
    return Reply(body);
  });
}

}  // namespace creditscore::server
