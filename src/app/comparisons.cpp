#include "app/comparisons.h"

#include <algorithm>
#include <cmath>

#include "app/client_filter.h"
#include "app/client_views.h"
#include "app/similar_clients.h"
#include "common/error.h"

namespace creditscore::app {
namespace {

using AskedClient = std::optional<std::pair<std::int64_t, std::vector<float>>>;

AskedClient asked_client(const Service& service, const GroupQuery& query) {
  if (!query.client) return std::nullopt;
  return std::make_pair(*query.client, stored_features(service, *query.client));
}

// The rows of the group the query names.
std::vector<std::size_t> group_rows(const GroupQuery& query, const explain::ServedModel& model,
                                    const store::StoredMatrix& clients, const AskedClient& client) {
  std::vector<FeatureCondition> conditions;
  for (const std::string& text : query.where)
    conditions.push_back(parse_condition(text, clients.names));
  if (query.group == "all" || query.group == "filtered") {
    if (query.group == "filtered" && conditions.empty()) {
      throw invalid_input("group=filtered needs at least one where=FEATURE:min:max");
    }
    return filter_rows(clients, conditions);
  }
  if (query.group == "similar") {
    if (!client) throw invalid_input("group=similar needs client=ID");
    std::vector<std::size_t> rows;
    for (const Neighbour& n : nearest_clients(clients, client->second, model.important_features(20),
                                              query.similar, client->first))
      rows.push_back(n.row);
    std::sort(rows.begin(), rows.end());
    return rows;
  }
  throw invalid_input("group=" + query.group + ": expected all, similar or filtered");
}

}  // namespace

std::size_t feature_index(const explain::ServedModel& model, const std::string& name) {
  const auto index = model.catalog().index_of(name);
  if (!index) throw not_found("no feature " + name + " (see /api/v1/features)");
  return *index;
}

std::vector<std::size_t> importance_ranks(const explain::ServedModel& model) {
  std::vector<std::size_t> rank(model.num_features(), model.num_features());
  const std::vector<std::size_t> important = model.important_features(model.num_features());
  for (std::size_t k = 0; k < important.size(); ++k) rank[important[k]] = k + 1;
  return rank;
}

Distribution feature_distribution(const Service& service, const std::string& name,
                                  const GroupQuery& query) {
  Distribution result{service.model(), 0, 0, {}, std::nullopt};
  const explain::ServedModel& model = *result.model;
  result.feature = feature_index(model, name);
  const AskedClient client = asked_client(service, query);
  const model::FeatureDistribution& reference = model.bundle().reference[result.feature];
  service.population().read([&](const store::StoredMatrix& clients) {
    const std::vector<std::size_t> rows = group_rows(query, model, clients, client);
    result.size = rows.size();
    result.histogram = feature_histogram(clients, rows, result.feature, reference);
  });
  if (client) {
    const float value = client->second[result.feature];
    result.client = MarkedValue{client->first, value, model::bin_of(reference, value),
                                model::percentile_rank(reference, value)};
  }
  return result;
}

Bivariate bivariate(const Service& service, const std::string& x_name, const std::string& y_name,
                    const GroupQuery& query, std::size_t limit) {
  Bivariate result{service.model(), 0, 0, 0, {}, std::nullopt};
  const explain::ServedModel& model = *result.model;
  const std::size_t x = result.x = feature_index(model, x_name);
  const std::size_t y = result.y = feature_index(model, y_name);
  const AskedClient client = asked_client(service, query);
  service.population().read([&](const store::StoredMatrix& clients) {
    auto value = [&](std::size_t r, std::size_t f) {
      return clients.values[r * clients.cols() + f];
    };
    std::vector<std::size_t> rows = group_rows(query, model, clients, client);
    std::erase_if(
        rows, [&](std::size_t r) { return std::isnan(value(r, x)) || std::isnan(value(r, y)); });
    result.with_both_values = rows.size();
    const std::size_t stride = std::max<std::size_t>(1, (rows.size() + limit - 1) / limit);
    for (std::size_t i = 0; i < rows.size(); i += stride) {
      const std::size_t r = rows[i];
      result.points.push_back(
          {value(r, x), value(r, y), clients.probabilities[r], clients.targets[r]});
    }
  });
  if (client) {
    result.client = Bivariate::Client{client->first, client->second[x], client->second[y],
                                      model.probability(client->second)};
  }
  return result;
}

}  // namespace creditscore::app
