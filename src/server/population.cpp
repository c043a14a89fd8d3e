#include "server/population.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace creditscore::server {

Population::Population(store::StoredMatrix clients, const std::string& scored_by,
                       const explain::ServedModel& model)
    : clients_(std::move(clients)) {
  check_features(clients_, model);
  const bool scored = std::none_of(clients_.probabilities.begin(), clients_.probabilities.end(),
                                   [](double p) { return std::isnan(p); });
  if (!scored || scored_by != model.bundle().run_id) rescore(model);
}

void Population::check_features(const store::StoredMatrix& clients,
                                const explain::ServedModel& model) {
  if (clients.names != model.bundle().feature_names) {
    throw std::invalid_argument(
        "the client store holds " + std::to_string(clients.cols()) + " features, model " +
        model.bundle().run_id + " reads " + std::to_string(model.num_features()) +
        " others: rebuild the store with this model (creditscore store build)");
  }
}

std::optional<std::size_t> Population::row_of(const store::StoredMatrix& clients, std::int64_t id) {
  const auto found = std::lower_bound(clients.ids.begin(), clients.ids.end(), id);
  if (found == clients.ids.end() || *found != id) return std::nullopt;
  return static_cast<std::size_t>(found - clients.ids.begin());
}

std::optional<std::vector<float>> Population::features(std::int64_t id) const {
  const std::shared_lock hold(lock_);
  const auto row = row_of(clients_, id);
  if (!row) return std::nullopt;
  const auto values = clients_.row(*row);
  return std::vector<float>(values.begin(), values.end());
}

std::size_t Population::size() const {
  const std::shared_lock hold(lock_);
  return clients_.rows();
}

std::int64_t Population::next_id() const {
  const std::shared_lock hold(lock_);
  return clients_.ids.empty() ? 1 : clients_.ids.back() + 1;
}

void Population::add(std::int64_t id, store::ClientSplit split, std::span<const float> features,
                     double probability) {
  const std::unique_lock hold(lock_);
  if (features.size() != clients_.cols() || (!clients_.ids.empty() && id <= clients_.ids.back())) {
    throw std::invalid_argument("new client " + std::to_string(id) + ": " +
                                std::to_string(features.size()) + " features for " +
                                std::to_string(clients_.cols()) + ", or an id already taken");
  }
  clients_.ids.push_back(id);
  clients_.splits.push_back(split);
  clients_.targets.push_back(store::kUnknownTarget);
  clients_.probabilities.push_back(probability);
  clients_.values.insert(clients_.values.end(), features.begin(), features.end());
}

void Population::rescore(const explain::ServedModel& model) {
  const std::unique_lock hold(lock_);
  check_features(clients_, model);
  clients_.probabilities.resize(clients_.rows());
  const std::size_t workers = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> threads;
  for (std::size_t w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      for (std::size_t r = w; r < clients_.rows(); r += workers)
        clients_.probabilities[r] = model.probability(clients_.row(r));
    });
  }
  for (std::thread& thread : threads) thread.join();
}

}  // namespace creditscore::server
