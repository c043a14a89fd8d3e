#include "app/population.h"

#include <algorithm>
#include <cmath>
#include <mutex>

#include "common/error.h"
#include "common/parallel.h"

namespace creditscore::app {

Population::Population(store::StoredMatrix clients, const std::string& scored_by,
                       std::shared_ptr<const explain::ServedModel> model)
    : clients_(std::move(clients)), scored_by_(std::move(model)) {
  check_features(clients_, *scored_by_);
  const bool scored = std::none_of(clients_.probabilities.begin(), clients_.probabilities.end(),
                                   [](double p) { return std::isnan(p); });
  if (!scored || scored_by != scored_by_->bundle().run_id) {
    clients_.probabilities.clear();
    score_rows(clients_, *scored_by_, 0, clients_.probabilities);
  }
}

void Population::check_features(const store::StoredMatrix& clients,
                                const explain::ServedModel& model) {
  if (clients.names != model.bundle().feature_names) {
    throw conflict("the client store holds " + std::to_string(clients.cols()) +
                   " features, model " + model.bundle().run_id + " reads " +
                   std::to_string(model.num_features()) +
                   " others: rebuild the store with this model (creditscore store build)");
  }
}

void Population::score_rows(const store::StoredMatrix& clients, const explain::ServedModel& model,
                            std::size_t from, std::vector<double>& probabilities) {
  probabilities.resize(clients.rows());
  parallel_for(clients.rows() - from, [&](std::size_t k) {
    probabilities[from + k] = model.probability(clients.row(from + k));
  });
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

double Population::probability(std::int64_t id) const {
  const std::shared_lock hold(lock_);
  const auto row = row_of(clients_, id);
  return row ? clients_.probabilities[*row] : std::nan("");
}

std::optional<double> Population::probability_under(const explain::ServedModel& model,
                                                    std::int64_t id) const {
  const std::shared_lock hold(lock_);
  if (scored_by_.get() != &model) return std::nullopt;
  const auto row = row_of(clients_, id);
  return row ? std::optional(clients_.probabilities[*row]) : std::nullopt;
}

std::size_t Population::size() const {
  const std::shared_lock hold(lock_);
  return clients_.rows();
}

std::int64_t Population::next_id() const {
  const std::shared_lock hold(lock_);
  return clients_.ids.empty() ? 1 : clients_.ids.back() + 1;
}

bool Population::insert(std::int64_t id, store::ClientSplit split, std::int8_t target,
                        std::span<const float> features, double probability) {
  const auto at = std::lower_bound(clients_.ids.begin(), clients_.ids.end(), id);
  if (at != clients_.ids.end() && *at == id) return false;
  if (features.size() != clients_.cols()) {
    throw internal_error("client " + std::to_string(id) + ": " + std::to_string(features.size()) +
                         " features for " + std::to_string(clients_.cols()));
  }
  // Nearly always at the end: a new application takes the next number.
  const auto row = at - clients_.ids.begin();
  clients_.ids.insert(at, id);
  clients_.splits.insert(clients_.splits.begin() + row, split);
  clients_.targets.insert(clients_.targets.begin() + row, target);
  clients_.probabilities.insert(clients_.probabilities.begin() + row, probability);
  clients_.values.insert(
      clients_.values.begin() + row * static_cast<std::ptrdiff_t>(clients_.cols()),
      features.begin(), features.end());
  return true;
}

void Population::add(std::int64_t id, store::ClientSplit split, std::span<const float> features,
                     double probability, const std::shared_ptr<const explain::ServedModel>& model) {
  const std::unique_lock hold(lock_);
  insert(id, split, store::kUnknownTarget, features,
         model == scored_by_ ? probability : scored_by_->probability(features));
}

void Population::put(const store::StoredClient& client) {
  const std::unique_lock hold(lock_);
  const std::int8_t target =
      client.target ? static_cast<std::int8_t>(*client.target) : store::kUnknownTarget;
  if (const auto row = row_of(clients_, client.id)) {
    clients_.splits[*row] = client.split;
    clients_.targets[*row] = target;
    return;
  }
  insert(client.id, client.split, target, client.features,
         scored_by_->probability(client.features));
}

void Population::set_outcomes(std::span<const store::Outcome> outcomes) {
  const std::unique_lock hold(lock_);
  for (const store::Outcome& outcome : outcomes) {
    if (const auto row = row_of(clients_, outcome.client_id))
      clients_.targets[*row] = static_cast<std::int8_t>(outcome.target);
  }
}

Population::Scores Population::scores_under(
    std::shared_ptr<const explain::ServedModel> model) const {
  const std::shared_lock hold(lock_);
  check_features(clients_, *model);
  Scores scores{{}, std::move(model)};
  score_rows(clients_, *scores.model, 0, scores.probabilities);
  return scores;
}

void Population::take_scores(Scores scores) {
  const std::unique_lock hold(lock_);
  score_rows(clients_, *scores.model, scores.probabilities.size(), scores.probabilities);
  clients_.probabilities = std::move(scores.probabilities);
  scored_by_ = std::move(scores.model);
}

}  // namespace creditscore::app
