#include "app/client_views.h"

#include <algorithm>

#include "app/similar_clients.h"
#include "common/error.h"

namespace creditscore::app {

std::vector<float> stored_features(const Service& service, std::int64_t id) {
  auto row = service.population().features(id);
  if (!row) throw not_found("no client " + std::to_string(id));
  return std::move(*row);
}

ClientListing list_clients(Service& service, std::size_t offset, std::size_t limit,
                           const std::string& query) {
  if (!std::all_of(query.begin(), query.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw invalid_input("q=\"" + query + "\": search clients by the digits of their id");
  }
  ClientListing listing{service.model(), {}, {}};
  listing.page =
      service.with_store([&](store::ClientStore& s) { return s.list(offset, limit, query); });
  for (const store::ClientRow& row : listing.page.rows)
    listing.probabilities.push_back(service.population().probability(row.id));
  return listing;
}

ClientFile client_file(Service& service, std::int64_t id) {
  auto client = service.with_store([&](store::ClientStore& s) { return s.find(id); });
  if (!client) throw not_found("no client " + std::to_string(id));
  const auto model = service.model();
  const double probability = model->probability(stored_features(service, id));
  return {model, std::move(*client), probability};
}

ClientScore client_score(const Service& service, std::int64_t id) {
  const auto model = service.model();
  // Read where the population holds it: ~800 trees not walked again on every request.
  if (const auto held = service.population().probability_under(*model, id)) return {model, *held};
  return {model, model->probability(stored_features(service, id))};
}

ClientShap client_shap(Service& service, std::int64_t id) {
  const auto row = stored_features(service, id);
  auto model = service.model();
  auto shap = service.stored_explanation(model, id, row);
  return {std::move(model), std::move(shap)};
}

ClientExplained client_explanation(Service& service, std::int64_t id, std::size_t reasons) {
  auto row = stored_features(service, id);
  auto model = service.model();
  const auto shap = service.stored_explanation(model, id, row);
  explain::ClientExplanation explanation = model->explain(row, shap->values, reasons);
  return {std::move(model), std::move(row), std::move(explanation)};
}

SimilarClients similar_clients(const Service& service, std::int64_t id, std::size_t k,
                               std::size_t feature_count) {
  const auto row = stored_features(service, id);
  SimilarClients similar{service.model(), {}, {}};
  similar.features = similar.model->important_features(feature_count);
  service.population().read([&](const store::StoredMatrix& m) {
    for (const Neighbour& n : nearest_clients(m, row, similar.features, k, id)) {
      similar.clients.push_back(
          {m.ids[n.row], n.distance, m.probabilities[n.row], m.splits[n.row], m.targets[n.row]});
    }
  });
  return similar;
}

}  // namespace creditscore::app
