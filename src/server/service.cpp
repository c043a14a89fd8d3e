#include "server/service.h"

namespace creditscore::server {
namespace {

// Opening creates a database; a server must not start on an empty one made by a typo.
const std::filesystem::path& existing(const std::filesystem::path& store) {
  if (!std::filesystem::is_regular_file(store)) {
    throw store::StoreError(store.string() +
                            ": no client store here; build one with `creditscore store build`");
  }
  return store;
}

}  // namespace

Service::Service(const std::filesystem::path& bundle, const std::filesystem::path& store,
                 std::optional<std::filesystem::path> registry, std::size_t cached_explanations)
    : model_(explain::ServedModel::load(bundle)),
      bundle_path_(bundle),
      registry_(std::move(registry)),
      store_(existing(store)),
      explanations_(cached_explanations) {
  population_ = std::make_unique<Population>(store_.load_all(), store_.meta().run_id, *model_);
  metrics_.set_model(model_->bundle().run_id);
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
  population_->rescore(*next);  // throws, changing nothing, when the features differ
  const std::lock_guard hold(model_lock_);
  model_ = std::move(next);
  bundle_path_ = path;
  metrics_.set_model(model_->bundle().run_id);
}

}  // namespace creditscore::server
