#include "app/service.h"

namespace creditscore::app {

Service::Service(const std::filesystem::path& bundle, const std::filesystem::path& store,
                 std::optional<std::filesystem::path> registry, std::size_t cached_explanations)
    : model_(explain::ServedModel::load(bundle)),
      bundle_path_(bundle),
      registry_(std::move(registry)),
      store_(store::require_client_store(store)),
      decisions_(store),
      explanations_(cached_explanations),
      changes_(store) {
  // Listening before loading: a client saved meanwhile is in the load or heard of after it.
  population_ = std::make_unique<Population>(store_.load_all(), store_.meta().run_id, model_);
  changes_.start([this](std::int64_t id) { take_saved_client(id); });
}

void Service::take_saved_client(std::int64_t id) {
  if (const auto client = with_store([&](store::ClientStore& s) { return s.find(id); }))
    population_->put(*client);
}

std::shared_ptr<const explain::ServedModel> Service::model() const {
  const std::lock_guard hold(model_lock_);
  return model_;
}

std::filesystem::path Service::bundle_path() const {
  const std::lock_guard hold(model_lock_);
  return bundle_path_;
}

void Service::switch_model(const std::filesystem::path& path) {
  std::shared_ptr<const explain::ServedModel> next = explain::ServedModel::load(path);
  // Scored aside (throws, changing nothing, when the features differ), then swapped in with the
  // model, so that no request sees the new model's scores beside the old model.
  Population::Scores scores = population_->scores_under(next);
  const std::lock_guard hold(model_lock_);
  population_->take_scores(std::move(scores));
  model_ = std::move(next);
  bundle_path_ = path;
}

}  // namespace creditscore::app
