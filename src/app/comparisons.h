// How a client compares with others: a feature's distribution over a group of clients by
// outcome, the client's value marked, and two features together over a group. A group is every
// client, the asked client's nearest neighbours, or those matching filters (see client_filter.h).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/feature_histogram.h"
#include "app/service.h"

namespace creditscore::app {

struct GroupQuery {
  std::string group = "all";           // all, similar (needs client) or filtered (needs where)
  std::vector<std::string> where;      // FEATURE:min:max conditions
  std::optional<std::int64_t> client;  // the client to mark; not_found when unknown
  std::size_t similar = 200;           // size of the similar group
};

struct MarkedValue {
  std::int64_t id;
  float value;
  std::optional<std::size_t> bin;
  double percentile;  // among the training clients; NaN when missing
};

struct Distribution {
  std::shared_ptr<const explain::ServedModel> model;
  std::size_t feature;
  std::size_t size;  // clients in the group
  FeatureHistogram histogram;
  std::optional<MarkedValue> client;
};

struct Bivariate {
  struct Point {
    float x, y;
    double probability;
    std::int8_t target;
  };
  struct Client {
    std::int64_t id;
    float x, y;
    double probability;
  };
  std::shared_ptr<const explain::ServedModel> model;
  std::size_t x, y;
  std::size_t with_both_values;  // clients of the group with both features known
  std::vector<Point> points;     // at most the limit asked, evenly taken
  std::optional<Client> client;
};

// The index of feature `name` in the live model (not_found otherwise).
std::size_t feature_index(const explain::ServedModel& model, const std::string& name);

// Each feature's rank by mean |SHAP| (1 = most important), in the model's feature order.
std::vector<std::size_t> importance_ranks(const explain::ServedModel& model);

Distribution feature_distribution(const Service& service, const std::string& feature,
                                  const GroupQuery& group);
Bivariate bivariate(const Service& service, const std::string& x, const std::string& y,
                    const GroupQuery& group, std::size_t limit);

}  // namespace creditscore::app
