// What an advisor reads of the clients: the list searched by id, one client's file (application,
// history summary, score), the score alone, the explanation, and the most similar clients. Every
// answer carries the model it was computed with, so that a promotion never mixes two.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/explanation_cache.h"
#include "app/service.h"

namespace creditscore::app {

struct ClientListing {
  std::shared_ptr<const explain::ServedModel> model;
  store::ClientPage page;
  std::vector<double> probabilities;  // the live ones, one per row of the page; NaN when unscored
};

struct ClientFile {
  std::shared_ptr<const explain::ServedModel> model;
  store::StoredClient client;
  double probability;
};

struct ClientScore {
  std::shared_ptr<const explain::ServedModel> model;
  double probability;
};

struct ClientExplained {
  std::shared_ptr<const explain::ServedModel> model;
  std::vector<float> features;
  explain::ClientExplanation explanation;
};

// A stored client's exact SHAP values (per feature, then the base value) and probability.
struct ClientShap {
  std::shared_ptr<const explain::ServedModel> model;
  ExplanationCache::Explanation shap;
};

struct SimilarClient {
  std::int64_t id;
  double distance;
  double probability;
  store::ClientSplit split;
  std::int8_t target;  // 0, 1 or store::kUnknownTarget
};

struct SimilarClients {
  std::shared_ptr<const explain::ServedModel> model;
  std::vector<std::size_t> features;   // the important features they are near on
  std::vector<SimilarClient> clients;  // nearest first
};

// `query` holds the digits the ids start with (invalid_input otherwise).
ClientListing list_clients(Service& service, std::size_t offset, std::size_t limit,
                           const std::string& query);
// Each of these throws a not_found Error when there is no client `id`.
ClientFile client_file(Service& service, std::int64_t id);
ClientScore client_score(const Service& service, std::int64_t id);
ClientShap client_shap(Service& service, std::int64_t id);
ClientExplained client_explanation(Service& service, std::int64_t id, std::size_t reasons);
// The `k` nearest clients on the model's `feature_count` most important features.
SimilarClients similar_clients(const Service& service, std::int64_t id, std::size_t k,
                               std::size_t feature_count);

// Client `id`'s feature vector (not_found when there is none).
std::vector<float> stored_features(const Service& service, std::int64_t id);

}  // namespace creditscore::app
